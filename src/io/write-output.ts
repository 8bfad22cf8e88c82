/**
 * Writing outputs atomically: a temporary file in the same directory, then a rename, so an output
 * file is either complete or absent whatever happens to the process.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

let counter = 0;
/** Directories this process made or found, so a batch does not ask again for every file. */
const madeDirectories = new Set<string>();

export async function writeAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  if (!madeDirectories.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeDirectories.add(dir);
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
