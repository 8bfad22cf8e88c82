/**
 * Runs the stages in order on one input. Pure: bytes in, Doc out; an unusable input throws an
 * InputError, which the caller turns into a fatal message for that file.
 */
import { createHash } from 'node:crypto';
import { emptyFacts, type Doc, type SourceFormat } from './doc.js';
import { decode } from '../stages/decode.js';
import { normalize } from '../stages/normalize.js';
import { stripSpam } from '../stages/strip.js';
import { rebuildCellPerLineTables, rebuildItemTables } from '../stages/tables.js';
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
}

export const STAGES: readonly { name: string; run: (doc: Doc) => Doc }[] = [
  { name: 'normalize', run: normalize },
  { name: 'strip', run: stripSpam },
  { name: 'tables', run: rebuildCellPerLineTables },
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
  return {
    path,
    format,
    encoding,
    sha256,
    source,
    text: source,
    original: source,
    map: new Int32Array(0),
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
  };
}

export function runPipeline(bytes: Uint8Array, options: RunOptions): Doc {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { text, encoding } = decode(bytes, options.encoding);
  let doc = newDoc(options.path, text, encoding, sha256, 'text');
  for (const stage of STAGES) doc = stage.run(doc);
  return doc;
}
