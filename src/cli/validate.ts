/** `policy-extract validate`: check extracted JSON or YAML files against the schema and its rules. */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { listOutputs } from '../io/list-outputs.js';
import { checkDocument, formatIssues, type CheckIssue } from '../schema/check.js';
import { errorLine } from './format.js';
import type { CliIO } from './extract.js';

interface FileResult {
  file: string;
  ok: boolean;
  issues: CheckIssue[];
  error?: string;
}

async function checkFile(file: string): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      file,
      ok: false,
      issues: [],
      error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`,
    };
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    return {
      file,
      ok: false,
      issues: [],
      error: `not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`,
    };
  }
  const issues = checkDocument(value);
  return { file, ok: issues.length === 0, issues };
}

export function validateCommand(io: CliIO): Command {
  return new Command('validate')
    .description('check extracted .json/.yaml files (or directories of them) against the output schema')
    .argument('<files...>', 'extracted documents, or directories holding them')
    .option('--json', 'print one JSON report instead of text')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-extract validate out/plan.json
  $ policy-extract validate out/ --json

Exit codes: 0 every file valid, 1 some file invalid or unreadable.`,
    )
    .action(async (inputs: string[], opts: { json?: boolean }) => {
      const files = await listOutputs(inputs);
      const results: FileResult[] = [];
      for (const f of files) results.push(await checkFile(f));
      if (opts.json) {
        io.stdout(`${JSON.stringify({ ok: results.every((r) => r.ok), files: results }, null, 2)}\n`);
      } else {
        for (const r of results) {
          if (r.error) io.stderr(errorLine(r.file, r.error));
          else if (!r.ok) io.stdout(`${r.file}: ${r.issues.length} issue(s)\n${formatIssues(r.issues).replace(/^✖/gm, `${r.file}: ✖`)}\n`);
          else io.stdout(`${r.file}: ok\n`);
        }
      }
      io.setExit(results.length > 0 && results.every((r) => r.ok) ? 0 : 1);
    });
}
