import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits, editsFromRegex, identityText } from '../src/pipeline/mapped-text.js';

describe('applyEdits', () => {
  it('removes, inserts and replaces while mapping back to the source', () => {
    const mt = identityText('专 项规划\r\n第二行');
    const out = applyEdits(mt, [
      { start: 1, end: 2, insert: '' },
      { start: 5, end: 7, insert: '\n' },
    ]);
    expect(out.text).toBe('专项规划\n第二行');
    expect(Array.from(out.map)).toEqual([0, 2, 3, 4, 5, 7, 8, 9, 10]);
  });

  it('rejects overlapping edits', () => {
    expect(() =>
      applyEdits(identityText('abcdef'), [
        { start: 0, end: 3, insert: '' },
        { start: 2, end: 4, insert: '' },
      ]),
    ).toThrow(/bad edit/);
  });

  it('keeps the map monotonic and every character traceable (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const out = applyEdits(
          identityText(s),
          editsFromRegex(s, /[ \t]+/g, () => ''),
        );
        expect(out.map.length).toBe(out.text.length + 1);
        for (let i = 0; i < out.text.length; i++) {
          expect(s[out.map[i]]).toBe(out.text[i]);
          if (i > 0) expect(out.map[i]).toBeGreaterThan(out.map[i - 1]);
        }
      }),
    );
  });
});
