/**
 * What differs between two extracted plans: indicators aligned by name (targets, comparators,
 * years, natures side by side), goals by year, tasks by responsible unit, the outline by heading.
 */
import type { DocumentOut } from '../schema/document.js';
import { alignNames, DEFAULT_THRESHOLD, normalizeName, similarity } from './align.js';

type Indicator = DocumentOut['indicators'][number];

export interface IndicatorSide {
  name: string;
  baseline: string | null;
  target: string | null;
  value: number | null;
  unit: string | null;
  comparator: string | null;
  year: number | null;
  nature: string | null;
}

export type Change = 'higher target' | 'lower target' | 'different target' | 'different comparator' | 'different year' | 'different nature';

export interface IndicatorPair {
  a: IndicatorSide;
  b: IndicatorSide;
  match: 'exact' | 'fuzzy';
  score: number;
  changes: Change[];
}

export interface DocumentLabel {
  path: string;
  title: string | null;
  region: string | null;
  date: string | null;
}

export interface PlanDiff {
  a: DocumentLabel;
  b: DocumentLabel;
  threshold: number;
  indicators: { both: IndicatorPair[]; onlyA: IndicatorSide[]; onlyB: IndicatorSide[] };
  goals: { year: number; a: string[]; b: string[] }[];
  units: { onlyA: string[]; onlyB: string[]; both: string[] };
  outline: { onlyA: string[]; onlyB: string[] };
  /** True when anything above differs. */
  different: boolean;
}

function side(i: Indicator): IndicatorSide {
  return {
    name: i.name,
    baseline: i.baseline?.raw ?? null,
    target: i.target?.raw ?? null,
    value: i.target?.value ?? null,
    unit: i.target?.unit ?? null,
    comparator: i.target?.comparator ?? null,
    year: i.target?.year ?? null,
    nature: i.nature,
  };
}

function changes(a: IndicatorSide, b: IndicatorSide): Change[] {
  const out: Change[] = [];
  // An unstated unit, comparator or nature is not a difference; a stated one that differs is.
  const sameUnit = a.unit === null || b.unit === null || a.unit === b.unit;
  if (a.value !== null && b.value !== null && sameUnit) {
    if (b.value > a.value) out.push('higher target');
    else if (b.value < a.value) out.push('lower target');
  } else if ((a.target ?? '') !== (b.target ?? '')) out.push('different target');
  if (a.comparator !== null && b.comparator !== null && a.comparator !== b.comparator) out.push('different comparator');
  if (a.year !== b.year) out.push('different year');
  if (a.nature !== null && b.nature !== null && a.nature !== b.nature) out.push('different nature');
  return out;
}

/** The same indicator stated twice in one plan (a table and its prose) counts once: the first. */
function distinct(list: readonly Indicator[]): Indicator[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const key = `${normalizeName(i.name)}|${i.target?.raw ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Units with the region taken off (`县卫生健康委` and `市卫生健康委` are the same kind of office). */
export function normalizeUnit(u: string): string {
  const n = normalizeName(u);
  const region = /^[\u4e00-\u9fff]{0,4}?[省市县区州](?!场)(?=[\u4e00-\u9fff]{2})/.exec(n);
  return region ? n.slice(region[0].length) : n;
}

function headings(list: DocumentOut['sections'], depth = 2, out: string[] = []): string[] {
  for (const s of list) {
    if (s.heading) out.push(s.heading);
    if (depth > 1) headings(s.children, depth - 1, out);
  }
  return out;
}

/** Items in `a` with no item in `b` alike enough (fuzzy, by normalized text). */
function unmatched(a: readonly string[], b: readonly string[], threshold: number): string[] {
  const nb = b.map(normalizeName);
  return a.filter((x) => {
    const nx = normalizeName(x);
    return !nb.some((y) => y === nx || similarity(nx, y) >= threshold);
  });
}

export function label(doc: DocumentOut): DocumentLabel {
  return { path: doc.source.path, title: doc.document.title, region: doc.document.region, date: doc.document.date };
}

export function diffPlans(a: DocumentOut, b: DocumentOut, threshold = DEFAULT_THRESHOLD): PlanDiff {
  const ia = distinct(a.indicators);
  const ib = distinct(b.indicators);
  const pairs = alignNames(
    ia.map((i) => i.name),
    ib.map((i) => i.name),
    threshold,
  );
  const both = pairs.map((p) => {
    const sa = side(ia[p.a]);
    const sb = side(ib[p.b]);
    return {
      a: sa,
      b: sb,
      match: p.exact ? 'exact' : 'fuzzy',
      score: Math.round(p.score * 100) / 100,
      changes: changes(sa, sb),
    } as IndicatorPair;
  });
  const pairedA = new Set(pairs.map((p) => p.a));
  const pairedB = new Set(pairs.map((p) => p.b));
  const years = [...new Set([...a.goals, ...b.goals].map((g) => g.year))].sort((x, y) => x - y);
  const goals = years
    .map((year) => {
      const ga = a.goals.filter((g) => g.year === year).map((g) => g.text);
      const gb = b.goals.filter((g) => g.year === year).map((g) => g.text);
      return { year, a: unmatched(ga, gb, 0.8), b: unmatched(gb, ga, 0.8) };
    })
    .filter((g) => g.a.length || g.b.length);
  const unitsOf = (d: DocumentOut) => new Map(d.units.map((u) => [normalizeUnit(u.name), u.name]));
  const ua = unitsOf(a);
  const ub = unitsOf(b);
  const units = {
    onlyA: [...ua].filter(([k]) => !ub.has(k)).map(([, v]) => v),
    onlyB: [...ub].filter(([k]) => !ua.has(k)).map(([, v]) => v),
    both: [...ua].filter(([k]) => ub.has(k)).map(([, v]) => v),
  };
  const ha = headings(a.sections);
  const hb = headings(b.sections);
  const outline = { onlyA: unmatched(ha, hb, 0.8), onlyB: unmatched(hb, ha, 0.8) };
  const indicators = {
    both,
    onlyA: ia.filter((_, i) => !pairedA.has(i)).map(side),
    onlyB: ib.filter((_, i) => !pairedB.has(i)).map(side),
  };
  const different =
    indicators.onlyA.length + indicators.onlyB.length > 0 ||
    both.some((p) => p.changes.length > 0) ||
    goals.length > 0 ||
    units.onlyA.length + units.onlyB.length > 0 ||
    outline.onlyA.length + outline.onlyB.length > 0;
  return { a: label(a), b: label(b), threshold, indicators, goals, units, outline, different };
}
