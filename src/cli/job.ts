/**
 * One unit of batch work: read an input, run the pipeline, and either write the output file
 * atomically or hand the serialized document back. Runs in the main thread for small batches and
 * in worker threads (src/cli/worker.ts) for large ones; a failure is a result, never a throw.
 */
import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { readInput } from '../io/read-input.js';
import { writeAtomic, writeErrorReason } from '../io/write-output.js';
import { runPipeline } from '../pipeline/run.js';
import { toOutput, type OutputScript } from '../pipeline/output.js';
import { InputError } from '../stages/decode.js';
import type { SourceFormat } from '../pipeline/doc.js';
import type { DocumentOut } from '../schema/document.js';
import { serialize, type OutputFormat } from './format.js';

export interface Job {
  /** The input path as given (also what `source.path` reports). */
  path: string;
  /** Inline content instead of a file (JSONL requests). */
  content?: string;
  contentBase64?: string;
  sourceFormat?: SourceFormat;
  format: OutputFormat | 'jsonl';
  script: OutputScript;
  encoding?: string;
  /** Where to write the output; without it the serialized document comes back in `text`. */
  output?: string;
  /** Skip when the output exists and was made from input with this hash (same tool and options). */
  unchangedSha256?: string;
  /** Site-template lines learnt from the batch. */
  templates?: readonly string[];
}

export interface Counts {
  sections: number;
  tables: number;
  goals: number;
  indicators: number;
  tasks: number;
}

export interface JobResult {
  status: 'ok' | 'skipped' | 'failed';
  sha256?: string;
  title?: string | null;
  counts?: Counts;
  warnings?: number;
  ms: number;
  error?: { code: string; message: string };
  text?: string;
}

export function countsOf(out: DocumentOut): Counts {
  const count = (list: DocumentOut['sections']): number => list.reduce((n, s) => n + 1 + count(s.children), 0);
  return {
    sections: count(out.sections),
    tables: out.tables.length,
    goals: out.goals.length,
    indicators: out.indicators.length,
    tasks: out.tasks.length,
  };
}

async function bytesOf(job: Job): Promise<Uint8Array> {
  if (job.contentBase64 !== undefined) return Buffer.from(job.contentBase64, 'base64');
  if (job.content !== undefined) return Buffer.from(job.content, 'utf8');
  return readInput(job.path);
}

export async function runJob(job: Job): Promise<JobResult> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  try {
    const bytes = await bytesOf(job);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (job.output && job.unchangedSha256 === sha256) {
      const present = await access(job.output).then(
        () => true,
        () => false,
      );
      if (present) return { status: 'skipped', sha256, ms: ms() };
    }
    const doc = runPipeline(bytes, { path: job.path, encoding: job.encoding, format: job.sourceFormat, templates: job.templates, sha256 });
    const out = toOutput(doc, job.script);
    const text = job.format === 'jsonl' ? JSON.stringify(out) : serialize(out, job.format);
    if (job.output) {
      try {
        await writeAtomic(job.output, text);
      } catch (e) {
        throw new InputError('WRITE_FAILED', `cannot write ${job.output} (${writeErrorReason(e)})`);
      }
    }
    return {
      status: 'ok',
      sha256,
      title: out.document.title,
      counts: countsOf(out),
      warnings: out.warnings.length,
      ms: ms(),
      text: job.output ? undefined : text,
    };
  } catch (e) {
    const error =
      e instanceof InputError
        ? { code: e.code, message: e.message }
        : { code: 'INTERNAL', message: `internal error: ${(e as Error)?.message ?? String(e)}` };
    return { status: 'failed', error, ms: ms() };
  }
}
