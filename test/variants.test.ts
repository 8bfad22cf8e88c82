/**
 * The same plan in another encoding or format must yield the same facts as its text seed:
 * fixtures/variants/ holds each seed as GBK/GB18030/Big5 text, two seeds as web pages and one as
 * a Word document (see fixtures/variants/README.md).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../src/pipeline/run.js';
import { toOutput } from '../src/pipeline/output.js';
import type { DocumentOut } from '../src/schema/document.js';
import { SEEDS_DIR, seedName } from './helpers.js';

const VARIANTS = join(import.meta.dirname, '..', 'fixtures', 'variants');
const BAD = join(import.meta.dirname, '..', 'fixtures', 'bad');

const extractFile = (path: string) => toOutput(runPipeline(readFileSync(path), { path }), 'simplified');

/** The facts a reader relies on, without positions, ids and the page furniture around them. */
function facts(o: DocumentOut) {
  const headings = (list: DocumentOut['sections']): unknown[] => list.map((s) => [s.number, s.heading, headings(s.children)]);
  return {
    document: { ...o.document, dateSource: undefined },
    sections: headings(o.sections),
    goals: o.goals.map((g) => [g.year, g.text]),
    indicators: o.indicators.map((i) => [i.name, i.category, i.target?.raw, i.target?.year, i.baseline?.raw, i.nature, i.table !== null]),
    tasks: o.tasks.map((t) => [t.text, t.deadline, t.lead, t.support, t.table !== null]),
    tables: o.tables.map((t) => [t.header, t.rows.length]),
  };
}

describe.each([
  ['000', '000-big5.txt', 'big5', 'text'],
  ['000', '000-word.docx', 'utf-8', 'docx'],
  ['001', '001-gbk.txt', 'gb18030', 'text'],
  ['002', '002-gbk.txt', 'gb18030', 'text'],
  ['002', '002-page.html', 'utf-8', 'html'],
  ['003', '003-gb18030.txt', 'gb18030', 'text'],
  ['004', '004-big5.txt', 'big5', 'text'],
  ['004', '004-page.html', 'utf-8', 'html'],
])('seed %s as %s', (seed, variant, encoding, format) => {
  const fromVariant = extractFile(join(VARIANTS, variant));
  it(`is read as ${format} in ${encoding}`, () => {
    expect(fromVariant.source).toMatchObject({ encoding, format });
  });
  it('yields the facts of the text seed', () => {
    expect(facts(fromVariant)).toEqual(facts(extractFile(join(SEEDS_DIR, seedName(seed)))));
  });
});

describe('bad input', () => {
  it.each([
    ['truncated.docx', /damaged zip archive/],
    ['zip-bomb.docx', /would inflate to \d+ bytes .*refused/],
    ['entity-bomb.docx', /declares XML entities/],
    ['not-a-zip.docx', /not a zip archive/],
    ['png-renamed.html', /not a text document \(looks like a PNG image\)/],
    ['invalid-utf8.txt', /not text in a known encoding/],
    ['empty.txt', /empty file/],
  ])('%s is refused with a reason', (file, reason) => {
    expect(() => runPipeline(readFileSync(join(BAD, file)), { path: file })).toThrow(reason);
  });
});
