/**
 * Rendering a plan diff: a terminal table (colour only on a terminal), Markdown tables for
 * reports, and stable JSON for scripts.
 */
import type { IndicatorSide, PlanDiff } from './diff.js';

export type DiffFormat = 'text' | 'json' | 'markdown';

const colour = (on: boolean, code: number) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function targetText(s: IndicatorSide): string {
  if (s.target === null) return '—';
  return s.year !== null ? `${s.target} (${s.year})` : s.target;
}

function name(d: PlanDiff['a']): string {
  return d.title ?? d.path;
}

export function renderText(d: PlanDiff, tty: boolean): string {
  const red = colour(tty, 31);
  const green = colour(tty, 32);
  const yellow = colour(tty, 33);
  const bold = colour(tty, 1);
  const out: string[] = [];
  out.push(`${bold('A')} ${name(d.a)} (${d.a.region ?? '?'}, ${d.a.date ?? 'no date'})`);
  out.push(`${bold('B')} ${name(d.b)} (${d.b.region ?? '?'}, ${d.b.date ?? 'no date'})`);
  out.push('');
  out.push(bold(`Indicators in both (${d.indicators.both.length}; names matched exactly or by similarity ≥ ${d.threshold})`));
  if (d.indicators.both.length)
    out.push(
      table(
        ['indicator (A)', 'A target', 'B target', 'change', 'match'],
        d.indicators.both.map((p) => [
          p.a.name,
          targetText(p.a),
          targetText(p.b),
          p.changes.length ? yellow(p.changes.join(', ')) : 'same',
          p.match === 'exact' ? 'exact' : `${p.score} ${p.b.name}`,
        ]),
      ),
    );
  const only = (title: string, list: IndicatorSide[], paint: (s: string) => string) => {
    out.push('', bold(`${title} (${list.length})`));
    for (const s of list) out.push(paint(`  ${s.name}: ${targetText(s)}`));
  };
  only('Indicators only in A', d.indicators.onlyA, red);
  only('Indicators only in B', d.indicators.onlyB, green);
  out.push('', bold(`Goals that differ, by year (${d.goals.length})`));
  for (const g of d.goals) {
    for (const t of g.a) out.push(red(`  ${g.year} A: ${t}`));
    for (const t of g.b) out.push(green(`  ${g.year} B: ${t}`));
  }
  out.push('', bold('Responsible units'));
  out.push(`  in both: ${d.units.both.join('、') || '—'}`);
  out.push(red(`  only in A: ${d.units.onlyA.join('、') || '—'}`));
  out.push(green(`  only in B: ${d.units.onlyB.join('、') || '—'}`));
  out.push('', bold('Outline'));
  out.push(red(`  sections only in A: ${d.outline.onlyA.join('、') || '—'}`));
  out.push(green(`  sections only in B: ${d.outline.onlyB.join('、') || '—'}`));
  out.push('', d.different ? 'The plans differ.' : 'No difference.');
  return `${out.join('\n')}\n`;
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(d: PlanDiff): string {
  const out: string[] = [];
  out.push(`# ${md(name(d.a))} ↔ ${md(name(d.b))}`, '');
  out.push(`- **A**: ${md(name(d.a))} (${d.a.region ?? '?'}, ${d.a.date ?? 'no date'}) — \`${d.a.path}\``);
  out.push(`- **B**: ${md(name(d.b))} (${d.b.region ?? '?'}, ${d.b.date ?? 'no date'}) — \`${d.b.path}\``, '');
  out.push(`## Indicators in both (${d.indicators.both.length})`, '', `Names matched exactly, or by similarity ≥ ${d.threshold}.`, '');
  out.push('| indicator | A target | B target | change | match |', '|---|---|---|---|---|');
  for (const p of d.indicators.both)
    out.push(
      `| ${md(p.a.name)} | ${md(targetText(p.a))} | ${md(targetText(p.b))} | ${p.changes.join(', ') || 'same'} | ${p.match === 'exact' ? 'exact' : `${p.score} (${md(p.b.name)})`} |`,
    );
  for (const [title, list] of [
    ['Indicators only in A', d.indicators.onlyA],
    ['Indicators only in B', d.indicators.onlyB],
  ] as const) {
    out.push('', `## ${title} (${list.length})`, '');
    if (list.length)
      out.push(
        '| indicator | target | nature |',
        '|---|---|---|',
        ...list.map((s) => `| ${md(s.name)} | ${md(targetText(s))} | ${s.nature ?? ''} |`),
      );
  }
  out.push('', `## Goals that differ (${d.goals.length})`, '');
  if (d.goals.length)
    out.push(
      '| year | only in A | only in B |',
      '|---|---|---|',
      ...d.goals.map((g) => `| ${g.year} | ${md(g.a.join('<br>'))} | ${md(g.b.join('<br>'))} |`),
    );
  out.push('', '## Responsible units', '', '| in both | only in A | only in B |', '|---|---|---|');
  out.push(`| ${md(d.units.both.join('、'))} | ${md(d.units.onlyA.join('、'))} | ${md(d.units.onlyB.join('、'))} |`);
  out.push('', '## Outline', '', '| sections only in A | sections only in B |', '|---|---|');
  out.push(`| ${md(d.outline.onlyA.join('、'))} | ${md(d.outline.onlyB.join('、'))} |`);
  out.push('', d.different ? '**The plans differ.**' : '**No difference.**');
  return `${out.join('\n')}\n`;
}

export function renderDiff(d: PlanDiff, format: DiffFormat, tty: boolean): string {
  if (format === 'json') return `${JSON.stringify(d, null, 2)}\n`;
  if (format === 'markdown') return renderMarkdown(d);
  return renderText(d, tty);
}
