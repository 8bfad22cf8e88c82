/**
 * extract-tasks: who must do what by when.
 *
 * Three sources: rows of task tables (责任单位 / 配合单位 / 完成年度 columns); numbered items whose
 * text names units (`责任单位：…`, `牵头单位：…；配合单位：…`, `（X牵头，Y参与）`, or a bare unit
 * list closing the item, as in flattened appendix tables); and dated statements outside the goal
 * part (`到2025年，实现…`, `2024年底前完成…`). 责任/牵头 units lead, 配合/协办/参与 units support.
 */
import { foldChineseYears } from '../pipeline/numerals.js';
import { bodySentences, joinTxt, trimTxt, txt, type Doc, type Range, type Section, type Task, type Txt } from '../pipeline/doc.js';
import { isUnitListText, looksLikeUnit, splitUnits, trailingUnitList } from '../pipeline/units.js';
import { columnTypes } from './tables.js';
import { documentYear, isGoalContext, oneYearPlan } from './extract-goals.js';
import { flattenSections, sectionAt } from './segment.js';

/** Labels of lead units; 牵头 is the firmer: beside it, a 责任单位 list names the units that share the work. */
const LEAD_LABEL = /(?:责任单位|牵头单位|责任部门|牵头部门|负责单位|负责部门|主责单位|责任主体|实施主体)\s*[:：]\s*/g;
const SUPPORT_LABEL = /(?:配合单位|配合部门|协办单位|协助单位|参与单位|参与部门)\s*[:：]\s*/g;
/** Where a unit list stops: a sentence end, the next label, the next numbered item. */
const LIST_END =
  /[。；;\n]|(?:配合|协办|协助|参与|责任|牵头|完成)(?:单位|部门|时限|时间)|\d{1,2}\s?[.．、](?=[\u4e00-\u9fff])|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|完成时限/;

const DEADLINE =
  /(?:19|20)\d{2}\s*[—–\-~至到]\s*((?:19|20)\d{2})\s*年(?!\s*(?:度|周期|[）)]?\s*》))|(?:到|至|于)?((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?)?(?:底|末|上半年|下半年|年底)?(?:前|以前|或之前)|(?:到|至)((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年(?:底|末)|((?:19|20)\d{2})\s*年\s*(?:[上下]半年|第?[一二三四]季度|\d{1,2}\s*月(?:底|末|中旬|下旬)|[\u4e00-\u9fff]{1,4}前)/;
const ONGOING = /长期坚持|持续推进|长期推进|持续开展|长期|持续/;
const ONGOING_CLAUSE = /(?:^|[，,；;。])\s*(长期坚持|持续推进|长期推进|持续开展|长期|持续)\s*(?=[。；;，,）)]|$)/;

const DEADLINES = new RegExp(DEADLINE.source, 'g');
/** `对2000年底前建成的老旧小区…`: a date that describes a thing (…的) is no deadline. */
const DESCRIBES = /^[\u4e00-\u9fff]{0,4}的/;

/** A year (and month) directly before the action it is the date of. */
const ACTED_IN =
  /((?:19|20)\d{2})\s*年(?:\s*\d{1,2}\s*月)?(?:内|间)?(?:全面|基本|力争|要|将|再)?(?:建成|完成|实现|启动|开展|组织|出台|制定|印发|举办|建立|开工|投运|上线|召开|部署|推出|创建)/;

/** The year a DEADLINE match names, whichever of its forms matched. */
const deadlineYear = (m: RegExpExecArray) => Number(m[1] ?? m[2] ?? m[4] ?? m[5] ?? m[6]);

export function parseDeadline(text: string): number | null {
  const s = foldChineseYears(text);
  // A deadline always holds 年: most texts have none.
  if (s.includes('年')) {
    DEADLINES.lastIndex = 0;
    for (let m = DEADLINES.exec(s); m; m = DEADLINES.exec(s)) {
      if (DESCRIBES.test(s.slice(m.index + m[0].length, m.index + m[0].length + 5))) continue;
      return deadlineYear(m);
    }
  }
  const bare = /^\s*((?:19|20)\d{2})\s*年?/.exec(s);
  if (bare) return Number(bare[1]);
  // `2024年建成…`, `2024年6月组织开展…`: a task that names the year of its own action.
  const acted = ACTED_IN.exec(s);
  return acted && !DESCRIBES.test(s.slice(acted.index + acted[0].length, acted.index + acted[0].length + 5)) ? Number(acted[1]) : null;
}

interface LabelledList {
  label: string;
  units: Txt[];
  /** Units the list itself says support the others (`A牵头，B配合`). */
  also: Txt[];
  range: Range;
}

/** `；` followed by more unit names (`县农业农村局；县卫生健康委`) separates units, not clauses. */
const NEXT_LABEL = /[:：]|牵头|配合|协办|协助|参与|完成|时限|时间/;

function unitsAfter(doc: Doc, label: RegExp, from: number, to: number): LabelledList[] {
  const out: LabelledList[] = [];
  const text = doc.text.slice(from, to);
  label.lastIndex = 0;
  for (let m = label.exec(text); m; m = label.exec(text)) {
    const start = from + m.index + m[0].length;
    const rest = doc.text.slice(start, to);
    let stop = rest.search(LIST_END);
    while (stop >= 0 && (rest[stop] === '；' || rest[stop] === ';')) {
      const after = rest.slice(stop + 1);
      const next = after.search(LIST_END);
      const part = after.slice(0, next < 0 ? after.length : next).replace(/[）)]\s*$/, '');
      if (!part || NEXT_LABEL.test(part) || !isUnitListText(part)) break;
      stop = next < 0 ? -1 : stop + 1 + next;
    }
    // `（责任单位：市发展改革委、各区县（市）人民政府）`: the list ends at the bracket that closes the label's.
    const limit = stop < 0 ? rest.length : stop;
    const close = unbalancedClose(rest, limit);
    const end = start + (close < 0 ? limit : close);
    const opened = m.index > 0 && /[（(]/.test(text[m.index - 1]);
    const { lead, support } = listRoles(txt(doc, start, end));
    out.push({ label: m[0], units: lead, also: support, range: [from + m.index - (opened ? 1 : 0), end] });
  }
  return out;
}

/** The first closing bracket before `limit` that no opening bracket in `text` matches, or -1. */
function unbalancedClose(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < limit; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Each bracketed group at depth zero: `[open, close)` offsets with nesting respected. */
function bracketGroups(text: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if ((c === '）' || c === ')') && depth > 0) {
      depth--;
      if (depth === 0) out.push([open, i + 1]);
    }
  }
  return out;
}

const LEAD_WORD = /牵头|负责/;
const SUPPORT_TAIL = /(?:等)?(?:配合|参与|协助|协同|按职责分工负责|按职责负责|分别负责)$/;

/**
 * `市住建局牵头，市自然资源局、各区人民政府配合`: a unit list that says itself which units lead.
 * Null when no unit stands before 牵头/负责.
 */
function roleSplit(list: Txt): { lead: Txt[]; support: Txt[] } | null {
  const inner = list.s;
  const part = (from: number, to: number): Txt => ({ s: inner.slice(from, to), o: list.o.slice(from, to) });
  const lw = LEAD_WORD.exec(inner);
  if (!lw || lw.index < 2) return null;
  // `（市委组织部、市人社局按职责分工负责）`: the manner before 负责 is not part of the last unit.
  const manner = /(?:按职责分工|按职责|分别|共同)$/.exec(inner.slice(0, lw.index));
  const lead = splitUnits(part(0, lw.index - (manner ? manner[0].length : 0))).filter((u) => looksLikeUnit(u.s));
  if (lead.length === 0) return null;
  const restStart = lw.index + lw[0].length + /^[，,；;、\s]*/.exec(inner.slice(lw.index + lw[0].length))![0].length;
  const rest = inner
    .slice(restStart)
    .replace(/[。；;，,\s]+$/, '')
    .replace(SUPPORT_TAIL, '');
  const support = rest ? splitUnits(part(restStart, restStart + rest.length)).filter((u) => looksLikeUnit(u.s)) : [];
  return { lead, support };
}

/** A labelled list or a table cell: its own 牵头/配合 words say who leads, else every unit does. */
function listRoles(list: Txt): { lead: Txt[]; support: Txt[] } {
  if (LEAD_WORD.test(list.s) && /配合|参与|协助|协同/.test(list.s)) {
    const split = roleSplit(list);
    if (split) return split;
  }
  return { lead: splitUnits(list), support: [] };
}

/** `（生态环境部牵头，国家发展改革委、各县（区）人民政府参与）` after a measure. */
function parenUnits(doc: Doc, from: number, to: number): { lead: Txt[]; support: Txt[]; at: number } | null {
  const text = doc.text.slice(from, to);
  for (const [open, close] of bracketGroups(text)) {
    const split = roleSplit(txt(doc, from + open + 1, from + close - 1));
    if (split) return { ...split, at: from + open };
  }
  return null;
}

const LEAD_MARK = /[（(](?:牵头|负责|主责)[）)]$/;

function unmark(u: Txt): Txt {
  const m = LEAD_MARK.exec(u.s)!;
  return { s: u.s.slice(0, m.index), o: u.o.slice(0, m.index) };
}

/** `由县卫生健康局牵头，县财政局、县医保局配合。` closing an item, without brackets. */
const LEAD_CLAUSE =
  /(?:^|[。；;，,])\s*(?:由)?((?:[^，,。；;（）()]|[（(][^，,。；;（）()]{1,12}[）)]){2,60}?)牵头[，,、]?((?:[^，,。；;（）()]|[（(][^，,。；;（）()]{1,12}[）)]){2,120}?)(?:配合|参与|协助|按职责分工负责)[。；;]?\s*(?:(?:长期坚持|持续推进|长期推进|持续开展)[。；;]?\s*)?$/;

/** `由X牵头，Y配合，2025年底前完成…`: the same clause inside the item, followed by more of it. */
const LEAD_CLAUSE_INSIDE =
  /(?:^|[。；;，,])\s*由([^，,。；;（）()]{2,60}?)牵头[，,、]?([^，,。；;（）()]{2,120}?)(?:配合|参与|协助|按职责分工负责)(?=[，,。；;])/;

function clauseUnits(doc: Doc, from: number, to: number): { lead: Txt[]; support: Txt[]; at: number } | null {
  const text = doc.text.slice(from, to);
  // The pattern tries every clause start; most items name no lead unit at all.
  if (!text.includes('牵头')) return null;
  const closing = LEAD_CLAUSE.exec(text);
  const m = closing ?? LEAD_CLAUSE_INSIDE.exec(text);
  if (!m) return null;
  const leadStart = from + m.index + m[0].indexOf(m[1]);
  const lead = splitUnits(txt(doc, leadStart, leadStart + m[1].length)).filter((u) => looksLikeUnit(u.s));
  if (lead.length === 0) return null;
  const supStart = leadStart + m[1].length + m[0].slice(m[0].indexOf(m[1]) + m[1].length).indexOf(m[2]);
  const support = splitUnits(txt(doc, supStart, supStart + m[2].length)).filter((u) => looksLikeUnit(u.s));
  // A closing clause ends the task's text; one inside it leaves the text whole.
  return { lead, support, at: closing ? from + m.index + (/^[。；;，,]/.test(m[0]) ? 1 : 0) : to };
}

function trailingUnits(doc: Doc, from: number, to: number): { units: Txt[]; at: number } | null {
  const found = trailingUnitList(doc.text.slice(from, to));
  if (!found) return null;
  return { units: splitUnits(txt(doc, from + found.start, from + found.end)), at: from + found.start };
}

function dedupeUnits(list: Txt[]): Txt[] {
  const seen = new Set<string>();
  return list.filter((u) => (seen.has(u.s) ? false : (seen.add(u.s), true)));
}

/** A deadline within the year (`6月底前`, `一季度`, `年内`, `年底前`), with no year of its own. */
const WITHIN_YEAR =
  /(?:^|[^\d年])(?:1[0-2]|[1-9])\s*月(?:底|末|中旬|上旬|下旬)?(?:前|以前)|[一二三四]季度|上半年|下半年|年内|全年|年底前|年末前/;

/**
 * The year of a deadline within the year, in a plan for one year (`2024年…工作要点`, `…2024年工作计划`):
 * the year its title names.
 */
function yearOfPlanDeadline(doc: Doc, text: string): number | null {
  return WITHIN_YEAR.test(text) ? oneYearPlan(doc) : null;
}

/** A closing bracket of units ends the paragraph: `…。（市生态环境局牵头，市发展改革委配合）`. */
const UNITS_AT_END = /[（(][^（）()\n]*(?:牵头|负责|责任单位|牵头单位|责任部门|牵头部门)[^\n]*[）)][。；;]?\s*$/;

/**
 * Paragraphs of one item that each close with their own units are tasks of their own: the item is
 * cut after each such paragraph (paragraphs without units join the one before or after them).
 */
function unitParagraphs(doc: Doc, from: number, to: number): [number, number][] {
  const text = doc.text.slice(from, to);
  if (!text.includes('\n') || !(text.includes('牵头') || text.includes('负责') || text.includes('责任'))) return [];
  const cuts: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    at += line.length + 1;
    // Only the line's end is looked at (a unit bracket is short): the test stays linear on long lines.
    if (UNITS_AT_END.test(line.length > 200 ? line.slice(-200) : line)) cuts.push(Math.min(from + at - 1, to));
  }
  if (cuts.length < 2) return [];
  cuts[cuts.length - 1] = to;
  return cuts.map((c, k) => [k === 0 ? from : cuts[k - 1] + 1, c]);
}

function sectionTasks(doc: Doc, out: Task[]): void {
  const all = flattenSections(doc.sections);
  const inTables = new Set(doc.tables.flatMap((t) => t.items ?? []));
  all.forEach((s: Section, k) => {
    if (inTables.has(s.id)) return;
    const nextStart = k + 1 < all.length ? all[k + 1].range[0] : s.span[1];
    const from = s.range[1];
    const to = Math.min(nextStart, s.span[1]);
    if (to <= from) return;
    const parts = unitParagraphs(doc, from, to);
    if (parts.length === 0) parts.push([from, to]);
    parts.forEach(([a, b], p) => {
      const task = itemTask(doc, s, a, b, p === 0);
      if (task) out.push(task);
    });
  });
}

/** The task of an item, or of one of its paragraphs (`withHeading` for the first). */
function itemTask(doc: Doc, s: Section, from: number, to: number, withHeading: boolean): Task | null {
  const leads = unitsAfter(doc, LEAD_LABEL, from, to);
  const supports = unitsAfter(doc, SUPPORT_LABEL, from, to);
  let lead = leads.flatMap((l) => l.units);
  let support = [...supports.flatMap((l) => [...l.units, ...l.also]), ...leads.flatMap((l) => l.also)];
  // `（牵头单位：市商务局；责任单位：市发展改革委、各区县人民政府）`: 牵头 leads, 责任 shares.
  const firm = leads.filter((l) => l.label.startsWith('牵头'));
  if (firm.length && firm.length < leads.length) {
    lead = firm.flatMap((l) => l.units);
    support = dedupeUnits([...leads.filter((l) => !l.label.startsWith('牵头')).flatMap((l) => l.units), ...support]);
  }
  // `责任单位：县发展改革局（牵头）、县财政局`: the marked unit leads, the others support.
  if (support.length === 0) ({ lead, support } = markedLead(lead, support));
  let textEnd = Math.min(...[...leads, ...supports].map((l) => l.range[0]), to);
  if (lead.length === 0 && support.length === 0) {
    const paren = parenUnits(doc, from, to) ?? clauseUnits(doc, from, to);
    if (paren) {
      lead = paren.lead;
      support = paren.support;
      textEnd = paren.at;
    } else {
      const tail = trailingUnits(doc, from, to);
      if (!tail) return null;
      lead = tail.units;
      textEnd = tail.at;
    }
  }
  const body = trimTxt(txt(doc, from, textEnd), '。.，,；;:： |');
  const text = !withHeading ? body : body.s ? joinTxt([s.heading, body], '。') : s.heading;
  if (!text.s) return null;
  const base = withHeading ? s.range[0] : from;
  const deadlineSource = doc.text.slice(base, to);
  const deadlineMatch = /完成时限\s*[:：]\s*([^。；;\n]{1,20})/.exec(deadlineSource);
  const stated = deadlineMatch ? deadlineMatch[1] : deadlineSource;
  const deadline = parseDeadline(stated) ?? yearOfPlanDeadline(doc, stated);
  // No year: an ongoing commitment, in the 完成时限 label or as a clause of its own (`…，长期坚持。`).
  let ongoing: { at: number; length: number } | null = null;
  if (deadline === null) {
    const labelled = deadlineMatch ? ONGOING.exec(deadlineMatch[1]) : null;
    if (labelled)
      ongoing = {
        at: deadlineMatch!.index + deadlineMatch![0].length - deadlineMatch![1].length + labelled.index,
        length: labelled[0].length,
      };
    else {
      const clause = ONGOING_CLAUSE.exec(deadlineSource);
      if (clause) ongoing = { at: clause.index + clause[0].length - clause[1].length, length: clause[1].length };
    }
  }
  return {
    text,
    deadline,
    deadlineText: ongoing ? txt(doc, base + ongoing.at, base + ongoing.at + ongoing.length) : null,
    lead: dedupeUnits(lead),
    support: dedupeUnits(support),
    section: s.id,
    table: null,
    range: withHeading ? s.range : [from, textEnd],
  };
}

/** `市经信局（牵头），市发展改革委、市财政局` in one list: the marked unit leads, the others support. */
function markedLead(lead: Txt[], support: Txt[]): { lead: Txt[]; support: Txt[] } {
  if (!lead.some((u) => LEAD_MARK.test(u.s))) return { lead, support };
  return {
    lead: lead.filter((u) => LEAD_MARK.test(u.s)).map(unmark),
    support: dedupeUnits([...lead.filter((u) => !LEAD_MARK.test(u.s)), ...support]),
  };
}

/** From the task's name cell, where it has one, to the end of its detail cell. */
function taskRange(cells: readonly (Range | null)[], named: readonly number[], textCol: number): Range | null {
  const detail = cells[textCol];
  if (!detail) return null;
  const name = named.map((i) => cells[i]).find((c): c is Range => c !== null && c !== undefined && c[0] < detail[0]);
  return name ? [name[0], detail[1]] : detail;
}

const TASK_NAME_HEADER = /任务|事项|工作|项目|举措|措施|名称/;
const REMARK_HEADER = /备注|说明|依据|来源|解释/;

function tableTasks(doc: Doc, out: Task[]): void {
  for (const table of doc.tables) {
    const cols = columnTypes(table);
    // Beside a 牵头单位 column, a 责任单位 column names the units that share the work: support.
    const firmLead = cols.some((c, i) => c?.type === 'units' && /牵头/.test(table.header[i].s));
    const supportHeader = firmLead ? /配合|协办|协助|参与|责任|实施/ : /配合|协办|协助|参与/;
    const isSupport = (i: number) => supportHeader.test(table.header[i].s) && !/牵头/.test(table.header[i].s);
    const unitCols = cols.map((c, i) => (c?.type === 'units' ? i : -1)).filter((i) => i >= 0);
    const leadCols = unitCols.filter((i) => !isSupport(i));
    const supportCols = unitCols.filter(isSupport);
    const yearCol = cols.findIndex((c) => c?.type === 'year');
    if (leadCols.length === 0 && supportCols.length === 0 && yearCol < 0) continue;
    const textCols = cols
      .map((c, i) => (c?.type === 'text' && !c.carries && !REMARK_HEADER.test(table.header[i].s) ? i : -1))
      .filter((i) => i >= 0);
    const textCol = textCols[textCols.length - 1] ?? cols.findIndex((c) => c?.type === 'text');
    if (textCol < 0) continue;
    // `重点任务 | 具体内容`: the task's name and what it holds make its text together (not 备注).
    const named = textCols.filter((i) => i < textCol && TASK_NAME_HEADER.test(table.header[i].s));
    const section = sectionAt(doc.sections, table.range[0]);
    // An empty lead cell under a filled one is a merged cell a copy left blank: it repeats the one above.
    const above = new Map<number, Txt>();
    table.rows.forEach((row, r) => {
      const detail = row[textCol];
      if (!detail?.s) return;
      // Each lead cell (or the one above it) read once for the roles it names.
      const roles = leadCols.map((i) => {
        const cell = row[i];
        if (cell?.s) above.set(i, cell);
        return listRoles(cell?.s ? cell : (above.get(i) ?? { s: '', o: '' }));
      });
      const names = named.map((i) => row[i]).filter((c): c is Txt => !!c?.s && c.s !== detail.s);
      const text = names.length ? joinTxt([...names.map((n) => trimTxt(n, '。.，,；;:： ')), detail], '：') : detail;
      const yearCell = yearCol >= 0 ? row[yearCol] : null;
      // Without a deadline column, a deadline stated in the task itself (`到2025年前…`).
      const inText = DEADLINE.exec(text.s);
      const deadline = yearCell ? (parseDeadline(yearCell.s) ?? yearOfPlanDeadline(doc, yearCell.s)) : inText ? deadlineYear(inText) : null;
      out.push({
        text,
        deadline,
        deadlineText: deadline === null && yearCell?.s ? yearCell : null,
        ...markedLead(
          dedupeUnits(roles.flatMap((r) => r.lead)),
          dedupeUnits([...roles.flatMap((r) => r.support), ...supportCols.flatMap((i) => splitUnits(row[i]))]),
        ),
        section: section?.id ?? null,
        table: table.id,
        range: taskRange(table.cellRanges[r], named, textCol) ?? table.rowRanges[r],
      });
    });
  }
}

/** A sentence opened by the office that acts: `运输署会在2025年第三季推出…`, `市商务局将于…`. */
const SUBJECT_UNIT =
  /^([\u4e00-\u9fff]{1,16}?(?:署|局|厅|委员会|委|办公室|办|部|中心|人民政府|政府))(?=亦|也|将|会|要|应|须|负责|计划|拟|于|在)/;

function datedTasks(doc: Doc, out: Task[]): void {
  const issued = documentYear(doc);
  // A numbered item that already became a task (with its units) holds its dated sentences too.
  const covered = new Set(out.filter((t) => t.table === null && t.section !== null).map((t) => t.section));
  // Sentences with a deadline in them, outside the goal part.
  for (const { start, end, text } of bodySentences(doc)) {
    // Every deadline names a year (`…年`): most sentences have none.
    const d = text.includes('年') ? DEADLINE.exec(text) : null;
    if (!d) continue;
    const year = deadlineYear(d);
    if (issued !== null && year < issued) continue;
    const section = sectionAt(doc.sections, start)?.id ?? null;
    // Under a goal heading dated sentences are goals; a text without an outline (a press release)
    // states its tasks the same way, so there only the goals themselves are left out.
    if (section !== null || doc.sections.length > 0) {
      if (isGoalContext(doc, start)) continue;
      // Without an outline only a deadline (`在2026年或之前完成…`) makes a task: `到2025年` states goals.
    } else if (d[4] !== undefined || doc.goals.some((g) => g.range[0] >= start && g.range[0] < end)) continue;
    if (section !== null && covered.has(section)) continue;
    // The whole sentence: the deadline may open it (`到2025年，实现…`) or close it (`…，2025年底前全部完成`).
    const lead = /^[\s（(]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])?/.exec(text)![0].length;
    const from = start + lead;
    const sentence = trimTxt(txt(doc, from, end), '。；; ');
    if (sentence.s.length < 8) continue;
    // The title (`…三年行动方案（2024—2026年）`) names the plan's period, not a task.
    const title = doc.facts.title?.s;
    if (title && (sentence.s.includes(title) || title.includes(sentence.s))) continue;
    // `路政署亦会在2026年或之前完成…`: the office the sentence opens with does it.
    const subject = SUBJECT_UNIT.exec(sentence.s);
    const doer = subject && looksLikeUnit(subject[1]) ? [{ s: subject[1], o: sentence.o.slice(0, subject[1].length) }] : [];
    out.push({ text: sentence, deadline: year, deadlineText: null, lead: doer, support: [], section, table: null, range: [from, end] });
  }
}

/** `（各项任务中列第一位的单位为牵头单位，其余为配合单位）`: the document's rule for its unit lists. */
const FIRST_LEADS = /(?:列|排)(?:在|于)?(?:第一位|首位|第一)(?:的|者)?(?:为|是)?(?:单位|部门)?(?:为|是)?牵头(?:单位|部门)/;

function firstLeads(doc: Doc): boolean {
  for (const l of doc.lines) if (!l.removed && FIRST_LEADS.test(doc.text.slice(l.start, l.end))) return true;
  return false;
}

export function extractTasks(doc: Doc): Doc {
  const tasks: Task[] = [];
  tableTasks(doc, tasks);
  sectionTasks(doc, tasks);
  datedTasks(doc, tasks);
  // Under such a rule a list that names no roles of its own has its first unit lead.
  if (tasks.some((t) => t.lead.length > 1 && t.support.length === 0) && firstLeads(doc)) {
    for (const t of tasks) if (t.lead.length > 1 && t.support.length === 0) t.support = t.lead.splice(1);
  }
  tasks.sort((a, b) => a.range[0] - b.range[0]);
  return { ...doc, tasks };
}
