import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExecResult, InstallerEnv, InstallerPort } from './installer';

/** The real installer port: node:fs and execFile (no shell), each command bounded to 30 s. */
export const nodeInstallerPort: InstallerPort = {
  async writeFile(file, data) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, data);
  },
  async readFile(file) {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async removeFile(file) {
    try {
      await fs.unlink(file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  },
  async mkdir(dir) {
    await fs.mkdir(dir, { recursive: true });
  },
  async mtime(file) {
    try {
      return (await fs.stat(file)).mtime;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  exec(program, args) {
    return new Promise<ExecResult>((resolve) => {
      execFile(program, [...args], { timeout: 30_000, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr });
        const code = typeof error.code === 'number' ? error.code : 127;
        resolve({ code, stdout: stdout ?? '', stderr: stderr || error.message });
      });
    });
  },
};

/** The installer's environment for this process (platform, home, XDG config, uid, user, zone, now). */
export function installerEnvironment(env: NodeJS.ProcessEnv = process.env, now = new Date()): InstallerEnv {
  const platform = process.platform;
  if (platform !== 'linux' && platform !== 'darwin' && platform !== 'win32') throw new Error(`OS schedules are not supported on ${platform}`);
  return {
    platform,
    homeDir: os.homedir(),
    configHome: env.XDG_CONFIG_HOME || undefined,
    tempDir: os.tmpdir(),
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    userId: env.USERNAME ? (env.USERDOMAIN ? `${env.USERDOMAIN}\\${env.USERNAME}` : env.USERNAME) : undefined,
    machineZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    now,
  };
}
