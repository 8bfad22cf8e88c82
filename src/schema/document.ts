/**
 * The output document: the single source of truth for what `extract` prints.
 * `schemas/document.schema.json` is generated from this file (`npm run schema`).
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1.0';

const Origin = z
  .object({
    line: z.number().int().positive().describe('1-based line in the decoded source where the excerpt starts'),
    text: z.string().max(200).describe('verbatim excerpt of the decoded source, before script conversion'),
  })
  .strict();

const Comparator = z.enum(['>=', '<=', '>', '<', '=', '~']);

const Value = z
  .object({
    raw: z.string().describe('the value as written'),
    value: z.number().nullable().describe('the number, when the value is numeric'),
    comparator: Comparator.nullable(),
    unit: z.string().nullable(),
    year: z.number().int().nullable(),
  })
  .strict();

export interface SectionOut {
  id: string;
  number: string;
  level: number;
  heading: string;
  text: string;
  origin: z.infer<typeof Origin>;
  children: SectionOut[];
}

const Section: z.ZodType<SectionOut> = z
  .lazy(() =>
    z
      .object({
        id: z.string(),
        number: z.string(),
        level: z.number().int().positive(),
        heading: z.string(),
        text: z.string(),
        origin: Origin,
        children: z.array(Section),
      })
      .strict(),
  )
  .meta({ id: 'Section' });

export const DocumentSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z
      .object({
        path: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        format: z.enum(['text', 'html', 'docx']),
        encoding: z.string(),
        script: z.enum(['traditional', 'simplified', 'mixed']),
        chars: z.number().int().nonnegative(),
      })
      .strict(),
    document: z
      .object({
        title: z.string().nullable(),
        docNumber: z.string().nullable(),
        issuer: z.array(z.string()),
        date: z.iso.date().nullable(),
        dateSource: z
          .enum(['成文日期', '发布日期', '日期', 'signature', 'text'])
          .nullable()
          .describe('where the date was read: a 成文日期 label, a 发布 label, another date label, the signature block, or running text'),
        region: z.string().nullable(),
        kind: z.string().nullable(),
        period: z.object({ start: z.number().int(), end: z.number().int() }).strict().nullable(),
      })
      .strict(),
    preamble: z
      .object({ text: z.string(), origin: Origin })
      .strict()
      .nullable()
      .describe('text before the numbered outline (all of the text when there is none)'),
    sections: z.array(Section),
    tables: z.array(
      z
        .object({
          id: z.string(),
          section: z.string().nullable(),
          header: z.array(z.string()),
          rows: z.array(z.array(z.string())),
          origin: Origin,
        })
        .strict(),
    ),
    goals: z.array(
      z.object({ id: z.string(), year: z.number().int(), text: z.string(), section: z.string().nullable(), origin: Origin }).strict(),
    ),
    indicators: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          category: z.string().nullable(),
          baseline: Value.nullable(),
          target: Value.nullable(),
          nature: z.enum(['预期性', '约束性']).nullable(),
          section: z.string().nullable(),
          table: z.string().nullable(),
          origin: Origin,
        })
        .strict(),
    ),
    tasks: z.array(
      z
        .object({
          id: z.string(),
          text: z.string(),
          deadline: z.number().int().nullable(),
          deadlineText: z.string().nullable().describe('deadline words without a year (长期坚持, 持续推进)'),
          lead: z.array(z.string()),
          support: z.array(z.string()),
          section: z.string().nullable(),
          table: z.string().nullable(),
          origin: Origin,
        })
        .strict(),
    ),
    units: z.array(z.object({ name: z.string(), lead: z.array(z.string()), support: z.array(z.string()) }).strict()),
    removed: z.array(
      z
        .object({
          kind: z.enum(['spam', 'navigation', 'boilerplate', 'artifact']),
          reason: z.string(),
          origin: Origin,
        })
        .strict(),
    ),
    warnings: z.array(z.object({ code: z.string(), message: z.string(), origin: Origin.nullable() }).strict()),
  })
  .strict();

export type DocumentOut = z.infer<typeof DocumentSchema>;

export function documentJsonSchema(): unknown {
  return z.toJSONSchema(DocumentSchema, { target: 'draft-2020-12' });
}
