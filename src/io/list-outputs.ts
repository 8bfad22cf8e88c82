/** Expanding `validate` inputs: files as given, directories walked for .json/.yaml/.yml files. */
import { stat } from 'node:fs/promises';
import { walkFiles } from './list-inputs.js';

export async function listOutputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const isDir = await stat(input).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isDir) out.push(...(await walkFiles(input)).filter((p) => /\.(?:json|ya?ml)$/i.test(p)));
    else out.push(input);
  }
  return out;
}
