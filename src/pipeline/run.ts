/**
 * Runs the stages in order on one input. Pure: bytes in, Doc out; an unusable input throws an
 * InputError, which the caller turns into a fatal message for that file.
 */
import { createHash } from 'node:crypto';
import { emptyFacts, type Doc, type SourceFormat } from './doc.js';
import { decode, InputError } from '../stages/decode.js';
import { identityText } from './mapped-text.js';
import { readZipEntries } from '../io/zip.js';
import { parseXml, readDocx } from '../stages/read-docx.js';
import { looksLikeHtml, readHtml } from '../stages/read-html.js';
import { normalize } from '../stages/normalize.js';
import { stripSpam } from '../stages/strip.js';
import { rebuildItemTables, rebuildTables } from '../stages/tables.js';
import { segment } from '../stages/segment.js';
import { extractDocumentFacts } from '../stages/extract-document.js';
import { extractGoals } from '../stages/extract-goals.js';
import { extractIndicators } from '../stages/extract-indicators.js';
import { extractTasks } from '../stages/extract-tasks.js';

export interface RunOptions {
  /** The path as the user gave it; reported in `source.path`. */
  path: string;
  /** Force an encoding instead of detecting one. */
  encoding?: string;
  /** Force a format instead of going by the file name and the content. */
  format?: SourceFormat;
  /** Site-template lines learnt from the rest of a batch (see src/cli/templates.ts). */
  templates?: readonly string[];
  /** The input's SHA-256 when the caller has it already. */
  sha256?: string;
}

export const STAGES: readonly { name: string; run: (doc: Doc) => Doc }[] = [
  { name: 'normalize', run: normalize },
  { name: 'strip', run: stripSpam },
  { name: 'tables', run: rebuildTables },
  { name: 'segment', run: segment },
  { name: 'item-tables', run: rebuildItemTables },
  { name: 'extract-document', run: extractDocumentFacts },
  { name: 'extract-goals', run: extractGoals },
  { name: 'extract-indicators', run: extractIndicators },
  { name: 'extract-tasks', run: extractTasks },
];

export function formatOf(path: string): SourceFormat {
  if (/\.html?$/i.test(path)) return 'html';
  if (/\.docx$/i.test(path)) return 'docx';
  return 'text';
}

export function newDoc(path: string, source: string, encoding: string, sha256: string, format: SourceFormat): Doc {
  const { map } = identityText(source);
  return {
    path,
    format,
    encoding,
    sha256,
    source,
    text: source,
    original: source,
    map,
    script: 'simplified',
    lines: [],
    sections: [],
    tables: [],
    facts: emptyFacts(),
    goals: [],
    indicators: [],
    tasks: [],
    removed: [],
    messages: [],
    grids: [],
    outside: [],
    hints: null,
    headings: [],
  };
}

/** Files a .docx reader needs; nothing else in the archive is inflated. */
const DOCX_PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/footnotes.xml'];

/** decode + read: bytes → the document's text in its format, mapped to the decoded source. */
export function read(bytes: Uint8Array, options: RunOptions): Doc {
  const sha256 = options.sha256 ?? createHash('sha256').update(bytes).digest('hex');
  const format = options.format ?? formatOf(options.path);
  if (format === 'docx') {
    const entries = readZipEntries(bytes, (name) => DOCX_PARTS.includes(name));
    const document = entries.get('word/document.xml');
    if (!document) throw new InputError('BAD_DOCX', 'not a Word document (no word/document.xml)');
    const part = (name: string) => (entries.has(name) ? parseXml(name, entries.get(name)!) : null);
    // Styles matter only for the numbering they attach to paragraphs; Word's styles.xml runs to
    // tens of kilobytes and most of it is fonts and spacing.
    const styles = entries.get('word/styles.xml');
    const numberedStyles = styles !== undefined && Buffer.from(styles.buffer, styles.byteOffset, styles.byteLength).includes('w:numPr');
    const { text, grids } = readDocx({
      document: parseXml('word/document.xml', document),
      numbering: part('word/numbering.xml'),
      styles: numberedStyles ? part('word/styles.xml') : null,
      footnotes: part('word/footnotes.xml'),
    });
    if (!text.trim()) throw new InputError('EMPTY', 'no text in the document');
    return { ...newDoc(options.path, text, 'utf-8', sha256, 'docx'), grids };
  }
  const { text, encoding } = decode(bytes, options.encoding);
  if (format === 'html' || (format === 'text' && looksLikeHtml(text))) {
    const page = readHtml(text);
    if (!page.mapped.text.trim()) throw new InputError('EMPTY', 'no text on the page');
    return {
      ...newDoc(options.path, text, encoding, sha256, 'html'),
      text: page.mapped.text,
      original: page.mapped.text,
      map: page.mapped.map,
      grids: page.grids,
      outside: page.outside,
      hints: page.hints,
      headings: page.headings,
    };
  }
  return newDoc(options.path, text, encoding, sha256, 'text');
}

export function runPipeline(bytes: Uint8Array, options: RunOptions): Doc {
  let doc = read(bytes, options);
  if (options.templates?.length) doc = { ...doc, templates: new Set(options.templates) };
  for (const stage of STAGES) doc = stage.run(doc);
  return doc;
}
