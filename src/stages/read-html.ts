/**
 * read-html: a scraped web page → lines of page text, each character mapped to its offset in the
 * raw HTML, plus the page's data tables as grids and what its <meta> tags say.
 *
 * The cascade, in order:
 *   1. parse with cheerio (htmlparser2, with source positions); drop script, style, forms, iframes;
 *   2. find the main content: a known content container (TRS_Editor, #zoom, .article, …) holding
 *      enough text, else the block with the most Chinese text outside links;
 *   3. walk the body in document order, one line per block element and per table cell, collapsing
 *      whitespace; text outside the main content is recorded so the strip stage can drop it
 *      (headings and the info bar above the article stay: they carry the title and the date);
 *   4. data tables (no table nested inside, two columns or more) become grids with rowspan and
 *      colspan expanded, each cell pointing at its own text.
 */
import { load } from 'cheerio/slim';
import type { MappedText } from '../pipeline/mapped-text.js';
import type { PageHints, SourceGrid } from '../pipeline/doc.js';

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
  startIndex?: number | null;
  endIndex?: number | null;
}

/** A cell of a grid: the source range of its text; `spanned` where rowspan/colspan repeats it. */
export type SourceGridCell = NonNullable<SourceGrid['rows'][number][number]>;

export interface HtmlRead {
  mapped: MappedText;
  grids: SourceGrid[];
  /** Source ranges of text outside the main content. */
  outside: [number, number][];
  hints: PageHints;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'template',
  'map',
  'head',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'blockquote',
  'pre',
  'form',
  'fieldset',
  'address',
  'center',
  'hr',
  'title',
  'body',
  'html',
  'figure',
  'figcaption',
  'menu',
]);
/** Containers that government CMSs use for the article body. */
const CONTENT_SELECTORS = [
  '.TRS_Editor',
  '#zoom',
  '#UCAP-CONTENT',
  '.pages_content',
  '.article-content',
  '.article_content',
  '.article',
  '#article',
  '.bt_content',
  '.content',
  '#content',
  '.main-content',
  '.xxgk_content',
  '.news_content',
  '.text',
  '#Zoom',
  '.zw',
  '#zw',
  '.con',
  '.wzy_content',
];
/** Page furniture by class or id. */
const FURNITURE =
  /(?:^|[\s_-])(?:nav|menu|footer|foot|header|head|breadcrumb|crumb|share|sidebar|side|related|links?|copyright|banner|toolbar|search|login|topbar|subnav|weizhi|position|location)(?:$|[\s_-]|\d)/i;

function textOf(n: DomNode): string {
  if (n.type === 'text') return n.data ?? '';
  if (n.type !== 'tag' && n.type !== 'root') return '';
  if (n.name && SKIP.has(n.name)) return '';
  return (n.children ?? []).map(textOf).join('');
}

function linkTextOf(n: DomNode): string {
  if (n.type !== 'tag' && n.type !== 'root') return '';
  if (n.name === 'a') return textOf(n);
  return (n.children ?? []).map(linkTextOf).join('');
}

const HAN = /[\u4e00-\u9fff]/g;
const hanCount = (s: string) => s.match(HAN)?.length ?? 0;

function elements(root: DomNode, out: DomNode[] = []): DomNode[] {
  for (const c of root.children ?? []) {
    if (c.type === 'tag' && !SKIP.has(c.name!)) {
      out.push(c);
      elements(c, out);
    }
  }
  return out;
}

/** Every element, <head> included. */
function allTags(n: DomNode, out: DomNode[] = []): DomNode[] {
  for (const c of n.children ?? []) {
    if (c.type !== 'tag') continue;
    out.push(c);
    allTags(c, out);
  }
  return out;
}

/** The first element of a name anywhere, <head> included. */
function findTag(n: DomNode, name: string): DomNode | null {
  for (const c of n.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === name) return c;
    const inner = findTag(c, name);
    if (inner) return inner;
  }
  return null;
}

function matchesSelector(n: DomNode, selector: string): boolean {
  const cls = (n.attribs?.class ?? '').split(/\s+/);
  const id = n.attribs?.id ?? '';
  if (selector.startsWith('.')) return cls.includes(selector.slice(1));
  if (selector.startsWith('#')) return id === selector.slice(1);
  return n.name === selector;
}

/** Chinese characters of a block that are not link text: the article is dense, menus are links. */
function contentScore(n: DomNode): number {
  const text = textOf(n);
  const han = hanCount(text);
  const links = hanCount(linkTextOf(n));
  const punctuation = (text.match(/[。，；：！？]/g) ?? []).length;
  return han - 2 * links + 5 * punctuation;
}

export function findMainContent(root: DomNode): DomNode | null {
  const all = elements(root);
  for (const selector of CONTENT_SELECTORS) {
    const found = all.filter((n) => matchesSelector(n, selector)).sort((a, b) => hanCount(textOf(b)) - hanCount(textOf(a)))[0];
    if (found && hanCount(textOf(found)) >= 50) return found;
  }
  // Text density: the block with the best score, then the smallest block inside it that keeps most of it.
  const candidates = all.filter((n) => ['div', 'td', 'article', 'section', 'main', 'body'].includes(n.name!));
  let best: DomNode | null = null;
  let bestScore = 0;
  for (const n of candidates) {
    const score = contentScore(n);
    if (score > bestScore) {
      best = n;
      bestScore = score;
    }
  }
  for (let narrowed = true; best && narrowed;) {
    narrowed = false;
    for (const n of candidates) {
      if (n.parent === best || (n.parent && isInside(n, best) && n !== best)) {
        if (contentScore(n) >= bestScore * 0.85) {
          best = n;
          narrowed = true;
          break;
        }
      }
    }
  }
  return best;
}

function isInside(n: DomNode, ancestor: DomNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function furnitureAbove(n: DomNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'tag' && isFurniture(p)) return true;
  return false;
}

function isFurniture(n: DomNode): boolean {
  if (['nav', 'footer', 'aside', 'header'].includes(n.name!)) return true;
  return FURNITURE.test(`${n.attribs?.class ?? ''} ${n.attribs?.id ?? ''}`);
}

function metaHints(root: DomNode): PageHints {
  const hints: PageHints = { title: null, pageTitle: null, date: null, source: null };
  for (const n of allTags(root)) {
    if (n.name !== 'meta') continue;
    const name = (n.attribs?.name ?? n.attribs?.property ?? '').toLowerCase();
    const content = (n.attribs?.content ?? '').trim();
    if (!content) continue;
    if (name === 'articletitle' || name === 'og:title') hints.title ??= content;
    else if (name === 'pubdate' || name === 'publishdate' || name === 'article:published_time' || name === 'firstpublishedtime')
      hints.date ??= content;
    else if (name === 'contentsource' || name === 'source') hints.source ??= content;
  }
  return hints;
}

/** A data table: rows of at least two cells, and no table inside its cells. */
function isDataTable(table: DomNode): boolean {
  const rows = tableRows(table);
  if (rows.length < 2) return false;
  if (elements(table).some((e) => e.name === 'table')) return false;
  return rows.some((r) => cellsOf(r).length >= 2);
}

function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const c of table.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot')
      rows.push(...(c.children ?? []).filter((r) => r.type === 'tag' && r.name === 'tr'));
  }
  return rows;
}

function cellsOf(row: DomNode): DomNode[] {
  return (row.children ?? []).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
}

const span = (n: DomNode, attr: string) => Math.min(Math.max(Number.parseInt(n.attribs?.[attr] ?? '1', 10) || 1, 1), 200);

class Builder {
  readonly parts: string[] = [];
  readonly offsets: number[] = [];
  readonly outside: [number, number][] = [];
  /** Source range of every text node appended, in order. */
  readonly ranges: [number, number][] = [];
  private lineHasText = false;
  private pendingSpace = false;

  constructor(private readonly source: string) {}

  newline(at: number): void {
    if (this.lineHasText) {
      this.parts.push('\n');
      this.offsets.push(at);
    }
    this.lineHasText = false;
    this.pendingSpace = false;
  }

  /** Append a text node's characters, each mapped to its raw offset (entities map to their '&'). */
  text(n: DomNode, outside: boolean): [number, number] | null {
    const data = n.data ?? '';
    const start = n.startIndex ?? 0;
    const end = (n.endIndex ?? start) + 1;
    const raw = this.source.slice(start, end);
    let i = 0;
    let first = -1;
    let last = -1;
    for (const ch of data) {
      // Align with the raw text: an entity in the source stands for one decoded character.
      let at = start + i;
      if (raw[i] === ch[0]) i += ch.length;
      else if (raw[i] === '&') {
        const semi = raw.indexOf(';', i);
        at = start + i;
        i = semi > i && semi - i <= 12 ? semi + 1 : i + 1;
      } else i += ch.length;
      if (/\s/.test(ch) || ch === '\u00a0') {
        if (this.lineHasText) this.pendingSpace = true;
        continue;
      }
      if (this.pendingSpace) {
        this.parts.push(' ');
        this.offsets.push(at);
        this.pendingSpace = false;
      }
      this.parts.push(ch);
      for (let k = 0; k < ch.length; k++) this.offsets.push(at);
      this.lineHasText = true;
      if (first < 0) first = at;
      last = at + 1;
    }
    if (first < 0) return null;
    if (outside) this.outside.push([first, last]);
    this.ranges.push([first, last]);
    return [first, last];
  }
}

export function readHtml(source: string): HtmlRead {
  const $ = load(source, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true } });
  const root = $.root()[0] as unknown as DomNode;
  const hints = metaHints(root);
  // The <title> is the article's title plus the site's name (`…的通知_XX市人民政府`): keep the longest part.
  const pageTitle = findTag(root, 'title');
  if (pageTitle) {
    const parts = textOf(pageTitle)
      .split(/\s*[_|｜—–-]{1,2}\s*/)
      .map((p) => p.trim())
      .filter(Boolean);
    const named = parts.find((p) =>
      /(?:规划|方案|计划|意见|通知|办法|措施|纲要|决定|细则|规定|公告|通告|解读|規劃|計劃|意見|通知|辦法|措施|綱要|決定|細則|規定|公告|通告|解讀)$/.test(
        p,
      ),
    );
    hints.pageTitle = named ?? [...parts].sort((a, b) => hanCount(b) - hanCount(a))[0] ?? null;
  }
  const main = findMainContent(root);
  const b = new Builder(source);
  const grids: { rows: (SourceGridCell | null)[][] }[] = [];

  const walk = (n: DomNode, outside: boolean): void => {
    if (n.type === 'text') {
      b.text(n, outside);
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const name = n.name ?? '';
    if (SKIP.has(name)) return;
    const here = n.startIndex ?? 0;
    if (name === 'br') {
      b.newline(here);
      return;
    }
    const isMain = n === main;
    // Inside the main content nothing is outside; elsewhere, furniture and plain page text are,
    // except a heading that is not part of the furniture (the article's <h1> above its body).
    const heading = /^h[1-3]$/.test(name) && !furnitureAbove(n);
    const out = isMain || heading ? false : outside;
    const block = BLOCK.has(name);
    if (block) b.newline(here);
    if (name === 'table' && isDataTable(n)) {
      grids.push(readTable(n, out));
    } else {
      for (const c of n.children ?? []) walk(c, main && isInside(c, main) ? false : out || isFurniture(n));
    }
    if (block) b.newline(n.endIndex ?? here);
  };

  const readTable = (table: DomNode, outside: boolean): { rows: (SourceGridCell | null)[][] } => {
    const rows: (SourceGridCell | null)[][] = [];
    const taken: boolean[][] = [];
    tableRows(table).forEach((tr, r) => {
      rows[r] ??= [];
      taken[r] ??= [];
      let col = 0;
      for (const cell of cellsOf(tr)) {
        while (taken[r][col]) col++;
        b.newline(cell.startIndex ?? 0);
        const before = b.ranges.length;
        for (const c of cell.children ?? []) walk(c, outside);
        // The cell's text: from the first text node it added to the last (empty cells have none).
        const added = b.ranges.slice(before);
        const start = added.length ? added[0][0] : -1;
        const end = added.length ? added[added.length - 1][1] : -1;
        b.newline(cell.endIndex ?? 0);
        const rs = span(cell, 'rowspan');
        const cs = span(cell, 'colspan');
        for (let dr = 0; dr < rs; dr++) {
          rows[r + dr] ??= [];
          taken[r + dr] ??= [];
          for (let dc = 0; dc < cs; dc++) {
            rows[r + dr][col + dc] = start < 0 ? null : { start, end, spanned: dr > 0 || dc > 0 };
            taken[r + dr][col + dc] = true;
          }
        }
        col += cs;
      }
    });
    return { rows: rows.map((row) => Array.from(row, (c) => c ?? null)) };
  };

  // The page title first: it often is the only place the article's title is written in full.
  const title = findTag(root, 'title');
  if (title) {
    for (const c of title.children ?? []) walk(c, true);
    b.newline(title.endIndex ?? 0);
  }
  const body = elements(root).find((e) => e.name === 'body') ?? root;
  walk(body, true);
  b.newline(source.length);

  if (b.parts[b.parts.length - 1] === '\n') {
    b.parts.pop();
    b.offsets.pop();
  }
  const text = b.parts.join('');
  const map = new Int32Array(text.length + 1);
  for (let k = 0; k < text.length; k++) map[k] = b.offsets[k];
  map[text.length] = source.length;
  return { mapped: { text, map }, grids: grids.filter((g) => g.rows.length >= 2), outside: b.outside, hints };
}

/** Whether bytes decoded as text look like an HTML page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^<!doctype html|^<html|^<\?xml[^>]*>\s*<html/.test(head)) return true;
  const tags = head.match(/<\/?(?:div|p|span|table|td|tr|a|br|head|body|meta|script|style)\b/g)?.length ?? 0;
  return tags >= 5;
}
