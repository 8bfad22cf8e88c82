/**
 * `policy-extract extract`: one input to stdout, or many inputs (or a directory) into -o DIR.
 */
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { readInput } from '../io/read-input.js';
import { listInputs } from '../io/list-inputs.js';
import { writeAtomic } from '../io/write-output.js';
import { runPipeline } from '../pipeline/run.js';
import { toOutput, type OutputScript } from '../pipeline/output.js';
import { InputError } from '../stages/decode.js';
import { errorLine, serialize, type OutputFormat } from './format.js';
import type { DocumentOut } from '../schema/document.js';

export interface ExtractOptions {
  format: OutputFormat;
  script: OutputScript;
  encoding?: string;
  output?: string;
  quiet?: boolean;
}

export async function extractOne(path: string, options: ExtractOptions): Promise<DocumentOut> {
  const bytes = await readInput(path);
  const doc = runPipeline(bytes, { path, encoding: options.encoding });
  return toOutput(doc, options.script);
}

function reason(e: unknown): string {
  if (e instanceof InputError) return e.message;
  const err = e as Error;
  return `internal error: ${err?.message ?? String(e)}`;
}

export function summaryLine(name: string, out: DocumentOut): string {
  const count = (list: { children?: unknown[] }[]): number =>
    list.reduce((n, s) => n + 1 + count((s.children ?? []) as { children?: unknown[] }[]), 0);
  return (
    `${name}: ${out.document.title ?? '(no title)'} — ` +
    `${count(out.sections)} sections, ${out.tables.length} tables, ${out.goals.length} goals, ` +
    `${out.indicators.length} indicators, ${out.tasks.length} tasks`
  );
}

async function runExtract(inputs: string[], options: ExtractOptions, io: CliIO): Promise<number> {
  const files = await listInputs(inputs);
  const batch = options.output !== undefined || files.length !== 1 || inputs.length !== 1 || files[0].path !== inputs[0];
  if (!batch) {
    try {
      const out = await extractOne(files[0].path, options);
      io.stdout(serialize(out, options.format));
      return 0;
    } catch (e) {
      io.stderr(errorLine(files[0].path, reason(e)));
      return 2;
    }
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
  if (files.length === 0) {
    io.stderr(errorLine(inputs.join(' '), 'no .txt, .html or .docx files found'));
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const out = await extractOne(file.path, options);
      await writeAtomic(join(options.output, `${file.relative}.${options.format}`), serialize(out, options.format));
      if (!options.quiet) io.stderr(`${summaryLine(file.path, out)}\n`);
    } catch (e) {
      failed++;
      io.stderr(errorLine(file.path, reason(e)));
    }
  }
  if (!options.quiet) io.stderr(`${files.length - failed} of ${files.length} extracted into ${options.output}\n`);
  if (failed === files.length) return 2;
  return failed > 0 ? 1 : 0;
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  setExit: (code: number) => void;
}

export function extractCommand(io: CliIO): Command {
  return new Command('extract')
    .description('extract structured facts from scraped plans (.txt; one input prints to stdout)')
    .argument('<inputs...>', 'files or directories to read; - reads one document from stdin')
    .addOption(new Option('-f, --format <format>', 'output syntax').choices(['json', 'yaml']).default('json'))
    .addOption(
      new Option('-s, --script <script>', 'script of the text fields: simplified, traditional, or as in the source')
        .choices(['simplified', 'traditional', 'original'])
        .default('simplified'),
    )
    .option('-e, --encoding <label>', 'force the input encoding (utf-8, utf-16le, …) instead of detecting it')
    .option('-o, --output <dir>', 'write one output file per input under DIR, mirroring relative paths')
    .option('-q, --quiet', 'no per-file summary lines in batch mode')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-extract extract plan.txt                       # JSON on stdout
  $ policy-extract extract plan.txt --format yaml --script original
  $ cat plan.txt | policy-extract extract -
  $ policy-extract extract fixtures/seeds -o out          # one .json per input under out/

Exit codes: 0 all inputs extracted, 1 some failed (each named on stderr), 2 usage error or nothing read.`,
    )
    .action(async (inputs: string[], opts: ExtractOptions) => {
      io.setExit(await runExtract(inputs, opts, io));
    });
}
