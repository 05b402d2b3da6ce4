import { describe, expect, it } from 'vitest';
import { cliTaskCommand, TaskCommandSchema, taskArgv } from '../../../src-main/os-schedule/task-command';

describe('the OS task\u2019s command', () => {
  it('packaged: the app\u2019s own executable in CLI mode', () => {
    const cmd = cliTaskCommand({ isPackaged: true, execPath: '/opt/SiteSync/sitesync' });
    expect(taskArgv(cmd)).toEqual(['/opt/SiteSync/sitesync', '--cli', 'run-due', '--trigger', 'os-schedule']);
    expect(cmd.workingDirectory).toBeUndefined();
  });

  it('development: node with tsx on the repository\u2019s src-main/cli.ts, from the repository', () => {
    const cmd = cliTaskCommand({ isPackaged: false, execPath: '/x/electron', nodePath: '/usr/bin/node', appRoot: '/src/sitesync', env: { SITESYNC_HOME: '/tmp/h' } });
    expect(taskArgv(cmd)).toEqual(['/usr/bin/node', '--import', 'tsx', '/src/sitesync/src-main/cli.ts', 'run-due', '--trigger', 'os-schedule']);
    expect(cmd).toMatchObject({ workingDirectory: '/src/sitesync', env: { SITESYNC_HOME: '/tmp/h' } });
    expect(() => cliTaskCommand({ isPackaged: false, execPath: '/usr/bin/node' })).toThrow(/appRoot/);
  });

  it('refuses a line break in a path or a bad variable name (they would corrupt the task file)', () => {
    expect(() => TaskCommandSchema.parse({ program: '/opt/a\nExecStart=/bin/evil' })).toThrow(/line break/);
    expect(() => TaskCommandSchema.parse({ program: '/opt/a', args: ['x\ny'] })).toThrow(/line break/);
    expect(() => TaskCommandSchema.parse({ program: '/opt/a', env: { 'A B': 'x' } })).toThrow(/variable name/);
  });
});
