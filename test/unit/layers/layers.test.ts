import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Lints `code` as if it were the file at `file` (relative to the repo), returning the rule ids hit. */
async function lintAs(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

/** Type-checks `code` as file `file` under the layer's tsconfig; returns the diagnostics' text. */
function typecheckAs(tsconfig: string, file: string, code: string): string[] {
  const configPath = path.join(root, tsconfig);
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
  const target = path.join(root, file);
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === target ? code : readFile(f));
  host.fileExists = (f) => f === target || fileExists(f);
  host.getSourceFile = (f, lang, ...rest) => (f === target ? ts.createSourceFile(f, code, lang) : getSourceFile(f, lang, ...rest));
  const program = ts.createProgram([target], parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('layer rules (style.md import table)', () => {
  it('lint refuses node:* and electron in src-shared', async () => {
    expect(await lintAs('src-shared/violation.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain('no-restricted-imports');
    expect(await lintAs('src-shared/violation.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
  });

  it('lint refuses electron in src-main outside app/, and allows it in app/', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await lintAs('src-main/sync/violation.ts', code)).toContain('no-restricted-imports');
    expect(await lintAs('src-main/app/allowed.ts', code)).not.toContain('no-restricted-imports');
  });

  it('lint refuses main-process code and Node in the renderer', async () => {
    expect(await lintAs('src-renderer/violation.ts', "import { dispatch } from '../src-main/ipc/dispatch';\nexport const x = dispatch;\n")).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/violation.ts', "import path from 'node:path';\nexport const x = path;\n")).toContain('no-restricted-imports');
  });

  it('lint lets the preload import only electron and the channel names', async () => {
    expect(await lintAs('src-main/preload.ts', "import { CALLS } from '../src-shared/ipc/contract';\nexport const x = CALLS;\n")).toContain('no-restricted-imports');
    expect(await lintAs('src-main/preload.ts', "import { isInvokeChannel } from '../src-shared/ipc/channels';\nexport const x = isInvokeChannel;\n")).toEqual([]);
  });

  it('tsc: src-shared sees neither DOM nor Node types', () => {
    expect(typecheckAs('tsconfig.shared.json', 'src-shared/violation.ts', 'export const t = document.title;\n').join()).toMatch(/document/);
    expect(typecheckAs('tsconfig.shared.json', 'src-shared/violation.ts', 'export const c = process.cwd();\n').join()).toMatch(/process/);
    expect(typecheckAs('tsconfig.shared.json', 'src-shared/fine.ts', 'export const n: number = [1, 2].length;\n')).toEqual([]);
  });

  it('tsc: electron does not resolve in src-main outside app/', () => {
    expect(typecheckAs('tsconfig.main.json', 'src-main/sync/violation.ts', "import { app } from 'electron';\nexport const a = app;\n").join()).toMatch(/no exported member 'app'/);
  });

  it('tsc: the renderer has no Node types', () => {
    expect(typecheckAs('tsconfig.renderer.json', 'src-renderer/violation.ts', "import fs from 'node:fs';\nexport const f = fs;\n").join()).toMatch(/node:fs/);
  });
});
