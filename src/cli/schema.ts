/** `policy-extract schema`: the JSON Schema of the output, generated from the zod schema. */
import { Command } from 'commander';
import { documentJsonSchema } from '../schema/document.js';
import type { CliIO } from './extract.js';

export function schemaText(): string {
  return `${JSON.stringify(documentJsonSchema(), null, 2)}\n`;
}

export function schemaCommand(io: CliIO): Command {
  return new Command('schema')
    .description('print the JSON Schema (draft 2020-12) that every extracted document follows')
    .addHelpText('after', '\nExample:\n  $ policy-extract schema > document.schema.json')
    .action(() => {
      io.stdout(schemaText());
      io.setExit(0);
    });
}
