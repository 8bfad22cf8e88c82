/**
 * Years written in Chinese numerals (`二〇三五年`, `一九八三年`): four characters for four digits,
 * so a pattern that reads years can run on the folded copy and keep every offset. The text itself
 * keeps the numerals (titles like `…二〇三五年远景目标纲要` are quoted as written).
 */
const CHINESE_YEAR = /(?:一九|二[〇零])[〇零一二三四五六七八九]{2}(?=\s*年)/g;

export function foldChineseYears(text: string): string {
  if (!text.includes('年') || !/[〇零九]/.test(text)) return text;
  return text.replace(CHINESE_YEAR, (y) => [...y].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
}

/**
 * Full-width digits, letters and the percent sign (`２０２５`, `５Ｇ`, `９０％`): the characters the analysis
 * text reads as their ASCII forms (one code point less 0xFEE0).
 */
export const isFoldedWide = (c: number) =>
  (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0xff05;
