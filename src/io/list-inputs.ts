/**
 * Expanding the inputs of a batch: files as given, directories walked recursively for the formats
 * the tool reads. Each result keeps the path relative to its root, which the output tree mirrors.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, basename } from 'node:path';

export const INPUT_EXTENSIONS = /\.(?:txt|text|md|html?|docx)$/i;

export interface InputFile {
  path: string;
  /** Where the output goes under the output directory, without extension. */
  relative: string;
}

async function walk(dir: string, root: string, out: InputFile[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, root, out);
    // A folder's own README or LICENSE is not a scraped document.
    else if (e.isFile() && INPUT_EXTENSIONS.test(e.name) && !/^(?:readme|license|changelog)\b/i.test(e.name)) out.push({ path: p, relative: relative(root, p).replace(INPUT_EXTENSIONS, '') });
  }
}

export async function listInputs(inputs: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = input !== '-' && (await stat(input)).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) await walk(input, input, out);
    else out.push({ path: input, relative: basename(input).replace(INPUT_EXTENSIONS, '') });
  }
  return out;
}
