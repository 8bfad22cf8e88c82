/**
 * The linear end trimmers against the patterns they stand for: same result on any string made of
 * the characters that matter to each.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charsOf, trimEndParenthetical, trimEndPipes, trimEndWhere, trimStartWhere } from '../src/pipeline/ends.js';
import { titleLineSuffix } from '../src/stages/extract-document.js';
import { isTableOfContents } from '../src/stages/strip.js';

const stringOf = (alphabet: string, maxLength = 16) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { maxLength }).map((chars) => chars.join(''));
const check = <T>(arb: fc.Arbitrary<T>, property: (value: T) => void) => fc.assert(fc.property(arb, property), { numRuns: 3000 });

describe('end trimmers', () => {
  it('trimEndWhere and trimStartWhere are the character-class patterns', () => {
    const set = '。.，,；;';
    check(stringOf(' \t\u3000\u00a0。.，,；;字a1\n'), (s) => {
      expect(trimEndWhere(s, charsOf(set, true))).toBe(s.replace(/[。.，,；;\s]+$/, ''));
      expect(trimEndWhere(s, charsOf(set))).toBe(s.replace(/[。.，,；;]+$/, ''));
      expect(trimStartWhere(s, charsOf(set, true))).toBe(s.replace(/^[。.，,；;\s]+/, ''));
    });
  });

  it('trimEndPipes is /\\s*[|｜]+\\s*$/', () => {
    check(stringOf(' \t\u3000|｜字1'), (s) => {
      expect(trimEndPipes(s)).toBe(s.replace(/\s*[|｜]+\s*$/, ''));
    });
  });

  it('trimEndParenthetical is /[（(][^）)]*[）)]$/', () => {
    check(stringOf('（(）)局字 '), (s) => {
      expect(trimEndParenthetical(s)).toBe(s.replace(/[（(][^）)]*[）)]$/, ''));
    });
  });

  it('titleLineSuffix is /(?:["”]|\\*\\*)?\\s*$/', () => {
    check(stringOf('"”* \t\u3000字'), (s) => {
      expect(titleLineSuffix(s)).toBe(/(?:["”]|\*\*)?\s*$/.exec(s)![0].length);
    });
  });

  it('a table-of-contents line ends in a page number as the pattern says', () => {
    const reference = (line: string) =>
      !/[。！？；]/.test(line) &&
      line.length <= 200 &&
      /第[一二三四五六七八九十百零〇两\d]{1,4}[章节篇编]/.test(line) &&
      /^\s*第/.test(line) &&
      /(?:[（(]\d{1,4}[）)]|[….·\s]{2,}\d{1,4})\s*$/.test(line);
    check(
      fc.tuple(stringOf('总则林业 ', 4), stringOf('…. ·（(）)123456x ', 12)).map(([name, tail]) => `第一章${name}${tail}`),
      (line) => {
        expect(isTableOfContents(line)).toBe(reference(line));
      },
    );
  });

  it('walks a run of 10^6 characters once', () => {
    const run = ' '.repeat(1_000_000);
    expect(trimEndPipes(`${run}x${run}`)).toBe(`${run}x${run}`);
    expect(trimEndParenthetical(`(${'（'.repeat(1_000_000)}x)`)).toBe('');
    expect(titleLineSuffix(`${run}x${run}`)).toBe(1_000_000);
  });
});
