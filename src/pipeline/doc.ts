/**
 * The document that travels through the stages. Each stage takes a Doc and returns a new one with
 * its own part filled in; nothing here touches files.
 *
 * Positions: every `Range` is `[start, end)` in `doc.text`, the normalized working text. `doc.map`
 * takes any such offset back to the decoded source, and only the output layer turns that into
 * `origin: { line, text }`.
 */
export type Range = [number, number];

/** A piece of output text in both scripts: `s` is the analysis (simplified) form, `o` the source's. */
export interface Txt {
  s: string;
  o: string;
}

export type SourceFormat = 'text' | 'html' | 'docx';
export type Script = 'traditional' | 'simplified' | 'mixed';
export type RemovedKind = 'spam' | 'navigation' | 'boilerplate' | 'artifact';

export interface Message {
  code: string;
  message: string;
  range?: Range;
  /** A source offset, for messages about text that normalization took out of `doc.text`. */
  sourceOffset?: number;
}

export interface Removal {
  kind: RemovedKind;
  reason: string;
  /** Either a range in the working text or, for artifacts repaired away, a source range. */
  range?: Range;
  sourceRange?: Range;
}

export interface Line {
  start: number;
  end: number;
  removed?: { kind: RemovedKind; reason: string };
  /** Set when the line belongs to a rebuilt table. */
  table?: string;
}

export interface Section {
  id: string;
  number: string;
  family: string;
  level: number;
  heading: Txt;
  text: Txt;
  /** Where the heading is. */
  range: Range;
  /** From the heading to the start of the next section of the same or a higher level. */
  span: Range;
  children: Section[];
}

export interface Table {
  id: string;
  section: string | null;
  header: Txt[];
  rows: Txt[][];
  range: Range;
  rowRanges: Range[];
  /** Per row, the ranges of its cells (null where a cell was carried down or is missing). */
  cellRanges: (Range | null)[][];
  /** For a table rebuilt from numbered items, the section id of each row's item. */
  items?: string[];
}

export type Comparator = '>=' | '<=' | '>' | '<' | '=' | '~';

export interface Value {
  raw: Txt;
  value: number | null;
  comparator: Comparator | null;
  unit: string | null;
  year: number | null;
}

export interface Goal {
  year: number;
  text: Txt;
  range: Range;
  section: string | null;
}

export interface Indicator {
  name: Txt;
  category: Txt | null;
  baseline: Value | null;
  target: Value | null;
  nature: '预期性' | '约束性' | null;
  section: string | null;
  table: string | null;
  range: Range;
}

export interface Task {
  text: Txt;
  deadline: number | null;
  deadlineText: Txt | null;
  lead: Txt[];
  support: Txt[];
  section: string | null;
  table: string | null;
  range: Range;
}

export interface DocumentFacts {
  title: Txt | null;
  docNumber: Txt | null;
  issuer: Txt[];
  date: string | null;
  dateSource: string | null;
  region: Txt | null;
  kind: string | null;
  period: { start: number; end: number } | null;
}

/** A table the reader found whole (HTML <table>, Word w:tbl): cells as source ranges. */
export interface SourceGrid {
  rows: ({ start: number; end: number; spanned: boolean } | null)[][];
}

/** What a page's <meta> tags say about the article. */
/**
 * A heading written as markup: an `<h2>`–`<h6>` (rank 2–6) or a bold run-in that opens a paragraph
 * (`<p><strong>深化改革。</strong>推动…</p>`, rank 7). Source offsets of its text.
 */
export interface SourceHeading {
  start: number;
  end: number;
  rank: number;
}

export interface PageHints {
  /** `<meta name="ArticleTitle">`. */
  title: string | null;
  /** The longest part of the page's <title> (site names cut off). */
  pageTitle: string | null;
  date: string | null;
  source: string | null;
}

export interface Doc {
  path: string;
  format: SourceFormat;
  encoding: string;
  sha256: string;
  /** The decoded input, exactly as read. */
  source: string;
  /** Normalized working text in the analysis script (simplified). */
  text: string;
  /** Same length as `text`, in the source's own script. */
  original: string;
  map: Int32Array;
  script: Script;
  lines: Line[];
  sections: Section[];
  tables: Table[];
  facts: DocumentFacts;
  goals: Goal[];
  indicators: Indicator[];
  tasks: Task[];
  removed: Removal[];
  messages: Message[];
  /** Tables the reader found whole, in source offsets. */
  grids: SourceGrid[];
  /** Source ranges of page text outside the main content (HTML). */
  outside: [number, number][];
  hints: PageHints | null;
  /** Headings a page marks up instead of numbering, in source offsets. */
  headings: SourceHeading[];
  /** Lines a batch found on many of its pages (site templates), in the source's script, without spaces. */
  templates?: ReadonlySet<string>;
}

export function emptyFacts(): DocumentFacts {
  return { title: null, docNumber: null, issuer: [], date: null, dateSource: null, region: null, kind: null, period: null };
}

/** The text of a working-text range in both scripts. */
export function txt(doc: Pick<Doc, 'text' | 'original'>, start: number, end: number): Txt {
  return { s: doc.text.slice(start, end), o: doc.original.slice(start, end) };
}

export function joinTxt(parts: readonly Txt[], sep = ''): Txt {
  return { s: parts.map((p) => p.s).join(sep), o: parts.map((p) => p.o).join(sep) };
}

/** Trim whitespace (and the given extra characters) from both ends, keeping both scripts aligned. */
export function trimTxt(t: Txt, extra = ''): Txt {
  const isTrim = (c: string) => /\s/.test(c) || c === '\u3000' || extra.includes(c);
  let a = 0;
  let b = t.s.length;
  while (a < b && isTrim(t.s[a])) a++;
  while (b > a && isTrim(t.s[b - 1])) b--;
  return { s: t.s.slice(a, b), o: t.o.slice(a, b) };
}

/** Lines that survived spam stripping and are not part of a table. */
export function bodyLines(doc: Pick<Doc, 'lines'>): Line[] {
  return doc.lines.filter((l) => !l.removed && !l.table);
}

/** The sentences of the body (kept lines outside tables), each with its offsets in `doc.text`. */
export function* bodySentences(doc: Pick<Doc, 'lines' | 'text'>): Generator<{ start: number; end: number; text: string; line: Line }> {
  const re = /[^。；;！？\n]+[。；;！？]?/g;
  for (const line of doc.lines) {
    if (line.removed || line.table) continue;
    const text = doc.text.slice(line.start, line.end);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = line.start + m.index;
      yield { start, end: start + m[0].length, text: m[0], line };
    }
  }
}

/** Each line's `[start, end)` in the text, without its line break. */
export function splitIntoLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start, end });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

/** The first index in `[0, n)` where `after(i)` holds, for a predicate that turns true once and stays (else n). */
export function partitionPoint(n: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first working-text offset whose source offset is at or after `sourceOffset` (the map is monotonic). */
export function workingOffset(map: Int32Array, sourceOffset: number): number {
  return partitionPoint(map.length - 1, (i) => map[i] >= sourceOffset);
}
