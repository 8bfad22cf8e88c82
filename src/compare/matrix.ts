/**
 * Many plans → one indicator matrix: a row per indicator aligned across the plans, a column per
 * plan (region and year), target values in the cells, plus counts per plan; as CSV, Markdown, or
 * a single self-contained HTML page with a small bar chart per indicator (inline SVG).
 */
import type { DocumentOut } from '../schema/document.js';
import { alignNames, DEFAULT_THRESHOLD, normalizeName } from './align.js';

export interface MatrixColumn {
  label: string;
  path: string;
  title: string | null;
  counts: { goals: number; indicators: number; tasks: number; units: number };
}

export interface MatrixCell {
  raw: string;
  value: number | null;
  unit: string | null;
  year: number | null;
}

export interface Matrix {
  threshold: number;
  columns: MatrixColumn[];
  rows: { name: string; cells: (MatrixCell | null)[] }[];
}

function columnLabel(doc: DocumentOut): string {
  const d = doc.document;
  const place = d.region ?? d.title ?? doc.source.path;
  const year = d.period?.end ?? (d.date ? Number(d.date.slice(0, 4)) : null);
  return year ? `${place} ${year}` : place;
}

export function buildMatrix(docs: readonly DocumentOut[], threshold = DEFAULT_THRESHOLD): Matrix {
  const rows: { name: string; cells: (MatrixCell | null)[] }[] = [];
  docs.forEach((doc, col) => {
    // One indicator per name in each plan: the first statement of it.
    const seen = new Set<string>();
    const inds = doc.indicators.filter((i) => {
      const k = normalizeName(i.name);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const pairs = alignNames(
      rows.map((r) => r.name),
      inds.map((i) => i.name),
      threshold,
    );
    const matched = new Map(pairs.map((p) => [p.b, p.a]));
    inds.forEach((ind, k) => {
      const cell: MatrixCell | null = ind.target
        ? { raw: ind.target.raw, value: ind.target.value, unit: ind.target.unit, year: ind.target.year }
        : null;
      const row = matched.get(k);
      if (row !== undefined && rows[row].cells[col] === undefined) rows[row].cells[col] = cell;
      else {
        const cells: (MatrixCell | null)[] = new Array(docs.length).fill(undefined);
        cells[col] = cell;
        rows.push({ name: ind.name, cells });
      }
    });
  });
  for (const r of rows) r.cells = Array.from({ length: docs.length }, (_, i) => r.cells[i] ?? null);
  // Indicators most plans share first; otherwise in the order they were met.
  const order = rows.map((r, i) => ({ r, i, n: r.cells.filter(Boolean).length }));
  order.sort((x, y) => y.n - x.n || x.i - y.i);
  return {
    threshold,
    columns: docs.map((d) => ({
      label: columnLabel(d),
      path: d.source.path,
      title: d.document.title,
      counts: { goals: d.goals.length, indicators: d.indicators.length, tasks: d.tasks.length, units: d.units.length },
    })),
    rows: order.map((o) => o.r),
  };
}

const cellText = (c: MatrixCell | null) => (c ? (c.year ? `${c.raw} (${c.year})` : c.raw) : '');

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function matrixCsv(m: Matrix): string {
  const lines = [['indicator', ...m.columns.map((c) => c.label)].map(csvField).join(',')];
  for (const r of m.rows) lines.push([r.name, ...r.cells.map(cellText)].map(csvField).join(','));
  lines.push('');
  for (const k of ['goals', 'indicators', 'tasks', 'units'] as const)
    lines.push([`(${k})`, ...m.columns.map((c) => String(c.counts[k]))].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|');

export function matrixMarkdown(m: Matrix): string {
  const out: string[] = [
    '# Indicator matrix',
    '',
    `${m.columns.length} plans; indicators aligned by name (exact, or similarity ≥ ${m.threshold}).`,
    '',
  ];
  out.push('| plan | title | goals | indicators | tasks | units |', '|---|---|---|---|---|---|');
  for (const c of m.columns)
    out.push(
      `| ${mdCell(c.label)} | ${mdCell(c.title ?? '')} | ${c.counts.goals} | ${c.counts.indicators} | ${c.counts.tasks} | ${c.counts.units} |`,
    );
  out.push('', `| indicator | ${m.columns.map((c) => mdCell(c.label)).join(' | ')} |`, `|---|${m.columns.map(() => '---').join('|')}|`);
  for (const r of m.rows) out.push(`| ${mdCell(r.name)} | ${r.cells.map((c) => mdCell(cellText(c))).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Bars for the numeric targets of one indicator, scaled to its largest value. */
function barChart(m: Matrix, cells: (MatrixCell | null)[]): string {
  const values = cells.map((c) => (c && c.value !== null ? c.value : null));
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  if (max <= 0 || values.filter((v) => v !== null).length === 0) return '';
  const barH = 14;
  const gap = 4;
  const labelW = 150;
  const chartW = 220;
  const h = cells.length * (barH + gap);
  const bars = cells
    .map((c, i) => {
      const y = i * (barH + gap);
      const v = values[i];
      const w = v === null ? 0 : Math.max(1, Math.round((v / max) * chartW));
      const label = `<text x="${labelW - 6}" y="${y + barH - 3}" text-anchor="end">${esc(m.columns[i].label)}</text>`;
      const bar =
        v === null
          ? ''
          : `<rect x="${labelW}" y="${y}" width="${w}" height="${barH}"></rect><text x="${labelW + w + 4}" y="${y + barH - 3}">${esc(c!.raw)}</text>`;
      return label + bar;
    })
    .join('');
  return `<svg class="bars" role="img" width="${labelW + chartW + 90}" height="${h}" viewBox="0 0 ${labelW + chartW + 90} ${h}">${bars}</svg>`;
}

export function matrixHtml(m: Matrix): string {
  const head = `<tr><th>indicator</th>${m.columns.map((c) => `<th title="${esc(c.path)}">${esc(c.label)}</th>`).join('')}</tr>`;
  const body = m.rows
    .map((r) => `<tr><th scope="row">${esc(r.name)}</th>${r.cells.map((c) => `<td>${esc(cellText(c))}</td>`).join('')}</tr>`)
    .join('\n');
  const counts = m.columns
    .map(
      (c) =>
        `<tr><th scope="row">${esc(c.label)}</th><td>${esc(c.title ?? '')}</td><td>${c.counts.goals}</td><td>${c.counts.indicators}</td><td>${c.counts.tasks}</td><td>${c.counts.units}</td></tr>`,
    )
    .join('\n');
  const charts = m.rows
    .map((r) => {
      const svg = barChart(m, r.cells);
      return svg ? `<figure><figcaption>${esc(r.name)}</figcaption>${svg}</figure>` : '';
    })
    .filter(Boolean)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>Indicator matrix: ${m.columns.length} plans</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
figure { margin: 1rem 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.bars rect { fill: #3b7dd8; }
svg.bars text { font-size: 11px; fill: #333; }
</style>
</head>
<body>
<h1>Indicator matrix</h1>
<p>${m.columns.length} plans; indicators aligned by name (exact, or similarity ≥ ${m.threshold}).</p>
<h2>Plans</h2>
<table id="plans"><thead><tr><th>plan</th><th>title</th><th>goals</th><th>indicators</th><th>tasks</th><th>units</th></tr></thead>
<tbody>
${counts}
</tbody></table>
<h2>Targets</h2>
<table id="matrix"><thead>${head}</thead>
<tbody>
${body}
</tbody></table>
<h2>Charts</h2>
${charts}
</body>
</html>
`;
}
