/**
 * Writing outputs atomically: a temporary file in the same directory, then a rename, so an output
 * file is either complete or absent whatever happens to the process. The calls are synchronous:
 * outputs are small, and a batch writes from worker threads, where the promise round trips of
 * fs/promises cost more than the writes (they were a tenth of a batch's time).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

let counter = 0;
/** Directories this process made or found, so a batch does not ask again for every file. */
const madeDirectories = new Set<string>();

export async function writeAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  if (!madeDirectories.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirectories.add(dir);
  }
  const tmp = temporaryPath(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Where writeAtomic writes before the rename: `.name.PID.N.tmp`, hidden, beside the output. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
}
const TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/;

/**
 * Whether a file is a temporary one that no running process will rename any more: left behind by
 * a killed writer (a process still running, as another batch into the same folder, keeps its own).
 */
export function isStaleTemporary(name: string): boolean {
  const pid = TEMPORARY.exec(name)?.[1];
  if (pid === undefined) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

const WRITE_ERRORS: Record<string, string> = {
  EISDIR: 'a directory is in the way',
  ENOTDIR: 'a file is in the way',
  EEXIST: 'a file is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/** Why a write failed, in words. */
export function writeErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  return WRITE_ERRORS[code] ?? (code || (e as Error)?.message || String(e));
}
