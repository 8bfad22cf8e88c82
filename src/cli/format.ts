/** Serializing documents: stable key order comes from the output layer; this only picks the syntax. */
import { stringify as toYaml } from 'yaml';

export type OutputFormat = 'json' | 'yaml';

export function serialize(value: unknown, format: OutputFormat): string {
  if (format === 'yaml') return toYaml(value, { lineWidth: 0 });
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Control characters (line breaks in a file name, bytes a parser quotes back) shown escaped. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** One error line: `policy-extract: FILE: reason`, always a single line. */
export function errorLine(file: string, reason: string): string {
  return `policy-extract: ${printable(file)}: ${printable(reason)}\n`;
}
