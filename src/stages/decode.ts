/**
 * decode: bytes → text.
 *
 * UTF-8 (with or without BOM), UTF-16 (with BOM), GB18030/GBK/GB2312 and Big5, detected (see
 * `detectAndDecode`) or forced. Decoding is strict: a file that is not text in the encoding is
 * refused with a reason, never turned into replacement characters.
 */
import { createRequire } from 'node:module';
import { big5, gb_18030 } from 'chardet/lib/encoding/mbcs.js';
import { UTF_16BE, UTF_16LE } from 'chardet/lib/encoding/unicode.js';
import type { Context } from 'chardet/lib/encoding/index.js';
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

/** Labels as detectors and pages write them → labels Node's TextDecoder knows. */
export function canonicalEncoding(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/_/g, '-');
  if (/^(?:utf-?8|utf8)$/.test(l)) return 'utf-8';
  if (/^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(l)) return 'gb18030';
  if (/^(?:big5|big5-hkscs|cp950|x-x-big5)$/.test(l)) return 'big5';
  if (/^utf-?16-?le$/.test(l)) return 'utf-16le';
  if (/^utf-?16-?be$/.test(l)) return 'utf-16be';
  if (/^utf-?16$/.test(l)) return 'utf-16le';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

const SUPPORTED = new Set(['gb18030', 'big5', 'utf-16le', 'utf-16be']);

/** Fewest characters per byte a real decoding can give: Big5 uses at most 2 bytes a character, GB18030 4. */
const MIN_CHARS_PER_BYTE: Record<string, number> = { big5: 1 / 2, gb18030: 1 / 4 };

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Node's strict Big5 decoder drops some invalid bytes instead of failing; a text shorter than
  // the encoding allows shows it.
  const min = MIN_CHARS_PER_BYTE[encoding];
  if (min !== undefined && text.length < Math.floor(bytes.length * min)) return null;
  // Bytes a legacy table has no character for come out in the private use area (Node's Big5 maps
  // 0xFF to U+F8F8): a text full of them was not written in this encoding.
  if (min !== undefined) {
    const sample = text.length > 65536 ? text.slice(0, 65536) : text;
    const privateUse = sample.match(/[\ue000-\uf8ff]/g)?.length ?? 0;
    if (privateUse > Math.max(2, sample.length * 0.01)) return null;
  }
  return text;
}

/** `<meta charset="gbk">`, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, `<?xml encoding=…?>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? canonicalEncoding(m[1]) : null;
}

/**
 * Which encoding the bytes are in. Order: a BOM; valid UTF-8 (most scraped text, whatever a page
 * claims); the page's own declaration when the bytes decode under it; the detectors (chardet, and
 * jschardet for short samples) on 2 KB from the first non-ASCII byte; then GB18030 and Big5 as the
 * usual suspects.
 */
function detectAndDecode(bytes: Uint8Array): { encoding: string; text: string | null } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', text: null };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', text: null };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', text: null };
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { encoding: 'utf-8', text: utf8 };
  return detectLegacy(bytes);
}

/** The detector's names for the encodings Chinese documents come in → TextDecoder labels. */
const DETECTED: Readonly<Record<string, string>> = { GB18030: 'gb18030', Big5: 'big5', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be' };
const SAMPLE_BYTES = 2048;
/**
 * Two detectors, each where it is good. chardet (ICU's method) is light, and right on every GBK,
 * GB18030 and Big5 rendering of the fixtures and devset from 600 non-ASCII bytes on; below that it
 * confuses GBK with Big5. jschardet's models are right on a few characters, but loading them
 * costs ~50 MB of memory in every thread, so it is loaded only for short samples.
 */
const SHORT_SAMPLE = 600;
/** In chardet's order, so that equal confidences rank as in its `analyse`. */
const RECOGNISERS = [new UTF_16BE(), new UTF_16LE(), new big5(), new gb_18030()];
type JsChardet = typeof import('jschardet');
let jschardet: JsChardet | null = null;

function detectEncoding(sample: Uint8Array): string | null {
  const byteStats = new Array<number>(256).fill(0);
  for (let i = 0; i < sample.length; i++) byteStats[sample[i]]++;
  const high = byteStats.slice(0x80).reduce((n, k) => n + k, 0);
  if (high >= SHORT_SAMPLE) {
    // chardet's own recognisers for these four only (its `analyse` runs all 27, most of them for
    // single-byte European encodings), ranked by confidence as `analyse` ranks them.
    const context: Context = {
      byteStats,
      c1Bytes: byteStats.slice(0x80, 0xa0).some((n) => n > 0),
      rawInput: sample,
      rawLen: sample.length,
      inputBytes: sample,
      inputLen: sample.length,
    };
    const matches = RECOGNISERS.map((r) => r.match(context)).filter((m) => m !== null);
    const best = matches.sort((a, b) => b.confidence - a.confidence)[0];
    return best ? (DETECTED[best.name] ?? null) : null;
  }
  jschardet ??= createRequire(import.meta.url)('jschardet') as JsChardet;
  // Without a match it answers GB18030 at low confidence (and says nothing); strict decoding checks it.
  const guess = jschardet.chardet.detect(sample, { includeEncodings: Object.keys(DETECTED), noMatchEncoding: 'gb18030' });
  return guess.encoding ? canonicalEncoding(guess.encoding) : null;
}

function detectLegacy(bytes: Uint8Array): { encoding: string; text: string } {
  const declared = declaredCharset(bytes);
  const decodes = (encoding: string | null) => {
    const text = encoding && SUPPORTED.has(encoding) ? tryDecode(bytes, encoding) : null;
    return text === null ? null : { encoding: encoding!, text };
  };
  const fromDeclared = decodes(declared);
  if (fromDeclared) return fromDeclared;
  // The detector reads 2 KB from the first non-ASCII byte (enough for it; a page's ASCII head tells it nothing).
  let first = 0;
  while (first < bytes.length && bytes[first] < 0x80) first++;
  const from = Math.max(0, first - 16);
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.min(bytes.length - from, SAMPLE_BYTES));
  // The best guess among the encodings Chinese documents come in (a windows-1252 guess is wrong here).
  const fromDetected = decodes(detectEncoding(sample));
  if (fromDetected) return fromDetected;
  for (const candidate of ['gb18030', 'big5']) {
    const fallback = decodes(candidate);
    if (fallback) return fallback;
  }
  throw new InputError('ENCODING', 'not text in a known encoding (UTF-8, UTF-16, GB18030, Big5); use --encoding to force one');
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
  let encoding: string;
  let decoded: string | null = null;
  if (forced !== undefined) {
    const known = canonicalEncoding(forced);
    if (!known) throw new InputError('ENCODING', `unknown encoding "${forced}"`);
    encoding = known;
  } else ({ encoding, text: decoded } = detectAndDecode(bytes));
  // A leading BOM of the chosen encoding is dropped by the decoder.
  const text = decoded ?? tryDecode(bytes, encoding);
  if (text === null) throw new InputError('ENCODING', `not valid ${encoding} text`);
  if (controlShare(text) > 0.01) throw new InputError('BINARY', 'not a text document (binary control bytes)');
  if (text.trim().length === 0) throw new InputError('EMPTY', 'no text in file');
  return { text, encoding };
}
