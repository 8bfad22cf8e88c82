/**
 * Trimming runs of characters at the end of a string, in linear time.
 *
 * An unanchored pattern such as `/[\s，、]+$/` is tried at every position of a long run of its
 * characters and scans the run to its end each time: a line of 100,000 spaces costs 10^10 steps.
 * These helpers walk back from the end once, and each one says which pattern it stands for.
 */

const WHITESPACE = /\s/;

const isWhitespace = (ch: string): boolean => WHITESPACE.test(ch);

/** Characters of `set` (and whitespace, when `whitespace` is set) as a predicate. */
export function charsOf(set: string, whitespace = false): (ch: string) => boolean {
  return (ch) => set.includes(ch) || (whitespace && isWhitespace(ch));
}

/** `s.replace(/[X]+$/, '')` for the characters X that `drop` accepts. */
export function trimEndWhere(s: string, drop: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s.replace(/^[X]+/, '')` for the characters X that `drop` accepts. */
export function trimStartWhere(s: string, drop: (ch: string) => boolean): string {
  let start = 0;
  while (start < s.length && drop(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}

const isPipe = charsOf('|｜');

/** `s.replace(/\s*[|｜]+\s*$/, '')`: a pipe-table row's closing bars and the spaces around them. */
export function trimEndPipes(s: string): string {
  const bare = s.trimEnd();
  const before = trimEndWhere(bare, isPipe);
  return before.length === bare.length ? s : before.trimEnd();
}

/** `s.replace(/[（(][^）)]*[）)]$/, '')`: a parenthetical that closes the string. */
export function trimEndParenthetical(s: string): string {
  const last = s[s.length - 1];
  if (last !== '）' && last !== ')') return s;
  // The match opens at the first bracket after the last closing one before the end.
  let from = s.length - 2;
  while (from >= 0 && s[from] !== '）' && s[from] !== ')') from--;
  for (let i = from + 1; i < s.length - 1; i++) if (s[i] === '（' || s[i] === '(') return s.slice(0, i);
  return s;
}
