/**
 * Hand-made cases under fixtures/cases/: each NAME.txt (or .html) has NAME.yaml with the facts a
 * careful reader insists on, in the acceptance gold format, and fixtures/cases/expected/NAME.json
 * with the whole output, rewritten by `UPDATE_FIXTURES=1 npm test` and reviewed in the git diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runPipeline } from '../src/pipeline/run.js';
import { toOutput } from '../src/pipeline/output.js';
import { toSimplified } from '../src/stages/script.js';
import { checkDocument } from '../src/schema/check.js';
import { allSections } from './helpers.js';
import type { DocumentOut } from '../src/schema/document.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'cases');
const EXPECTED = join(DIR, 'expected');
const update = process.env.UPDATE_FIXTURES === '1';

const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"'‘’]/g, '')
    .toLowerCase();
const has = (hay: unknown, needle: unknown) => norm(hay).includes(norm(needle));
const eitherHas = (a: unknown, b: unknown) => !!norm(a) && !!norm(b) && (has(a, b) || has(b, a));
const num = (s: unknown) => Number(/-?\d+(\.\d+)?/.exec(String(s ?? '').normalize('NFKC'))?.[0] ?? NaN);
function sameValue(out: { raw: string; value: number | null } | null | undefined, want: unknown): boolean {
  if (!out) return false;
  if (has(out.raw, want)) return true;
  const numberOnly = /^[\s≥≤<>=约超过不低于达到]*-?\d+(\.\d+)?[%‰]?\s*$/.test(String(want).normalize('NFKC'));
  return numberOnly && typeof out.value === 'number' && Math.abs(out.value - num(want)) < 1e-9;
}

interface Gold {
  id: string;
  file: string;
  document?: Record<string, string | null>;
  sections?: string[];
  goals?: { year: number; contains: string }[];
  tables?: { header: string[]; minRows: number }[];
  indicators?: {
    exhaustive?: boolean;
    items?: { name: string; target?: string; baseline?: string; targetYear?: number; nature?: string }[];
  };
  tasks?: { contains: string; deadline?: number; lead?: string[]; support?: string[] }[];
  keep?: string[];
  junk?: string[];
}

const cases = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
  : [];

describe.each(cases)('case %s', (file) => {
  const gold = parseYaml(readFileSync(join(DIR, file), 'utf8')) as Gold;
  const input = join(DIR, gold.file);
  const bytes = readFileSync(input);
  const out: DocumentOut = toOutput(runPipeline(bytes, { path: `fixtures/cases/${gold.file}` }), 'simplified');
  const source = bytes.toString('utf8');

  it('matches its snapshot', () => {
    const path = join(EXPECTED, `${gold.id}.json`);
    const text = `${JSON.stringify(out, null, 2)}\n`;
    if (update || !existsSync(path)) {
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(path, text);
    }
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it('validates and quotes its source', () => {
    expect(checkDocument(JSON.parse(JSON.stringify(out)))).toEqual([]);
    for (const item of [...out.goals, ...out.indicators, ...out.tasks]) expect(source).toContain(item.origin.text);
  });

  const d = gold.document ?? {};
  if (Object.keys(d).length)
    it('document facts', () => {
      if ('title' in d)
        d.title === null
          ? expect(out.document.title).toBeNull()
          : expect(eitherHas(out.document.title, d.title), `title ${out.document.title}`).toBe(true);
      if ('docNumber' in d)
        expect(norm(out.document.docNumber).replace(/[〔〕[\]【】()（）]/g, '')).toBe(
          norm(d.docNumber).replace(/[〔〕[\]【】()（）]/g, ''),
        );
      if ('date' in d) expect(out.document.date).toBe(d.date);
      if ('region' in d)
        d.region === null
          ? expect(out.document.region).toBeNull()
          : expect(has(out.document.region, d.region), `region ${out.document.region}`).toBe(true);
    });

  if (gold.sections?.length)
    it.each(gold.sections)('section %s', (h) => {
      expect(allSections(out).map((s) => s.heading)).toContainEqual(expect.stringContaining(h.normalize('NFKC') === h ? h : h));
    });

  if (gold.goals?.length)
    it.each(gold.goals.map((g) => [`${g.year} ${g.contains}`, g] as const))('goal %s', (_n, g) => {
      expect(
        out.goals.some((o) => o.year === g.year && has(o.text, g.contains)),
        JSON.stringify(out.goals.map((o) => [o.year, o.text.slice(0, 30)])),
      ).toBe(true);
    });

  if (gold.tables?.length)
    it.each(gold.tables.map((t) => [t.header.join('|'), t] as const))('table %s', (_n, t) => {
      const found = out.tables.find((o) => t.header.every((h) => o.header.some((c) => has(c, h))));
      expect(found, JSON.stringify(out.tables.map((o) => o.header))).toBeDefined();
      expect(found!.rows.length).toBeGreaterThanOrEqual(t.minRows);
    });

  for (const gi of gold.indicators?.items ?? [])
    it(`indicator ${gi.name}`, () => {
      const cand = out.indicators.filter((o) => eitherHas(o.name, gi.name) || has(o.origin.text, gi.name));
      const best = cand.find((o) => gi.target == null || sameValue(o.target, gi.target)) ?? cand[0];
      expect(best, JSON.stringify(out.indicators.map((o) => [o.name, o.target?.raw]))).toBeDefined();
      const parts = String(gi.target ?? '')
        .split(/[和、]/)
        .filter(Boolean);
      if (gi.target != null)
        expect(
          sameValue(best.target, gi.target) || (parts.length > 1 && parts.every((p) => cand.some((o) => sameValue(o.target, p)))),
          `target ${best.target?.raw}`,
        ).toBe(true);
      if (gi.baseline != null) expect(sameValue(best.baseline, gi.baseline), `baseline ${best.baseline?.raw}`).toBe(true);
      if (gi.targetYear != null) expect(best.target?.year).toBe(gi.targetYear);
      if (gi.nature != null) expect(best.nature).toBe(gi.nature);
    });

  if (gold.indicators?.exhaustive && (gold.indicators.items ?? []).length === 0)
    it('states no indicator', () => {
      expect(out.indicators.map((i) => i.name)).toEqual([]);
    });

  for (const gt of gold.tasks ?? [])
    it(`task ${gt.contains}`, () => {
      const facts = (o: DocumentOut['tasks'][number]) =>
        (gt.deadline != null && o.deadline === gt.deadline ? 1 : 0) +
        (gt.lead ?? []).filter((u) => o.lead.some((x) => has(x, u))).length +
        (gt.support ?? []).filter((u) => o.support.some((x) => has(x, u))).length;
      const task = out.tasks.filter((o) => has(o.text, gt.contains)).sort((a, b) => facts(b) - facts(a))[0];
      expect(task, JSON.stringify(out.tasks.map((o) => o.text.slice(0, 20)))).toBeDefined();
      if (gt.deadline != null) expect(task.deadline).toBe(gt.deadline);
      for (const u of gt.lead ?? [])
        expect(
          task.lead.some((x) => has(x, u)),
          `lead ${u} in ${task.lead}`,
        ).toBe(true);
      for (const u of gt.support ?? [])
        expect(
          task.support.some((x) => has(x, u)),
          `support ${u} in ${task.support}`,
        ).toBe(true);
    });

  if (gold.keep?.length || gold.junk?.length)
    it('keeps the body and drops the junk', () => {
      const { removed: _r, source: _s, ...kept } = out;
      const keptText = norm(JSON.stringify(kept));
      for (const k of gold.keep ?? []) expect(keptText.includes(norm(k)), `keeps ${k}`).toBe(true);
      const simplified = norm(toSimplified(JSON.stringify(kept)));
      for (const j of gold.junk ?? []) expect(simplified.includes(norm(j)), `drops ${j}`).toBe(false);
    });
});
