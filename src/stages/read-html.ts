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
import type { PageHints, SourceGrid, SourceHeading } from '../pipeline/doc.js';
import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';
import { InputError } from './decode.js';

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
  /** Headings the page marks up rather than numbers (see SourceHeading). */
  headings: SourceHeading[];
}

/** `<p><strong>深化“一网通办”改革。</strong>推动…`: the bold opening of a paragraph with more text after it. */
function isRunIn(n: DomNode): boolean {
  const parent = n.parent;
  if (!parent || (parent.name !== 'p' && parent.name !== 'div')) return false;
  const siblings = parent.children ?? [];
  // Only blank text may stand before it; the checks look at no element's text but its own.
  let at = 0;
  while (at < siblings.length && siblings[at] !== n) {
    const c = siblings[at];
    if (c.type !== 'text' || (c.data ?? '').trim()) return false;
    at++;
  }
  let after = false;
  for (let i = at + 1; i < siblings.length && !after; i++) {
    const c = siblings[i];
    after = c.type === 'text' ? (c.data ?? '').trim() !== '' : c.type === 'tag' && c.name !== 'br';
  }
  if (!after) return false;
  const own = textOf(n).trim();
  return own.length >= 2 && own.length <= 40;
}

const SKIP = new Set([
  'script',
  'style',
  // Text a tracked change deleted (Word's web export keeps it inside <del>).
  'del',
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

/**
 * Pages nest as deep as their markup (an unclosed <font> per line nests thousands deep): every
 * walk over the tree below is iterative, and each visits a node once.
 */

/** A node's text, as a reader sees it (nothing from SKIP elements). */
function textOf(n: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'text') {
      parts.push(x.data ?? '');
      continue;
    }
    if (x.type !== 'tag' && x.type !== 'root') continue;
    if (x.name && SKIP.has(x.name)) continue;
    const children = x.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return parts.join('');
}

function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

/** 。，；：！？ */
const isPunctuation = (c: number) => c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f;

/** What text density needs of a node, for every node at once: one pass, children before parents. */
interface Density {
  /** Chinese characters of its text. */
  han: number;
  /** Chinese characters of the link text inside it. */
  linkHan: number;
  punctuation: number;
  /** Whether a <table> is anywhere below it. */
  hasTable: boolean;
}

function densities(root: DomNode): Map<DomNode, Density> {
  const out = new Map<DomNode, Density>();
  const order: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const x = stack.pop()!;
    order.push(x);
    if (x.type === 'tag' || x.type === 'root') for (const c of x.children ?? []) stack.push(c);
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const x = order[k];
    const d: Density = { han: 0, linkHan: 0, punctuation: 0, hasTable: false };
    if (x.type === 'text') {
      const data = x.data ?? '';
      for (let i = 0; i < data.length; i++) {
        const c = data.charCodeAt(i);
        if (c >= 0x4e00 && c <= 0x9fff) d.han++;
        else if (isPunctuation(c)) d.punctuation++;
      }
    } else if (x.type === 'tag' || x.type === 'root') {
      const skipped = x.name !== undefined && SKIP.has(x.name);
      for (const c of x.children ?? []) {
        const dc = out.get(c)!;
        if (!skipped) {
          d.han += dc.han;
          d.punctuation += dc.punctuation;
        }
        // Link text counts wherever the link is (an <a> inside a skipped element too); tables not.
        if (c.type === 'tag' || c.type === 'root') d.linkHan += dc.linkHan;
        if (c.type === 'tag' && !SKIP.has(c.name!)) d.hasTable ||= dc.hasTable || c.name === 'table';
      }
      if (x.name === 'a') d.linkHan = d.han;
    }
    out.set(x, d);
  }
  return out;
}

/** Every element in document order; SKIP elements and what is inside them too only when asked. */
function tagsInOrder(root: DomNode, withSkipped: boolean): DomNode[] {
  const out: DomNode[] = [];
  const stack: DomNode[] = [...(root.children ?? [])].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (c.type !== 'tag' || (!withSkipped && SKIP.has(c.name!))) continue;
    out.push(c);
    const children = c.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/** Every element in document order, SKIP elements and what is inside them left out. */
const elements = (root: DomNode) => tagsInOrder(root, false);
/** Every element in document order, <head> included. */
const allTags = (root: DomNode) => tagsInOrder(root, true);

/** Every node below a node (text and comments too). */
function descendants(n: DomNode): DomNode[] {
  const out: DomNode[] = [];
  const stack: DomNode[] = [...(n.children ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    for (const g of c.children ?? []) stack.push(g);
  }
  return out;
}

/** The first element of a name anywhere, <head> included. */
function findTag(root: DomNode, name: string): DomNode | null {
  return allTags(root).find((c) => c.name === name) ?? null;
}

function matchesSelector(n: DomNode, selector: string): boolean {
  const cls = (n.attribs?.class ?? '').split(/\s+/);
  const id = n.attribs?.id ?? '';
  if (selector.startsWith('.')) return cls.includes(selector.slice(1));
  if (selector.startsWith('#')) return id === selector.slice(1);
  return n.name === selector;
}

/** Chinese characters of a block that are not link text: the article is dense, menus are links. */
function contentScore(d: Density): number {
  return d.han - 2 * d.linkHan + 5 * d.punctuation;
}

export function findMainContent(root: DomNode, density: Map<DomNode, Density> = densities(root)): DomNode | null {
  const all = elements(root);
  const han = (n: DomNode) => density.get(n)!.han;
  for (const selector of CONTENT_SELECTORS) {
    const found = all.filter((n) => matchesSelector(n, selector)).sort((a, b) => han(b) - han(a))[0];
    if (found && han(found) >= 50) return found;
  }
  // Text density: the block with the best score, then the smallest block inside it that keeps most of it.
  const isCandidate = (n: DomNode) => ['div', 'td', 'article', 'section', 'main', 'body'].includes(n.name!);
  let best = -1;
  let bestScore = 0;
  all.forEach((n, k) => {
    if (!isCandidate(n)) return;
    const score = contentScore(density.get(n)!);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  });
  if (best < 0) return null;
  // In document order a block's descendants follow it: the first candidate after it that keeps
  // 85% of the best score is the next, smaller block; its own descendants follow it in turn.
  const end = subtreeEnds(all);
  for (let k = best + 1; k < end[best]; k++) {
    if (isCandidate(all[k]) && contentScore(density.get(all[k])!) >= bestScore * 0.85) best = k;
  }
  return all[best];
}

/** For each element of a document-order list, the index just past its last descendant. */
function subtreeEnds(all: DomNode[]): number[] {
  const index = new Map(all.map((n, k) => [n, k]));
  const end = all.map((_, k) => k + 1);
  // Children before parents: a parent's subtree ends where its last descendant's does.
  for (let k = all.length - 1; k >= 0; k--) {
    const p = all[k].parent;
    const pk = p ? index.get(p) : undefined;
    if (pk !== undefined) end[pk] = Math.max(end[pk], end[k]);
  }
  return end;
}

/** Whether furniture stands above a node, remembered per node so that deep pages stay linear. */
function furnitureAboveOf(): (n: DomNode) => boolean {
  // For each node: whether it or an element above it is furniture.
  const memo = new Map<DomNode, boolean>();
  const selfOrAbove = (x: DomNode | null | undefined): boolean => {
    const chain: DomNode[] = [];
    let known = false;
    for (let p = x; p; p = p.parent) {
      const m = memo.get(p);
      if (m !== undefined) {
        known = m;
        break;
      }
      chain.push(p);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      known ||= chain[i].type === 'tag' && isFurniture(chain[i]);
      memo.set(chain[i], known);
    }
    return x ? memo.get(x)! : false;
  };
  return (n) => selfOrAbove(n.parent);
}

/** Styles that hide an element from readers (and hold injected link farms on hacked pages). */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|(?:left|top|text-indent)\s*:\s*-\d{3,}/i;

function isFurniture(n: DomNode): boolean {
  if (['nav', 'footer', 'aside', 'header'].includes(n.name!)) return true;
  return FURNITURE.test(`${n.attribs?.class ?? ''} ${n.attribs?.id ?? ''}`);
}

/** Whether all of an element's text is link text (a menu entry marked up as a heading). */
function linkOnly(n: DomNode): boolean {
  const stack: DomNode[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'text') {
      if ((x.data ?? '').trim()) return false;
    } else if (x.name !== 'a') stack.push(...(x.children ?? []));
  }
  return true;
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
function isDataTable(table: DomNode, density: Map<DomNode, Density>): boolean {
  const rows = tableRows(table);
  if (rows.length < 2) return false;
  if (density.get(table)!.hasTable) return false;
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

/** After `<`, what makes it markup rather than a less-than sign: a letter, `/`, `!` or `?`. */
const isTagStart = (c: number) => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x2f || c === 0x21 || c === 0x3f;
/**
 * How many characters of the raw text an `&` at `pos` stands for, read by the parser's own entity
 * decoder (the `entities` package, in the legacy mode htmlparser2 uses for text): `&nbsp;` is 6,
 * `&copy` without its semicolon 5 (also inside `&copya;`), and an & that stands for itself 1.
 */
let consumed = 0;
const entityDecoder = new EntityDecoder(htmlDecodeTree, (_codePoint, length) => {
  consumed = length;
});

function afterAmpersand(source: string, pos: number, end: number): number {
  consumed = 0;
  entityDecoder.startEntity(DecodingMode.Legacy);
  // The longest entity name is 31 characters; the text node ends at `end`.
  const window = source.slice(pos, Math.min(end, pos + 40));
  if (entityDecoder.write(window, 1) < 0) entityDecoder.end();
  return pos + Math.max(consumed, 1);
}

/** What `\s` matches (U+00A0 among them), by code. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

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

  /**
   * Append a text node's characters, each mapped to its raw offset (entities map to their '&').
   * In preformatted text (`<pre>`) a line break stays a line break.
   */
  text(n: DomNode, outside: boolean, pre = false): [number, number] | null {
    const data = n.data ?? '';
    const source = this.source;
    const start = n.startIndex ?? 0;
    const end = (n.endIndex ?? start) + 1;
    let pos = start;
    let first = -1;
    let last = -1;
    // Characters are appended in runs (a slice of `data` each), not one string per character.
    let runFrom = -1;
    let j = 0;
    let noTagAhead = false;
    const flush = () => {
      if (runFrom >= 0) this.parts.push(data.slice(runFrom, j));
      runFrom = -1;
    };
    while (j < data.length) {
      const c = data.charCodeAt(j);
      const len = c >= 0xd800 && c <= 0xdbff && j + 1 < data.length && (data.charCodeAt(j + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      // Markup the parser dropped inside the text (a stray `</font>`, merged text on either side).
      while (!noTagAhead && pos + 1 < end && source.charCodeAt(pos) === 0x3c && isTagStart(source.charCodeAt(pos + 1))) {
        let gt = pos + 1;
        while (gt < end && source.charCodeAt(gt) !== 0x3e) gt++;
        if (gt >= end) noTagAhead = true;
        else pos = gt + 1;
      }
      // Align with the raw text: an entity in the source stands for one decoded character.
      const at = pos;
      const r = pos < end ? source.charCodeAt(pos) : -1;
      if (r === 0x26) pos = afterAmpersand(source, pos, end);
      else pos += len;
      if (len === 1 && isSpace(c)) {
        flush();
        if (pre && c === 0x0a) this.newline(at);
        else if (this.lineHasText) this.pendingSpace = true;
        j += len;
        continue;
      }
      if (this.pendingSpace) {
        flush();
        this.parts.push(' ');
        this.offsets.push(at);
        this.pendingSpace = false;
      }
      if (runFrom < 0) runFrom = j;
      for (let k = 0; k < len; k++) this.offsets.push(at);
      this.lineHasText = true;
      if (first < 0) first = at;
      last = at + 1;
      j += len;
    }
    flush();
    if (first < 0) return null;
    if (outside) this.outside.push([first, last]);
    this.ranges.push([first, last]);
    return [first, last];
  }
}

/** Elements that never nest (void) or that the parser closes by itself when the next one opens. */
const NO_DEPTH = new Set([
  ...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'],
  ...['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'tbody', 'thead', 'tfoot'],
]);
/** Deeper than any page: the parser's work per tag grows with the depth, so deeper is refused. */
export const MAX_NESTING = 10_000;

/** Elements whose content is raw text to the parser: tags written inside them are not elements. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

/** How deep the page's elements nest, estimated from its tags in one pass. */
export function nestingDepth(source: string): number {
  const tag = /<(\/?)([a-zA-Z][\w:-]{0,30})[^<>]*?(\/?)>|<!--/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    if (m[0] === '<!--') {
      const end = source.indexOf('-->', tag.lastIndex);
      if (end < 0) break;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = m[2].toLowerCase();
    if (NO_DEPTH.has(name) || m[3]) continue;
    if (!m[1] && RAW_TEXT.has(name)) {
      // Skip to the element's end tag (each search starts where the last one stopped).
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = tag.lastIndex;
      if (!close.exec(source)) break;
      tag.lastIndex = close.lastIndex;
      continue;
    }
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

export function readHtml(source: string): HtmlRead {
  const depth = nestingDepth(source);
  if (depth > MAX_NESTING) throw new InputError('TOO_DEEP', `the page's elements nest ${depth} deep (at most ${MAX_NESTING} are read)`);
  const $ = load(source, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true } });
  const root = $.root()[0] as unknown as DomNode;
  const hints = metaHints(root);
  // The <title> is the article's title plus the site's name (`…的通知_XX市人民政府`): keep the longest part.
  const title = findTag(root, 'title');
  if (title) {
    const parts = textOf(title)
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
  const density = densities(root);
  const main = findMainContent(root, density);
  const insideMain = new Set(main ? descendants(main) : []);
  const furnitureAbove = furnitureAboveOf();
  const b = new Builder(source);
  const grids: { rows: (SourceGridCell | null)[][] }[] = [];
  const headings: SourceHeading[] = [];

  // The walk is a stack of steps (see `textOf`): a node's steps are pushed in reverse order, so
  // they run in document order, each child's own steps before the next child's.
  const steps: (() => void)[] = [];
  const walk = (n: DomNode, outside: boolean): void => {
    steps.push(() => visit(n, outside));
    while (steps.length) steps.pop()!();
  };

  // `hidden`: under an element hidden by its style, outside even within the main content.
  // `pre`: inside <pre> (or styled white-space: pre), where line breaks stay.
  const visit = (n: DomNode, outside: boolean, inHidden = false, pre = false): void => {
    if (n.type === 'text') {
      b.text(n, outside, pre);
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
    const hidden = inHidden || (n.attribs?.style !== undefined && HIDDEN_STYLE.test(n.attribs.style));
    const out = hidden || (isMain || heading ? false : outside);
    const block = BLOCK.has(name);
    if (block) {
      b.newline(here);
      steps.push(() => b.newline(n.endIndex ?? here));
    }
    if (name === 'table' && isDataTable(n, density)) {
      readTable(n, out);
      return;
    }
    const rank = /^h[2-6]$/.test(name) ? Number(name[1]) : (name === 'strong' || name === 'b') && isRunIn(n) ? 7 : 0;
    if (rank && !out && !isFurniture(n) && !linkOnly(n)) {
      const before = b.ranges.length;
      steps.push(() => {
        const added = b.ranges.slice(before);
        if (added.length) headings.push({ start: added[0][0], end: added[added.length - 1][1], rank });
      });
    }
    const childOut = out || isFurniture(n);
    const childPre = pre || name === 'pre' || /white-space\s*:\s*pre/i.test(n.attribs?.style ?? '');
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      steps.push(() => visit(c, hidden ? true : insideMain.has(c) ? false : childOut, hidden, childPre));
    }
  };

  /** Pushes the steps that read a data table's cells into a grid (rowspan and colspan expanded). */
  const readTable = (table: DomNode, outside: boolean): void => {
    const rows: (SourceGridCell | null)[][] = [];
    const taken: boolean[][] = [];
    const sequence: (() => void)[] = [];
    tableRows(table).forEach((tr, r) => {
      const row = { col: 0 };
      sequence.push(() => {
        rows[r] ??= [];
        taken[r] ??= [];
      });
      for (const cell of cellsOf(tr)) {
        let before = 0;
        sequence.push(() => {
          while (taken[r][row.col]) row.col++;
          b.newline(cell.startIndex ?? 0);
          before = b.ranges.length;
        });
        for (const c of cell.children ?? []) sequence.push(() => visit(c, outside));
        sequence.push(() => {
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
              rows[r + dr][row.col + dc] = start < 0 ? null : { start, end, spanned: dr > 0 || dc > 0 };
              taken[r + dr][row.col + dc] = true;
            }
          }
          row.col += cs;
        });
      }
    });
    sequence.push(() => grids.push({ rows: rows.map((cells) => Array.from(cells, (c) => c ?? null)) }));
    for (let i = sequence.length - 1; i >= 0; i--) steps.push(sequence[i]);
  };

  // The page title first: it often is the only place the article's title is written in full.
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
  return { mapped: { text, map }, grids: grids.filter((g) => g.rows.length >= 2), outside: b.outside, hints, headings };
}

/** Whether bytes decoded as text look like an HTML page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^<!doctype html|^<html|^<\?xml[^>]*>\s*<html/.test(head)) return true;
  const tags = head.match(/<\/?(?:div|p|span|table|td|tr|a|br|head|body|meta|script|style)\b/g)?.length ?? 0;
  return tags >= 5;
}
