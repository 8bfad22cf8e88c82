/**
 * tables: rebuild tables that scraping flattened into one cell per line.
 *
 * Two shapes come from real pages: cells on lines of their own with blank lines between (an HTML
 * table copied as text), and cells ending in ` |` (a converter's pipe rendering, where merged cells
 * leave lines holding only `|`). Both are found by a header of table vocabulary (序号, 指标,
 * 完成年度, 责任单位 …, a cell split over two lines is joined back) and read by aligning the cells to
 * the header's column types: a dynamic programme over (cell, column) that lets a row start late
 * (its first cells were merged with the row above and are carried down) or end early (empty cells).
 */
import { flattenSections } from './segment.js';
import { isUnitListText, trailingUnitList } from '../pipeline/units.js';
import { charsOf, trimEndPipes, trimEndWhere, trimStartWhere } from '../pipeline/ends.js';
import {
  joinTxt,
  workingOffset,
  trimTxt,
  txt,
  type Doc,
  type Section,
  type Line,
  type Range,
  type Table,
  type Txt,
} from '../pipeline/doc.js';

export type ColumnType = 'serial' | 'year' | 'units' | 'nature' | 'value' | 'text';
export type CellType = 'serial' | 'year' | 'units' | 'nature' | 'number' | 'dash' | 'text';

/** Header vocabulary: what each header cell says about the column below it. */
const HEADER_VOCABULARY: { re: RegExp; type: ColumnType; carries: boolean }[] = [
  { re: /^(?:序号|编号|序)$/, type: 'serial', carries: true },
  { re: /(?:完成|办结)?(?:年度|时限|时间|期限)$|^完成年度$|^目标年份$/, type: 'year', carries: false },
  { re: /(?:责任|牵头|配合|协办|主办|参与|主体|实施|指导|负责|承办)(?:单位|部门)|^责任人$/, type: 'units', carries: false },
  { re: /^(?:指标)?(?:性质|属性|类型)$/, type: 'nature', carries: false },
  {
    // `2025年`, `2025年目标值`, and a year under a spanning parent cell (`指标值` over `2023年` reads `指标值2023年`).
    re: /(?:基期|基准|现状|目标|预期|规划|实际|计划)(?:值|数)|^(?:指标值|指标|数值|目标值|预期值|发展目标|规划目标)?\d{4}年(?:底|末)?(?:值|目标|现状|基数|基期|基准|实际|预期|计划|完成)?(?:值|数)?$|^(?:现状|现况|目标|基期|基准)$/,
    type: 'value',
    carries: false,
  },
  // A growth-rate column beside the levels (`年均增长（%）`): values, but neither baseline nor target.
  { re: /^(?:年均增长|年均增速|年均增长率|年均增幅|年均增减)(?:[（(][^）)]{0,4}[）)])?$/, type: 'value', carries: false },
  { re: /^(?:领域|类别|分类|分组|板块|方面|一级指标|目标|维度|类型|篇章|任务类别|指标类别)$/, type: 'text', carries: true },
  // The unit of measure of an indicator row (`%`, `万人`), not a responsible unit.
  { re: /^(?:计量)?单位$/, type: 'text', carries: false },
  {
    re: /指标|任务|内容|名称|措施|项目|事项|目标|备注|举措|工作|解释|说明|释义|定义|计算方法|数据来源|口径|依据/,
    type: 'text',
    carries: false,
  },
];

export function headerColumnType(text: string): { type: ColumnType; carries: boolean } | null {
  // A header cell broken over lines (`指标<br>性质`) is one word.
  const cell = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  const found = vocabularyType(cell);
  if (found || !/[（(〔\[【]/.test(cell)) return found;
  // A qualifier in brackets (`2023年（基期）`, `年均增长〔累计〕`): the header word without it.
  const bare = cell.replace(/[（(〔\[【](?:基期|基准|基数|现状|目标|预期|规划|实际|累计|预计)值?[）)〕\]】]/g, '');
  return bare && bare !== cell ? vocabularyType(bare) : null;
}

function vocabularyType(cell: string): { type: ColumnType; carries: boolean } | null {
  for (const v of HEADER_VOCABULARY) {
    if (!v.re.test(cell)) continue;
    // A long line that only mentions 指标 or 任务 is the table's title (`2020年城市体检指标体系`), not a column.
    if (v.type === 'text' && !v.carries && (cell.length > 8 || (cell.length > 5 && /(?:体系|一览表|表|清单|分解)$/.test(cell))))
      return null;
    return { type: v.type, carries: v.carries };
  }
  return null;
}

export function cellType(cell: string): CellType {
  const c = cell.trim();
  if (/^\d{1,3}$/.test(c)) return 'serial';
  if (
    /^(?:19|20)\d{2}(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|前|内|上半年|下半年)?(?:前|以前)?)?$|^(?:19|20)\d{2}\s*[-—–至~]\s*(?:19|20)\d{2}年?$|^(?:长期|持续|长期坚持|持续推进)/.test(
      c,
    )
  )
    return 'year';
  if (/^[[【（(]?(?:预期|约束)性?(?:指标)?[\]】）)]?$/.test(c)) return 'nature';
  if (/^[—–\-－/无]+$/.test(c)) return 'dash';
  if (/^[≥≤≧≦<>＜＞约]?\s*-?\d+(?:\.\d+)?\s*(?:%|‰|\/\d*万|\S{0,3})?$/.test(c)) return 'number';
  if (isUnitListText(c)) return 'units';
  return 'text';
}

const MISMATCH = 4;

function assignCost(cell: CellType, column: ColumnType, length: number): number {
  switch (column) {
    case 'serial':
      return cell === 'serial' ? 0 : MISMATCH;
    case 'year':
      return cell === 'year' ? 0 : cell === 'dash' ? 0.5 : MISMATCH;
    case 'units':
      return cell === 'units' ? 0 : cell === 'dash' ? 0.5 : cell === 'text' && length <= 30 ? 1.5 : MISMATCH;
    case 'nature':
      return cell === 'nature' ? 0 : MISMATCH;
    case 'value':
      return cell === 'number' || cell === 'serial' || cell === 'dash'
        ? 0
        : cell === 'year'
          ? 1
          : cell === 'text' && length <= 30
            ? 0.8
            : MISMATCH;
    case 'text':
      return cell === 'text' ? 0 : cell === 'units' ? 1 : cell === 'dash' ? 0.5 : 2.5;
  }
}

export interface Column {
  name: string;
  type: ColumnType;
  carries: boolean;
}

export interface Cell {
  text: string;
  range: Range;
}

/**
 * Align a flat list of cells to rows of `columns`. Returns, per row, the index of the cell in each
 * column or -1 (empty) or -2 (carried down from the row above).
 */
export function alignCells(cells: readonly string[], columns: readonly Column[]): number[][] {
  const n = columns.length;
  const m = cells.length;
  const types = cells.map(cellType);
  // state index: (i * n + j) * 2 + started
  const size = (m + 1) * n * 2;
  const cost = new Float64Array(size).fill(Infinity);
  const back = new Int32Array(size).fill(-1);
  const idx = (i: number, j: number, s: number) => (i * n + j) * 2 + s;
  cost[idx(0, 0, 0)] = 0;
  const relax = (from: number, to: number, c: number) => {
    const v = cost[from] + c;
    if (v < cost[to]) {
      cost[to] = v;
      back[to] = from;
    }
  };
  const ROW_COST = 0.2;
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j < n; j++) {
      for (let s = 0; s < 2; s++) {
        const here = idx(i, j, s);
        if (cost[here] === Infinity) continue;
        // Skip column j: carried down if the row has not started and the column carries; else empty.
        // A later column is the likelier one to be empty: ties go to leaving the right end blank.
        const skipCost = s === 0 ? (columns[j].carries ? 0.3 : 1) : 1 + 0.05 * (n - j);
        if (j + 1 < n) relax(here, idx(i, j + 1, s), skipCost);
        else if (s === 1) relax(here, idx(i, 0, 0), skipCost + ROW_COST);
        // Assign cell i to column j.
        if (i < m) {
          const c = assignCost(types[i], columns[j].type, cells[i].length);
          if (j + 1 < n) relax(here, idx(i + 1, j + 1, 1), c);
          else relax(here, idx(i + 1, 0, 0), c + ROW_COST);
        }
      }
    }
  }
  // Backtrack from the end state.
  const rows: number[][] = [];
  let state = idx(m, 0, 0);
  if (cost[state] === Infinity) return [];
  const steps: { i: number; j: number; s: number }[] = [];
  while (state >= 0) {
    const s = state % 2;
    const ij = (state - s) / 2;
    steps.push({ i: Math.floor(ij / n), j: ij % n, s });
    state = back[state];
  }
  steps.reverse();
  let row: number[] = new Array(n).fill(-2);
  let started = false;
  for (let k = 0; k + 1 < steps.length; k++) {
    const a = steps[k];
    const b = steps[k + 1];
    if (b.i === a.i + 1) {
      row[a.j] = a.i;
      started = true;
    } else {
      // Cells a row does not start with were merged with the row above: carry them down.
      row[a.j] = started ? -1 : -2;
    }
    const wrapped = a.j === n - 1 && b.j === 0;
    if (wrapped) {
      rows.push(row);
      row = new Array(n).fill(-2);
      started = false;
    }
  }
  return rows;
}

/** Header vocabulary run: consecutive short cell lines, at least three of them table words. */
interface HeaderFound {
  columns: Column[];
  headerCells: Cell[][];
  /** Index in the cell-line list just after the header. */
  next: number;
}

function stripPipe(s: string): string {
  return trimEndPipes(s).trim();
}

/** Whole header words that a narrow column may split over two lines (`完成` / `年度`). */
const SPLIT_HEADER_WORD =
  /^(?:完成年度|完成时限|完成时间|办结时限|责任单位|牵头单位|配合单位|协办单位|责任部门|牵头部门|配合部门|指标性质|指标属性|主要指标|一级指标|二级指标|三级指标|基期值|目标值)$/;

function findHeader(cells: readonly Cell[], from: number): HeaderFound | null {
  const columns: Column[] = [];
  const headerCells: Cell[][] = [];
  let k = from;
  while (k < cells.length && columns.length < MAX_COLUMNS && cells[k].text.length <= 16 && !HEADING_LINE.test(cells[k].text)) {
    const t = cells[k].text;
    const single = headerColumnType(t);
    const next = k + 1 < cells.length ? cells[k + 1].text : '';
    const joined = t + next;
    const double = next && next.length <= 6 ? headerColumnType(joined) : null;
    // Join two lines when the first is only a fragment, or together they make a known header word.
    if (double && (!single || SPLIT_HEADER_WORD.test(joined))) {
      columns.push({ name: joined, ...double });
      headerCells.push([cells[k], cells[k + 1]]);
      k += 2;
      continue;
    }
    if (!single) break;
    columns.push({ name: t, ...single });
    headerCells.push([cells[k]]);
    k++;
  }
  // A header led by 序号 runs to the first row's 1: short unknown words before it are columns too
  // (`降雨情况`), but not a group label ending in a colon (`“十二五”期间：`).
  // The first row may start with cells of the columns before 序号 (its group, `健康水平`): those stay data.
  const serialAt = columns.findIndex((c) => c.type === 'serial');
  if (serialAt >= 0) {
    const ahead = cells.slice(k, k + 5);
    const one = ahead.findIndex((c) => /^1$/.test(c.text));
    const labels = ahead.slice(0, Math.max(one, 0)).filter((c) => /[:：]$/.test(c.text)).length;
    const extras = one - labels - serialAt;
    for (let extra = 0; extra < extras; extra++) {
      const t = cells[k].text;
      if (t.length > 12 || /[:：。；]$|\d/.test(t) || cellType(t) !== 'text') break;
      columns.push({ name: t, type: 'text', carries: false });
      headerCells.push([cells[k]]);
      k++;
    }
  }
  foldSpanningHeader(columns, headerCells);
  if (columns.length < 3) return null;
  const informative = columns.filter((c) => c.type !== 'text').length;
  if (informative < 1) return null;
  return { columns, headerCells, next: k };
}

/** A header cell that spans the value columns of a second header row (`指标值` over `2020年` | `2025年`). */
const SPANNING_HEADER = /^(?:指标值|指标数值|数值|规划值|目标值|发展目标|规划目标|指标目标值?)$/;

/**
 * A two-row header flattened into one cell per line reads row by row: `序号 指标 指标值 属性` and then
 * `2020年 2025年`. The year labels closing the header belong where the spanning cell stands.
 */
function foldSpanningHeader(columns: Column[], headerCells: Cell[][]): void {
  let run = 0;
  while (run < columns.length && YEAR_LABEL.test(columns[columns.length - 1 - run].name)) run++;
  if (run < 2) return;
  const at = columns.findIndex((c) => SPANNING_HEADER.test(c.name));
  if (at < 0 || at >= columns.length - run) return;
  const spanned = columns.splice(columns.length - run, run);
  const spannedCells = headerCells.splice(headerCells.length - run, run);
  const span = columns[at];
  const spanCells = headerCells[at];
  columns.splice(at, 1, ...spanned.map((c) => ({ ...c, name: span.name + c.name })));
  headerCells.splice(at, 1, ...spannedCells.map((cells) => [...spanCells, ...cells]));
}

const HEADING_LINE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百\d]+[章节条编部分])/;

/** A note under a table (`注：[ ]内为累计数`, `（来源：…）`): its end, not a row. */
const TABLE_NOTE = /^[（(]?(?:注|备注|说明|附注|资料来源|数据来源|来源)\s*\d{0,2}\s*[:：]|^附件\s*\d{0,2}\s*(?:[:：]|$)|^附件下载/;

function isTableEnd(text: string): boolean {
  return HEADING_LINE.test(text) || TABLE_NOTE.test(text) || text.length > 300;
}

const MAX_COLUMNS = 16;

/** A run of non-empty kept lines; pipe rows keep their own trailing `|` shape. */
function candidateCells(doc: Doc, lines: readonly Line[], startLine: number, limit = Infinity): { cells: Cell[]; lineIndex: number[] } {
  const cells: Cell[] = [];
  const lineIndex: number[] = [];
  for (let i = startLine; i < lines.length; i++) {
    const l = lines[i];
    if (l.removed) continue;
    const raw = doc.text.slice(l.start, l.end);
    const t = raw.trim();
    if (!t) continue;
    if (/^[|｜\s]+$/.test(t)) continue; // merged-cell remnants of a pipe table
    const text = stripPipe(t);
    if (cells.length > 0 && isTableEnd(text)) {
      // A group row inside the table (`一、生态宜居` followed by its rows `1`, `区域开发强度（%）`…)
      // is not its end: it is a cell of the group column, carried down to the rows below it.
      if (!(HEADING_LINE.test(text) && text.length <= 20 && /^\d{1,3}$/.test(nextCellText(doc, lines, i) ?? ''))) break;
    }
    const lead = raw.indexOf(t);
    cells.push({ text, range: [l.start + lead, l.start + lead + text.length] });
    lineIndex.push(i);
    if (cells.length >= limit) break;
  }
  return { cells, lineIndex };
}

function nextCellText(doc: Doc, lines: readonly Line[], from: number): string | null {
  for (let k = from + 1; k < lines.length; k++) {
    if (lines[k].removed) continue;
    const t = stripPipe(doc.text.slice(lines[k].start, lines[k].end).trim());
    if (t) return t;
  }
  return null;
}

function cellTxt(doc: Doc, cell: Cell): Txt {
  // Join cells split by a PDF wrap: the working text already lost artifact spaces.
  const t = txt(doc, cell.range[0], cell.range[1]);
  return { s: trimEndPipes(t.s).trim(), o: trimEndPipes(t.o).trim() };
}

export function rebuildCellPerLineTables(doc: Doc): Doc {
  const lines = doc.lines.map((l) => ({ ...l }));
  const tables: Table[] = [...doc.tables];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].removed || lines[i].table) continue;
    const first = doc.text.slice(lines[i].start, lines[i].end).trim();
    if (!first || stripPipe(first).length > 16 || HEADING_LINE.test(first) || !headerColumnType(stripPipe(first))) continue;
    // Look for a header in the next few cells first; only a found header reads the whole table.
    const head = candidateCells(doc, lines, i, MAX_COLUMNS * 2 + 1);
    if (!findHeader(head.cells, 0)) continue;
    const { cells, lineIndex } = candidateCells(doc, lines, i);
    const header = findHeader(cells, 0);
    if (!header) continue;
    const body = cells.slice(header.next);
    const bodyLineIndex = lineIndex.slice(header.next);
    // The body ends where cells stop fitting: trim trailing cells whose alignment is all mismatch.
    const alignment = alignCells(
      body.map((c) => c.text),
      header.columns,
    );
    if (alignment.length === 0) continue;
    const id = `t${tables.length + 1}`;
    const rows: Txt[][] = [];
    const rowRanges: Range[] = [];
    const cellRanges: (Range | null)[][] = [];
    let previous: Txt[] | null = null;
    let previousRanges: (Range | null)[] | null = null;
    let lastCell = -1;
    for (const r of alignment) {
      const row: Txt[] = [];
      const ranges: (Range | null)[] = [];
      r.forEach((cellIndex, col) => {
        if (cellIndex >= 0) {
          row.push(cellTxt(doc, body[cellIndex]));
          ranges.push(body[cellIndex].range);
          lastCell = Math.max(lastCell, cellIndex);
        } else if (cellIndex === -2 && previous) {
          row.push(previous[col]);
          ranges.push(previousRanges![col]);
        } else {
          row.push({ s: '', o: '' });
          ranges.push(null);
        }
      });
      const own = r.filter((c) => c >= 0);
      if (own.length === 0) continue;
      rows.push(row);
      cellRanges.push(ranges);
      rowRanges.push(body[own[0]].range);
      previous = row;
      previousRanges = ranges;
    }
    if (rows.length === 0) continue;
    const headerLines = lineIndex.slice(0, header.next);
    const usedLines = [...headerLines, ...bodyLineIndex.slice(0, lastCell + 1)];
    for (const li of usedLines) lines[li].table = id;
    // Blank lines and pipe remnants inside the table belong to it too.
    const lastLine = usedLines[usedLines.length - 1];
    for (let k = i; k <= lastLine; k++) if (!lines[k].removed) lines[k].table = id;
    tables.push({
      id,
      section: null,
      header: header.headerCells.map((parts) => joinTxt(parts.map((c) => cellTxt(doc, c)))),
      rows,
      range: header.headerCells[0][0].range,
      rowRanges,
      cellRanges,
    });
    i = lastLine;
  }
  return { ...doc, lines, tables };
}

export function columnTypes(table: Table): (Column | null)[] {
  return table.header.map((h) => {
    const t = headerColumnType(h.s);
    return t ? { name: h.s, ...t } : null;
  });
}

const MIN_ITEM_ROWS = 3;

/**
 * A table flattened with no delimiters at all (a doc-sharing copy of an appendix: `1.三级医院创建。…
 * 市卫健局，总医院2.二级医院创建。…`): after segmentation, a run of sibling numbered items each closing
 * with a unit list is that table, one row per item: number, task, responsible units.
 */
export function rebuildItemTables(doc: Doc): Doc {
  const tables: Table[] = [...doc.tables];
  const all = flattenSections(doc.sections);
  const nextStart = new Map(all.map((s, k) => [s.id, k + 1 < all.length ? all[k + 1].range[0] : s.span[1]]));
  const visit = (siblings: readonly Section[]) => {
    let run: { section: Section; units: Range; text: Range }[] = [];
    const flush = () => {
      if (run.length >= MIN_ITEM_ROWS) {
        const id = `t${tables.length + 1}`;
        tables.push({
          id,
          section: null,
          header: ['序号', '任务', '责任单位'].map((s) => ({ s, o: s })),
          rows: run.map((r) => [
            { s: trimEndWhere(r.section.number, NUMBER_END), o: trimEndWhere(r.section.number, NUMBER_END) },
            joinTxt([r.section.heading, trimTxtEnd(txt(doc, r.text[0], r.text[1]))], '。'),
            txt(doc, r.units[0], r.units[1]),
          ]),
          range: run[0].section.range,
          rowRanges: run.map((r) => r.section.range),
          cellRanges: run.map((r) => [r.section.range, r.text, r.units]),
          items: run.map((r) => r.section.id),
        });
      }
      run = [];
    };
    // Items with a closing unit list; a few without (garbled by OCR) may sit among them.
    const found = siblings.map((s) => {
      const from = s.range[1];
      const to = Math.min(nextStart.get(s.id)!, s.span[1]);
      const text = doc.text.slice(from, to);
      const units = s.family === 'num' && !/(?:责任|牵头|配合)(?:单位|部门)[:：]/.test(text) ? trailingUnitList(text) : null;
      return { section: s, from, to, units };
    });
    const hits = found.map((f, i) => (f.units ? i : -1)).filter((i) => i >= 0);
    if (hits.length >= MIN_ITEM_ROWS) {
      const window = found.slice(hits[0], hits[hits.length - 1] + 1);
      if (hits.length / window.length >= 0.6) {
        run = window.map((f) => ({
          section: f.section,
          units: f.units ? ([f.from + f.units.start, f.from + f.units.end] as Range) : ([f.to, f.to] as Range),
          text: [f.from, f.units ? f.from + f.units.start : f.to] as Range,
        }));
      }
    }
    flush();
    for (const s of siblings) visit(s.children);
    flush();
  };
  visit(doc.sections);
  if (tables.length === doc.tables.length) return doc;
  // The table belongs to the section holding the items.
  const parentOf = (id: string) => (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : null);
  return { ...doc, tables: tables.map((t) => (t.items ? { ...t, section: parentOf(t.items[0]) } : t)) };
}

const NUMBER_END = charsOf('.．、', true);
const ITEM_START = charsOf('。.，,', true);
const ITEM_END = charsOf('。.，,；;', true);

function trimTxtEnd(t: Txt): Txt {
  const from = trimStartWhere(t.s, ITEM_START);
  const s = trimEndWhere(from, ITEM_END);
  const lead = t.s.length - from.length;
  return { s, o: t.o.slice(lead, lead + s.length) };
}

const YEAR_LABEL = /^(?:19|20)\d{2}\s*年(?:度)?\s*(?:基期|基数|目标|现状|预期|规划|实际|完成)?(?:值|数)?$/;

/** Leading rows that read as a header: short cells, one of them table vocabulary, no values. */
function headerRowCount(rows: readonly (Txt | null)[][]): number {
  let n = 0;
  while (n < rows.length - 1 && n < 3) {
    const cells = rows[n].filter((c): c is Txt => !!c && !!c.s);
    const vocabulary = cells.some((c) => headerColumnType(c.s) !== null);
    // `2020年基期`, `2025年目标` over value columns are labels, though they start like a number.
    const short = cells.every(
      (c) => c.s.length <= 20 && (YEAR_LABEL.test(c.s) || (cellType(c.s) !== 'number' && cellType(c.s) !== 'nature')),
    );
    if (!short || (n === 0 && !vocabulary)) break;
    n++;
    // A second header row only when the first spans columns (`主要指标` over `2020年` | `2025年`).
    if (n === 1 && !rows[0].some((c, i) => i > 0 && c !== null && rows[0][i - 1] !== null && c.s === rows[0][i - 1]!.s)) break;
  }
  return n;
}

/**
 * Tables the reader found whole (HTML <table>, Word w:tbl): rowspan/colspan already expanded into
 * the grid, so merged cells repeat their text down and across; the header is the leading rows that
 * read as one, joined per column.
 */
export function rebuildGridTables(doc: Doc): Doc {
  if (doc.grids.length === 0) return doc;
  const lines = doc.lines.map((l) => ({ ...l }));
  const tables: Table[] = [...doc.tables];
  for (const grid of doc.grids) {
    const width = Math.max(...grid.rows.map((r) => r.length));
    const cache = new Map<string, Range>();
    const rangeOf = (c: { start: number; end: number } | null): Range | null => {
      if (!c) return null;
      const key = `${c.start}:${c.end}`;
      let r = cache.get(key);
      if (!r) {
        r = [workingOffset(doc.map, c.start), workingOffset(doc.map, c.end)];
        cache.set(key, r);
      }
      return r;
    };
    addGridTable(
      doc,
      lines,
      tables,
      grid.rows.map((row) => Array.from({ length: width }, (_, i) => rangeOf(row[i] ?? null))),
    );
  }
  return { ...doc, lines, tables };
}

/**
 * A grid of cells (working-text ranges, merged cells repeating their range) as a table: the header
 * is the leading rows that read as one, joined per column. False when the grid has no header.
 */
function addGridTable(doc: Doc, lines: Line[], tables: Table[], ranges: (Range | null)[][]): boolean {
  const width = Math.max(...ranges.map((r) => r.length));
  const texts = ranges.map((row) => row.map((r) => (r ? trimTxt(txt(doc, r[0], r[1])) : null)));
  const headerRows = headerRowCount(texts);
  // A grid with no header is a box of labels and values (索引号 | … | 成文日期 | …): text, not a table.
  if (headerRows === 0) return false;
  const header: Txt[] = Array.from({ length: width }, (_, i) => {
    const parts: Txt[] = [];
    for (let r = 0; r < headerRows; r++) {
      const t = texts[r][i];
      if (t && t.s && !parts.some((p) => p.s === t.s)) parts.push(t);
    }
    return joinTxt(parts);
  });
  // A note across the whole width under the rows (`注：第1、3项为累计数`) is not a row.
  let bodyEnd = texts.length;
  while (bodyEnd > headerRows && TABLE_NOTE.test(texts[bodyEnd - 1].find((c) => c?.s)?.s ?? '')) bodyEnd--;
  let body = texts.slice(headerRows, bodyEnd);
  let bodyRanges = ranges.slice(headerRows, bodyEnd);
  // Rows that are one cell across the whole width (`一、知识产权保护方面（共5项）`) name a group of the
  // rows below them: they become a first column, 分组, carried down.
  const isGroupRow = (row: (Range | null)[]) => row.length > 1 && row[0] !== null && row.every((r) => r === row[0]);
  if (bodyRanges.some(isGroupRow)) {
    let group: Txt = { s: '', o: '' };
    let groupRange: Range | null = null;
    const rows: (Txt | null)[][] = [];
    const rowRanges: (Range | null)[][] = [];
    body.forEach((row, k) => {
      if (isGroupRow(bodyRanges[k])) {
        group = row[0] ?? { s: '', o: '' };
        groupRange = bodyRanges[k][0];
        return;
      }
      rows.push([group, ...row]);
      rowRanges.push([groupRange, ...bodyRanges[k]]);
    });
    header.unshift({ s: '分组', o: '分組' });
    body = rows;
    bodyRanges = rowRanges;
  }
  if (body.length === 0) return false;
  const first = ranges.flat().find((r): r is Range => r !== null);
  const last = [...ranges.flat()].reverse().find((r): r is Range => r !== null);
  if (!first || !last) return false;
  const id = `t${tables.length + 1}`;
  for (const l of lines) if (l.end > first[0] && l.start < last[1] && !l.removed) l.table = id;
  tables.push({
    id,
    section: null,
    header,
    rows: body.map((row) => row.map((c) => c ?? { s: '', o: '' })),
    range: first,
    rowRanges: bodyRanges.map((row) => row.find((r): r is Range => r !== null) ?? first),
    cellRanges: bodyRanges,
  });
  return true;
}

/** A Markdown rule under a header (`|---|:---:|`). */
const RULE_CELL = /^:?-{2,}:?$/;

/**
 * The cells of a row written on one line, with `|` (`| 1 | 指标 | % |`, `1 | 指标 | %`) or tabs
 * between them, as working-text ranges (null for an empty cell); null when the line is not such a
 * row, `'rule'` for a Markdown rule line.
 */
export function delimitedRow(text: string, start: number, end: number): { tab: boolean; cells: (Range | null)[] } | 'rule' | null {
  const line = text.slice(start, end);
  const tab = !/[|｜]/.test(line);
  if (tab && !line.includes('\t')) return null;
  const cells: (Range | null)[] = [];
  let empty = 0;
  let at = 0;
  const parts = line.split(tab ? '\t' : /[|｜]/);
  parts.forEach((part, k) => {
    const lead = part.length - part.trimStart().length;
    const t = part.trim();
    // The pipes that open and close the line frame the row; they do not make empty cells.
    const frame = !tab && !t && (k === 0 || k === parts.length - 1);
    if (!frame) {
      if (t) cells.push([start + at + lead, start + at + lead + t.length]);
      else {
        cells.push(null);
        empty++;
      }
    }
    at += part.length + 1;
  });
  if (cells.length < 3 || cells.length - empty < 2) return null;
  if (cells.every((c) => c === null || RULE_CELL.test(text.slice(c[0], c[1])))) return 'rule';
  return { tab, cells };
}

/**
 * Tables written one row per line, cells between `|` or tabs (Markdown, a spreadsheet pasted as
 * text): consecutive such rows under a header row become a grid. A row with fewer cells than the
 * header lost its leading merged cells: they are carried down from the row above.
 */
export function rebuildDelimitedTables(doc: Doc): Doc {
  if (!doc.text.includes('|') && !doc.text.includes('｜') && !doc.text.includes('\t')) return doc;
  const lines = doc.lines.map((l) => ({ ...l }));
  const tables: Table[] = [...doc.tables];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].removed || lines[i].table) continue;
    const head = delimitedRow(doc.text, lines[i].start, lines[i].end);
    if (head === null || head === 'rule') continue;
    const rows: (Range | null)[][] = [head.cells];
    let j = i + 1;
    let lastRow = i;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (l.removed || l.table) break;
      if (doc.text.slice(l.start, l.end).trim() === '') continue;
      const row = delimitedRow(doc.text, l.start, l.end);
      if (row === 'rule') continue;
      if (row === null || row.tab !== head.tab) break;
      rows.push(row.cells);
      lastRow = j;
    }
    if (rows.length < 2) continue;
    const width = Math.max(...rows.map((r) => r.length));
    const grid: (Range | null)[][] = [];
    rows.forEach((row, k) => {
      const padded = [...Array.from({ length: width - row.length }, () => null), ...row];
      if (k > 0 && row.length < width) for (let c = 0; c < width - row.length; c++) padded[c] = grid[k - 1][c];
      grid.push(padded);
    });
    const cellText = (r: Range | null) => (r ? doc.text.slice(r[0], r[1]) : '');
    // A header over two lines (`指标值` spanning `2022年` | `2025年` below it): the spanning cell
    // fills the empty cells to its right, and the cells above fill the empty ones below.
    if (
      grid.length >= 3 &&
      grid[1].some((c) => c === null) &&
      grid[1].every((c) => c === null || (cellText(c).length <= 12 && headerColumnType(cellText(c)) !== null))
    ) {
      for (let c = 1; c < width; c++) if (grid[0][c] === null && grid[1][c] !== null) grid[0][c] = grid[0][c - 1];
      for (let c = 0; c < width; c++) grid[1][c] ??= grid[0][c];
    }
    // A group cell (`类别`) left empty below its first row is carried down.
    const carries = grid[0].map((c) => headerColumnType(cellText(c))?.carries === true && headerColumnType(cellText(c))?.type === 'text');
    for (let k = 1; k < grid.length; k++)
      for (let c = 0; c < width; c++) if (carries[c] && grid[k][c] === null) grid[k][c] = grid[k - 1][c];
    if (addGridTable(doc, lines, tables, grid)) i = lastRow;
  }
  return { ...doc, lines, tables };
}

/** The tables stage: tables the reader found whole, then tables written a row per line, then a cell per line. */
export function rebuildTables(doc: Doc): Doc {
  return rebuildCellPerLineTables(rebuildDelimitedTables(rebuildGridTables(doc)));
}
