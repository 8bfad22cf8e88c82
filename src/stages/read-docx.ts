/**
 * read-docx: a Word document → one line per paragraph (and per table cell), in document order.
 *
 * word/document.xml is read with fast-xml-parser keeping order and text as written; Word's
 * automatic numbering is resolved from numbering.xml (directly or through the paragraph style), so
 * `一、` headings that Word generates are in the text as a reader sees them; tables become grids
 * with w:gridSpan and w:vMerge expanded; footnotes follow the body. The lines are the document's
 * text: `origin.line` is the paragraph number.
 */
import { XMLParser } from 'fast-xml-parser';
import { InputError } from './decode.js';
import type { SourceGrid } from '../pipeline/doc.js';
import type { SourceGridCell } from './read-html.js';

type XmlNode = Record<string, unknown>;

/** How deep the parser follows elements (its default); the reader's own walks recurse no deeper. */
const MAX_XML_NESTING = 100;
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  maxNestedTags: MAX_XML_NESTING,
  jPath: false,
});

/** The five XML entities and character references, decoded by hand: entity processing is off. */
function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

export function parseXml(name: string, bytes: Uint8Array): XmlNode[] {
  const xml = new TextDecoder('utf-8').decode(bytes);
  // Word never writes a DOCTYPE; one with entity declarations is an entity-expansion attack.
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || /<!ENTITY/i.test(xml)) {
    throw new InputError('XML_ENTITIES', `${name} declares XML entities (refused: possible entity bomb)`);
  }
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    // The parser's own bound on depth (Word nests a few dozen at most): the XML may be fine.
    if (/Maximum nested tags/.test(reason)) throw new InputError('TOO_DEEP', `${name} nests elements more than ${MAX_XML_NESTING} deep`);
    throw new InputError('BAD_DOCX', `${name} is not well-formed XML (${reason})`);
  }
}

const tagOf = (n: XmlNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: XmlNode): XmlNode[] => (n[tagOf(n)] as XmlNode[]) ?? [];
const attrs = (n: XmlNode): Record<string, string> => (n[':@'] as Record<string, string>) ?? {};
const child = (n: XmlNode, tag: string): XmlNode | undefined => kids(n).find((c) => tagOf(c) === tag);
const find = (nodes: XmlNode[], tag: string): XmlNode | undefined => {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const inner = find(kids(n), tag);
    if (inner) return inner;
  }
  return undefined;
};

interface Level {
  format: string;
  text: string;
  start: number;
}

/** Numbering definitions: numId → levels (after overrides). */
export interface Numbering {
  levels: Map<string, Level[]>;
  /** numId → the abstract definition it shares counters with. */
  abstractOf: Map<string, string>;
  /** style id → its numbering. */
  styles: Map<string, { numId: string; ilvl: number }>;
}

export function readNumbering(numbering: XmlNode[] | null, styles: XmlNode[] | null): Numbering {
  const abstract = new Map<string, Level[]>();
  const levels = new Map<string, Level[]>();
  const abstractOf = new Map<string, string>();
  const root = numbering ? find(numbering, 'w:numbering') : undefined;
  for (const n of root ? kids(root) : []) {
    if (tagOf(n) !== 'w:abstractNum') continue;
    const lv: Level[] = [];
    for (const l of kids(n)) {
      if (tagOf(l) !== 'w:lvl') continue;
      const i = Number(attrs(l)['w:ilvl'] ?? 0);
      lv[i] = {
        format: attrs(child(l, 'w:numFmt') ?? {})['w:val'] ?? 'decimal',
        text: attrs(child(l, 'w:lvlText') ?? {})['w:val'] ?? '',
        start: Number(attrs(child(l, 'w:start') ?? {})['w:val'] ?? 1),
      };
    }
    abstract.set(attrs(n)['w:abstractNumId'], lv);
  }
  for (const n of root ? kids(root) : []) {
    if (tagOf(n) !== 'w:num') continue;
    const id = attrs(n)['w:numId'];
    const abs = attrs(child(n, 'w:abstractNumId') ?? {})['w:val'];
    const lv = [...(abstract.get(abs) ?? [])];
    for (const o of kids(n)) {
      if (tagOf(o) !== 'w:lvlOverride') continue;
      const i = Number(attrs(o)['w:ilvl'] ?? 0);
      const start = child(o, 'w:startOverride');
      if (start && lv[i]) lv[i] = { ...lv[i], start: Number(attrs(start)['w:val'] ?? 1) };
    }
    levels.set(id, lv);
    // A numbering instance that overrides its start is a list of its own (Word restarts it);
    // without overrides it continues the list of its abstract definition.
    const restarts = kids(n).some((o) => tagOf(o) === 'w:lvlOverride');
    abstractOf.set(id, restarts ? `num:${id}` : abs);
  }
  const styleNumbering = new Map<string, { numId: string; ilvl: number }>();
  const basedOn = new Map<string, string>();
  const stylesRoot = styles ? find(styles, 'w:styles') : undefined;
  for (const s of stylesRoot ? kids(stylesRoot) : []) {
    if (tagOf(s) !== 'w:style') continue;
    const id = attrs(s)['w:styleId'];
    const base = attrs(find(kids(s), 'w:basedOn') ?? {})['w:val'];
    if (id && base) basedOn.set(id, base);
    const numPr = find(kids(s), 'w:numPr');
    const numId = numPr ? attrs(child(numPr, 'w:numId') ?? {})['w:val'] : undefined;
    if (numId) styleNumbering.set(id, { numId, ilvl: Number(attrs(child(numPr!, 'w:ilvl') ?? {})['w:val'] ?? 0) });
  }
  // A style without numbering of its own takes its base style's (`公文二级标题` based on Heading 2).
  for (const id of basedOn.keys()) {
    if (styleNumbering.has(id)) continue;
    let base = basedOn.get(id);
    for (let depth = 0; base !== undefined && depth < 10; depth++, base = basedOn.get(base)) {
      const inherited = styleNumbering.get(base);
      if (inherited) {
        styleNumbering.set(id, inherited);
        break;
      }
    }
  }
  return { levels, abstractOf, styles: styleNumbering };
}

const CN_DIGITS = '零一二三四五六七八九';

export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'chineseLegalSimplified':
      return chineseCounting(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperRoman':
    case 'lowerRoman': {
      const r = toRoman(n);
      return format === 'upperRoman' ? r : r.toLowerCase();
    }
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}

/** Counters of automatic numbering, per abstract definition and level. */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();
  constructor(private readonly numbering: Numbering) {}

  label(numId: string, ilvl: number): string {
    const levels = this.numbering.levels.get(numId);
    if (!levels || numId === '0') return '';
    const key = this.numbering.abstractOf.get(numId) ?? numId;
    const counts = this.counters.get(key) ?? [];
    const level = levels[ilvl];
    if (!level) return '';
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    for (let deeper = ilvl + 1; deeper < counts.length; deeper++) counts[deeper] = undefined as unknown as number;
    this.counters.set(key, counts);
    if (level.format === 'bullet') return '';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels[i];
      return l ? formatNumber(counts[i] ?? l.start, l.format) : '';
    });
  }
}

export interface DocxRead {
  text: string;
  grids: SourceGrid[];
}

class Lines {
  readonly lines: string[] = [];
  private length = 0;
  /** Adds a line and returns its [start, end) in the joined text. */
  add(line: string): [number, number] {
    const start = this.length + (this.lines.length ? 1 : 0);
    this.lines.push(line);
    this.length = start + line.length;
    return [start, start + line.length];
  }
}

function runText(nodes: XmlNode[], footnote: (id: string) => string): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    // Text is in w:t only: the text of other elements is layout (a drawing's `center`, `3086100`).
    if (tag === '#text') continue;
    else if (tag === 'w:t')
      out += kids(n)
        .map((t) => decodeXml(String(t['#text'] ?? '')))
        .join('');
    else if (tag === 'w:tab') out += '\t';
    // A manual line break stays inside its paragraph, so that a line is still a paragraph.
    else if (tag === 'w:br' || tag === 'w:cr') out += ' ';
    else if (tag === 'w:footnoteReference') out += footnote(attrs(n)['w:id'] ?? '');
    // Deleted and moved-away text of tracked changes is not the document's.
    else if (
      tag === 'w:instrText' ||
      tag === 'w:delText' ||
      tag === 'w:moveFrom' ||
      tag === 'w:pPr' ||
      tag === 'w:rPr' ||
      tag === 'mc:Fallback'
    )
      continue;
    else out += runText(kids(n), footnote);
  }
  return out;
}

export function readDocx(parts: {
  document: XmlNode[];
  numbering: XmlNode[] | null;
  styles: XmlNode[] | null;
  footnotes: XmlNode[] | null;
}): DocxRead {
  const numbering = readNumbering(parts.numbering, parts.styles);
  const counter = new NumberingCounter(numbering);
  const out = new Lines();
  const grids: SourceGrid[] = [];
  const footnoteIds: string[] = [];
  const footnote = (id: string) => {
    if (!footnoteIds.includes(id)) footnoteIds.push(id);
    return `[${footnoteIds.indexOf(id) + 1}]`;
  };

  const paragraphText = (p: XmlNode): string => {
    const pPr = child(p, 'w:pPr');
    let numId: string | undefined;
    let ilvl = 0;
    const numPr = pPr ? child(pPr, 'w:numPr') : undefined;
    if (numPr) {
      numId = attrs(child(numPr, 'w:numId') ?? {})['w:val'];
      ilvl = Number(attrs(child(numPr, 'w:ilvl') ?? {})['w:val'] ?? 0);
    } else {
      const style = pPr ? attrs(child(pPr, 'w:pStyle') ?? {})['w:val'] : undefined;
      const viaStyle = style ? numbering.styles.get(style) : undefined;
      if (viaStyle) ({ numId, ilvl } = viaStyle);
    }
    const text = runText(
      kids(p).filter((c) => tagOf(c) !== 'w:pPr'),
      footnote,
    );
    const label = numId && text.trim() ? counter.label(numId, ilvl) : '';
    return `${label}${text}`;
  };

  /**
   * A data table: two rows or more, one with two cells or more, and no table inside a cell. Other
   * tables (a one-cell frame around the whole text, a layout grid holding tables) are read as
   * running text, cell by cell.
   */
  const isDataTable = (tbl: XmlNode): boolean => {
    const rows = kids(tbl).filter((c) => tagOf(c) === 'w:tr');
    const cells = rows.map((tr) => kids(tr).filter((c) => tagOf(c) === 'w:tc'));
    return rows.length >= 2 && cells.some((row) => row.length >= 2) && !cells.some((row) => row.some(holdsTable));
  };

  const table = (tbl: XmlNode) => {
    if (!isDataTable(tbl)) {
      for (const tr of kids(tbl).filter((c) => tagOf(c) === 'w:tr'))
        for (const tc of kids(tr).filter((c) => tagOf(c) === 'w:tc')) visit(kids(tc));
      return;
    }
    const rows: (SourceGridCell | null)[][] = [];
    const open: (SourceGridCell | null)[] = [];
    for (const tr of kids(tbl).filter((c) => tagOf(c) === 'w:tr')) {
      const row: (SourceGridCell | null)[] = [];
      let col = 0;
      for (const tc of kids(tr).filter((c) => tagOf(c) === 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const spanCols = Math.min(Math.max(Number(attrs(child(tcPr ?? {}, 'w:gridSpan') ?? {})['w:val'] ?? 1) || 1, 1), 100);
        const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
        const continues = vMerge !== undefined && (attrs(vMerge)['w:val'] ?? 'continue') !== 'restart';
        let cell: SourceGridCell | null;
        if (continues && open[col]) {
          cell = { ...open[col]!, spanned: true };
        } else {
          const text = paragraphsIn(tc)
            .map(paragraphText)
            .map((t) => t.trim())
            .filter(Boolean)
            .join(' ');
          if (text) {
            const [start, end] = out.add(text);
            cell = { start, end, spanned: false };
          } else cell = null;
        }
        for (let k = 0; k < spanCols; k++) {
          row[col + k] = cell && k > 0 ? { ...cell, spanned: true } : cell;
          open[col + k] = cell;
        }
        col += spanCols;
      }
      rows.push(row);
    }
    if (rows.length >= 2) grids.push({ rows });
  };

  // Content controls and custom XML wrap paragraphs and tables anywhere.
  const isWrapper = (tag: string) => tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml';
  const paragraphsIn = (n: XmlNode): XmlNode[] =>
    kids(n).flatMap((c) => (tagOf(c) === 'w:p' ? [c] : isWrapper(tagOf(c)) ? paragraphsIn(c) : []));
  const holdsTable = (n: XmlNode): boolean =>
    kids(n).some((c) => {
      const tag = tagOf(c);
      return tag === 'w:tbl' || (isWrapper(tag) && holdsTable(c));
    });

  const body = find(parts.document, 'w:body');
  if (!body) throw new InputError('BAD_DOCX', 'word/document.xml has no body');
  const visit = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const text = paragraphText(n);
        if (text.trim()) out.add(text);
      } else if (tag === 'w:tbl') table(n);
      else if (isWrapper(tag)) visit(kids(n));
    }
  };
  visit(kids(body));

  // Footnotes, in the order the text refers to them.
  if (parts.footnotes && footnoteIds.length) {
    const root = find(parts.footnotes, 'w:footnotes');
    const notes = new Map<string, string>();
    for (const f of root ? kids(root) : []) {
      if (tagOf(f) !== 'w:footnote') continue;
      const text = kids(f)
        .filter((c) => tagOf(c) === 'w:p')
        .map((p) => runText(kids(p), () => ''))
        .join(' ')
        .trim();
      notes.set(attrs(f)['w:id'], text);
    }
    footnoteIds.forEach((id, i) => {
      const t = notes.get(id);
      if (t) out.add(`[${i + 1}] ${t}`);
    });
  }
  return { text: out.lines.join('\n'), grids };
}
