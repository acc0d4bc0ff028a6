// Makes the embedded database's commits reach the disk (decision 0014). PGlite 0.5 starts PostgreSQL
// with `-F` (fsync off), and the emscripten NODEFS under its NodeFS implements neither fsync nor
// fdatasync: a commit was written to the operating system's page cache and never forced out, so a
// kill -9 lost nothing but a power cut could. Here fsync is turned back on, WAL is flushed with fsync()
// (the only sync call that reaches the file system's `fsync` hook; fdatasync is a no-op in the wasm
// runtime), and that hook calls Node's fsyncSync on the real file.
import { closeSync, fsyncSync, openSync, readdirSync, constants } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** The part of emscripten's NODEFS this relies on: its shared stream operations. */
interface EmscriptenNodeFs {
  stream_ops?: { fsync?: (stream: { nfd?: number }) => void };
  tryFSOperation?: <T>(operation: () => T) => T;
}

/** PGlite's own start parameters with fsync on, and WAL flushed through fsync(). */
export const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];

/** NodeFS whose fsync reaches the disk; `syncs` counts the calls (tests check commits make them). */
export class SyncingNodeFS extends NodeFS {
  syncs = 0;

  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): ReturnType<NodeFS['init']> {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    preRun.push((mod) => {
      const nodefs = (mod as unknown as { NODEFS?: EmscriptenNodeFs }).NODEFS;
      const ops = nodefs?.stream_ops;
      // A PGlite upgrade that moves this must fail loudly, not quietly stop syncing.
      if (!ops || !nodefs.tryFSOperation) throw new Error('PGlite no longer exposes NODEFS.stream_ops: the fsync hook cannot be installed');
      const attempt = nodefs.tryFSOperation.bind(nodefs);
      ops.fsync = (stream) => {
        if (stream.nfd === undefined) return;
        attempt(() => fsyncSync(stream.nfd!));
        this.syncs += 1;
      };
    });
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun } };
  }
}

/**
 * fsyncs every file and directory under `dir`: once after PGlite's initdb, whose files are written
 * with syncing off and which no later checkpoint syncs (it only syncs what it wrote itself).
 */
export function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) syncTree(path);
    else if (entry.isFile()) syncPath(path, constants.O_RDONLY);
  }
  syncPath(dir, constants.O_RDONLY | constants.O_DIRECTORY);
}

function syncPath(path: string, flags: number): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
