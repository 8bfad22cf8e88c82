/** Expanding `validate` inputs: files as given, directories walked for .json/.yaml/.yml files. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && /\.(?:json|ya?ml)$/i.test(e.name)) out.push(p);
  }
}

export async function listOutputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const isDir = await stat(input).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isDir) await walk(input, out);
    else out.push(input);
  }
  return out;
}
