/**
 * normalize: repair what scraping did to the text, then convert the script.
 *
 * Steps, in order (each rewrites the mapped text, so every offset still leads back to the source):
 *   1. line breaks: CRLF and bare CR become LF;
 *   2. viewer page markers: the doc-sharing viewer starts every page with `N、` and cuts words in two
 *      (`健康XX建` / `2、设迈`); a run of such markers is removed and the pages joined;
 *   3. page numbers on lines of their own (`第3页/共5页`, `— 31 —`), joining a sentence they cut;
 *   4. spaces that PDF line breaks left between Chinese characters (`专 项规划`), and in typeset text
 *      that spaced every digit (`到2 0 0 5年`, `6 .5 %`) the spaces inside numbers;
 *   5. runs of `?` standing for lost characters (`??? 五、政策问答`, `安全感。?`);
 *   6. script: the analysis text is simplified; the source script is kept alongside, same length.
 */
import { applyEdits, editsFromRegex, type Edit, type MappedText } from '../pipeline/mapped-text.js';
import { splitIntoLines, type Doc, type Line, type Message, type Removal } from '../pipeline/doc.js';
import { isFoldedWide } from '../pipeline/numerals.js';
import { detectScript, toSimplified } from './script.js';
import { headerColumnType } from './tables.js';

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
/** Chinese characters, full-width punctuation and curly quotes: the neighbours of an artifact space. */
const WIDE = `${HAN}\\u3000-\\u303f\\uff01-\\uff5e“”‘’`;
const SENTENCE_END = /[。；;：:！!？?”’）)】》]$/;

export interface NormalizeResult {
  mapped: MappedText;
  removed: Removal[];
  messages: Message[];
}

export function normalizeLineBreaks(mt: MappedText): MappedText {
  if (!mt.text.includes('\r')) return mt;
  return applyEdits(
    mt,
    editsFromRegex(mt.text, /\r\n?/g, () => '\n'),
  );
}

const PAGE_MARKER = /^(\d{1,3})、\s?/;

/**
 * A doc-sharing viewer renders page N as a line starting `N、`. Real numbered paragraphs end their
 * sentence before the next number; viewer pages break mid-sentence. So a run of at least three
 * consecutive `N、` lines, long, most of which follow a line that stops mid-sentence, is a run of
 * page markers: drop each marker and join its page to the previous one.
 */
export function joinViewerPages(mt: MappedText, removed: Removal[]): MappedText {
  const lines = splitIntoLines(mt.text);
  const markers: { line: number; n: number; len: number }[] = [];
  lines.forEach((l, i) => {
    const m = PAGE_MARKER.exec(mt.text.slice(l.start, Math.min(l.end, l.start + 8)));
    if (m) markers.push({ line: i, n: Number(m[1]), len: m[0].length });
  });
  const edits: Edit[] = [];
  let i = 0;
  while (i < markers.length) {
    let j = i;
    while (j + 1 < markers.length && markers[j + 1].n === markers[j].n + 1) j++;
    const run = markers.slice(i, j + 1);
    i = j + 1;
    if (run.length < 3 || run[0].n !== 1) continue;
    const lengths = run.map((r) => lines[r.line].end - lines[r.line].start);
    const meanLength = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    const cutMidSentence = run
      .slice(1)
      .filter((r) => !SENTENCE_END.test(mt.text.slice(lines[r.line - 1].start, lines[r.line - 1].end).trimEnd())).length;
    if (meanLength < 120 || cutMidSentence < (run.length - 1) / 2) continue;
    for (const [k, r] of run.entries()) {
      const line = lines[r.line];
      // The first page keeps its line; later pages are glued to the previous line.
      const start = k === 0 ? line.start : line.start - 1;
      edits.push({ start, end: line.start + r.len, insert: '' });
      removed.push({ kind: 'artifact', reason: 'viewer-page-marker', sourceRange: [mt.map[line.start], mt.map[line.start + r.len]] });
    }
  }
  edits.sort((a, b) => a.start - b.start);
  return applyEdits(mt, edits);
}

const OUTLINE_START =
  /^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三四五六七八九十百\d]+[章节節篇部条條]|\d{1,2}[.．、](?!\d))/;

/** A line that is only a page number: `第3页/共5页`, `第 2 頁`, `— 31 —`, `- 2 -`, `· 386 ·`, `Page 3 of 5`. */
const PAGE_NUMBER_LINE =
  /^[ \t\u3000]*(?:第\s*\d{1,4}\s*[页頁](?:\s*[/／,，、]?\s*共\s*\d{1,4}\s*[页頁])?|[—–\-－·•]{1,2}\s*\d{1,4}\s*[—–\-－·•]{1,2}|page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)[ \t\u3000]*$/i;

/**
 * Page numbers a PDF or a viewer left on lines of their own go; when the text before one stops
 * mid-sentence (`…分类覆盖率达到` / `第3页/共5页` / `90%`), the page after it continues that line.
 */
export function removePageNumbers(mt: MappedText, removed: Removal[]): MappedText {
  if (!/[页頁—–\-－·•]|page/i.test(mt.text)) return mt;
  const lines = splitIntoLines(mt.text);
  const edits: Edit[] = [];
  const isBlank = (k: number) => mt.text.slice(lines[k].start, lines[k].end).trim() === '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.end - line.start > 40 || !PAGE_NUMBER_LINE.test(mt.text.slice(line.start, line.end))) continue;
    removed.push({ kind: 'artifact', reason: 'page-number', sourceRange: [mt.map[line.start], mt.map[line.end]] });
    let before = i - 1;
    while (before >= 0 && isBlank(before)) before--;
    let after = i + 1;
    while (after < lines.length && isBlank(after)) after++;
    const previous = before >= 0 ? mt.text.slice(lines[before].start, lines[before].end).trimEnd() : '';
    // A heading (short, numbered) stops without punctuation too: only a line of text was cut, a long
    // one, or a label's value (`责任单位：县城市管理` / `局、县住房城乡建设局`).
    const length = previous.trim().length;
    const text = length >= 30 || (length >= 16 && !OUTLINE_START.test(previous)) || /[：:]./.test(previous);
    // A table row (cells apart by tabs or aligned by runs of spaces) is never cut mid-sentence.
    const row = /\S(?:\t| {2,})\S/.test(previous);
    const cut =
      text &&
      !row &&
      after < lines.length &&
      !SENTENCE_END.test(previous) &&
      !/[：:]$/.test(previous) &&
      !OUTLINE_START.test(mt.text.slice(lines[after].start, lines[after].end));
    if (cut && (edits.length === 0 || edits[edits.length - 1].end <= lines[before].end)) {
      // Join: from the end of the text before to the start of the text after.
      edits.push({ start: lines[before].start + previous.length, end: lines[after].start, insert: '' });
      i = after - 1;
    } else if (edits.length === 0 || edits[edits.length - 1].end <= line.start) {
      edits.push({ start: line.start, end: Math.min(line.end + 1, mt.text.length), insert: '' });
    }
  }
  return edits.length ? applyEdits(mt, edits) : mt;
}

/**
 * Text a PDF copy broke into lines of one width (`…发展的意见` / `》和省、市…`): when most long lines have
 * nearly the same length (at least ten lines, two in five of the long ones), a line of that width that
 * stops mid-sentence continues on the next one, unless the next starts a numbered heading.
 */
export function joinHardWraps(mt: MappedText): MappedText {
  const lines = splitIntoLines(mt.text);
  const lengths = lines.map((l) => mt.text.slice(l.start, l.end).trimEnd().length);
  const counts = new Map<number, number>();
  let long = 0;
  for (const n of lengths) {
    if (n < 20) continue;
    long++;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  if (long < 10) return mt;
  let width = 0;
  for (const [n, c] of counts) if (c > (counts.get(width) ?? 0) || (c === counts.get(width) && n > width)) width = n;
  const near = (n: number) => n >= width - 3 && n <= width + 2;
  const wrapped = lengths.filter((n) => n >= 20 && near(n)).length;
  if (wrapped < 10 || wrapped < long * 0.4) return mt;
  const edits: Edit[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const text = mt.text.slice(lines[i].start, lines[i].end).trimEnd();
    const next = mt.text.slice(lines[i + 1].start, lines[i + 1].end);
    // A table of contents pads its lines to one width too: a line with dot leaders is an entry of its own.
    if (!near(text.length) || SENTENCE_END.test(text) || !next.trim() || OUTLINE_START.test(next) || /[…．.·・]{3}/.test(text)) continue;
    edits.push({ start: lines[i].start + text.length, end: lines[i + 1].start, insert: '' });
  }
  return edits.length ? applyEdits(mt, edits) : mt;
}

/**
 * A table a PDF copy laid out with single spaces between cells: a header line of table words
 * (`序号 指标名称 单位 2023年 2026年 指标属性`) and, under it, numbered rows with as many cells
 * (`1 公共充电桩 万个 0.62 2 预期性`). Their spaces are cell boundaries, not wraps: they become tabs, one
 * character for one, so the table reader sees tab rows and the artifact-space repair leaves them.
 */
export function spaceTablesToTabs(mt: MappedText): MappedText {
  const lines = splitIntoLines(mt.text);
  const edits: Edit[] = [];
  const cellsOf = (k: number) => mt.text.slice(lines[k].start, lines[k].end).trim().split(/ +/);
  for (let i = 0; i < lines.length; i++) {
    const line = mt.text.slice(lines[i].start, lines[i].end);
    if (!line.includes(' ') || line.includes('\t')) continue;
    if (/\S {2,}\S/.test(line)) {
      const end = alignedTable(mt.text, lines, i, edits);
      if (end > i) {
        i = end - 1;
        continue;
      }
    }
    if (line.length > 80) continue;
    const header = cellsOf(i);
    if (header.length < 4 || header.some((c) => c.length > 12) || !/[号號指标標单單属屬年]/.test(line)) continue;
    const words = toSimplified(line.trim())
      .split(/ +/)
      .filter((c) => headerColumnType(c) !== null).length;
    if (words < 3) continue;
    let k = i + 1;
    while (k < lines.length && /^\s*\d{1,3} /.test(mt.text.slice(lines[k].start, lines[k].end)) && cellsOf(k).length === header.length) k++;
    if (k - i < 3) continue;
    for (let r = i; r < k; r++) {
      const text = mt.text.slice(lines[r].start, lines[r].end);
      const lead = text.length - text.trimStart().length;
      for (let c = lead; c < text.trimEnd().length; c++)
        if (text[c] === ' ') edits.push({ start: lines[r].start + c, end: lines[r].start + c + 1, insert: '\t' });
    }
    i = k - 1;
  }
  edits.sort((a, b) => a.start - b.start);
  return edits.length ? applyEdits(mt, edits) : mt;
}

/**
 * A table a copy aligned with runs of spaces (`序号  指标名称      单位    2020年`), rows led by their
 * number, possibly across a page break where the header comes again: each run of spaces becomes one
 * tab, and the repeated header goes. Returns the index of the line after the table, or `i` if none.
 */
function alignedTable(text: string, lines: readonly Line[], i: number, edits: Edit[]): number {
  const cells = (k: number) => text.slice(lines[k].start, lines[k].end).trim().split(/ {2,}/);
  const header = cells(i);
  const headerText = header.join('|');
  if (header.length < 4 || header.some((c) => c.length > 14)) return i;
  if (header.map((c) => toSimplified(c.replace(/ /g, ''))).filter((c) => headerColumnType(c) !== null).length < 3) return i;
  const tabs = (k: number) => {
    const t = text.slice(lines[k].start, lines[k].end);
    const lead = t.length - t.trimStart().length;
    for (const m of t.trimEnd().slice(lead).matchAll(/ {2,}/g))
      edits.push({ start: lines[k].start + lead + m.index, end: lines[k].start + lead + m.index + m[0].length, insert: '\t' });
  };
  const rows: number[] = [];
  const repeats: number[] = [];
  // A page break holds a few lines (blank, page number, the header again): a longer gap ends the
  // table, which keeps the scan from each header-like line short.
  let gap = 0;
  for (let k = i + 1; k < lines.length && gap <= 6; k++) {
    const t = text.slice(lines[k].start, lines[k].end);
    gap++;
    if (!t.trim() || PAGE_NUMBER_LINE.test(t)) continue;
    const c = cells(k);
    if (c.join('|') === headerText) {
      if (rows.length === 0) break;
      repeats.push(k);
    } else if (/^\s*\d{1,3}(?: {2,}|$)/.test(t) && c.length >= header.length - 1 && c.length <= header.length) {
      rows.push(k);
      gap = 0;
    } else break;
  }
  if (rows.length < 2) return i;
  // The table ends at its last row: blank lines after it are not part of it.
  const last = rows[rows.length - 1];
  tabs(i);
  for (const r of rows) tabs(r);
  for (const r of repeats) if (r < last) edits.push({ start: lines[r].start, end: lines[r].end, insert: '' });
  return last + 1;
}

const TITLE_LIKE_MAX = 40;
/**
 * Artifact spaces: between two wide characters; between a Chinese character and a digit either way
 * (`降低 0.5个`, `100 名`); between a Chinese character and ASCII punctuation either way
 * (`各乡镇 (街道`, `生态环境局, 相关`); between a digit and a percent sign. Only the first kind may
 * hold a no-break space. Each run of spaces is judged by the characters on either side of it.
 */
const isHan = (c: number) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
const isWide = (c: number) =>
  isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAsciiPunct = (c: number) => c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a; // , . ; :
/** What may follow a digit inside a number: `.` `．` `∶` (ratios `1 9 ∶4 3`) `%` `％` `‰`. */
const isNumberTail = (c: number) => c === 0x2e || c === 0xff0e || c === 0x2236 || c === 0x25 || c === 0xff05 || c === 0x2030;

/**
 * Typeset text that spaced every digit: years written `2 0 0 5` (a lone digit and three more), at
 * least twice. Such a text spaces all its numbers (`2 9 0 0 亿元`, `1 2 %`, `6 .5 %`).
 */
const SPACED_YEAR = /(?<![\d.])[12] \d \d \d(?!\d)/g;
export function spacesDigits(text: string): boolean {
  let n = 0;
  for (const _ of text.matchAll(SPACED_YEAR)) if (++n >= 2) return true;
  return false;
}

/**
 * Where a space splits a number in a text that spaces digits: one space between two digits, one of
 * which stands alone (`2 0 0 5`, not the two numbers `2020 2025`), or between a digit and what ends
 * a number (`6 .5`, `1 2 %`).
 */
function splitsNumber(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || text.charCodeAt(start) !== 0x20) return false;
  const b = text.charCodeAt(start - 1);
  const a = text.charCodeAt(end);
  if (!isDigit(b)) return false;
  if (isNumberTail(a)) return true;
  return isDigit(a) && (start < 2 || !isDigit(text.charCodeAt(start - 2)) || end + 1 >= text.length || !isDigit(text.charCodeAt(end + 1)));
}

/**
 * A space that separates thousands (`308 000个`, `2 500元`, Hong Kong and English style): one space
 * between a group of one to three digits and exactly three more, not inside a list of numbers
 * (`12 600 700`, `2020 2025`, `0.62 2`).
 */
function thousandsSpace(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || (text[start] !== ' ' && text[start] !== '\u00a0')) return false;
  const digit = (i: number) => isDigit(text.charCodeAt(i));
  let l = start;
  while (l > 0 && start - l < 4 && digit(l - 1)) l--;
  if (start - l < 1 || start - l > 3) return false;
  if (l > 0) {
    const c = text[l - 1];
    if (digit(l - 1) || c === '.' || (/\s/.test(c) && l > 1 && digit(l - 2))) return false;
  }
  if (!digit(end) || !digit(end + 1) || !digit(end + 2) || digit(end + 3)) return false;
  return !(/\s/.test(text[end + 3] ?? '') && digit(end + 4));
}

export function artifactSpaces(text: string, spacedDigits = false): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[ \t\u00a0]+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === 0 || end >= text.length) continue;
    const b = text.charCodeAt(start - 1);
    const a = text.charCodeAt(end);
    const plain = !m[0].includes('\u00a0');
    if (
      (isWide(b) && isWide(a)) ||
      (plain && isHan(b) && (isDigit(a) || a === 0x28 || isAsciiPunct(a))) ||
      (plain && (isDigit(b) || b === 0x29 || isAsciiPunct(b)) && isHan(a)) ||
      (plain && isDigit(b) && (a === 0x25 || a === 0xff05 || a === 0x2030)) ||
      (spacedDigits && splitsNumber(text, start, end)) ||
      thousandsSpace(text, start, end)
    )
      out.push({ start, end });
  }
  return out;
}
const HAN_RUN_BEFORE = new RegExp(`[${HAN}]{4}$`);
const HAN_RUN_AFTER = new RegExp(`^[${HAN}]{4}`);

/**
 * Spaces between Chinese characters are PDF line-wrap artifacts, except in a short title-like line
 * where a space separates two phrases (`交叉服务开辟新路 护航群众健康`).
 */
export function removeArtifactSpaces(mt: MappedText): MappedText {
  const edits: Edit[] = [];
  const spacedDigits = spacesDigits(mt.text);
  for (const line of splitIntoLines(mt.text)) {
    const text = mt.text.slice(line.start, line.end);
    if (!/[ \t\u00a0]/.test(text)) continue;
    const trimmed = text.trim();
    const titleLike = trimmed.length <= TITLE_LIKE_MAX && !/[。，；：,;:！？]/.test(trimmed);
    // A row of a table pasted with tabs between its cells (`1⇥新能源汽车产量⇥万辆⇥18.6`) keeps them.
    // (Two tabs or more and two cells: the second line of a two-line header, `⇥⇥⇥2022年⇥2025年⇥`.)
    const tabs = text.split('\t');
    const tabRow = tabs.length >= 3 && tabs.filter((p) => p.trim()).length >= 2;
    for (const e of artifactSpaces(text, spacedDigits)) {
      if (tabRow && text.slice(e.start, e.end).includes('\t')) continue;
      // `专栏1 公共卫生体系建设`: in a title a label and its phrase keep their space.
      const before = text.slice(0, e.start);
      const after = text.slice(e.end);
      const counter = /\d$/.test(before) && /^[年月日号个名人张家所项]/.test(after);
      if (titleLike && !counter && (HAN_RUN_BEFORE.test(before) || /\d$/.test(before)) && HAN_RUN_AFTER.test(after)) continue;
      edits.push({ start: line.start + e.start, end: line.start + e.end, insert: '' });
    }
  }
  return applyEdits(mt, edits);
}

/**
 * `?` runs that stand for characters lost in a bad conversion: two or more in a row (not inside a
 * URL), or one alone after a full stop or on its own line. A single `?` after words is a question.
 */
const LOST_MARKS = /(?<![A-Za-z0-9=&/])[?？]{2,}[ \t]?|(?<=[。！；])[?？]|^[ \t]*[?？][ \t]*$/gm;

export function removeLostCharacterMarks(mt: MappedText, removed: Removal[], messages: Message[]): MappedText {
  if (!mt.text.includes('?') && !mt.text.includes('？')) return mt;
  const edits = editsFromRegex(mt.text, LOST_MARKS, () => '');
  for (const e of edits) {
    const sourceRange: [number, number] = [mt.map[e.start], mt.map[e.end]];
    removed.push({ kind: 'artifact', reason: 'lost-characters', sourceRange });
    messages.push({
      code: 'LOST_CHARACTERS',
      message: 'characters lost in conversion were shown as "?"; removed',
      sourceOffset: sourceRange[0],
    });
  }
  return applyEdits(mt, edits);
}

/**
 * Full-width digits, letters and percent signs (`２０２５年`, `９０％`, `５Ｇ`; GBK pages often use
 * them) read as their ASCII forms in the analysis text, one character for one, and a full-width
 * point between two digits as a decimal point; the source script keeps them as written.
 */
/** Box-drawing characters of a table a copy drew in text (`│序号│指标│`, `├──┼──┤`), as pipes and dashes. */
const BOX_CELL = /[│┃├┤┌┐└┘┼┬┴╋┣┫┏┓┗┛┳┻]/g;
const BOX_RULE = /[─━]/g;

export function foldWidth(text: string): string {
  if (/[│┃]/.test(text)) text = text.replace(BOX_CELL, '|').replace(BOX_RULE, '-');
  if (!/[\uff05\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isFoldedWide(c)) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0xff0e && /[0-9０-９]/.test(text[i - 1] ?? '') && /[0-9０-９]/.test(text[i + 1] ?? '')) out += '.';
    else out += text[i];
  }
  return out;
}

export function normalize(doc: Doc): Doc {
  const removed: Removal[] = [...doc.removed];
  const messages: Message[] = [...doc.messages];
  // The reader's text: the source itself for plain text, the page or document text otherwise.
  let mt: MappedText = { text: doc.text, map: doc.map };
  mt = normalizeLineBreaks(mt);
  mt = joinViewerPages(mt, removed);
  mt = removePageNumbers(mt, removed);
  mt = joinHardWraps(mt);
  mt = spaceTablesToTabs(mt);
  mt = removeArtifactSpaces(mt);
  mt = removeLostCharacterMarks(mt, removed, messages);
  const simplified = foldWidth(toSimplified(mt.text));
  return {
    ...doc,
    text: simplified,
    original: mt.text,
    map: mt.map,
    script: detectScript(mt.text, simplified),
    removed,
    messages,
  };
}
