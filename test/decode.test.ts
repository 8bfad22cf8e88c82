import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, InputError } from '../src/stages/decode.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decode', () => {
  // The detector must stay silent, also when nothing matches: stderr carries one line per failure.
  let warn: MockInstance;
  let log: MockInstance;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
    log = vi.spyOn(console, 'log');
  });
  afterEach(() => {
    const calls = [...warn.mock.calls, ...log.mock.calls];
    vi.restoreAllMocks();
    expect(calls).toEqual([]);
  });

  it('reads UTF-8 with and without a BOM', () => {
    expect(decode(utf8('一、总体要求'))).toEqual({ text: '一、总体要求', encoding: 'utf-8' });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('规划')])).text).toBe('规划');
  });

  it('reads UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('规划', 'utf16le')]);
    expect(decode(le)).toEqual({ text: '规划', encoding: 'utf-16le' });
  });

  it.each([
    ['empty', bytes(), 'EMPTY'],
    ['blank', utf8(' \n\n '), 'EMPTY'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'BINARY'],
    ['zip', bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3), 'BINARY'],
    ['bytes of no encoding', bytes(0xa1, 0x20, 0xff, 0x20, 0xc0, 0x41, 0xff, 0x41), 'ENCODING'],
    ['bytes a lax Big5 decoder would swallow', bytes(0xff, 0xff, 0xff, 0xff), 'ENCODING'],
    ['NUL-heavy', utf8('a\u0000b\u0000c\u0000d'), 'BINARY'],
  ])('refuses %s input with a reason', (_name, input, code) => {
    try {
      decode(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe(code);
    }
  });

  it('detects GB18030 and Big5, and honours a forced encoding', () => {
    const gb = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7, 0xa3, 0xac, 0xb9, 0xe6, 0xbb, 0xae]);
    expect(decode(gb)).toEqual({ text: '你好世界，规划', encoding: 'gb18030' });
    const big5 = new Uint8Array([0xa7, 0x41, 0xa6, 0x6e, 0xa5, 0x40, 0xac, 0xc9, 0xa1, 0x41, 0xb3, 0x57, 0xb9, 0xba]);
    expect(decode(big5, 'big5')).toEqual({ text: '你好世界，規劃', encoding: 'big5' });
    expect(decode(gb, 'GBK').encoding).toBe('gb18030');
  });

  // Short samples go to one detector, long ones to the other: both must be right across the cut.
  it.each([
    ['001-gbk.txt', 'gb18030'],
    ['003-gb18030.txt', 'gb18030'],
    ['000-big5.txt', 'big5'],
    ['004-big5.txt', 'big5'],
  ])('detects %s from its first lines as from the whole file', (name, encoding) => {
    const whole = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'variants', name));
    for (const size of [60, 150, 300, 500, 700, 1000, 1500, 2500, 5000]) {
      // Cut after a line feed: 0x0A is never the second byte of a GBK or Big5 character.
      const end = whole.lastIndexOf(0x0a, size);
      if (end <= 0) continue;
      expect([size, decode(whole.subarray(0, end + 1)).encoding]).toEqual([size, encoding]);
    }
  });

  it('honours <meta charset> when the bytes agree', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="gb2312"></head><body>'),
      Buffer.from([0xb9, 0xe6, 0xbb, 0xae]),
      Buffer.from('</body></html>'),
    ]);
    expect(decode(new Uint8Array(page))).toMatchObject({ encoding: 'gb18030' });
    expect(decode(new Uint8Array(page)).text).toContain('规划');
  });

  it('refuses an unknown forced encoding', () => {
    expect(() => decode(utf8('x'), 'klingon')).toThrow(/unknown encoding/);
  });
});
