/**
 * Reading an indicator value: `≥60%` → { comparator: '>=', value: 60, unit: '%' }, `27%左右` → '~',
 * `≤12/10万` → unit '/10万', `同比例提高` → value null with the words kept in `raw`.
 */
import type { Comparator } from './doc.js';

export interface ParsedValue {
  value: number | null;
  comparator: Comparator | null;
  unit: string | null;
}

/** Units in the order they must be tried (longest first). */
export const UNITS = [
  '毫克/立方米',
  '微克/立方米',
  'μg/m³',
  '毫克/升',
  'mg/L',
  '万吨标准煤',
  '吨标准煤',
  '亿千瓦时',
  '万千瓦时',
  '千瓦时',
  '分贝',
  '个百分点',
  '个工作日',
  '工作日',
  '亿立方米',
  '万立方米',
  '立方米',
  '万千瓦',
  '千瓦',
  '兆瓦',
  '公顷',
  '千米',
  '亿美元',
  '万美元',
  '万户',
  '家次',
  '公斤',
  '千克',
  '/10万',
  '/万',
  '万人次',
  '万人',
  '万元',
  '亿元',
  '万平方米',
  '平方米',
  '平方公里',
  '公里',
  '万吨',
  '万亩',
  '%',
  '％',
  '‰',
  '万',
  '亿',
  '人次',
  '人',
  '张',
  '个',
  '家',
  '所',
  '名',
  '元',
  '次',
  '岁',
  '天',
  '小时',
  '吨',
  '亩',
  '项',
  '座',
  '台',
  '套',
  '户',
  '条',
  '例',
  '辆',
  '床',
  '批',
  '支',
  '倍',
  '年',
  '处',
  '件',
  '部',
  '艘',
  '架',
  '期',
  '篇',
  '场',
  '间',
  '米',
] as const;

/** The units as the NFKC-folded text they are compared with (`％` reads `%`). */
const UNITS_NFKC: readonly string[] = UNITS.map((u) => u.normalize('NFKC'));

const PREFIX_COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:≥|≧|>=|不低于|不少于|至少|达到或超过|不小于)/, '>='],
  [/^(?:≤|≦|<=|不高于|不超过|不多于|控制在|低于或等于)/, '<='],
  [/^(?:>|＞|超过|高于|大于|突破)/, '>'],
  [/^(?:<|＜|低于|少于|小于)/, '<'],
  [/^(?:约|大约)/, '~'],
];

const SUFFIX_COMPARATORS: [RegExp, Comparator][] = [
  [/(?:以上|及以上)$/, '>='],
  [/(?:以下|以内|及以下)$/, '<='],
  [/左右$/, '~'],
];

/** A number; thousands separators (`6,000`, also full-width before NFKC) are read through. */
const NUMBER = /-?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/;

export function parseValue(raw: string): ParsedValue {
  // `[5]`: a cumulative target in brackets (`[ ]内为五年累计数`) is still the number 5.
  const s = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[[【〔](.+)[\]】〕]$/, '$1');
  const num = NUMBER.exec(s);
  let comparator: Comparator | null = null;
  for (const [re, c] of PREFIX_COMPARATORS) if (re.test(s)) comparator = c;
  for (const [re, c] of SUFFIX_COMPARATORS) if (re.test(s)) comparator ??= c;
  if (!num) return { value: null, comparator, unit: null };
  // Words around the number that are not a comparator or a unit mean the target is not a plain number
  // (`在2020年基础上增长10%左右`, `力争每年降低0.5个百分点以上`): keep the number only when the rest is furniture.
  const before = s
    .slice(0, num.index)
    .replace(/每[亩人户年]$/, '')
    .replace(
      /^(?:≥|≧|>=|≤|≦|<=|>|<|不低于|不少于|至少|达到或超过|不小于|不高于|不超过|不多于|控制在|超过|高于|大于|突破|低于|少于|小于|约|大约|达到|达|为|保持在|稳定在|提高到|提高至|降低到|降至|增加到|增长到|年均增长|增长|提高|下降|降低|减少)/,
      '',
    );
  if (before.length > 0) return { value: null, comparator, unit: null };
  const rest = s.slice(num.index + num[0].length).replace(/(?:以上|及以上|以下|以内|及以下|左右)$/, '');
  const range = /^[-—~至到](\d+(?:\.\d+)?)/.exec(rest);
  const afterRange = range ? rest.slice(range[0].length) : rest;
  const k = UNITS_NFKC.findIndex((u) => afterRange.startsWith(u));
  const first = k >= 0 ? UNITS[k] : null;
  let unit: string | null = first;
  let tail = k >= 0 ? afterRange.slice(UNITS_NFKC[k].length) : afterRange;
  // `12万个`, `3亿元`: a magnitude in front of a counter is one unit.
  const second = (first === '万' || first === '亿') && UNITS.find((u, k) => u !== '万' && u !== '亿' && tail === UNITS_NFKC[k]);
  if (second) {
    unit = `${first}${second}`;
    tail = '';
  }
  if (tail.length > 0) return { value: null, comparator, unit: null };
  const normalizedUnit = unit === '％' ? '%' : unit;
  return { value: Number(num[0].replaceAll(',', '')), comparator: comparator ?? (range ? null : null), unit: normalizedUnit };
}
