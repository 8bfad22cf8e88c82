/**
 * Expanding the inputs of a batch: files as given, directories walked recursively for the formats
 * the tool reads, and globs (tinyglobby). Each result keeps the path relative to its root (the
 * directory given, or the fixed part of the glob), which the output tree mirrors.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const INPUT_EXTENSIONS = /\.(?:txt|text|md|html?|docx)$/i;
/** A folder's own README or LICENSE is not a scraped document. */
const NOT_A_DOCUMENT = /^(?:readme|license|changelog)\b/i;

export interface InputFile {
  path: string;
  /** Where the output goes under the output directory, without extension. */
  relative: string;
}

/**
 * Every file below a directory, in name order at each level (entries reached through symbolic links
 * after the others). Links are followed, as a corpus is often a tree of links; a directory reached
 * twice, as through a link back up the tree, is read once.
 */
export async function walkFiles(dir: string, out: string[] = [], seen = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return out;
  seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Real entries first, so that a folder reached both directly and through a link keeps its own name.
  const linked: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isSymbolicLink()) linked.push(p);
    else if (e.isDirectory()) await walkFiles(p, out, seen);
    else if (e.isFile()) out.push(p);
  }
  for (const p of linked) {
    const target = await stat(p).catch(() => null);
    if (target?.isDirectory()) await walkFiles(p, out, seen);
    else if (target?.isFile()) out.push(p);
  }
  return out;
}

/** The directory part of a glob before its first pattern character (`data/2024/*.txt` → `data/2024`). */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (isDynamicPattern(p)) break;
    fixed.push(p);
  }
  return fixed.join('/') || '.';
}

export async function listInputs(inputs: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const add = (f: InputFile) => {
    if (seen.has(f.path)) return;
    seen.add(f.path);
    out.push(f);
  };
  for (const input of inputs) {
    const info = input === '-' ? null : await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      for (const p of await walkFiles(input))
        if (INPUT_EXTENSIONS.test(p) && !NOT_A_DOCUMENT.test(basename(p)))
          add({ path: p, relative: relative(input, p).replace(INPUT_EXTENSIONS, '') });
    } else if (!info && input !== '-' && isDynamicPattern(input)) {
      const base = globBase(input);
      const matches = (await glob(input, { onlyFiles: true, expandDirectories: false })).sort();
      for (const m of matches) if (INPUT_EXTENSIONS.test(m)) add({ path: m, relative: relative(base, m).replace(INPUT_EXTENSIONS, '') });
    } else add({ path: input, relative: basename(input).replace(INPUT_EXTENSIONS, '') });
  }
  return distinctOutputs(out);
}

/**
 * No two inputs may write the same output (compared without case, as some file systems do):
 * inputs that would (`plan.txt` and `plan.html`) keep their extension in the output name
 * (`plan.txt.json`, `plan.html.json`); any still alike (the same name given from two folders)
 * are numbered in input order (`plan-2.json`).
 */
export function distinctOutputs(files: readonly InputFile[]): InputFile[] {
  const key = (f: InputFile) => f.relative.toLowerCase();
  const count = new Map<string, number>();
  for (const f of files) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  const named = files.map((f) => (count.get(key(f))! > 1 ? { ...f, relative: f.relative + extname(f.path) } : f));
  const used = new Set<string>();
  return named.map((f) => {
    let relative = f.relative;
    for (let n = 2; used.has(relative.toLowerCase()); n++) relative = `${f.relative}-${n}`;
    used.add(relative.toLowerCase());
    return relative === f.relative ? f : { ...f, relative };
  });
}
