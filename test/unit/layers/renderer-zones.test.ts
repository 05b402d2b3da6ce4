import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Lints `code` as if it were the file at `file` (relative to the repo), returning the rule ids hit. */
async function lintAs(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

/** A one-line module importing `what` from `from` (type-only imports count too). */
const importing = (what: string, from: string) => `import { ${what} } from '${from}';\nexport const x = ${what};\n`;

describe('renderer layer zones (docs/architecture.md, "src-renderer: layers")', () => {
  it('components import no stores, screens or shell', async () => {
    expect(await lintAs('src-renderer/components/Violation.tsx', importing('useStores', '../stores/stores-context'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/components/Violation.tsx', "import type { RunsState } from '../stores/runs-store';\nexport type X = RunsState;\n")).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/components/Violation.tsx', importing('SiteRow', '../screens/overview/SiteRow'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/components/Violation.tsx', importing('Sidebar', '../shell/Sidebar'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/components/Fine.tsx', importing('describeError', '../lib/error-text'))).toEqual([]);
  });

  it('a screen folder imports no other screen folder and not the shell', async () => {
    expect(await lintAs('src-renderer/screens/runs/Violation.tsx', importing('SiteRow', '../overview/SiteRow'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/screens/settings/Violation.tsx', importing('ReviewStep', '../../screens/get-site/ReviewStep'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/screens/runs/Violation.tsx', importing('SCREEN_LABELS', '../../shell/Sidebar'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/screens/runs/Fine.tsx', importing('RunHistory', './RunHistory'))).toEqual([]);
    expect(await lintAs('src-renderer/screens/runs/Fine.tsx', importing('OUTCOME_LABELS', '../../components/labels'))).toEqual([]);
    expect(await lintAs('src-renderer/screens/runs/Fine.tsx', importing('useRuns', '../../stores/sync-hooks'))).toEqual([]);
  });

  it('a screen talks to main only through its store (no bridge.ts, no bridge from the stores)', async () => {
    expect(await lintAs('src-renderer/screens/settings/Violation.tsx', importing('windowBridge', '../../bridge'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/screens/settings/Violation.tsx', "import { useStores } from '../../stores/stores-context';\nexport function F() {\n  const { bridge } = useStores();\n  return bridge;\n}\n")).toContain('no-restricted-syntax');
    expect(await lintAs('src-renderer/screens/settings/Violation.tsx', "import { useStores } from '../../stores/stores-context';\nexport const f = () => useStores().bridge.call('sites.listUnits');\n")).toContain('no-restricted-syntax');
    expect(await lintAs('src-renderer/screens/settings/Fine.tsx', "import { useStores } from '../../stores/stores-context';\nexport const f = () => useStores().settings.getState().load();\n")).toEqual([]);
  });

  it('stores import no components, screens or shell (the old error-text circle)', async () => {
    expect(await lintAs('src-renderer/stores/violation.ts', importing('Dialog', '../components/Dialog'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/stores/violation.ts', importing('SiteRow', '../screens/overview/SiteRow'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/stores/fine.ts', importing('describeError', '../lib/error-text'))).toEqual([]);
  });

  it('lib imports no other renderer folder', async () => {
    expect(await lintAs('src-renderer/lib/violation.ts', importing('createRunsStore', '../stores/runs-store'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/lib/violation.ts', importing('Dialog', '../components/Dialog'))).toContain('no-restricted-imports');
    expect(await lintAs('src-renderer/lib/fine.ts', importing('BridgeError', '../bridge'))).toEqual([]);
  });

  it('the layer zones keep the renderer-wide ban (no Node, no electron, no main-process code)', async () => {
    for (const file of ['src-renderer/components/Violation.tsx', 'src-renderer/screens/runs/Violation.tsx', 'src-renderer/stores/violation.ts', 'src-renderer/lib/violation.ts']) {
      expect(await lintAs(file, "import path from 'node:path';\nexport const x = path;\n")).toContain('no-restricted-imports');
      expect(await lintAs(file, importing('app', 'electron'))).toContain('no-restricted-imports');
      expect(await lintAs(file, "import { dispatch } from '../../src-main/ipc/dispatch';\nexport const x = dispatch;\n")).toContain('no-restricted-imports');
    }
  });
});
