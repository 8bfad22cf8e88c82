/**
 * Batch extraction into a directory: outputs mirror the input tree, each written atomically; a
 * manifest in the directory remembers which input (by hash), tool version and options made each
 * output, so a re-run skips what has not changed; a failure is named and the batch goes on.
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { isStaleTemporary, writeAtomic, writeErrorReason } from '../io/write-output.js';
import { walkFiles, type InputFile } from '../io/list-inputs.js';
import { TOOL, VERSION } from '../version.js';
import type { OutputScript } from '../pipeline/output.js';
import { errorLine, type OutputFormat } from './format.js';
import type { Counts, Job, JobResult } from './job.js';
import { runJobs } from './pool.js';

export const MANIFEST = '.policy-extract-manifest.json';
const MANIFEST_EVERY_MS = 5000;

interface ManifestEntry {
  input: string;
  sha256: string;
}

interface Manifest {
  tool: string;
  version: string;
  options: string;
  outputs: Record<string, ManifestEntry>;
}

export interface BatchOptions {
  outDir: string;
  format: OutputFormat;
  script: OutputScript;
  encoding?: string;
  jobs: number;
  force: boolean;
  quiet: boolean;
  report?: string;
  /** Where progress and messages go, and whether it is a terminal. */
  stderr: (s: string) => void;
  tty: boolean;
}

export interface FileReport {
  input: string;
  output: string;
  status: JobResult['status'];
  counts: Counts | null;
  warnings: number;
  ms: number;
  error: { code: string; message: string } | null;
}

export interface BatchSummary {
  /** The report could not be written (the outputs were). */
  reportFailed?: boolean;
  ok: number;
  skipped: number;
  failed: number;
  files: FileReport[];
}

/** Temporary files a killed batch left where its outputs go. */
async function removeStaleTemporaries(outDir: string): Promise<void> {
  const files = await walkFiles(outDir).catch(() => []);
  for (const p of files) if (isStaleTemporary(basename(p))) rmSync(p, { force: true });
}

async function loadManifest(path: string, options: string): Promise<Manifest> {
  const fresh: Manifest = { tool: TOOL, version: VERSION, options, outputs: {} };
  try {
    const m = JSON.parse(await readFile(path, 'utf8')) as Manifest;
    // Another tool version or other options made these outputs: nothing can be skipped.
    return m.version === VERSION && m.options === options && m.outputs ? m : fresh;
  } catch {
    return fresh;
  }
}

export async function runBatch(files: readonly InputFile[], o: BatchOptions): Promise<BatchSummary> {
  // Site templates learnt from the batch change outputs too: they are part of the options.
  const { learnTemplates } = await import('./templates.js');
  const templates = await learnTemplates(files);
  const options = JSON.stringify({ format: o.format, script: o.script, encoding: o.encoding ?? null, templates });
  const manifestPath = join(o.outDir, MANIFEST);
  const manifest = await loadManifest(manifestPath, options);
  const outputs = files.map((f) => join(o.outDir, `${f.relative}.${o.format}`));
  const summary: BatchSummary = { ok: 0, skipped: 0, failed: 0, files: [] };
  const showBar = o.tty && !o.quiet && files.length > 1;
  const bar = showBar
    ? new SingleBar({
        format: 'extract |{bar}| {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {failed} failed',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      })
    : null;
  const started = performance.now();
  bar?.start(files.length, 0, { rate: '0.0', failed: 0 });
  // Messages printed while the bar is shown go above it.
  const say = (line: string) => {
    if (bar) o.stderr(`\r\x1b[K${line}`);
    else o.stderr(line);
  };

  await removeStaleTemporaries(o.outDir);
  // Interrupted (Ctrl-C, a scheduler's SIGTERM): keep what is done, so that the same command goes on.
  const saveManifest = () => writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const onSignal = (signal: NodeJS.Signals) => {
    bar?.stop();
    void saveManifest();
    o.stderr(`interrupted: ${summary.ok + summary.skipped} of ${files.length} done in ${o.outDir}; run the same command again to go on\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let k = 0;
  let savedAt = performance.now();
  await runJobs(
    () => {
      if (k >= files.length) return null;
      const i = k++;
      const rel = outputs[i].slice(o.outDir.length + 1);
      const previous = o.force ? undefined : manifest.outputs[rel];
      const job: Job = {
        path: files[i].path,
        format: o.format,
        script: o.script,
        encoding: o.encoding,
        output: outputs[i],
        unchangedSha256: previous && previous.input === files[i].path ? previous.sha256 : undefined,
        templates,
      };
      return job;
    },
    files.length,
    {
      jobs: o.jobs,
      onResult: async (i, r) => {
        const rel = outputs[i].slice(o.outDir.length + 1);
        if (r.status === 'failed') {
          summary.failed++;
          delete manifest.outputs[rel];
          say(errorLine(files[i].path, r.error!.message));
        } else {
          if (r.status === 'ok') summary.ok++;
          else summary.skipped++;
          manifest.outputs[rel] = { input: files[i].path, sha256: r.sha256! };
          if (!bar && !o.quiet && r.status === 'ok') {
            const c = r.counts!;
            o.stderr(
              `${files[i].path}: ${r.title ?? '(no title)'} — ${c.sections} sections, ${c.tables} tables, ${c.goals} goals, ${c.indicators} indicators, ${c.tasks} tasks\n`,
            );
          }
        }
        summary.files.push({
          input: files[i].path,
          output: outputs[i],
          status: r.status,
          counts: r.counts ?? null,
          warnings: r.warnings ?? 0,
          ms: r.ms,
          error: r.error ?? null,
        });
        const seconds = (performance.now() - started) / 1000;
        bar?.update(i + 1, { rate: ((i + 1) / Math.max(seconds, 0.001)).toFixed(1), failed: summary.failed });
        // Save the manifest now and then (every few seconds: its size grows with the batch, so a
        // save every N files would make a large batch quadratic): a killed batch still skips what it finished.
        if (performance.now() - savedAt >= MANIFEST_EVERY_MS) {
          await saveManifest();
          savedAt = performance.now();
        }
      },
    },
  );
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  bar?.stop();
  await saveManifest();
  if (o.report) {
    const report = {
      tool: TOOL,
      version: VERSION,
      outDir: o.outDir,
      totals: { files: files.length, ok: summary.ok, skipped: summary.skipped, failed: summary.failed },
      files: summary.files,
    };
    try {
      await writeAtomic(o.report, `${JSON.stringify(report, null, 2)}\n`);
    } catch (e) {
      o.stderr(errorLine(o.report, `cannot write the report (${writeErrorReason(e)})`));
      summary.reportFailed = true;
    }
  }
  if (!o.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const skipped = summary.skipped ? `, ${summary.skipped} unchanged and skipped` : '';
    o.stderr(`${summary.ok} of ${files.length} extracted into ${o.outDir}${skipped}, ${summary.failed} failed (${seconds} s)\n`);
  }
  return summary;
}
