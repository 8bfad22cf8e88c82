/**
 * Script conversion with opencc-js, kept length-preserving so that offsets stay aligned with the
 * source: whole-text conversion first (fast, phrase-aware), and where a line would change length,
 * that line alone falls back to character-by-character conversion.
 */
import * as OpenCC from 'opencc-js';
import type { Script } from '../pipeline/doc.js';
import { SIMPLIFIED_ONLY } from './simplified-only.js';
import { CONVERTIBLE } from './convertible.js';

type Convert = (s: string) => string;
let toSimplifiedFn: Convert | null = null;
let toTraditionalFn: Convert | null = null;

function toSimplifiedRaw(): Convert {
  if (!toSimplifiedFn) toSimplifiedFn = OpenCC.Converter({ from: 'hk', to: 'cn' }) as Convert;
  return toSimplifiedFn;
}

function toTraditionalRaw(): Convert {
  if (!toTraditionalFn) toTraditionalFn = OpenCC.Converter({ from: 'cn', to: 'hk' }) as Convert;
  return toTraditionalFn;
}

/**
 * Place names whose characters are also traditional forms: a converter working character by
 * character (or a phrase table that misses them) would turn 乾安县 into 干安县. Each entry is the
 * correct simplified spelling; where the source has it, the output keeps it.
 */
export const PROTECTED_NAMES: readonly string[] = [
  '乾安', // 乾安县, Jilin
  '乾县', // Shaanxi
  '乾陵', // Qianling mausoleum, Shaanxi
  '乾政', // 乾政办发: a 乾-county government's 文号 abbreviation (干政 would be 干 in both scripts)
  '乾府', // 乾府发, 乾府办
  '于都', // 于都县, Jiangxi (于 here is not a form of 於)
  '于洪', // 于洪区, Shenyang
];

/**
 * Variant characters that opencc-js leaves alone but that stand for a common simplified character
 * in scraped Chinese (`渝陜鄂川` in a traditional-script page for 渝陕鄂川; Japanese-shaped forms
 * from OCR). Applied after conversion, one character for one.
 */
export const VARIANT_FOLDS: Readonly<Record<string, string>> = {
  陜: '陕',
  擧: '举',
  吿: '告',
  呑: '吞',
  淸: '清',
  靑: '青',
  値: '值',
  黒: '黑',
  硏: '研',
};
const VARIANT_RE = new RegExp(`[${Object.keys(VARIANT_FOLDS).join('')}]`, 'g');

function foldVariants(text: string): string {
  return text.replace(VARIANT_RE, (c) => VARIANT_FOLDS[c] ?? c);
}

function convertLengthPreserving(text: string, convert: Convert): string {
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  const lines = text.split('\n');
  return lines
    .map((line) => {
      const out = convert(line);
      if (out.length === line.length) return out;
      let chars = '';
      for (const ch of line) {
        const c = convert(ch);
        chars += c.length === ch.length ? c : ch;
      }
      return chars;
    })
    .join('\n');
}

/**
 * 乾 in a place name is not 干 (`乾陽縣` is 乾阳县, `乾陽政辦發` its 文号): before a one-character
 * name and its county, city or district suffix, or the 政/府 of a government's abbreviation.
 */
const QIAN_PLACE = /乾(?=[\u4e00-\u9fff](?:[县縣市区區镇鎮乡鄉旗]|[政府][办辦发發]))/g;

function protectNames(source: string, converted: string): string {
  let out = converted;
  if (source.includes('乾')) {
    const chars = out.split('');
    for (const m of source.matchAll(QIAN_PLACE)) chars[m.index] = '乾';
    out = chars.join('');
  }
  for (const name of PROTECTED_NAMES) {
    let from = source.indexOf(name);
    if (from < 0) continue;
    const chars = out.split('');
    while (from >= 0) {
      for (let i = 0; i < name.length; i++) chars[from + i] = name[i];
      from = source.indexOf(name, from + name.length);
    }
    out = chars.join('');
  }
  return out;
}

/** Characters at which conversion can change a text: a table over the BMP, a set beyond it. */
const convertibleBmp = new Uint8Array(0x10000);
const convertibleAstral = new Set<number>();
for (const ch of CONVERTIBLE) {
  const c = ch.codePointAt(0)!;
  if (c < 0x10000) convertibleBmp[c] = 1;
  else convertibleAstral.add(c);
}

function needsConversion(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c < 0xdc00 ? convertibleAstral.has(line.codePointAt(i)!) : convertibleBmp[c] === 1) return true;
  }
  return false;
}

/**
 * Simplified text mostly converts to itself: when few lines hold a character conversion can
 * change, only those lines go through opencc-js (no dictionary key spans a line break, so the
 * result is the same as converting the whole text).
 */
function convertSelectively(text: string, convert: Convert): string {
  const lines = text.split('\n');
  const marks = lines.map(needsConversion);
  const picked = lines.filter((_, i) => marks[i]);
  if (picked.length === 0) return text;
  if (picked.length / lines.length > 0.3) return convertLengthPreserving(text, convert);
  // The marked lines go through opencc-js in one call (a call has its own cost; lines convert
  // independently), and a line whose length changed falls back as in convertLengthPreserving.
  const converted = convert(picked.join('\n')).split('\n');
  const together = converted.length === picked.length;
  let k = 0;
  return lines
    .map((line, i) => {
      if (!marks[i]) return line;
      const out = together ? converted[k++] : null;
      return out !== null && out.length === line.length ? out : convertLengthPreserving(line, convert);
    })
    .join('\n');
}

export function toSimplified(text: string): string {
  return protectNames(text, foldVariants(convertSelectively(text, toSimplifiedRaw())));
}

/** The same conversion over the whole text at once: the reference `toSimplified` must equal. */
export function toSimplifiedWhole(text: string): string {
  return protectNames(text, foldVariants(convertLengthPreserving(text, toSimplifiedRaw())));
}

export function toTraditional(text: string): string {
  return convertLengthPreserving(text, toTraditionalRaw());
}

/** Simplified-only ideographs as a lookup table over U+4E00–U+9FFF. */
const simplifiedOnly = new Uint8Array(0xa000 - 0x4e00);
for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) simplifiedOnly[SIMPLIFIED_ONLY.charCodeAt(i) - 0x4e00] = 1;

/**
 * Which script the text is written in: the share of Han characters that conversion to simplified
 * changes (traditional-only), against the share of simplified-only characters, on a sample.
 */
export function detectScript(text: string, simplified?: string): Script {
  const sample = text.length > 40000 ? text.slice(0, 40000) : text;
  const simp = simplified && simplified.length === text.length ? simplified : toSimplifiedRaw()(sample);
  let han = 0;
  let traditionalOnly = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) continue;
    han++;
    if (simp.charCodeAt(i) !== c) traditionalOnly++;
  }
  if (han === 0) return 'simplified';
  const t = traditionalOnly / han;
  // Below this share there is no traditional writing to speak of; no need to look further.
  if (t < 0.02) return 'simplified';
  let simplifiedCount = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && simp.charCodeAt(i) === c && simplifiedOnly[c - 0x4e00]) simplifiedCount++;
  }
  const s = simplifiedCount / han;
  // Characters such as 于/於 or 并/並 are written either way in traditional texts, so a traditional
  // document still shows some "simplified" characters: mixed only when both are substantial.
  if (t >= 0.02 && s >= 0.02 && Math.min(t, s) / Math.max(t, s) > 0.3) return 'mixed';
  if (t >= 0.02 && t > s) return 'traditional';
  return 'simplified';
}
