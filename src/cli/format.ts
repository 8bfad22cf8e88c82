/** Serializing documents: stable key order comes from the output layer; this only picks the syntax. */
import { stringify as toYaml } from 'yaml';

export type OutputFormat = 'json' | 'yaml';

export function serialize(value: unknown, format: OutputFormat): string {
  if (format === 'yaml') return toYaml(value, { lineWidth: 0 });
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** One error line: `policy-extract: FILE: reason`. */
export function errorLine(file: string, reason: string): string {
  return `policy-extract: ${file}: ${reason}\n`;
}
