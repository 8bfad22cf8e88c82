/**
 * Aligning indicators across plans: names folded to one spelling (script, width, punctuation,
 * common variants), exact matches first, then the best fuzzy match above a threshold, one to one.
 */
import { toSimplified } from '../stages/script.js';

/** Spelling variants that name the same measure (`每千常住人口` / `每千人口`, `占比` / `比例`). */
const VARIANTS: [RegExp, string][] = [
  [/每千常住人口/g, '每千人口'],
  [/每万常住人口/g, '每万人口'],
  [/常住人口/g, '人口'],
  [/(?:所占)?(?:比例|占比|比重)/g, '率'],
  [/执业助理医师|执业\(助理\)医师/g, '执业助理医师'],
  [/^(?:全市|全县|全区|全省|全州|全国|我市|我县|我区|我省|其中)/, ''],
  [/(?:的)?数量$|数$/, ''],
];

/** One spelling for a name: simplified, half-width, no punctuation or spaces, variants unified. */
export function normalizeName(name: string): string {
  let s = toSimplified(name.normalize('NFKC')).toLowerCase();
  // A unit in brackets at the end (`人均预期寿命（岁）`, `人口密度（万人/平方公里）`) is not part of the name.
  s = s.trim().replace(/[（(][^（）()]{1,12}[)）]$/, '');
  s = s.replace(/[\s\p{P}\p{S}]/gu, '');
  for (const [re, to] of VARIANTS) s = s.replace(re, to);
  return s;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  if (chars.length === 1) m.set(chars[0], 1);
  return m;
}

/** Dice coefficient over character bigrams: 1 for equal names, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  let total = 0;
  for (const [g, n] of x) {
    both += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total ? (2 * both) / total : 0;
}

import { DEFAULT_THRESHOLD } from './threshold.js';

export { DEFAULT_THRESHOLD };

export interface Pair {
  a: number;
  b: number;
  score: number;
  exact: boolean;
}

/** One-to-one pairs of names: exact normalized matches, then best fuzzy matches at or above the threshold. */
export function alignNames(a: readonly string[], b: readonly string[], threshold = DEFAULT_THRESHOLD): Pair[] {
  const na = a.map(normalizeName);
  const nb = b.map(normalizeName);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Pair[] = [];
  na.forEach((x, i) => {
    const j = nb.findIndex((y, k) => !usedB.has(k) && y === x);
    if (j >= 0) {
      pairs.push({ a: i, b: j, score: 1, exact: true });
      usedA.add(i);
      usedB.add(j);
    }
  });
  const candidates: Pair[] = [];
  na.forEach((x, i) => {
    if (usedA.has(i)) return;
    nb.forEach((y, j) => {
      if (usedB.has(j)) return;
      const score = similarity(x, y);
      if (score >= threshold) candidates.push({ a: i, b: j, score, exact: false });
    });
  });
  candidates.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    pairs.push(c);
    usedA.add(c.a);
    usedB.add(c.b);
  }
  return pairs.sort((p, q) => p.a - q.a);
}
