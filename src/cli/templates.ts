/**
 * Learning a batch's site templates: lines that stand near the top or bottom of many of its text
 * files (a site's header, menu, footer), from a sample of the batch. Lines that carry facts or
 * structure are never templates: outline headings, dates, titles, organ names, sentences.
 */
import { statSync } from 'node:fs';
import { readInput } from '../io/read-input.js';
import { decode } from '../stages/decode.js';
import type { InputFile } from '../io/list-inputs.js';

export const SAMPLE = 200;
const MAX_SAMPLE_BYTES = 4 * 1024 * 1024;
const MIN_FILES = 8;
const EDGE = 20;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return Infinity;
  }
}

const NOT_A_TEMPLATE =
  /[。！？；]|^(?:第[一二三四五六七八九十百\d]+[章节篇编条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])|(?:19|20)\d{2}\s*[年\-/.]|(?:规划|方案|计划|意见|通知|办法|措施|纲要|决定|细则|规定)$|(?:人民政府|办公室|办公厅|委员会|局|厅|委)$|〔|号$/;

export async function learnTemplates(files: readonly InputFile[]): Promise<string[]> {
  // Site furniture shows in ordinary pages: a huge file would only cost this thread its memory.
  const sample: InputFile[] = [];
  for (const f of files) {
    if (sample.length >= SAMPLE) break;
    if (/\.(?:txt|text|md)$/i.test(f.path) && sizeOf(f.path) <= MAX_SAMPLE_BYTES) sample.push(f);
  }
  if (sample.length < MIN_FILES) return [];
  const seen = new Map<string, number>();
  for (const f of sample) {
    let text: string;
    try {
      text = decode(await readInput(f.path)).text;
    } catch {
      continue;
    }
    const lines = text
      .split(/\r?\n|\r/)
      .map((l) => l.trim())
      .filter(Boolean);
    const edge = new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)]);
    for (const l of edge) if (l.length >= 2 && l.length <= 60 && !NOT_A_TEMPLATE.test(l)) seen.set(l, (seen.get(l) ?? 0) + 1);
  }
  const min = Math.max(5, Math.ceil(sample.length * 0.3));
  // Compared without spaces (normalization removes some), in the source's own script.
  return [...seen]
    .filter(([, n]) => n >= min)
    .map(([l]) => l.replace(/\s+/g, ''))
    .sort();
}
