// Lint config: the style guide's import table as machine-checked zones (../shared/style.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

/** One zone: files matched by `files` may not import anything in `forbidden` (gitignore-style patterns). */
function zone(files, forbidden, message, ignores = []) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
    },
  };
}

/**
 * A zone inside src-main (style.md "Inside src-main (one direction, lowest first)"): files of
 * src-main/`folder` may not import the sibling folders in `forbidden`. ESLint replaces (does not
 * merge) a rule's options per file, so each zone repeats the process-boundary patterns of src-main.
 */
function mainZone(folder, forbidden, message) {
  return {
    files: [`src-main/${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', '**/src-renderer/**'], message: 'Only src-main/app, main.ts and preload.ts may import electron; src-main never imports the renderer.' },
            { regex: `^(\\.{1,2}/)+(${forbidden.join('|')})(/|$)`, message },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: ['node_modules/**', '.vite/**', '.tools/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'test/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'readonly', __dirname: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  zone(
    ['src-shared/**'],
    ['electron', ...NODE_BUILTINS, 'react', 'react-*', 'zustand', '**/src-main/**', '**/src-renderer/**', 'axios', 'better-sqlite3'],
    'src-shared runs anywhere: it may import only src-shared, zod and luxon.',
  ),
  zone(
    ['src-main/**'],
    ['electron', '**/src-renderer/**'],
    'Only src-main/app, main.ts and preload.ts may import electron; src-main never imports the renderer.',
    ['src-main/app/**', 'src-main/main.ts', 'src-main/preload.ts'],
  ),
  zone(['src-main/app/**', 'src-main/main.ts'], ['**/src-renderer/**'], 'The main process never imports the renderer.'),
  {
    files: ['src-main/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./src-shared/ipc/channels$)',
              message: 'The preload imports only electron and src-shared/ipc/channels (it is bundled alone into a sandboxed renderer).',
            },
          ],
        },
      ],
    },
  },
  zone(['src-renderer/**'], rendererForbidden(), rendererMessage()),

  // ── Renderer layers (issue 11) ───────────────────────────────────────────────────────────
  // lib ← stores ← screens ← shell ← App; components (presentational) ← screens, shell; lib ← components.
  // Built by rendererLayerZones() at the end of this file. Each zone repeats the renderer-wide
  // ban above, because for one file a later `no-restricted-imports` replaces an earlier one.
  ...rendererLayerZones(),
  // ---- Zones inside src-main (issue 11 item 2): one direction, lowest first. Tested by
  // test/unit/layers/main-zones.test.ts. Keep renderer zones out of this block.
  mainZone('lib', ['rentmanager', 'smartplus', 'secrets', 'db', 'sync', 'scheduler', 'services', 'sandbox', 'features', 'ipc', 'composition', 'startup', 'app', 'cli'], 'lib/ is the bottom of src-main (async helpers both clients share): it imports only src-shared and logging.'),
  mainZone('db', ['sync', 'features', 'ipc', 'composition', 'startup'], 'db is storage: it implements ports declared in src-shared and never imports the engine, the services or the handlers.'),
  mainZone('rentmanager', ['smartplus'], 'The two adapters never import each other; the sync engine joins them through its ports.'),
  mainZone('smartplus', ['rentmanager'], 'The two adapters never import each other; the sync engine joins them through its ports.'),
  mainZone('sync', ['sandbox', 'features', 'ipc', 'db', 'composition', 'startup'], 'sync is the engine: it talks to storage and the APIs through ports (sync/ports.ts, src-shared/domain), never to db, sandbox, services or handlers.'),
  mainZone('scheduler', ['features', 'ipc', 'composition', 'startup'], 'The scheduler is below the services: it receives what it runs as functions from the composition root.'),
  mainZone('services', ['features', 'ipc', 'composition', 'startup'], 'services/ holds building blocks below the features: no feature, handler or composition import.'),
  mainZone('features', ['ipc', 'composition', 'startup', 'app'], 'Features are transport-free services: they never import handlers, the composition root or Electron glue; their contracts live beside them.'),
  mainZone('ipc', ['composition', 'startup', 'app'], 'Handlers receive services; the composition root wires them, never the other way.'),
  mainZone('startup', ['app', 'cli'], 'startup/ sits on the composition root (it may import composition, db, services) and below the Electron glue: Electron comes in as functions from main.ts.'),
  mainZone('composition', ['startup', 'app', 'cli'], 'The composition root is below start-up and the hosts: main.ts, startup/ and cli/ call it, never the other way.'),
  mainZone('background', ['app', 'composition', 'ipc', 'features', 'cli', 'startup'], 'background/ holds the pure "stays on duty" decisions: the Electron glue (app/) calls them, never the other way.'),
  mainZone('os-schedule', ['app', 'composition', 'ipc', 'features', 'cli', 'startup'], 'os-schedule/ generates and installs the OS task over an injected port: no Electron glue, services or CLI.'),
  // ---- end of the src-main zones.
);

/** What no renderer file may import (a function, so it is hoisted above the config that uses it). */
function rendererForbidden() {
  return ['electron', ...NODE_BUILTINS, '**/src-main/**', 'axios', 'better-sqlite3'];
}

/** Why the renderer-wide zone refuses an import. */
function rendererMessage() {
  return 'The renderer is an untrusted UI: no electron, no Node, no main-process code. Talk to main through bridge.ts.';
}

/**
 * The renderer's folders as layers (docs/architecture-renderer.md): `lib/` imports no other
 * renderer folder; `stores/` never imports components, screens or the shell; `components/`
 * imports no stores, screens or shell (they get data and callbacks as props); a screen folder
 * imports no other screen folder and not the shell (shared parts go to components/).
 */
function rendererLayerZones() {
  const layer = (files, forbidden, message) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: rendererForbidden(), message: rendererMessage() },
            ...forbidden.map((p) => (typeof p === 'string' ? { group: [p], message } : { ...p, message })),
          ],
        },
      ],
    },
  });
  // A screen talks to main only through its store: no bridge import, no `bridge` taken from the stores.
  const noBridgeInScreens = {
    files: ['src-renderer/screens/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='bridge']", message: 'A screen talks to main only through its store (add the call to the store).' },
        { selector: "ObjectPattern > Property[key.name='bridge']", message: 'A screen talks to main only through its store (add the call to the store).' },
      ],
    },
  };
  return [
    noBridgeInScreens,
    layer(['src-renderer/lib/**'], ['**/stores/**', '**/components/**', '**/screens/**', '**/shell/**'], 'src-renderer/lib is the lowest renderer layer: it imports only src-shared and bridge.ts.'),
    layer(['src-renderer/stores/**'], ['**/components/**', '**/screens/**', '**/shell/**'], 'Stores hold state and talk to main; they import no components, screens or shell (shared helpers live in src-renderer/lib).'),
    layer(['src-renderer/components/**'], ['**/stores/**', '**/screens/**', '**/shell/**'], 'Components are presentational: data and callbacks come in as props; they import no stores, screens or shell.'),
    layer(
      ['src-renderer/screens/**'],
      ['**/shell/**', '**/screens/**', '**/bridge', { regex: '^\\.\\./(?!\\.\\./)' }],
      'A screen folder imports no other screen folder, the shell or bridge.ts: shared parts go to src-renderer/components, calls to main to its store.',
    ),
  ];
}
