/**
 * Expanding `validate` and `compare` inputs: files as given, directories walked for .json/.yaml/.yml
 * files, leaving out hidden ones (a batch's own `.policy-extract-manifest.json` is not a document).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { walkFiles } from './list-inputs.js';

export async function listOutputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const isDir = await stat(input).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isDir) out.push(...(await walkFiles(input)).filter((p) => /\.(?:json|ya?ml)$/i.test(p) && !basename(p).startsWith('.')));
    else out.push(input);
  }
  return out;
}
