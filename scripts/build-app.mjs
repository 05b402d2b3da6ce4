// Production build of the three bundles without launching Electron: main and preload as
// CommonJS (as Forge's Vite plugin builds them for `package`), and the renderer. Used by the
// end-to-end tests and the Electron smoke test; `npm run package` does the same through Forge.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, loadConfigFromFile, mergeConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const external = ['electron', 'electron/main', 'electron/common', ...builtinModules.flatMap((m) => [m, `node:${m}`])];
const define = { MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined', MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window') };

async function buildNode(entry, configFile) {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(root, configFile));
  const base = {
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    define,
    resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
    build: {
      outDir: '.vite/build',
      emptyOutDir: false,
      minify: true,
      copyPublicDir: false,
      lib: { entry, formats: ['cjs'], fileName: () => '[name].cjs' },
      rollupOptions: { external },
    },
  };
  await build(mergeConfig(base, loaded?.config ?? {}));
}

await buildNode('src-main/main.ts', 'vite.main.config.ts');
await buildNode('src-main/preload.ts', 'vite.preload.config.ts');
await build({ configFile: path.join(root, 'vite.renderer.config.ts'), logLevel: 'warn', mode: 'production' });
console.log('build: .vite/build/main.cjs, .vite/build/preload.cjs, .vite/renderer/main_window/');
