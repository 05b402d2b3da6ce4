// Bundles the headless CLI (src-main/cli.ts) into one CommonJS file for Node (CommonJS like the main bundle: the CJS libraries inside it call require), with the same Vite
// toolchain as the app: everything inlined except Node's built-ins and the two native modules
// (better-sqlite3, @napi-rs/keyring), which the container installs with `npm ci --omit=dev`.
// Used by deploy/Dockerfile. `node scripts/build-cli.mjs [outDir]` (default dist/cli).
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(root, process.argv[2] ?? 'dist/cli');
const external = ['better-sqlite3', '@napi-rs/keyring', ...builtinModules.flatMap((m) => [m, `node:${m}`])];

await build({
  configFile: false,
  root,
  mode: 'production',
  logLevel: 'warn',
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
  build: {
    outDir,
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    target: 'node22',
    lib: { entry: path.join(root, 'src-main/cli.ts'), formats: ['cjs'], fileName: () => 'sitesync-cli.cjs' },
    rollupOptions: { external },
  },
});
console.log(`build-cli: ${path.relative(root, path.join(outDir, 'sitesync-cli.cjs'))}`);
