/**
 * Reading entries of a zip archive (a .docx) in memory with fflate, refusing archives that would
 * inflate past a bound: an entry's declared size over MAX_ENTRY_BYTES, or a compression ratio no
 * real document reaches. fflate inflates into a buffer of the declared size, so a header that lies
 * about its size cannot make it allocate more.
 */
import { unzipSync } from 'fflate';
import { InputError } from '../stages/decode.js';

export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_RATIO = 200;

export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new InputError('BAD_ZIP', 'not a zip archive (a .docx is one)');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_ENTRY_BYTES) {
          throw new InputError('ZIP_BOMB', `${f.name} would inflate to ${f.originalSize} bytes (limit ${MAX_ENTRY_BYTES}); refused`);
        }
        if (f.size > 0 && f.originalSize / f.size > MAX_RATIO && f.originalSize > 1024 * 1024) {
          throw new InputError(
            'ZIP_BOMB',
            `${f.name} has a compression ratio of ${Math.round(f.originalSize / f.size)}:1; refused as a zip bomb`,
          );
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('BAD_ZIP', `damaged zip archive (${(e as Error).message})`);
  }
  return new Map(Object.entries(files));
}
