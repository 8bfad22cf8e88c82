/** `policy-extract compare`: many plans → one indicator matrix (CSV, Markdown or HTML). */
import { Command } from 'commander';
import { extname } from 'node:path';
import { listInputs } from '../io/list-inputs.js';
import { listOutputs } from '../io/list-outputs.js';
import { writeAtomic } from '../io/write-output.js';
import { errorLine } from './format.js';
import { DEFAULT_THRESHOLD, threshold } from './diff.js';
import type { CliIO } from './extract.js';
import type { DocumentOut } from '../schema/document.js';

export function compareCommand(io: CliIO): Command {
  return new Command('compare')
    .description('compare many plans side by side: an indicator matrix with counts per plan')
    .argument('<inputs...>', 'plans: raw documents, extracted .json/.yaml files, directories or globs')
    .requiredOption('-o, --output <file>', 'the report; its extension picks the format: .csv, .md or .html (self-contained, with charts)')
    .option('-t, --threshold <n>', `name similarity (0–1) at which indicators are aligned (default ${DEFAULT_THRESHOLD})`, threshold)
    .option('-e, --encoding <label>', 'force the encoding of raw inputs')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-extract compare plans/*.txt -o matrix.html
  $ policy-extract compare out/ -o matrix.csv
  $ policy-extract compare a.json b.json c.html -o matrix.md

Exit codes: 0 report written, 1 some inputs could not be read (named on stderr; the rest compared), 2 error.`,
    )
    .action(async (inputs: string[], opts: { output: string; threshold?: number; encoding?: string }) => {
      const ext = extname(opts.output).toLowerCase();
      if (!['.csv', '.md', '.html', '.htm'].includes(ext)) {
        io.stderr(errorLine(opts.output, 'the report must end in .csv, .md or .html'));
        io.setExit(2);
        return;
      }
      const { buildMatrix, matrixCsv, matrixHtml, matrixMarkdown } = await import('../compare/matrix.js');
      const { loadPlan } = await import('./load-plan.js');
      const raw = (await listInputs(inputs)).map((f) => f.path);
      const extracted = await listOutputs(inputs.filter((i) => !/\.(?:txt|text|md|html?|docx)$/i.test(i)));
      const paths = [...new Set([...raw, ...extracted.filter((p) => /\.(?:json|ya?ml)$/i.test(p))])];
      const docs: DocumentOut[] = [];
      let failed = 0;
      for (const p of paths) {
        try {
          docs.push(await loadPlan(p, opts.encoding));
        } catch (e) {
          failed++;
          io.stderr(errorLine(p, (e as Error).message));
        }
      }
      if (docs.length === 0) {
        io.stderr(errorLine(inputs.join(' '), 'no plan could be read'));
        io.setExit(2);
        return;
      }
      const m = buildMatrix(docs, opts.threshold ?? DEFAULT_THRESHOLD);
      const text = ext === '.csv' ? matrixCsv(m) : ext === '.md' ? matrixMarkdown(m) : matrixHtml(m);
      await writeAtomic(opts.output, text);
      io.stderr(`${docs.length} plans, ${m.rows.length} indicators → ${opts.output}\n`);
      io.setExit(failed > 0 ? 1 : 0);
    });
}
