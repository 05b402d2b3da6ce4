import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SaveFolderPort } from '../../../src-main/features/diagnostics-service';

/**
 * The test bridge's half of "Save diagnostics": where Electron shows a folder dialog, the bridge
 * answers with a fresh temporary folder; "Show in folder" is recorded instead of opening a file
 * manager. `cancelNext()` makes the next dialog answer as if the person cancelled.
 */
export interface TempSaveFolder extends SaveFolderPort {
  /** The folder every dialog answers with. */
  readonly dir: string;
  /** Folders "Show in folder" was asked for, in order. */
  readonly shown: string[];
  cancelNext(): void;
}

/** A {@link TempSaveFolder} under the OS temp folder. */
export function tempSaveFolder(): TempSaveFolder {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-e2e-diagnostics-'));
  const shown: string[] = [];
  let cancel = false;
  return {
    dir,
    shown,
    cancelNext: () => void (cancel = true),
    async chooseFolder() {
      if (!cancel) return dir;
      cancel = false;
      return null;
    },
    async showFolder(folder) {
      shown.push(folder);
    },
  };
}
