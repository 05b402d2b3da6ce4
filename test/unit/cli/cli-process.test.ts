import { describe, expect, it } from 'vitest';
import { runCli, runCliProcess, siteConfigFile, smartPlusState } from '../../support/cli-harness';
import { cliWorldForFile } from '../../support/cli-world-hooks';

// The other CLI suites run src-main/cli/run-cli.ts in the test's process (the harness's default,
// for speed). These run the real entry, `node --import tsx src-main/cli.ts`, as a child process:
// exit codes, stdout and stderr of the process itself, and the same answers as in process.
const world = cliWorldForFile();

/** What stays the same between two runs of one command (run ids and times differ). */
const stable = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME').replace(/"durationMs":\d+/g, '"durationMs":N');

describe('the CLI as a process', () => {
  it('--help: exit 0, the usage on stdout', async () => {
    const result = await runCliProcess(['--help'], world().env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: npm run cli/);
    expect(result.stderr).toBe('');
  }, 60_000);

  it('a bad command line: exit 2, the reason and the next step on stderr, nothing on stdout', async () => {
    const result = await runCliProcess(['sync', '--site-cfg', 'x.json'], world().env());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Unknown option '--site-cfg'[\s\S]*Run "npm run cli -- --help" for usage\./);
  }, 60_000);

  it('sites list on a new home: exit 0 and the same JSON as in process', async () => {
    const env = world().env();
    const child = await runCliProcess(['sites', 'list', '--json'], env);
    expect(child.code, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual((JSON.parse((await runCli(['sites', 'list', '--json'], env)).stdout)));
  }, 60_000);

  it('sync --dry-run: exit 0, the same plan as in process, nothing written', async () => {
    const site = siteConfigFile({ properties: [4], pinField: 'Door PIN (Text)', rfCardField: 'RF Card' });
    const env = world().env();
    const child = await runCliProcess(['sync', '--site-config', site, '--dry-run', '--json'], env);
    expect(child.code, child.stderr).toBe(0);
    const inProcess = await runCli(['sync', '--site-config', site, '--dry-run', '--json'], env);
    expect(inProcess.code, inProcess.stderr).toBe(0);
    expect(stable(child.stdout)).toEqual(stable(inProcess.stdout));
    expect((JSON.parse(child.stdout) as { plan: { operations: unknown[] } }).plan.operations.length).toBeGreaterThan(0);
    expect((await smartPlusState(world(), 4)).apartments).toEqual([]);
  }, 120_000);
});
