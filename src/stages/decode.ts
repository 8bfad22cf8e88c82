/**
 * decode: bytes → text.
 *
 * UTF-8 with or without BOM, and UTF-16 when it carries a BOM. Other encodings (GB18030, Big5)
 * plug in at `detectEncoding`; until then a file that is not valid UTF-8 is refused with a reason,
 * never decoded into replacement characters.
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export interface Decoded {
  text: string;
  encoding: string;
}

/** Magic numbers of formats that are surely not text (images, archives, PDFs, executables). */
const BINARY_SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF file', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

export function detectEncoding(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return 'utf-8';
}

/** Control characters other than tab, line feed, form feed and carriage return are a sign of binary data. */
function controlShare(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) control++;
  }
  return sample.length ? control / sample.length : 0;
}

export function decode(bytes: Uint8Array, forced?: string): Decoded {
  if (bytes.length === 0) throw new InputError('EMPTY', 'empty file');
  for (const sig of BINARY_SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) throw new InputError('BINARY', `not a text document (looks like a ${sig.name})`);
  }
  const encoding = forced ?? detectEncoding(bytes);
  let text: string;
  try {
    // ignoreBOM: false strips a leading BOM of the chosen encoding.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError('ENCODING', `unknown encoding "${encoding}"`);
    throw new InputError('ENCODING', `not valid ${encoding} text`);
  }
  if (controlShare(text) > 0.01) throw new InputError('BINARY', 'not a text document (binary control bytes)');
  if (text.trim().length === 0) throw new InputError('EMPTY', 'no text in file');
  return { text, encoding };
}
