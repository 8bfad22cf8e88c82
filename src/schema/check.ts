/**
 * Checking an extracted document: the zod schema first (every issue, not just the first), then the
 * rules a schema cannot state: ids unique, references resolve, `units` agree with the tasks.
 */
import { z } from 'zod';
import { DocumentSchema, type DocumentOut, type SectionOut } from './document.js';

export interface CheckIssue {
  path: (string | number)[];
  message: string;
}

function sectionIds(list: SectionOut[], out: string[] = []): string[] {
  for (const s of list) {
    out.push(s.id);
    sectionIds(s.children, out);
  }
  return out;
}

function semanticIssues(doc: DocumentOut): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const unique = (ids: string[], where: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: [where, i, 'id'], message: `duplicate id "${id}"` });
      seen.add(id);
    });
  };
  const sections = new Set(sectionIds(doc.sections));
  const tables = new Set(doc.tables.map((t) => t.id));
  const tasks = new Set(doc.tasks.map((t) => t.id));
  unique(sectionIds(doc.sections), 'sections');
  for (const where of ['tables', 'goals', 'indicators', 'tasks'] as const)
    unique(
      doc[where].map((item) => item.id),
      where,
    );
  const refs = (list: { section: string | null; table?: string | null }[], where: string) =>
    list.forEach((item, i) => {
      if (item.section !== null && !sections.has(item.section))
        issues.push({ path: [where, i, 'section'], message: `section "${item.section}" does not exist` });
      if (item.table != null && !tables.has(item.table))
        issues.push({ path: [where, i, 'table'], message: `table "${item.table}" does not exist` });
    });
  refs(doc.tables, 'tables');
  refs(doc.goals, 'goals');
  refs(doc.indicators, 'indicators');
  refs(doc.tasks, 'tasks');
  // units must list exactly the tasks that name them.
  const expected = new Map<string, { lead: Set<string>; support: Set<string> }>();
  for (const t of doc.tasks) {
    for (const [role, names] of [
      ['lead', t.lead],
      ['support', t.support],
    ] as const)
      for (const n of names) {
        const e = expected.get(n) ?? { lead: new Set<string>(), support: new Set<string>() };
        e[role].add(t.id);
        expected.set(n, e);
      }
  }
  doc.units.forEach((u, i) => {
    const e = expected.get(u.name);
    if (!e) {
      issues.push({ path: ['units', i], message: `unit "${u.name}" has no task` });
      return;
    }
    for (const role of ['lead', 'support'] as const) {
      for (const id of u[role]) if (!tasks.has(id)) issues.push({ path: ['units', i, role], message: `task "${id}" does not exist` });
      const have = new Set(u[role]);
      const missing = [...e[role]].filter((id) => !have.has(id));
      if (missing.length) issues.push({ path: ['units', i, role], message: `missing tasks ${missing.join(', ')}` });
    }
    expected.delete(u.name);
  });
  for (const name of expected.keys()) issues.push({ path: ['units'], message: `unit "${name}" named by tasks is not listed` });
  return issues;
}

export function checkDocument(value: unknown): CheckIssue[] {
  const parsed = DocumentSchema.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
  return semanticIssues(parsed.data);
}

/** zod's prettified style: `✖ message` then `  → at path`. */
export function formatIssues(issues: readonly CheckIssue[]): string {
  return issues
    .map((i) => {
      const path = i.path.length
        ? `\n  → at ${i.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
            .join('')
            .replace(/^\./, '')}`
        : '';
      return `✖ ${i.message}${path}`;
    })
    .join('\n');
}

export { z };
