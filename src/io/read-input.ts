/**
 * Reading inputs: the only code that touches files and stdin for documents. Every failure becomes
 * an InputError with a one-line reason; nothing here decides exit codes.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../stages/decode.js';

/** Inputs larger than this are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new InputError('TOO_LARGE', `input larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export async function readInput(path: string): Promise<Uint8Array> {
  if (path === '-') return readStdin();
  let bytes: Buffer;
  try {
    // Synchronous: see writeAtomic; a batch reads from worker threads.
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError('NOT_FOUND', 'no such file');
    if (code === 'EISDIR') throw new InputError('IS_DIRECTORY', 'is a directory (give files, or use -o DIR to extract a directory)');
    if (code === 'EACCES') throw new InputError('UNREADABLE', 'permission denied');
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new InputError('TOO_LARGE', `larger than ${MAX_INPUT_BYTES} bytes`);
    throw new InputError('UNREADABLE', `cannot read (${code ?? 'unknown error'})`);
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError('TOO_LARGE', `larger than ${MAX_INPUT_BYTES} bytes`);
  return bytes;
}
