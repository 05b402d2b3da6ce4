import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `file` (relative to the repo), returning the rule ids hit. */
async function lintAs(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

/** A one-line module that imports `spec` (a type import is a dependency too). */
const importing = (spec: string) => `import type { X } from '${spec}';\nexport type Y = X;\n`;

/** [file the violation is planted in, the import it makes] — each must be refused. */
const refused: Array<[string, string]> = [
  ['src-main/lib/planted.ts', '../rentmanager/errors'],
  ['src-main/lib/planted.ts', '../smartplus/errors'],
  ['src-main/db/repositories/planted.ts', '../../sync/ports'],
  ['src-main/db/planted.ts', '../features/app-context'],
  ['src-main/db/planted.ts', '../ipc/dispatch'],
  ['src-main/rentmanager/planted.ts', '../smartplus/client'],
  ['src-main/smartplus/planted.ts', '../rentmanager/client'],
  ['src-main/sync/planted.ts', '../sandbox/rentmanager/server'],
  ['src-main/sync/apply/planted.ts', '../../features/site-sync-types'],
  ['src-main/sync/planted.ts', '../ipc/dispatch'],
  ['src-main/sync/planted.ts', '../db/local-db'],
  ['src-main/features/planted.ts', '../ipc/dispatch'],
  ['src-main/features/planted.ts', '../composition/create-app-services'],
  ['src-main/features/planted.ts', '../app/menu'],
  ['src-main/scheduler/planted.ts', '../features/light-sync'],
  ['src-main/services/planted.ts', '../features/app-context'],
  ['src-main/ipc/handlers/planted.ts', '../../composition/create-app-services'],
  ['src-main/startup/planted.ts', '../app/preferences'],
  ['src-main/startup/planted.ts', '../cli/env'],
  ['src-main/composition/planted.ts', '../startup/start-app'],
  ['src-main/services/planted.ts', '../startup/damaged-files'],
  ['src-main/db/planted.ts', '../startup/start-app'],
  ['src-main/background/planted.ts', '../app/background-glue'],
  ['src-main/background/planted.ts', '../composition/create-app-services'],
  ['src-main/os-schedule/planted.ts', '../app/menu'],
  ['src-main/os-schedule/planted.ts', '../cli/run-cli'],
];

/** Imports the same zones allow (the direction the style guide names). */
const allowed: Array<[string, string]> = [
  ['src-main/lib/planted.ts', '../logging/logger'],
  ['src-main/rentmanager/planted.ts', '../lib/async'],
  ['src-main/db/planted.ts', '../../src-shared/domain/journal'],
  ['src-main/db/planted.ts', '../secrets/secret-store'],
  ['src-main/sync/planted.ts', '../rentmanager/client'],
  ['src-main/sync/planted.ts', '../../src-shared/domain/sync-plan'],
  ['src-main/features/planted.ts', '../db/local-db'],
  ['src-main/features/planted.ts', '../../src-shared/ipc/contract/app'],
  ['src-main/features/planted.ts', './app-context'],
  ['src-main/ipc/handlers/planted.ts', '../../features/app-context'],
  ['src-main/composition/planted.ts', '../ipc/handlers'],
  ['src-main/startup/planted.ts', '../composition/create-app-services'],
  ['src-main/startup/planted.ts', '../db/database'],
  ['src-main/startup/planted.ts', '../services/startup-notices'],
  ['src-main/background/planted.ts', '../scheduler/next-run'],
  ['src-main/os-schedule/planted.ts', '../../src-shared/domain/schedule'],
  ['src-main/app/planted.ts', '../background/window-close'],
];

describe('zones inside src-main (style.md "Inside src-main", one direction)', () => {
  it.each(refused)('refuses, in %s, an import of %s', async (file, spec) => {
    expect(await lintAs(file, importing(spec))).toContain('no-restricted-imports');
  });

  it.each(allowed)('allows, in %s, an import of %s', async (file, spec) => {
    expect(await lintAs(file, importing(spec))).not.toContain('no-restricted-imports');
  });

  it('keeps the process boundary in every zone (electron stays refused in db/, sync/, features/)', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const file of ['src-main/db/planted.ts', 'src-main/sync/planted.ts', 'src-main/features/planted.ts', 'src-main/startup/planted.ts', 'src-main/background/planted.ts', 'src-main/os-schedule/planted.ts']) {
      expect(await lintAs(file, code)).toContain('no-restricted-imports');
    }
  });
});
