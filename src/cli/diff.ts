/** `policy-extract diff`: what differs between two plans (raw documents or extracted files). */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { DiffFormat } from '../compare/render.js';
import { errorLine } from './format.js';
import type { CliIO } from './extract.js';
import { DEFAULT_THRESHOLD } from '../compare/threshold.js';

export { DEFAULT_THRESHOLD };

export function threshold(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a number above 0 and at most 1');
  return n;
}

export function diffCommand(io: CliIO): Command {
  return new Command('diff')
    .description('compare two plans: indicators aligned by name, goals by year, tasks by unit, the outline')
    .argument('<a>', 'a plan: raw document (.txt/.html/.docx) or extracted .json/.yaml')
    .argument('<b>', 'the plan to compare it with')
    .addOption(
      new Option('-f, --format <format>', 'text (terminal table), markdown (for reports) or json (stable, for scripts)')
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .option(
      '-t, --threshold <n>',
      `name similarity (0–1) at which two indicators count as the same (default ${DEFAULT_THRESHOLD})`,
      threshold,
    )
    .option('-e, --encoding <label>', 'force the encoding of raw inputs')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-extract diff county-plan.txt city-plan.txt
  $ policy-extract diff out/2021.json out/2024.json --format markdown > changes.md
  $ policy-extract diff a.html b.docx --format json | jq '.indicators.both'

Exit codes (like diff): 0 no difference, 1 the plans differ, 2 error.`,
    )
    .action(async (a: string, b: string, opts: { format: DiffFormat; threshold?: number; encoding?: string }) => {
      const { diffPlans } = await import('../compare/diff.js');
      const { renderDiff } = await import('../compare/render.js');
      const { loadPlan } = await import('./load-plan.js');
      const { InputError } = await import('../stages/decode.js');
      try {
        const [pa, pb] = [await loadPlan(a, opts.encoding).catch(named(a)), await loadPlan(b, opts.encoding).catch(named(b))];
        const d = diffPlans(pa, pb, opts.threshold ?? DEFAULT_THRESHOLD);
        io.stdout(renderDiff(d, opts.format, Boolean(io.tty) && opts.format === 'text'));
        io.setExit(d.different ? 1 : 0);
      } catch (e) {
        const err = e as NamedError;
        io.stderr(
          errorLine(err.file ?? `${a} ${b}`, err instanceof InputError || err.file ? err.message : `internal error: ${err.message}`),
        );
        io.setExit(2);
      }
    });
}

interface NamedError extends Error {
  file?: string;
}

/** Attach the file to an error so the message names it. */
export function named(file: string) {
  return (e: unknown): never => {
    const err = (e instanceof Error ? e : new Error(String(e))) as NamedError;
    err.file = file;
    throw err;
  };
}
