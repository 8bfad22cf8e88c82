/**
 * extract-goals: dated headline statements (`到2025年，…`, `2027年，…` at a paragraph start,
 * `力争到…`), one per year when a paragraph holds several. Only statements in the plan's goal part
 * (a section headed 目标 / 总体要求 …, or the lead before the outline) are goals; dated statements
 * elsewhere are tasks, and years before the document's own date are reports, not goals.
 */
import { foldChineseYears } from '../pipeline/numerals.js';
import { partitionPoint, trimTxt, txt, type Doc, type Goal, type Range } from '../pipeline/doc.js';
import { flattenSections, sectionAt, withAncestors } from './segment.js';

/**
 * A dated statement starts a sentence (`。到2025年，…`, `2027年，…` at a paragraph start) or is a
 * clause of its own between commas (`…六大行动，到2025年，全面完成…`).
 */
export const DATED_START =
  /(?:^|(?<=[。；;！？!?：:]))[ \t\u3000]*((?:力争|争取|预计)?(?:(?:到|至|展望)\s*((?:19|20)\d{2})\s*年(?:底|末)?(?:前)?[，,]?|((?:19|20)\d{2})\s*年(?:底|末)?(?:前)?[，,]))|(?<=[，,])((?:力争|争取)?(?:到|至|展望)\s*((?:19|20)\d{2})\s*年(?:底|末)?前?[，,])|(目标(?:是|为)(?:在|于)?\s*((?:19|20)\d{2})\s*年(?:底|末)?(?:或之前|以前|前|内)?)/g;

/** Headings under which dated statements state the plan's goals. */
const GOAL_HEADING = /目标|主要目|总体要求|总体思路|指导思想|发展方向|愿景|总体安排|基本原则|工作要求/;

export function isGoalContext(doc: Doc, offset: number): boolean {
  const s = sectionAt(doc.sections, offset);
  if (!s) return true;
  return withAncestors(doc.sections, s).some((a) => GOAL_HEADING.test(a.heading.s)) || announcedGoal(doc, offset);
}

/** `主要目标是：到2025年，…`, `《实施方案》明确，到2025年，…`: a sentence that says goals follow. */
const ANNOUNCES_GOAL = /(?:目标(?:任务)?(?:是|为)?|以下目标|总体要求(?:是|为))[:：]|(?:明确|提出)[，,：:]\s*$/;

/** Whether the paragraph before a dated statement announces it (and the statements after it) as goals. */
function announcedGoal(doc: Doc, offset: number): boolean {
  let from = offset;
  while (from > 0 && offset - from < 300 && doc.text[from - 1] !== '\n') from--;
  return ANNOUNCES_GOAL.test(doc.text.slice(from, offset));
}

export interface DatedStatement {
  year: number;
  range: Range;
}

const DATED_AT = /[ \t\u3000]*((?:力争|争取|预计)?(?:到|至|展望)\s*((?:19|20)\d{2})\s*年(?:底|末)?(?:前)?[，,]?)/y;

/**
 * Every dated statement in a line: from its date to the next dated statement or the line end.
 * `boundaries` are extra places where a sentence starts although no punctuation says so: the end of
 * a heading glued to its text in flattened pages.
 */
export function datedStatements(text: string, lineStart: number, lineEnd: number, boundaries: readonly number[] = []): DatedStatement[] {
  // Every dated statement names a year (`…年`): most lines have none.
  if (!text.slice(lineStart, lineEnd).includes('年')) return [];
  // `到二〇三五年`: years in Chinese numerals read as digits (the same length, so offsets hold).
  const line = foldChineseYears(text.slice(lineStart, lineEnd));
  const starts: { at: number; year: number }[] = [];
  // Boundaries are sorted: visit only those inside this line.
  for (let k = partitionPoint(boundaries.length, (i) => boundaries[i] > lineStart); k < boundaries.length && boundaries[k] < lineEnd; k++) {
    const b = boundaries[k];
    DATED_AT.lastIndex = b - lineStart;
    const m = DATED_AT.exec(line);
    if (m) starts.push({ at: b + m[0].length - m[1].length, year: Number(m[2]) });
  }
  DATED_START.lastIndex = 0;
  for (let m = DATED_START.exec(line); m; m = DATED_START.exec(line)) {
    const phrase = m[1] ?? m[4] ?? m[6];
    const at = m.index + m[0].length - phrase.length;
    starts.push({ at: lineStart + at, year: Number(m[2] ?? m[3] ?? m[5] ?? m[7]) });
    if (m[0].length === 0) DATED_START.lastIndex++;
  }
  starts.sort((a, b) => a.at - b.at);
  const unique = starts.filter((s, i) => i === 0 || s.at !== starts[i - 1].at);
  return unique.map((s, i) => ({ year: s.year, range: [s.at, i + 1 < unique.length ? unique[i + 1].at : lineEnd] }));
}

export function documentYear(doc: Doc): number | null {
  return doc.facts.date ? Number(doc.facts.date.slice(0, 4)) : null;
}

/**
 * The year of a plan for one year (`2024年…工作要点`, `…2024年工作计划`, `2024年…任务清单`): what it
 * sets without a year of its own is for that year. Null for plans over several years.
 */
export function oneYearPlan(doc: Doc): number | null {
  const title = doc.facts.title?.s ?? '';
  const m = /((?:19|20)\d{2})\s*年(?:度)?[^\d]*(?:要点|计划|安排|任务|清单|台账|方案)/.exec(title);
  return m && !/(?:19|20)\d{2}\s*[—–\-~至到]/.test(title) ? Number(m[1]) : null;
}

export function extractGoals(doc: Doc): Doc {
  const goals: Goal[] = [];
  const issued = documentYear(doc);
  const boundaries = flattenSections(doc.sections)
    .map((s) => s.range[1])
    .sort((a, b) => a - b);
  for (const line of doc.lines) {
    if (line.removed || line.table) continue;
    for (const st of datedStatements(doc.text, line.start, line.end, boundaries)) {
      if (issued !== null && st.year < issued) continue;
      // `目标是在2030年前兴建…` names itself a goal wherever it stands.
      if (!doc.text.startsWith('目标', st.range[0]) && !isGoalContext(doc, st.range[0])) continue;
      const text = trimTxt(txt(doc, st.range[0], st.range[1]));
      if (text.s.length < 8) continue;
      goals.push({ year: st.year, text, range: st.range, section: sectionAt(doc.sections, st.range[0])?.id ?? null });
    }
  }
  return { ...doc, goals };
}
