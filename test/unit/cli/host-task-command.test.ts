import { describe, expect, it } from 'vitest';
import { hostTaskCommand } from '../../../src-main/cli/run-cli';
import { taskArgv, TaskCommandSchema } from '../../../src-main/os-schedule/task-command';

// `schedule install` registers the program that is running now, so the OS task uses the same engine.
const argv = (cmd: Parameters<typeof TaskCommandSchema.parse>[0]) => taskArgv(TaskCommandSchema.parse(cmd));

describe('the OS task runs the program that registered it', () => {
  it('the packaged app: its own executable in CLI mode', () => {
    expect(argv(hostTaskCommand({ isPackaged: true, execPath: '/opt/SiteSync/sitesync' }, {}))).toEqual(['/opt/SiteSync/sitesync', '--cli', 'run-due', '--trigger', 'os-schedule']);
  });

  it('development: node with tsx on the repository’s CLI, from the repository; SITESYNC_HOME carried over', () => {
    const cmd = TaskCommandSchema.parse(hostTaskCommand({ isPackaged: false, execPath: '/usr/bin/node', script: '/src/sitesync/src-main/cli.ts' }, { SITESYNC_HOME: '/tmp/state' }));
    expect(taskArgv(cmd)).toEqual(['/usr/bin/node', '--import', 'tsx', '/src/sitesync/src-main/cli.ts', 'run-due', '--trigger', 'os-schedule']);
    expect(cmd.workingDirectory).toBe('/src/sitesync');
    expect(cmd.env).toEqual({ SITESYNC_HOME: '/tmp/state' });
  });

  it('the bundled CLI (a server or a copy of dist/cli): node with the bundle; no SITESYNC_HOME means the app’s own folder', () => {
    const cmd = TaskCommandSchema.parse(hostTaskCommand({ isPackaged: false, execPath: '/usr/bin/node', script: '/opt/sitesync/sitesync-cli.cjs' }, {}));
    expect(taskArgv(cmd)).toEqual(['/usr/bin/node', '/opt/sitesync/sitesync-cli.cjs', 'run-due', '--trigger', 'os-schedule']);
    expect(cmd.env).toEqual({});
  });
});
