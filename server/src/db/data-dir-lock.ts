// One process owns an embedded database directory. PGlite itself takes no lock: two processes on one
// DATA_DIR both open it and write over each other. A pid file refuses the second; a file left by a
// process that is gone (killed, crashed, the machine restarted) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'samservice.pid';
/** Directories this process holds: a second open in the same process is refused as well. */
const held = new Set<string>();

export class DataDirInUseError extends Error {}

function alive(pid: number): boolean {
  // The same pid as ours is an earlier run of this program (containers reuse the same pids).
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory for this process; returns the release. Throws DataDirInUseError when another has it. */
export function lockDataDir(dir: string): () => void {
  if (held.has(dir)) throw new DataDirInUseError(`${dir} is already open in this process`);
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(dir);
      return () => {
        held.delete(dir);
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(path, 'utf8').trim());
    } catch {
      // removed meanwhile: try again
    }
    if (alive(owner)) {
      throw new DataDirInUseError(`${dir} is in use by process ${owner}: one process owns an embedded database (use PostgreSQL, DATABASE_URL, for several)`);
    }
    rmSync(path, { force: true });
  }
  throw new DataDirInUseError(`${dir}: could not take ${LOCK_FILE} (another process is starting on it)`);
}
