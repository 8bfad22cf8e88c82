/**
 * A plan for diff and compare: an extracted .json/.yaml file as it is, or a raw document (text,
 * page, Word) extracted on the fly in simplified script.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { DocumentSchema, type DocumentOut } from '../schema/document.js';
import { InputError } from '../stages/decode.js';
import { runJob } from './job.js';

export async function loadPlan(path: string, encoding?: string): Promise<DocumentOut> {
  if (/\.(?:json|ya?ml)$/i.test(path)) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError('NOT_FOUND', code === 'ENOENT' ? 'no such file' : `cannot read (${code})`);
    }
    let value: unknown;
    try {
      value = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
    } catch (e) {
      throw new InputError(
        'BAD_DOCUMENT',
        `not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'} (${(e as Error).message.split('\n')[0]})`,
      );
    }
    const parsed = DocumentSchema.safeParse(value);
    if (!parsed.success)
      throw new InputError('BAD_DOCUMENT', `not an extracted document (${parsed.error.issues.length} schema issues; run validate)`);
    return parsed.data;
  }
  const r = await runJob({ path, format: 'jsonl', script: 'simplified', encoding });
  if (r.status === 'failed') throw new InputError(r.error!.code, r.error!.message);
  return JSON.parse(r.text!) as DocumentOut;
}
