import fs from 'node:fs';
import path from 'node:path';

/** The native modules the packaged app needs at run time (Forge's Vite plugin packages only .vite/). */
export const NATIVE_MODULES = ['better-sqlite3', '@napi-rs/keyring'];

/** Folders of a package that are never needed at run time (sources, build inputs). */
const SKIP_DIRS: Record<string, string[]> = {
  'better-sqlite3': ['deps', 'src', 'docs'],
  'node-addon-api': ['doc', 'tools'],
};

/**
 * The packages to copy: the roots plus, transitively, their `dependencies` and those
 * `optionalDependencies` that are installed (the platform binary of @napi-rs/keyring, say).
 */
export function nativeModuleClosure(nodeModulesDir: string, roots: string[] = NATIVE_MODULES): string[] {
  const seen = new Set<string>();
  const visit = (name: string, optional: boolean) => {
    if (seen.has(name)) return;
    const manifest = path.join(nodeModulesDir, name, 'package.json');
    if (!fs.existsSync(manifest)) {
      if (optional) return;
      throw new Error(`Packaging needs ${name}, but it is not installed in ${nodeModulesDir}. Run npm ci.`);
    }
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, true);
  };
  for (const root of roots) visit(root, false);
  return [...seen].sort();
}

/** True when a prebuilt binary file belongs to another platform than the one being packaged. */
export function isForeignPrebuild(relativePath: string, platform: string, arch: string): boolean {
  const match = /^prebuilds\/([^/]+)\.node$/.exec(relativePath.split(path.sep).join('/'));
  if (!match) return false;
  const name = match[1]!;
  return name !== `${platform}-${arch}`;
}

/**
 * Copies the closure into `<buildPath>/node_modules` (Forge's packageAfterCopy hook), leaving out
 * sources and other platforms' prebuilds. Returns the copied package names.
 */
export function copyNativeModules(options: { nodeModulesDir: string; buildPath: string; platform: string; arch: string }): string[] {
  const packages = nativeModuleClosure(options.nodeModulesDir);
  for (const name of packages) {
    const from = path.join(options.nodeModulesDir, name);
    const to = path.join(options.buildPath, 'node_modules', name);
    const skip = new Set(SKIP_DIRS[name] ?? []);
    fs.cpSync(from, to, {
      recursive: true,
      dereference: true,
      filter: (source) => {
        const rel = path.relative(from, source);
        if (rel === '') return true;
        const top = rel.split(path.sep)[0]!;
        if (skip.has(top)) return false;
        return !isForeignPrebuild(rel, options.platform, options.arch);
      },
    });
  }
  return packages;
}
