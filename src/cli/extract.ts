/**
 * `policy-extract extract`: one input to stdout; many inputs, a directory or a glob into -o DIR
 * (batch); `--format jsonl` one JSON line per input on stdout; `--jsonl` requests on stdin.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError, Option } from 'commander';
import { listInputs } from '../io/list-inputs.js';
import { canonicalEncoding } from '../stages/decode.js';
import { writeErrorReason } from '../io/write-output.js';
import type { OutputScript } from '../pipeline/output.js';
import type { SourceFormat } from '../pipeline/doc.js';
import { errorLine, type OutputFormat } from './format.js';
import { runBatch } from './batch.js';
import type { Job, JobResult } from './job.js';
import { defaultJobs, runJobs } from './pool.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  setExit: (code: number) => void;
  /** Whether stderr is a terminal (progress bars only there). */
  tty?: boolean;
  /** Where `-` and `--jsonl` read from. */
  stdin?: NodeJS.ReadableStream;
  /** Resolves when stdout has room again (streams of results wait for their reader). */
  drain?: () => Promise<void>;
}

export interface ExtractOptions {
  format: OutputFormat | 'jsonl';
  script: OutputScript;
  encoding?: string;
  output?: string;
  quiet?: boolean;
  jobs?: number;
  force?: boolean;
  report?: string;
  jsonl?: boolean;
}

/** One JSON line for a result: the document, or the error, with the caller's id. */
function jsonLine(id: unknown, r: JobResult): string {
  const key = JSON.stringify(id ?? null);
  if (r.status === 'failed') return `{"id":${key},"error":${JSON.stringify(r.error)}}\n`;
  return `{"id":${key},"document":${r.text}}\n`;
}

/** `{"id": …, "path": …}` or `{"id": …, "content": …, "format": "html"}` (or `contentBase64` for .docx). */
function jobFromRequest(line: string, options: ExtractOptions): { id: unknown; job: Job | null; error?: string } {
  let req: Record<string, unknown>;
  try {
    // A byte-order mark before the first request (editors and PowerShell write one) is not JSON.
    req = JSON.parse(line.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (e) {
    return { id: null, job: null, error: `not valid JSON (${(e as Error).message.split('\n')[0]})` };
  }
  if (typeof req !== 'object' || req === null || Array.isArray(req)) return { id: null, job: null, error: 'not a JSON object' };
  const id = req.id ?? null;
  const format = req.format === undefined ? undefined : String(req.format);
  if (format !== undefined && !['text', 'html', 'docx'].includes(format))
    return { id, job: null, error: `unknown format "${format}" (text, html or docx)` };
  const base: Omit<Job, 'path'> = {
    format: 'jsonl',
    script: options.script,
    encoding: (req.encoding as string | undefined) ?? options.encoding,
    sourceFormat: format as SourceFormat | undefined,
  };
  const sources = ['path', 'content', 'contentBase64'].filter((k) => req[k] !== undefined);
  if (sources.length > 1)
    return { id, job: null, error: `give one of "path", "content" or "contentBase64", not ${sources.map((k) => `"${k}"`).join(' and ')}` };
  if (typeof req.path === 'string') return { id, job: { ...base, path: req.path } };
  if (typeof req.content === 'string') return { id, job: { ...base, path: String(req.name ?? id ?? '-'), content: req.content } };
  if (typeof req.contentBase64 === 'string')
    return { id, job: { ...base, path: String(req.name ?? id ?? '-'), contentBase64: req.contentBase64 } };
  return { id, job: null, error: 'a request needs "path", "content" or "contentBase64"' };
}

async function runJsonlStdin(options: ExtractOptions, io: CliIO): Promise<number> {
  const lines = createInterface({ input: io.stdin ?? process.stdin, crlfDelay: Infinity })[Symbol.asyncIterator]();
  // Only requests in flight are remembered: a stream of any length runs in flat memory.
  const ids = new Map<number, unknown>();
  const refused = new Map<number, string>();
  let failed = 0;
  let n = 0;
  await runJobs(
    async () => {
      for (;;) {
        const { value, done } = await lines.next();
        if (done) return null;
        if (!value.trim()) continue;
        const { id, job, error } = jobFromRequest(value, options);
        const index = n++;
        ids.set(index, id);
        if (job) return job;
        // A bad request still answers in its place, as an error line.
        refused.set(index, error!);
        return { path: '', format: 'jsonl', script: options.script, content: '' } satisfies Job;
      }
    },
    null,
    {
      jobs: options.jobs ?? defaultJobs(),
      onResult: async (i, r) => {
        const result: JobResult = refused.has(i)
          ? { status: 'failed', ms: 0, error: { code: 'BAD_REQUEST', message: refused.get(i)! } }
          : r;
        if (result.status === 'failed') failed++;
        io.stdout(jsonLine(ids.get(i), result));
        ids.delete(i);
        refused.delete(i);
        await io.drain?.();
      },
    },
  );
  return failed > 0 ? 1 : 0;
}

async function runExtract(inputs: string[], options: ExtractOptions, io: CliIO): Promise<number> {
  if (options.jsonl) {
    if (inputs.length) {
      io.stderr(errorLine(inputs.join(' '), '--jsonl reads its requests from stdin; give no inputs'));
      return 2;
    }
    return runJsonlStdin(options, io);
  }
  if (inputs.length === 0) {
    io.stderr('policy-extract: extract: no inputs (give files, directories or globs; - reads stdin)\n');
    return 2;
  }
  if (
    inputs.length === 1 &&
    options.output === undefined &&
    options.format !== 'jsonl' &&
    inputs[0] !== '-' &&
    (await isDirectory(inputs[0]))
  ) {
    io.stderr(errorLine(inputs[0], 'is a directory (add -o DIR to extract every file in it)'));
    return 2;
  }
  const files = await listInputs(inputs);
  if (files.length === 0) {
    io.stderr(errorLine(inputs.join(' '), 'no .txt, .html or .docx files found'));
    return 2;
  }
  const single = files.length === 1 && inputs.length === 1 && files[0].path === inputs[0];
  const jobs = options.jobs ?? defaultJobs();
  if (options.format === 'jsonl') {
    if (options.output !== undefined) {
      io.stderr(errorLine(options.output, '--format jsonl writes to stdout; drop -o'));
      return 2;
    }
    let failed = 0;
    let k = 0;
    await runJobs(
      () => (k < files.length ? { path: files[k++].path, format: 'jsonl', script: options.script, encoding: options.encoding } : null),
      files.length,
      {
        jobs,
        onResult: async (i, r) => {
          if (r.status === 'failed') {
            failed++;
            io.stderr(errorLine(files[i].path, r.error!.message));
          }
          io.stdout(jsonLine(files[i].path, r));
          await io.drain?.();
        },
      },
    );
    return failed === files.length ? 2 : failed > 0 ? 1 : 0;
  }
  if (single && options.output === undefined) {
    // Loaded here, not at start-up: a batch on worker threads never needs the pipeline in this thread.
    const { runJob } = await import('./job.js');
    const r = await runJob({ path: files[0].path, format: options.format, script: options.script, encoding: options.encoding });
    if (r.status === 'failed') {
      io.stderr(errorLine(files[0].path, r.error!.message));
      return 2;
    }
    io.stdout(r.text!);
    return 0;
  }
  if (options.output === undefined) {
    const dir = inputs.length === 1 ? inputs[0] : null;
    io.stderr(
      errorLine(
        inputs.join(' '),
        dir ? 'is a directory (add -o DIR to extract every file in it)' : 'several inputs need an output directory: add -o DIR',
      ),
    );
    return 2;
  }
  if (options.report !== undefined && (await isDirectory(options.report))) {
    io.stderr(errorLine(options.report, 'is a directory (--report names the report file)'));
    return 2;
  }
  // The output directory is made if missing; anything else in its place stops the batch before it starts.
  const outProblem = await outputDirectoryProblem(options.output);
  if (outProblem) {
    io.stderr(errorLine(options.output, outProblem));
    return 2;
  }
  const summary = await runBatch(files, {
    outDir: options.output,
    format: options.format,
    script: options.script,
    encoding: options.encoding,
    jobs,
    force: options.force ?? false,
    quiet: options.quiet ?? false,
    report: options.report,
    stderr: io.stderr,
    tty: io.tty ?? false,
  });
  if (summary.failed === files.length) return 2;
  return summary.failed > 0 || summary.reportFailed ? 1 : 0;
}

async function outputDirectoryProblem(dir: string): Promise<string | null> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return 'not a directory (-o names the directory the outputs go to)';
    return `cannot write here (${writeErrorReason(e)})`;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('expected a whole number from 1 to 256');
  return n;
}

/** An encoding label the decoder knows, checked before any file is read. */
function knownEncoding(value: string): string {
  if (!canonicalEncoding(value))
    throw new InvalidArgumentError(`unknown encoding "${value}" (utf-8, gbk, gb18030, big5, utf-16le, utf-16be…)`);
  return value;
}

export function extractCommand(io: CliIO): Command {
  return new Command('extract')
    .description('extract structured facts from scraped plans (.txt, .html, .docx in UTF-8, UTF-16, GB18030/GBK or Big5)')
    .argument('[inputs...]', 'files, directories (read recursively, following links) or globs; - reads one document from stdin')
    .addOption(
      new Option('-f, --format <format>', 'output syntax: json, yaml, or jsonl (one line per input on stdout)')
        .choices(['json', 'yaml', 'jsonl'])
        .default('json'),
    )
    .addOption(
      new Option('-s, --script <script>', 'script of the text fields: simplified, traditional, or original (as in the source)')
        .choices(['simplified', 'traditional', 'original'])
        .default('simplified'),
    )
    .option(
      '-e, --encoding <label>',
      'force the input encoding (utf-8, gbk, gb18030, big5, utf-16le…) instead of detecting it',
      knownEncoding,
    )
    .option('-o, --output <dir>', 'write one output file per input under DIR, mirroring the input tree (needed for several inputs)')
    .option(
      '-j, --jobs <n>',
      `worker threads for a batch, each with its own copy of the pipeline (~40 MB); default: all ${defaultJobs()} cores`,
      positiveInteger,
    )
    .option('--force', 're-extract inputs whose output is already up to date')
    .option('--report <file>', 'write a JSON report of the batch: per file status, counts, warnings, time')
    .option(
      '--jsonl',
      'read JSON-lines requests from stdin ({"id","path"} or {"id","content","format"}), write one JSON line per request in order',
    )
    .option('-q, --quiet', 'no progress bar, per-file lines or summary (errors are still printed)')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-extract extract plan.txt                          # JSON on stdout
  $ policy-extract extract page.html --format yaml --script original
  $ cat plan.txt | policy-extract extract -
  $ policy-extract extract scraped/ 'more/**/*.html' -o out/ --report report.json
  $ policy-extract extract scraped/ --format jsonl > plans.jsonl
  $ echo '{"id":"a","path":"plan.txt"}' | policy-extract extract --jsonl

A batch (-o DIR) writes every output atomically, skips inputs whose output is up to date (same input
hash, tool version and options; --force redoes them), and goes on past a bad input. Interrupted
(Ctrl-C), it records what it finished: the same command goes on from there.
Exit codes: 0 all inputs extracted, 1 some failed (each named on stderr), 2 usage error or nothing read.`,
    )
    .action(async (inputs: string[], opts: ExtractOptions) => {
      io.setExit(await runExtract(inputs, opts, io));
    });
}
