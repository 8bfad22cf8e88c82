/**
 * A text that remembers, for every character, the offset in the decoded source it came from.
 *
 * Every normalization step rewrites the working text through `applyEdits`, so a fact found
 * anywhere later can always be traced back to the exact source line it quotes.
 */
export interface MappedText {
  text: string;
  /** map[i] is the source offset of text[i]; map[text.length] is the source end. */
  map: Int32Array;
}

/** Replace text[start, end) with `insert`. Edits must be sorted and must not overlap. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

export function identityText(text: string): MappedText {
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { text, map };
}

export function applyEdits(mt: MappedText, edits: readonly Edit[]): MappedText {
  if (edits.length === 0) return mt;
  let delta = 0;
  for (const e of edits) delta += e.insert.length - (e.end - e.start);
  const length = mt.text.length + delta;
  const map = new Int32Array(length + 1);
  const parts: string[] = [];
  let from = 0;
  let out = 0;
  for (const e of edits) {
    if (e.start < from || e.end < e.start || e.end > mt.text.length) {
      throw new Error(`applyEdits: bad edit [${e.start}, ${e.end}) after ${from}`);
    }
    parts.push(mt.text.slice(from, e.start));
    for (let i = from; i < e.start; i++) map[out++] = mt.map[i];
    parts.push(e.insert);
    // Inserted characters point at the start of what they replace.
    for (let i = 0; i < e.insert.length; i++) map[out++] = mt.map[e.start];
    from = e.end;
  }
  parts.push(mt.text.slice(from));
  for (let i = from; i < mt.text.length; i++) map[out++] = mt.map[i];
  map[out] = mt.map[mt.text.length];
  return { text: parts.join(''), map };
}

/** Collect edits from every match of a global regex; `replace` returns the new text or null to keep. */
export function editsFromRegex(text: string, re: RegExp, replace: (m: RegExpExecArray) => string | null): Edit[] {
  if (!re.global) throw new Error('editsFromRegex needs a global regex');
  const edits: Edit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const insert = replace(m);
    if (insert !== null && insert !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, insert });
  }
  return edits;
}
