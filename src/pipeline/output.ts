/**
 * The output layer: turns a finished Doc into the contract's document. The only place where ranges
 * become `origin: { line, text }` and where the requested script is applied.
 */
import { partitionPoint, type Doc, type Range, type Section, type Txt, type Value } from './doc.js';
import { SCHEMA_VERSION, type DocumentOut, type SectionOut } from '../schema/document.js';
import { toTraditional } from '../stages/script.js';
import { flattenSections } from '../stages/segment.js';
import { charsOf, trimEndWhere } from './ends.js';
import { isFoldedWide } from './numerals.js';

const LINE_BREAK = charsOf('\r\n');

export type OutputScript = 'simplified' | 'traditional' | 'original';

const MAX_ORIGIN = 200;

/** Offsets where each source line starts, for offset → line lookups by binary search. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  return partitionPoint(starts.length, (i) => starts[i] > offset) - 1;
}

export interface Origin {
  line: number;
  text: string;
}

export class OriginMaker {
  private readonly starts: number[];
  constructor(private readonly doc: Pick<Doc, 'source' | 'map' | 'format'>) {
    this.starts = lineStarts(doc.source);
  }

  /** A source range → its first line, quoted verbatim (at most 200 characters). */
  fromSource(a: number, b: number): Origin {
    const { source } = this.doc;
    let start = a;
    // Skip leading line breaks and spaces so the quote starts on text.
    while (start < b && /\s/.test(source[start])) start++;
    if (start >= b) start = a;
    const li = lineOf(this.starts, start);
    const lineEnd = li + 1 < this.starts.length ? this.starts[li + 1] - 1 : source.length;
    let end = Math.min(b > start ? b : lineEnd, lineEnd, start + MAX_ORIGIN);
    let text = trimEndWhere(source.slice(start, end), LINE_BREAK);
    // In a page, quote the text only: stop where markup starts.
    if (this.doc.format === 'html') {
      const tag = text.indexOf('<');
      if (tag > 0) text = text.slice(0, tag);
    }
    if (!text.trim()) {
      end = Math.min(lineEnd, start + MAX_ORIGIN);
      text = trimEndWhere(source.slice(start, end), LINE_BREAK);
    }
    // Never cut a surrogate pair in half.
    if (text.length && /[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
    return { line: li + 1, text };
  }

  fromRange(r: Range): Origin {
    return this.fromSource(this.doc.map[r[0]], this.doc.map[Math.max(r[1], r[0])]);
  }
}

export function render(t: Txt, script: OutputScript): string {
  if (script === 'original') return t.o;
  return keepWidth(script === 'traditional' ? toTraditional(t.s) : t.s, t.o);
}

/** What the analysis text folds: full-width digits, letters and ％ (isFoldedWide), and a full-width point. */
const foldedHere = (c: number) => isFoldedWide(c) || c === 0xff0e;

/**
 * The analysis text reads full-width digits, letters and signs as ASCII (`９０％` as `90%`); text
 * fields keep them as the source wrote them: the source-script twin, character for character, says which.
 */
function keepWidth(s: string, o: string): string {
  if (s.length !== o.length || !/[\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(o)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = o.charCodeAt(i);
    out += foldedHere(c) && s.charCodeAt(i) === c - 0xfee0 ? o[i] : s[i];
  }
  return out;
}

function renderValue(v: Value | null, script: OutputScript) {
  if (!v) return null;
  return { raw: render(v.raw, script), value: v.value, comparator: v.comparator, unit: v.unit, year: v.year };
}

function preamble(doc: Doc, origins: OriginMaker, script: OutputScript): DocumentOut['preamble'] {
  const first = flattenSections(doc.sections)[0];
  const end = first ? first.range[0] : doc.text.length;
  const lines = doc.lines.filter((l) => !l.removed && !l.table && l.start < end && doc.text.slice(l.start, l.end).trim());
  if (lines.length === 0) return null;
  const parts = lines.map((l) => ({
    s: doc.text.slice(l.start, Math.min(l.end, end)).trim(),
    o: doc.original.slice(l.start, Math.min(l.end, end)).trim(),
  }));
  const text = { s: parts.map((p) => p.s).join('\n'), o: parts.map((p) => p.o).join('\n') };
  return { text: render(text, script), origin: origins.fromRange([lines[0].start, lines[0].end]) };
}

export function toOutput(doc: Doc, script: OutputScript): DocumentOut {
  const origins = new OriginMaker(doc);
  const r = (t: Txt) => render(t, script);
  const section = (s: Section): SectionOut => ({
    id: s.id,
    number: s.number,
    level: s.level,
    heading: r(s.heading),
    text: r(s.text),
    origin: origins.fromRange(s.range[1] > s.range[0] ? s.range : [s.range[0], s.range[0] + 1]),
    children: s.children.map(section),
  });
  const goals = doc.goals.map((g, i) => ({
    id: `g${i + 1}`,
    year: g.year,
    text: r(g.text),
    section: g.section,
    origin: origins.fromRange(g.range),
  }));
  const indicators = doc.indicators.map((ind, i) => ({
    id: `i${i + 1}`,
    name: r(ind.name),
    category: ind.category ? r(ind.category) : null,
    baseline: renderValue(ind.baseline, script),
    target: renderValue(ind.target, script),
    nature: ind.nature,
    section: ind.section,
    table: ind.table,
    origin: origins.fromRange(ind.range),
  }));
  const tasks = doc.tasks.map((t, i) => ({
    id: `k${i + 1}`,
    text: r(t.text),
    deadline: t.deadline,
    deadlineText: t.deadlineText ? r(t.deadlineText) : null,
    lead: t.lead.map(r),
    support: t.support.map(r),
    section: t.section,
    table: t.table,
    origin: origins.fromRange(t.range),
  }));
  const units = new Map<string, { name: string; lead: string[]; support: string[] }>();
  const unit = (name: string) => {
    let u = units.get(name);
    if (!u) {
      u = { name, lead: [], support: [] };
      units.set(name, u);
    }
    return u;
  };
  for (const t of tasks) {
    for (const name of t.lead) if (!unit(name).lead.includes(t.id)) unit(name).lead.push(t.id);
    for (const name of t.support) if (!unit(name).support.includes(t.id)) unit(name).support.push(t.id);
  }
  const f = doc.facts;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: doc.path,
      sha256: doc.sha256,
      format: doc.format,
      encoding: doc.encoding,
      script: doc.script,
      chars: doc.source.length,
    },
    document: {
      title: f.title ? r(f.title) : null,
      docNumber: f.docNumber ? r(f.docNumber) : null,
      issuer: f.issuer.map(r),
      date: f.date,
      dateSource: (f.dateSource as DocumentOut['document']['dateSource']) ?? null,
      region: f.region ? r(f.region) : null,
      kind: f.kind,
      period: f.period,
    },
    preamble: preamble(doc, origins, script),
    sections: doc.sections.map(section),
    tables: doc.tables.map((t) => ({
      id: t.id,
      section: t.section,
      header: t.header.map(r),
      rows: t.rows.map((row) => row.map(r)),
      origin: origins.fromRange(t.range),
    })),
    goals,
    indicators,
    tasks,
    units: [...units.values()],
    removed: doc.removed
      .map((rm) => ({
        kind: rm.kind,
        reason: rm.reason,
        origin: rm.sourceRange ? origins.fromSource(rm.sourceRange[0], rm.sourceRange[1]) : origins.fromRange(rm.range!),
        at: rm.sourceRange ? rm.sourceRange[0] : doc.map[rm.range![0]],
      }))
      .sort((a, b) => a.at - b.at)
      .map(({ at: _at, ...rest }) => rest),
    warnings: doc.messages.map((m) => ({
      code: m.code,
      message: m.message,
      origin: m.range
        ? origins.fromRange(m.range)
        : m.sourceOffset !== undefined
          ? origins.fromSource(m.sourceOffset, m.sourceOffset + 1)
          : null,
    })),
  };
}
