/**
 * Running jobs: in the main thread for a handful of inputs (a worker's start-up costs more than it
 * saves), otherwise on a piscina pool of worker threads. Results come back in input order whatever
 * order the workers finish in, through `onResult`, with at most `window` jobs in flight so memory
 * stays flat on batches of any size.
 */
import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
import type { Job, JobResult } from './job.js';

export const IN_PROCESS_MAX = 4;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface RunOptions {
  jobs: number;
  /** Called once per job, in input order. */
  onResult: (index: number, result: JobResult) => void | Promise<void>;
}

function workerUrl(): URL | null {
  // The compiled worker sits next to this file; under a TypeScript test runner there is none.
  const url = new URL('./worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') ? url : null;
}

/** Run the jobs produced by `next()` until it returns null. */
export async function runJobs(next: () => Promise<Job | null> | Job | null, total: number | null, options: RunOptions): Promise<void> {
  const worker = workerUrl();
  const useThreads = options.jobs > 1 && worker !== null && (total === null || total > IN_PROCESS_MAX);
  // No more workers than there are jobs to give them (each one loads the whole pipeline).
  const threads = total === null ? options.jobs : Math.min(options.jobs, total);
  // Worker heaps are capped: the pipeline's garbage is short-lived, and a batch of any size should
  // stay within a few hundred megabytes.
  const pool = useThreads
    ? new Piscina({
        filename: worker.href,
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: 1000,
        concurrentTasksPerWorker: 4,
        resourceLimits: { maxOldGenerationSizeMb: 80, maxYoungGenerationSizeMb: 16 },
      })
    : null;
  // The pipeline is loaded in this thread only when a job runs here.
  let pipeline: Promise<typeof import('./job.js')> | null = null;
  const runHere = async (job: Job): Promise<JobResult> => (await (pipeline ??= import('./job.js'))).runJob(job);
  // A worker's result never rejects: a document too large for a worker's capped heap is extracted
  // again in this thread (uncapped), and any other loss of a worker fails that file alone.
  const run = (job: Job): Promise<JobResult> =>
    pool
      ? (pool.run(job) as Promise<JobResult>).catch((e: NodeJS.ErrnoException) =>
          e?.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? runHere(job)
            : { status: 'failed', ms: 0, error: { code: 'INTERNAL', message: `internal error: ${e?.message ?? String(e)}` } },
        )
      : runHere(job);
  const window = Math.max(2, options.jobs * 4);
  const pending = new Map<number, Promise<JobResult>>();
  let issued = 0;
  let delivered = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.size < window) {
        const job = await next();
        if (job === null) {
          exhausted = true;
          break;
        }
        pending.set(issued++, run(job));
      }
      if (pending.size === 0) break;
      const result = await pending.get(delivered)!;
      pending.delete(delivered);
      await options.onResult(delivered++, result);
    }
  } finally {
    await pool?.destroy();
  }
}
