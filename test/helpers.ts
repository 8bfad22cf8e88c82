import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../src/pipeline/run.js';
import { toOutput, type OutputScript } from '../src/pipeline/output.js';
import type { Doc } from '../src/pipeline/doc.js';
import type { DocumentOut } from '../src/schema/document.js';

export const SEEDS_DIR = join(import.meta.dirname, '..', 'fixtures', 'seeds');
export const seedFiles = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

export function seedText(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

export function seedName(prefix: string): string {
  const f = seedFiles.find((s) => s.startsWith(prefix));
  if (!f) throw new Error(`no seed ${prefix}`);
  return f;
}

export function docOf(text: string, path = 'input.txt'): Doc {
  return runPipeline(new TextEncoder().encode(text), { path });
}

export function extract(text: string, script: OutputScript = 'simplified', path = 'input.txt'): DocumentOut {
  return toOutput(docOf(text, path), script);
}

export function extractSeed(prefix: string, script: OutputScript = 'simplified'): DocumentOut {
  const name = seedName(prefix);
  return extract(seedText(name), script, `fixtures/seeds/${name}`);
}

export function allSections(out: DocumentOut) {
  const acc: DocumentOut['sections'] = [];
  const walk = (l: DocumentOut['sections']) => l.forEach((s) => (acc.push(s), walk(s.children)));
  walk(out.sections);
  return acc;
}
