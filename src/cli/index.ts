/**
 * The command-line program. Commands live one per file; this wires them up, maps commander's
 * usage errors to exit code 2, and keeps stdout and stderr apart.
 */
import { once } from 'node:events';
import { Command, CommanderError } from 'commander';
import { extractCommand, type CliIO } from './extract.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';
import { diffCommand } from './diff.js';
import { compareCommand } from './compare.js';
import { VERSION } from '../version.js';

export function buildProgram(io: CliIO): Command {
  const program = new Command('policy-extract')
    .description('Turn scraped Chinese government plans into structured, validated, source-traceable data.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  for (const cmd of [extractCommand(io), validateCommand(io), diffCommand(io), compareCommand(io), schemaCommand(io)]) {
    program.addCommand(
      cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError('(run with --help for usage)'),
    );
  }
  program.addHelpText(
    'after',
    `
Examples:
  $ policy-extract extract plan.txt > plan.json
  $ policy-extract extract scraped/ -o out/
  $ policy-extract validate out/
  $ policy-extract diff county.txt city.txt
  $ policy-extract compare plans/ -o matrix.html
  $ policy-extract schema`,
  );
  return program;
}

export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  let exit = 0;
  // A reader that stops early (`… | head`) is not an error: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(exit);
    throw e;
  });
  const full: CliIO = {
    stdout: io?.stdout ?? ((s) => void process.stdout.write(s)),
    stderr: io?.stderr ?? ((s) => void process.stderr.write(s)),
    setExit: (code) => {
      exit = code;
    },
    tty: io?.tty ?? Boolean(process.stderr.isTTY),
    stdin: io?.stdin ?? process.stdin,
    // A slow reader of a stream of results holds the extraction back instead of filling memory.
    drain:
      io?.drain ?? (() => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : Promise.resolve())),
  };
  const program = buildProgram(full);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; usage errors exit 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    full.stderr(`policy-extract: internal error: ${(e as Error).message}\n`);
    return 2;
  }
  return exit;
}
