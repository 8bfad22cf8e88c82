/**
 * segment: the numbered outline as a tree.
 *
 * Numbering families (第X章, 一、, （一）, 1., （1）, ①, 专栏N) nest by the order in which they first
 * appear, not by fixed levels: a document may start at （一）. A marker of a family already open
 * closes everything below it and becomes a sibling; a new family opens one level deeper.
 * Markers are found at line starts, and inside long lines where the doc-sharing viewer flattened
 * the outline (`…如下:一、行动目标…。二、行动任务(一)等级提升行动…`) when they continue an open
 * sequence or start a new one.
 */
import {
  joinTxt,
  partitionPoint,
  trimTxt,
  txt,
  type Doc,
  type Line,
  type Range,
  type Section,
  type SourceHeading,
  type Txt,
  workingOffset,
} from '../pipeline/doc.js';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105. */
export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch in CN_DIGITS) current = CN_DIGITS[ch];
    else return NaN;
  }
  return total + current;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = '一二三四五六七八九十百零〇两';

export interface Marker {
  family: string;
  value: number;
  /** Offsets in doc.text: the marker itself, then the heading after it. */
  start: number;
  markerEnd: number;
}

/**
 * One regex for every family; the group that matched names the family. The arabic forms need a
 * Chinese character (or quote) after the dot so decimals (`3.3人`) and dates never match.
 */
const MARKER_SOURCE =
  `(?<part>第[${CN}\\d]+[编篇部](?:分)?)\\s*|(?<chapter>第[${CN}\\d]+章)\\s*|(?<section>第[${CN}\\d]+节)\\s*|(?<article>第[${CN}\\d]+条)\\s*` +
  `|(?<annex>附件\\s*\\d{0,2}\\s*[:：]?)(?=[\\u4e00-\\u9fffA-Za-z0-9《“])|(?<box>专栏\\s*\\d+)|(?<cn>[${CN}]{1,3})\\s*[、．.]|[（(]\\s*(?<cnp>[${CN}]{1,3})\\s*[）)]` +
  `|(?<num>\\d{1,2})\\s?[.．、](?=[\\u4e00-\\u9fff“《（(])|[（(](?<nump>\\d{1,2})[）)]|(?<circled>[${CIRCLED}])`;
const LINE_MARKER = new RegExp(`^\\s*(?:${MARKER_SOURCE})`);
const INLINE_MARKER = new RegExp(MARKER_SOURCE, 'g');

function markerFromMatch(m: RegExpExecArray, offset: number): Marker | null {
  const g = m.groups!;
  for (const family of ['part', 'chapter', 'section', 'article', 'annex', 'box', 'cn', 'cnp', 'num', 'nump', 'circled']) {
    const v = g[family];
    if (v === undefined) continue;
    let value: number;
    if (family === 'circled') value = CIRCLED.indexOf(v) + 1;
    else if (family === 'box') value = Number(v.replace(/\D/g, ''));
    else if (family === 'annex') value = Number(v.replace(/\D/g, '') || '1');
    else value = chineseNumber(v.replace(/^第|[编篇部分章节条]$/g, '').replace(/[编篇部分章节条]$/, ''));
    if (!Number.isFinite(value) || value <= 0) return null;
    return { family, value, start: offset + m.index + (m[0].length - m[0].trimStart().length), markerEnd: offset + m.index + m[0].length };
  }
  return null;
}

/** Families that are items inside a 专栏 box rather than outline levels of their own. */
const BOX_ITEM_FAMILIES = new Set(['nump', 'circled']);
const INLINE_MIN_LINE = 120;

interface OpenLevel {
  family: string;
  value: number;
  section: Section;
}

/** A full stop, or an ASCII period between Chinese characters (OCR's full stop). */
const SENTENCE_STOP = /[。！？?；;]|\.(?=[\u4e00-\u9fff])/;
const CLAUSE_STOP = /[，,：:]/;
/** A bracketed marker glued to a heading in flattened text (`二、行动任务(一)等级提升行动`). */
const GLUED_MARKER = new RegExp(
  `[（(](?:[${CN}]{1,3}|\\d{1,2})[）)]|(?<=[\\u4e00-\\u9fff])\\d{1,2}\\s?[.．](?=[\\u4e00-\\u9fff])|第[${CN}\\d]{1,4}[章节篇编]`,
);
/** A line holding a second chapter-like marker after its start (`第三篇推进改革开放第十三章深化各项改革`). */
const SECOND_CHAPTER = new RegExp(`.{2}第[${CN}\\d]{1,4}[章节篇编]`);

/** The heading is the phrase up to the first full stop (`1.健全应急指挥体系。健全…`), if short. */
function headingEnd(text: string, from: number, limit: number): number {
  const line = text.slice(from, limit);
  const glued = line.slice(1).search(GLUED_MARKER);
  // A dated statement glued to its heading (`一、工作目标到2025年，…`) starts the text.
  const dated = line.slice(2).search(/(?:到|至)(?:19|20)\d{2}\s*年/);
  const cap = Math.min(glued >= 0 ? glued + 1 : line.length, dated >= 0 ? dated + 2 : line.length);
  const stop = line.search(SENTENCE_STOP);
  if (stop >= 0 && stop <= 40 && stop <= cap) return from + stop;
  if (cap < line.length && cap <= 40) return from + cap;
  if (stop < 0 && line.trim().length <= 40) return limit;
  const clause = line.search(CLAUSE_STOP);
  if (clause >= 0 && clause <= 30) return from + clause;
  return from + Math.min(line.length, 30);
}

function articleHeadingEnd(text: string, from: number, limit: number): number {
  const stop = text.slice(from, limit).search(SENTENCE_STOP);
  return stop < 0 ? limit : from + stop;
}

export function keptText(doc: Doc, lines: readonly Line[], a: number, b: number): Txt {
  const parts: Txt[] = [];
  // Lines are in order: start at the first one that ends after `a`.
  const first = partitionPoint(lines.length, (i) => lines[i].end > a);
  for (let k = first; k < lines.length && lines[k].start < b; k++) {
    const l = lines[k];
    if (l.end <= a || l.removed || l.table) continue;
    const piece = trimTxt(txt(doc, Math.max(a, l.start), Math.min(b, l.end)));
    if (piece.s) parts.push(piece);
  }
  return joinTxt(parts, '\n');
}

function acceptInline(m: Marker, text: string, open: readonly OpenLevel[], last: ReadonlyMap<string, number>): boolean {
  const before = m.start > 0 ? text[m.start - 1] : '';
  if (/[0-9A-Za-z.．]/.test(before)) return false;
  const level = open.find((o) => o.family === m.family);
  if (level) return m.value === level.value + 1;
  // Numbering that runs on across parent sections (`（一）…1.…2.…（二）3.…`).
  if (m.value > 1 && last.get(m.family) === m.value - 1) return true;
  if (m.value !== 1) return false;
  if (m.family === 'cnp' || m.family === 'nump' || m.family === 'num') return true;
  return /[。：:；;！？]/.test(before);
}

/** Titles and captions a page may mark up like headings. */
const NOT_A_HEADING = /(?:通知|方案|规划|意见|要点|计划|办法|细则|措施|决定|公告|通告|纲要|解读|附件|下载|链接|阅读)$|^附件/;

/**
 * Headings a page marks up instead of numbering (`<h3>提升政务服务效能</h3>`, a bold run-in), by the
 * source offset where their text starts; null where the page numbers its own outline (一、, 第一章)
 * or marks up fewer than two.
 */
function markedHeadings(doc: Doc): Map<number, SourceHeading> | null {
  if (doc.headings.length < 2) return null;
  let numbered = 0;
  for (const line of doc.lines) {
    if (line.removed || line.table) continue;
    const lm = LINE_MARKER.exec(doc.text.slice(line.start, Math.min(line.end, line.start + 16)));
    const family = lm ? Object.entries(lm.groups!).find(([, v]) => v !== undefined)?.[0] : undefined;
    if (family === 'cn' || family === 'chapter' || family === 'part') numbered++;
    if (numbered >= 2) return null;
  }
  const byStart = new Map<number, SourceHeading>();
  for (const h of doc.headings) {
    const text = doc.text.slice(workingOffset(doc.map, h.start), workingOffset(doc.map, h.end));
    if (text.length > 40 || NOT_A_HEADING.test(text.replace(/[。；;：:\s]+$/, ''))) continue;
    byStart.set(h.start, h);
  }
  return byStart.size >= 2 ? byStart : null;
}

export function segment(doc: Doc): Doc {
  const lines = doc.lines;
  const roots: Section[] = [];
  const all: { section: Section; markerStart: number }[] = [];
  let open: OpenLevel[] = [];
  const lastValue = new Map<string, number>();

  const place = (m: Marker, headingStop: number) => {
    // A box stands beside the numbered items of its section, not inside the last one.
    if (m.family === 'box') {
      while (open.length && ['num', 'nump', 'circled', 'box'].includes(open[open.length - 1].family)) open.pop();
    }
    if (!BOX_ITEM_FAMILIES.has(m.family)) {
      const box = open.findIndex((o) => o.family === 'box');
      if (box >= 0 && m.family !== 'box') open = open.slice(0, box);
    }
    // An appendix starts an outline of its own, whatever was open before it.
    if (m.family === 'annex') open = [];
    const at = open.findIndex((o) => o.family === m.family);
    if (at >= 0) open = open.slice(0, at);
    const parent = open.length ? open[open.length - 1].section : null;
    const siblings = parent ? parent.children : roots;
    const id = parent ? `${parent.id}.${siblings.length + 1}` : `${siblings.length + 1}`;
    const number = doc.text.slice(m.start, m.markerEnd).trim();
    let heading = trimTxt(txt(doc, m.markerEnd, headingStop), ' \t|｜');
    if (m.family === 'box') heading = trimTxt(txt(doc, m.start, headingStop), ' \t|｜');
    const section: Section = {
      id,
      number,
      family: m.family,
      level: open.length + 1,
      heading,
      text: { s: '', o: '' },
      range: [m.start, headingStop],
      span: [m.start, doc.text.length],
      children: [],
    };
    siblings.push(section);
    all.push({ section, markerStart: m.start });
    open.push({ family: m.family, value: m.value, section });
    lastValue.set(m.family, m.value);
  };

  const marked = markedHeadings(doc);
  const seen = new Map<string, number>();
  for (const line of lines) {
    if (line.removed || line.table) continue;
    const text = doc.text.slice(line.start, line.end);
    let scanFrom = line.start;
    const lm = LINE_MARKER.exec(text);
    if (lm) {
      const m = markerFromMatch(lm, line.start);
      if (m) {
        // An article (`第三条　…`) has no title: its first sentence stands for one, never cut inside.
        const stop =
          m.family === 'article' ? articleHeadingEnd(doc.text, m.markerEnd, line.end) : headingEnd(doc.text, m.markerEnd, line.end);
        place(m, stop);
        scanFrom = stop;
      }
    } else if (marked) {
      const lead = line.start + (text.length - text.trimStart().length);
      const h = marked.get(doc.map[lead]);
      if (h) {
        // A heading of the page's markup: as deep as its rank, beside headings of its rank or above.
        const family = `h${h.rank}`;
        while (open.length && /^h\d$/.test(open[open.length - 1].family) && Number(open[open.length - 1].family[1]) >= h.rank) open.pop();
        const value = (seen.get(family) ?? 0) + 1;
        seen.set(family, value);
        let stop = Math.min(line.end, workingOffset(doc.map, h.end));
        while (stop > lead && /[。；;：:\s]/.test(doc.text[stop - 1])) stop--;
        place({ family, value, start: lead, markerEnd: lead }, stop);
        scanFrom = stop;
      }
    }
    if (line.end - line.start < INLINE_MIN_LINE && !/专栏|[（(]\d[）)]/.test(text) && !SECOND_CHAPTER.test(text)) continue;
    // Inline markers: long flattened lines, and 专栏 lines holding several （N） items.
    INLINE_MARKER.lastIndex = scanFrom - line.start;
    for (let im = INLINE_MARKER.exec(text); im; im = INLINE_MARKER.exec(text)) {
      const m = markerFromMatch(im, line.start);
      if (!m || m.start < scanFrom || !acceptInline(m, doc.text, open, lastValue)) continue;
      const stop = headingEnd(doc.text, m.markerEnd, line.end);
      place(m, stop);
      INLINE_MARKER.lastIndex = Math.max(INLINE_MARKER.lastIndex, stop - line.start);
    }
  }

  // Spans and own text: a section runs to the next marker at its level or above; its own text
  // runs from its heading to the next marker of any level.
  all.sort((a, b) => a.markerStart - b.markerStart);
  for (let k = 0; k < all.length; k++) {
    const s = all[k].section;
    const nextAny = k + 1 < all.length ? all[k + 1].markerStart : doc.text.length;
    let nextSame = doc.text.length;
    for (let q = k + 1; q < all.length; q++) {
      if (all[q].section.level <= s.level) {
        nextSame = all[q].markerStart;
        break;
      }
    }
    s.span = [s.range[0], nextSame];
    const from =
      SENTENCE_STOP.test(doc.text.slice(s.range[1], s.range[1] + 2)) &&
      SENTENCE_STOP.exec(doc.text.slice(s.range[1], s.range[1] + 2))!.index === 0
        ? s.range[1] + 1
        : s.range[1];
    s.text = trimTxt(keptText(doc, lines, from, nextAny), '|｜');
  }
  // Tables were rebuilt before the outline existed; now they can say where they stand.
  const tables = doc.tables.map((t) => ({ ...t, section: sectionAt(roots, t.range[0])?.id ?? null }));
  return { ...doc, sections: roots, tables };
}

interface SectionIndex {
  flat: Section[];
  byId: Map<string, Section>;
}

const indexes = new WeakMap<readonly Section[], SectionIndex>();

/** The outline in document order, and by id; computed once per outline. */
export function sectionIndex(sections: readonly Section[]): SectionIndex {
  let index = indexes.get(sections);
  if (!index) {
    const flat: Section[] = [];
    const walk = (list: readonly Section[]) => {
      for (const s of list) {
        flat.push(s);
        walk(s.children);
      }
    };
    walk(sections);
    index = { flat, byId: new Map(flat.map((s) => [s.id, s])) };
    indexes.set(sections, index);
  }
  return index;
}

export function flattenSections(sections: readonly Section[]): Section[] {
  return sectionIndex(sections).flat;
}

/** A section and the sections that hold it, innermost first. */
export function withAncestors(sections: readonly Section[], s: Section): Section[] {
  const { byId } = sectionIndex(sections);
  const chain: Section[] = [s];
  for (let id = s.id; id.includes('.');) {
    id = id.slice(0, id.lastIndexOf('.'));
    const p = byId.get(id);
    if (p) chain.push(p);
  }
  return chain;
}

/** The deepest section whose span holds the offset (siblings are in order: binary search). */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  const k = partitionPoint(sections.length, (i) => sections[i].span[1] > offset);
  const s = sections[k];
  return s && s.span[0] <= offset ? (sectionAt(s.children, offset) ?? s) : null;
}

export type { Range };
