/**
 * extract-indicators: quantified targets, from indicator tables and from prose.
 *
 * Tables: a table with value columns (基期值, 目标值, 20XX年) gives one indicator per row, with the
 * years read from the header (`2020年基期值`). Prose (including text cells of task tables):
 * `名称 + 动词 + 数值` (`每千人口执业（助理）医师数达3.3人`, `…比例不低于35%`, `从A提高到B`), and
 * `动词 + 数值 + 量词 + 名称` (`超过1800家基层医疗卫生机构…`). The target year is the nearest
 * enclosing `到20XX年` or the table row's deadline.
 */
import { foldChineseYears } from '../pipeline/numerals.js';
import { bodySentences, trimTxt, txt, type Doc, type Indicator, type Range, type Table, type Txt, type Value } from '../pipeline/doc.js';
import { parseValue } from '../pipeline/values.js';
import { cellType, columnTypes } from './tables.js';
import { sectionAt, withAncestors } from './segment.js';
import { documentYear, oneYearPlan } from './extract-goals.js';

/** A number, with thousands separators or without (`6,000张`). */
const NUM = '(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?';
/** Units a target can carry, longest first so `万亩` wins over `万`. */
export const UNIT_ALT =
  '毫克/立方米|微克/立方米|μg/m³|毫克/升|mg/L|万吨标准煤|吨标准煤|亿千瓦时|万千瓦时|千瓦时|分贝|个百分点|个工作日|工作日|/10万|间|公斤|千克|万亿元|亿美元|万美元|亿立方米|万平方米|平方公里|万千瓦|万人次|万吨|万亩|万人|万元|万户|亿元|平方米|立方米|千瓦|兆瓦|公顷|公里|千米|%|％|‰|万|亿|人次|家次|人|张|个|家|所|名|元|次|岁|天|小时|吨|亩|项|座|台|套|户|条|例|辆|床|批|倍|场|处|支|件|部|艘|架|期|篇|米';
const VALUE = `(?:[≥≤≧≦＞＜><]\\s*)?(?:每(?:[亩人户年月周]|星期))?${NUM}(?:\\s*[-—~～至到]\\s*${NUM})?\\s*(?:[万亿](?=${UNIT_ALT}))?(?:${UNIT_ALT})?(?:以上|以下|以内|左右)?`;

/** Bounds stated as what must not happen (`组团规模不宜超过50平方公里`, `不得低于90%`). */
const MODALS = ['不宜', '不得', '不应', '不能'];
const MODAL_BOUNDS: [string, Value['comparator']][] = [
  ['超过', '<='],
  ['高于', '<='],
  ['大于', '<='],
  ['多于', '<='],
  ['低于', '>='],
  ['少于', '>='],
  ['小于', '>='],
];

/** Verbs between a name and its target, with the comparator each implies. */
const VERBS: [string, Value['comparator']][] = [
  ...MODALS.flatMap((m) => MODAL_BOUNDS.map(([v, c]): [string, Value['comparator']] => [`${m}${v}`, c])),
  ['达到或超过', '>='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['力争达到', '>='],
  ['达到', '>='],
  ['提高到', '='],
  ['提高至', '='],
  ['提升到', '='],
  ['提升至', '='],
  ['增加到', '='],
  ['增至', '='],
  ['增加至', '='],
  ['增长到', '='],
  ['下降到', '='],
  ['下降至', '='],
  ['降低到', '='],
  ['降低至', '='],
  ['降至', '='],
  ['压缩至', '<='],
  ['压缩到', '<='],
  ['压减至', '<='],
  ['缩短至', '<='],
  ['缩短到', '<='],
  ['降到', '='],
  ['控制在', '<='],
  ['保持在', '>='],
  ['稳定在', '>='],
  ['保持', '>='],
  ['超过', '>'],
  ['突破', '>'],
  ['高于', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['达', '>='],
  ['为', '='],
  // A comparator written as a symbol right after the name (`婴儿死亡率≤5‰`).
  ['≥', '>='],
  ['≤', '<='],
  ['≧', '>='],
  ['≦', '<='],
  ['＞', '>'],
  ['＜', '<'],
  // Growth verbs: the value is a change, not a level; the comparator comes from its suffix.
  ['年均增长', null],
  ['增长', null],
  ['提高', null],
  ['下降', null],
  ['降低', null],
  ['减少', null],
];
/** The verbs as one alternation; the negated bounds as one group (`不宜超过`), so the engine tries 不 once. */
const VERB_ALT = [
  `(?:${MODALS.join('|')})(?:${MODAL_BOUNDS.map(([v]) => v).join('|')})`,
  ...VERBS.slice(MODALS.length * MODAL_BOUNDS.length).map(([v]) => v),
].join('|');
/** A waiting time or a term (`5.5年`, `12星期`): a number of one or two digits, never a year. */
const DURATION = `\\d{1,2}(?:\\.\\d+)?\\s*(?:年|个月|星期|周)(?![底末度前内后起以])(?:以内|以下|左右)?`;
const IS_DURATION = new RegExp(`^${DURATION}$`);
/** `从A提高到B`, `由现时A增加至B`, `由2020年的A提高到B`: the baseline before the verb. */
const NAME_VERB_VALUE = new RegExp(
  `(?:(?:从|由)(?:现时|目前|现在|当前|(?:19|20)\\d{2}\\s*年底?)?的?(${DURATION}|${VALUE}))?(${VERB_ALT})\\s*(${DURATION}|${VALUE})`,
  'g',
);
const COUNTER = '万人次|人次|万亩|万人|万户|家|个|所|名|人|项|座|条|张|亩|场|批|套|台|处|支|户|部|件';
/** Verbs that build or grow a counted thing: `建成2个产业园区`, `培育龙头企业10家以上`. */
const ACTION =
  '累计建成|新建成|新培育|建成|新增|培育|打造|建设|创建|新建|引进|培养|组建|认定|推出|举办|开展|实施|布局|设立|完成|改造|新改建|改扩建|扶持|培训|帮扶|吸纳|带动|安置|集聚|开通';
/** `超过1800家基层医疗卫生机构…`, `建成2个省级产业园区`: a quantity before what it counts. */
const LEADING_QUANTITY = new RegExp(
  `(不超过|超过|不少于|至少|力争|${ACTION})(${NUM}(?:\\s*[-—~～至]\\s*${NUM})?\\s*(?:${COUNTER}))([^，,。；;：:、\\n\\d]{2,40})`,
  'g',
);
/** `培育银发经济龙头企业10家以上`, `累计建成高标准农田180万亩`: a counted thing, then its quantity. */
/** A counted thing's name: no clause stop, no number, except a grade or generation (`4A级`, `5G`). */
const OBJECT = `(?:[^，,。；;：:\\n\\d“”、]|\\d+[A-Za-z])`;
const COUNTED = `(${NUM}(?:\\s*[-—~～至]\\s*${NUM})?\\s*(?:${UNIT_ALT})(?:以上|左右)?)`;
/** The first item's name may join words with 、 (`城市燃气、供水等老旧管网`), but not start with it. */
const ACTION_NAME_VALUE = new RegExp(`(?:${ACTION})((?!、)(?:${OBJECT}|、){2,20}?)${COUNTED}`, 'g');
/** A verb joined to an action (`或改造`, `和改造`, `提升`, `升级`) at the start of its object. */
const SECOND_VERB = new RegExp(`^(?:(?:或|和|及|并|、)(?:${ACTION})|提升|升级|提质|扩建|改建)`);
/** `的龙头企业5家以上`: the thing counted after a qualifying value, and its count. */
const QUALIFIED = new RegExp(`的(${OBJECT}{2,20}?)${COUNTED}`, 'y');
/** `、乡镇电商服务站12个`: a further item of an enumeration that shares the first item's verb. */
const FURTHER_ITEM = new RegExp(`[、和及](${OBJECT}{2,20}?)${COUNTED}`, 'y');
/** What an action's object must not be: a bare quantifier, or a phrase that holds a verb of its own. */
const NOT_AN_OBJECT = new RegExp(
  `^(?:首批|一批|每年|全年|累计|共|新|具备|组织|推动|开展|实现|完成|形成|建立|推进)$|${VERBS.map(([v]) => v)
    .filter((v) => v.length > 1)
    .join('|')}`,
);
/** `基础设施和基本设备双达标100%`: a rate-like name directly followed by a percentage. */
const NAME_PERCENT = new RegExp(`(达标|覆盖率|率|比例|比重|占比)\\s*(${NUM}\\s*[%％‰])`, 'g');

const NAME_STOP = /[，,。；;：:、！？\n（(\u3000]/;
const LEADING_FURNITURE =
  /^(?:\s*(?:\d{1,2}\s?[.．、](?!\d)|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])\s*)?(?:(?:力争|争取|确保)?(?:到|至|截至)?(?:19|20)\d{2}\s*年(?:底|末|[上下]半年|第?[一二三四]季度)?前?[，,]?|(?:并|并且)?(?:在|于)(?:19|20)\d{2}\s*年(?:底|末)?(?:或之前|前|内)?|(?:政府的?)?目标(?:是|为)|政府会|其中|把|力争|争取|确保|推动|实现|使|要|可以将|将|把|全面|进一步|基本|逐步|按照|按)+/;

const LIST_NUMBER = /^\s*(?:\d{1,2}\s?[.．、](?!\d)|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|[一二三四五六七八九十]{1,3}[、.．])\s*/;

function valueOf(doc: Doc, start: number, end: number, year: number | null, comparator?: Value['comparator']): Value {
  const raw = trimTxt(txt(doc, start, end));
  const parsed = parseValue(raw.s);
  return { raw, value: parsed.value, comparator: parsed.comparator ?? comparator ?? null, unit: parsed.unit, year };
}

const YEAR_BEFORE =
  /(?:到|至|截至)\s*((?:19|20)\d{2})\s*年|(?:^|[。；;\n])\s*((?:19|20)\d{2})\s*年(?:底|末)?[，,]|((?:19|20)\d{2})\s*年(?:(?:\d{1,2}月)?(?:底|末)?(?:前|以前|或之前)|[上下]半年|第?[一二三四]季度)|(?:^|[。；;\n])\s*((?:19|20)\d{2})\s*年[^。；;\n，,]{0,30}?目标(?:是|为)?[:：]/g;

/** The nearest `到20XX年` (or `20XX年，` at a sentence start) before `at`, within the paragraph. */
export function yearBefore(text: string, paragraphStart: number, at: number): number | null {
  const from = Math.max(paragraphStart, at - 400);
  const window = foldChineseYears(text.slice(from, at));
  // `到2025年` or a sentence-opening `2025年，` governs what follows; a `20XX年底前` only when neither is there
  // (`完成2000年底前建成的老旧小区改造` names old housing, not a deadline).
  let governing: number | null = null;
  let deadline: number | null = null;
  YEAR_BEFORE.lastIndex = 0;
  for (let m = YEAR_BEFORE.exec(window); m; m = YEAR_BEFORE.exec(window)) {
    if (m[3]) deadline = Number(m[3]);
    // `2023年全县经济社会发展的主要预期目标是：…` governs the targets after it, as `到2023年，` would.
    else governing = Number(m[1] ?? m[2] ?? m[4]);
  }
  return governing ?? deadline;
}

/** Whether the comma at `i` separates thousands (`3,000`): a digit before, three digits and no fourth after. */
const thousands = (text: string, i: number) =>
  text[i] === ',' && /\d/.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5));

/** Name before a verb: back to the previous clause stop, minus leading time phrases and verbs. */
const NAME_MAX = 50;

function nameBefore(doc: Doc, scopeStart: number, at: number): Range | null {
  // Names are short: never look further back than a name can be (keeps long lines linear).
  const from = Math.max(scopeStart, at - NAME_MAX - 20);
  let start = at;
  while (start > from && !(NAME_STOP.test(doc.text[start - 1]) && !thousands(doc.text, start - 1))) start--;
  // A bracket inside the name (`执业（助理）医师数`) is part of it: step over balanced pairs.
  while (start > from && /[（(]/.test(doc.text[start - 1]) && doc.text.slice(start, at).match(/[）)]/)) {
    start--;
    while (start > from && !NAME_STOP.test(doc.text[start - 1])) start--;
  }
  // A closing bracket whose opening one lies before the name (`以乡(镇、街)为单位…`) cuts it.
  const span = doc.text.slice(start, at);
  let depth = 0;
  let cut = 0;
  for (let k = 0; k < span.length; k++) {
    if (span[k] === '(' || span[k] === '（') depth++;
    else if (span[k] === ')' || span[k] === '）') {
      if (depth === 0) cut = k + 1;
      else depth--;
    }
  }
  start += cut;
  const lead = LEADING_FURNITURE.exec(doc.text.slice(start, at));
  if (lead) start += lead[0].length;
  // `…死亡率比2020年下降25%`: the comparison base is not part of the name.
  const base = /(?:比|较|与|相比)(?:19|20)\d{2}\s*年(?:相比|底)?$/.exec(doc.text.slice(start, at));
  if (base) at -= base[0].length;
  // `医院病床将由…`, `运煤能力可由…`: the modal before the verb is not part of the name.
  const modal = /(?:预计将?|力争|争取|将|(?<![许认])可|(?<![委员动览易协学商工大年峰事合议社])会)$/.exec(doc.text.slice(start, at));
  if (modal && at - modal[0].length - start >= 2) at -= modal[0].length;
  if (at - start < 2 || at - start > NAME_MAX) return null;
  return [start, at];
}

/** Names that are the words before an award's cap: `给予最高`, `金额最高`, `分别给予`. */
const AWARD_CAP = /(?:最高|最多|给予|奖励|资助|补助|补贴|扶持|一次性)$/;

const FURTHER_VALUE = new RegExp(`(?:和|、)(${VALUE})`, 'y');

/**
 * The names and values of `A和B分别达到X和Y` (`A、B、C分别…X、Y、Z`): the first value ends at
 * `firstEnd`; null unless there are as many names as values.
 */
function respectively(doc: Doc, name: Range, firstEnd: number, end: number): [Range, Range][] | null {
  const values: Range[] = [];
  let at = firstEnd;
  for (let k = 0; k < 10; k++) {
    FURTHER_VALUE.lastIndex = at;
    const m = FURTHER_VALUE.exec(doc.text);
    if (!m || m.index + m[0].length > end || !/\d/.test(m[1])) break;
    values.push([at + m[0].length - m[1].length, at + m[0].length]);
    at += m[0].length;
  }
  if (values.length === 0) return null;
  const names: Range[] = [];
  let from = name[0];
  for (let i = name[0]; i <= name[1]; i++) {
    // Names are joined by 和 or 、 (not 及 or 与, which are also inside words: 普及率, 参与率).
    if (i === name[1] || doc.text[i] === '和' || doc.text[i] === '、') {
      if (i - from < 2) return null;
      names.push([from, i]);
      from = i + 1;
    }
  }
  if (names.length !== values.length + 1) return null;
  // The first value's range is the target already read; the others follow it.
  return names.map((n, k): [Range, Range] => [n, k === 0 ? [firstEnd, firstEnd] : values[k - 1]]);
}

/** Sentences that report what was achieved rather than what is planned. */
const ACHIEVED =
  /已(?:经)?(?:达到|建成|实现|完成)|(?<![从由较比])目前(?!的)|累计|与20\d\d年相比|比20\d\d年|“十[一二三]五”(?:时期|期间|以来)|截至20\d\d年底|年均增长.*?实现|全市拥有|全县拥有/;

interface ProseScope {
  start: number;
  end: number;
  paragraphStart: number;
  year: number | null;
  table: string | null;
  achieved: boolean;
}

function proseIndicators(doc: Doc, scope: ProseScope, out: Indicator[]): void {
  const text = doc.text.slice(scope.start, scope.end);
  // Every pattern below reads a number: a sentence without a digit states no indicator.
  if (!/\d/.test(text)) return;
  const push = (name: Range, target: Value, baseline: Value | null, range: Range) => {
    // `区内标准消防站（`: a bracket the value cut open is not part of the name.
    while (name[1] - name[0] > 2 && /[（(\s]/.test(doc.text[name[1] - 1])) name = [name[0], name[1] - 1];
    // `（2000年底前建成）的老旧小区改造`: what describes the thing before 的 is not part of its name.
    if (doc.text[name[0]] === '的') name = [name[0] + 1, name[1]];
    // `1.农村卫生厕所普及率`, `（2）…`, `②…`: the list item's number is not part of the name.
    const numbered = LIST_NUMBER.exec(doc.text.slice(name[0], Math.min(name[1], name[0] + 8)));
    if (numbered) name = [name[0] + numbered[0].length, name[1]];
    if (name[1] - name[0] < 2) return;
    // `给予最高20万元资助`, `奖励金额最高不超过50万元`: the cap of an award, not a target.
    if (AWARD_CAP.test(doc.text.slice(name[0], name[1]))) return;
    // `较2022年底的41.5%`: a comparison base, not a name.
    if (/^(?:较|比)(?:19|20)\d{2}/.test(doc.text.slice(name[0], name[1]))) return;
    // `给予每个机构每年30万元`: an award's amount; `每培养1名高级工`: a rate per unit, not a target.
    if (/^(?:给予|(?:奖励|补贴|补助|资助)(?=每|最|\d))/.test(doc.text.slice(name[0], name[1])) || doc.text[range[0] - 1] === '每') return;
    const section = sectionAt(doc.sections, range[0]);
    out.push({
      name: trimTxt(txt(doc, name[0], name[1])),
      category: null,
      baseline,
      target,
      nature: null,
      section: section?.id ?? null,
      table: scope.table,
      range,
    });
  };
  const year = (at: number) =>
    yearBefore(doc.text, scope.paragraphStart, at) ?? scope.year ?? goalYearBefore(doc, at) ?? headingYear(doc, at);
  NAME_VERB_VALUE.lastIndex = 0;
  for (let m = NAME_VERB_VALUE.exec(text); m; m = NAME_VERB_VALUE.exec(text)) {
    const matchStart = scope.start + m.index;
    const verb = m[2];
    // The verb sits right before the target (and whatever spaces precede it), the baseline right before the verb.
    const verbStart = matchStart + m[0].slice(0, m[0].length - m[3].length).trimEnd().length - verb.length;
    // `达` alone must not be the tail of another word (`到达`, `下达`, `表达`).
    if (verb === '达' && /[到下表传送抵直通发]/.test(doc.text[verbStart - 1] ?? '')) continue;
    if (verb === '为' && !/[%％‰]/.test(m[3])) continue;
    // A duration (`4.5年`) is a target only where a waiting time shrinks or grows from a baseline:
    // `使用年限超过30年` describes a thing.
    if (IS_DURATION.test(m[3]) && !m[1] && !/缩短|压缩|延长/.test(verb)) continue;
    // The name ends where the match starts: at `从/由` when a baseline is given, else at the verb.
    const nameRange = nameBefore(doc, scope.start, matchStart);
    if (!nameRange) continue;
    // Symbols and growth verbs belong to the value: `≤5‰`, `下降25%` (a change, not a level).
    const symbol = /^[≥≤≧≦＞＜]$/.test(verb) || VERBS.find(([v]) => v === verb)?.[1] === null;
    const valueStart = symbol ? verbStart : scope.start + m.index + m[0].length - m[3].length;
    const comparator = VERBS.find(([v]) => v === verb)?.[1] ?? null;
    const valueEnd = scope.start + m.index + m[0].length;
    // `由1980年的114天缩短到1985年的105天`: a year after the verb is not its value.
    if (doc.text[valueEnd] === '年' && /^(?:19|20)\d{2}$/.test(m[3])) continue;
    const target = valueOf(doc, valueStart, valueEnd, year(matchStart), comparator);
    if (target.value === null) continue;
    // `不少于10项北斗高精度国家标准`: the counted thing follows the value, so the words before are a
    // verb, not a name; the leading-quantity reading below takes it.
    const after = doc.text[valueEnd] ?? '';
    if (/[\u4e00-\u9fff]/.test(after) && !/[的等和及与]/.test(after) && LEADS_QUANTITY.test(verb)) continue;
    let baseline: Value | null = null;
    if (m[1]) {
      const bStart = verbStart - m[1].length;
      // `由2020年的85%`: the baseline's year.
      const baseYear = /(?:19|20)\d{2}/.exec(doc.text.slice(matchStart, bStart))?.[0];
      baseline = valueOf(doc, bStart, verbStart, baseYear ? Number(baseYear) : null);
    }
    if (scope.achieved && !year(matchStart)) continue;
    // `A和B分别达到93%和95%`: one value for each name of the list.
    if (doc.text.startsWith('分别', nameRange[1] - 2) && nameRange[1] - 2 - nameRange[0] >= 2) {
      // The list may join its names with 、, where a single name stops (`普及率、数控化率分别…`).
      let listStart = nameRange[0];
      while (doc.text[listStart - 1] === '、' && listStart - 1 > scope.start) {
        let k = listStart - 1;
        while (k > scope.start && k > listStart - NAME_MAX && !NAME_STOP.test(doc.text[k - 1])) k--;
        if (listStart - 1 - k < 2) break;
        listStart = k;
      }
      const pairs = respectively(doc, [listStart, nameRange[1] - 2], valueEnd, scope.end);
      if (pairs) {
        const y = year(matchStart);
        pairs.forEach(([name, value], k) =>
          push(name, k === 0 ? target : valueOf(doc, value[0], value[1], y, comparator), null, [name[0], value[1]]),
        );
        continue;
      }
      nameRange[1] -= 2;
    }
    // `…达到60%以上，较2022年底的41.5%提高18.5个百分点`: the baseline after the target.
    if (!baseline) {
      COMPARED_WITH.lastIndex = valueEnd;
      const c = COMPARED_WITH.exec(doc.text);
      if (c && c.index + c[0].length <= scope.end) {
        const bStart = c.index + c[0].length - c[2].length;
        baseline = valueOf(doc, bStart, bStart + c[2].length, Number(c[1]));
      }
    }
    push(nameRange, target, baseline, [nameRange[0], valueEnd]);
  }
  LEADING_QUANTITY.lastIndex = 0;
  for (let m = LEADING_QUANTITY.exec(text); m; m = LEADING_QUANTITY.exec(text)) {
    if (scope.achieved) continue;
    if (m[3].startsWith('的')) continue;
    // `5家以上上市企业`: 以上 belongs to the value.
    const bound = /^(?:及以上|以上|左右)/.exec(m[3])?.[0] ?? '';
    const at = scope.start + m.index;
    const valueStart = at + m[1].length;
    const nameStart = valueStart + m[2].length + bound.length;
    const comparator = m[1] === '超过' ? '>' : m[1] === '不超过' ? '<=' : /不少于|至少/.test(m[1]) ? '>=' : null;
    const target = valueOf(doc, valueStart, nameStart, year(at), comparator);
    const nameEnd = valueStart + m[2].length + m[3].length;
    if (nameEnd - nameStart < 2) continue;
    push([nameStart, nameEnd], target, null, [at, nameEnd]);
  }
  ACTION_NAME_VALUE.lastIndex = 0;
  for (let m = ACTION_NAME_VALUE.exec(text); m; m = ACTION_NAME_VALUE.exec(text)) {
    // `累计` reports a past total, unless the sentence sets a year for it (`到2025年，累计扶持创业8000人`).
    if (NOT_AN_OBJECT.test(m[1])) continue;
    if (scope.achieved && yearBefore(doc.text, scope.paragraphStart, scope.start + m.index) === null) continue;
    // `新增建设1-2个国家级临床重点专科`: a thing counted after the value is the name; the reading above takes it.
    const following = doc.text[scope.start + m.index + m[0].length] ?? '';
    if (
      /[\u4e00-\u9fff]/.test(following) &&
      !/[的等和及与]/.test(following) &&
      /^(?:建设|建成|打造|培育|创建|新建|实施|开展|推出|引进|培养)$/.test(m[1])
    )
      continue;
    const at = scope.start + m.index;
    // `新建或改造乡镇商贸中心7个`, `改造提升县城商业街区2条`: a second verb joined to the first is not the name.
    const joined = SECOND_VERB.exec(m[1])?.[0].length ?? 0;
    const nameStart = at + m[0].length - m[2].length - m[1].length + joined;
    const valueStart = at + m[0].length - m[2].length;
    // `培育年营业收入超10亿元的龙头企业5家以上`: the first value qualifies the thing counted after 的.
    if (doc.text[valueStart + m[2].length] === '的') {
      QUALIFIED.lastIndex = valueStart + m[2].length;
      const q = QUALIFIED.exec(doc.text);
      if (q && q.index + q[0].length <= scope.end && !NOT_AN_OBJECT.test(q[1])) {
        const qName = q.index + 1;
        const qValue = qName + q[1].length;
        push([qName, qValue], valueOf(doc, qValue, qValue + q[2].length, year(at), null), null, [at, qValue + q[2].length]);
        ACTION_NAME_VALUE.lastIndex = qValue + q[2].length - scope.start;
      }
      continue;
    }
    const target = valueOf(doc, valueStart, valueStart + m[2].length, year(at), null);
    push([nameStart, valueStart], target, null, [at, valueStart + m[2].length]);
    // `建成县级服务中心1个、乡镇服务站12个、村级服务点120个`: the items after the first share its verb.
    let end = valueStart + m[2].length;
    for (let k = 0; k < 50; k++) {
      FURTHER_ITEM.lastIndex = end;
      const e = FURTHER_ITEM.exec(doc.text);
      if (!e || end + e[0].length > scope.end || NOT_AN_OBJECT.test(e[1])) break;
      const itemStart = end + 1;
      const itemValue = itemStart + e[1].length;
      push([itemStart, itemValue], valueOf(doc, itemValue, itemValue + e[2].length, year(at), null), null, [
        itemStart,
        itemValue + e[2].length,
      ]);
      end = itemValue + e[2].length;
    }
    ACTION_NAME_VALUE.lastIndex = Math.max(ACTION_NAME_VALUE.lastIndex, end - scope.start);
  }
  NAME_PERCENT.lastIndex = 0;
  for (let m = NAME_PERCENT.exec(text); m; m = NAME_PERCENT.exec(text)) {
    if (scope.achieved) continue;
    const end = scope.start + m.index + m[1].length;
    const name = nameBefore(doc, scope.start, end);
    if (!name) continue;
    const valueStart = end + (m[0].length - m[1].length - m[2].length);
    const target = valueOf(doc, valueStart, valueStart + m[2].length, year(end), null);
    push(name, target, null, [name[0], valueStart + m[2].length]);
  }
}

/** `，较2022年底的41.5%`: a base year's value right after a target, before the change from it. */
const COMPARED_WITH = new RegExp(
  `[，,]?\\s*(?:较|比)((?:19|20)\\d{2})\\s*年(?:底|末)?的(${VALUE})(?=\\s*(?:提高|增加|增长|上升|下降|降低|减少))`,
  'y',
);

/** A unit of measure in brackets at the end of an indicator's name. */
const NAME_UNIT =
  /[（(]\s*(%|％|‰|个百分点|[万亿千]?(?:人次|人|元|吨|亩|户|千瓦|千瓦时|平方米|立方米|平方公里|公里|米|个|家|所|处|座|台|套|条|张|床|辆|项|件|天|小时|岁|年|倍)|[^（）()]{0,10}\/[^（）()]{1,10})\s*[）)]$/;

function headerYear(h: string): number | null {
  const m = /((?:19|20)\d{2})/.exec(h);
  return m ? Number(m[1]) : null;
}

const BASELINE_HEADER = /基期|基准|现状|现况|基数|实际/;
const TARGET_HEADER = /目标|预期|规划/;

/**
 * Which value columns hold the baseline and the targets: a column labelled 基期/现状 (the latest
 * such), else the first column of a year before the document's, is the baseline; of the columns
 * after it (those labelled 目标 where some are), the one of the plan's end year, else the latest,
 * is the target, and the others are the targets of other years.
 */
function valueColumns(
  doc: Doc,
  table: Table,
  levelColumns: readonly number[],
  valueCols: readonly number[],
): { baselineIndex: number; targetIndex: number; milestones: number[] } {
  const header = (i: number) => table.header[i].s;
  let levels = levelColumns;
  // A revised plan's `原2025年目标值` beside its `修订后2025年目标值`: the old target is superseded.
  if (levels.some((i) => /修订后|调整后/.test(header(i)))) levels = levels.filter((i) => !/^原|修订前|调整前/.test(header(i)));
  const issued = documentYear(doc);
  const labelled = levels.filter((i) => BASELINE_HEADER.test(header(i)) && !TARGET_HEADER.test(header(i)));
  let baselineIndex = labelled.length ? labelled[labelled.length - 1] : -1;
  if (baselineIndex < 0 && levels.length > 1 && !TARGET_HEADER.test(header(levels[0]))) {
    const year = headerYear(header(levels[0]));
    if (issued === null || year === null || year < issued) baselineIndex = levels[0];
  }
  let targets = levels.filter((i) => i > baselineIndex && !labelled.includes(i));
  if (targets.some((i) => TARGET_HEADER.test(header(i)))) targets = targets.filter((i) => TARGET_HEADER.test(header(i)));
  if (targets.length === 0)
    return { baselineIndex, targetIndex: levels[levels.length - 1] ?? valueCols[valueCols.length - 1], milestones: [] };
  const end = doc.facts.period?.end;
  const byYear = (i: number) => headerYear(header(i)) ?? 0;
  const main = targets.find((i) => end !== undefined && byYear(i) === end) ?? targets.reduce((a, b) => (byYear(b) >= byYear(a) ? b : a));
  const milestones = targets.filter((i) => i !== main && headerYear(header(i)) !== null);
  return { baselineIndex, targetIndex: main, milestones };
}

function tableIndicators(doc: Doc, table: Table, out: Indicator[]): void {
  const cols = columnTypes(table);
  // A column headed like a value (`目标`) that holds words in most rows (`一、生态宜居`) is a group
  // column, not a value column.
  const numeric = (i: number) =>
    table.rows.filter(
      (r) => ['number', 'serial', 'dash', 'year'].includes(cellType(r[i]?.s ?? '')) || parseValue(r[i]?.s ?? '').value !== null,
    ).length >=
    table.rows.length * 0.3;
  const valueCols = cols.map((c, i) => (c?.type === 'value' && numeric(i) ? i : -1)).filter((i) => i >= 0);
  const section = sectionAt(doc.sections, table.range[0]);
  if (valueCols.length > 0) {
    const nameCol = cols.findIndex((c, i) => c?.type === 'text' && !c.carries && /指标|名称|项目|内容/.test(table.header[i].s));
    const unitCol = table.header.findIndex((h) => /^(?:计量)?单位$/.test(h.s));
    const nameIndex = nameCol >= 0 ? nameCol : cols.findIndex((c) => c?.type === 'text' && !c.carries);
    const categoryIndex = cols.findIndex((c) => c?.type === 'text' && c.carries);
    const natureIndex = cols.findIndex((c) => c?.type === 'nature');
    // A growth-rate column (`年均增长`) is neither the baseline nor the target.
    const isGrowth = (i: number) => /^年均/.test(table.header[i].s);
    const levels = valueCols.filter((i) => !isGrowth(i));
    const { baselineIndex, targetIndex, milestones } = valueColumns(doc, table, levels, valueCols);
    const yearIndex = cols.findIndex((c) => c?.type === 'year');
    const growthIndex = valueCols.find(isGrowth) ?? -1;
    if (nameIndex < 0) return;
    table.rows.forEach((row, r) => {
      const name = row[nameIndex];
      if (!name?.s) return;
      const ranges = table.cellRanges[r];
      // A unit column gives the unit a bare number lacks (`%` beside `65`).
      // `学前三年毛入园率（%）`, `国家基本水文站数量（处）`: a unit in brackets closing the name.
      const numbered = /^\d{1,2}\s*[.．、]\s*(?=\D)/.exec(name.s)?.[0].length ?? 0;
      const bracketed = NAME_UNIT.exec(name.s.slice(numbered));
      const unitCell = (unitCol >= 0 ? row[unitCol]?.s.trim() || null : null) ?? bracketed?.[1] ?? null;
      const cellValue = (i: number, year: number | null): Value | null => {
        if (i < 0 || !row[i]?.s || /^[—–\-－/无]+$/.test(row[i].s)) return null;
        const parsed = parseValue(row[i].s);
        return {
          raw: row[i],
          value: parsed.value,
          comparator: parsed.comparator,
          unit: parsed.unit ?? (parsed.value !== null ? unitCell : null),
          year,
        };
      };
      // `预期性`, or its short form `预期` (also `[预期性]`, `约束性指标`).
      const natureWord = natureIndex >= 0 ? /^[[【（(]?(预期|约束)性?(?:指标)?[\]】）)]?$/.exec(row[natureIndex]?.s ?? '') : null;
      const nature = natureWord ? (`${natureWord[1]}性` as Indicator['nature']) : null;
      const targetYear =
        headerYear(table.header[targetIndex].s) ??
        (yearIndex >= 0 ? headerYear(row[yearIndex]?.s ?? '') : null) ??
        doc.facts.period?.end ??
        null;
      // A growth indicator's target may stand only in the growth-rate column (`2025年` `—`, `年均增长` `8`).
      const target = cellValue(targetIndex, targetYear) ?? (growthIndex >= 0 ? cellValue(growthIndex, targetYear) : null);
      // `1.地区生产总值`: the list number in front of a name is not part of it, nor a unit closing it.
      const nameEnd = name.s.length - (bracketed ? bracketed[0].length : 0);
      const indicator: Indicator = {
        name: { s: name.s.slice(numbered, nameEnd).replace(/\s+/g, ''), o: name.o.slice(numbered, nameEnd).replace(/\s+/g, '') },
        category: categoryIndex >= 0 && row[categoryIndex]?.s ? row[categoryIndex] : null,
        baseline: cellValue(baselineIndex, baselineIndex >= 0 ? headerYear(table.header[baselineIndex].s) : null),
        target,
        nature,
        section: section?.id ?? null,
        table: table.id,
        range: ranges[nameIndex] ?? table.rowRanges[r],
      };
      out.push(indicator);
      // The targets of other years the table sets (`2025年 | 2027年`): one indicator each, after the plan's own.
      for (const i of milestones) {
        const milestone = cellValue(i, headerYear(table.header[i].s));
        if (milestone) out.push({ ...indicator, target: milestone });
      }
    });
    return;
  }
  // Task tables: read the prose of their text cells, the row's deadline giving the year.
  const yearIndex = cols.findIndex((c) => c?.type === 'year');
  table.rows.forEach((row, r) => {
    const year = yearIndex >= 0 ? headerYear(row[yearIndex]?.s ?? '') : null;
    cols.forEach((c, i) => {
      const range = table.cellRanges[r][i];
      if (c?.type !== 'text' || c.carries || !range) return;
      // Carried-down cells were read with their own row already.
      if (r > 0 && table.cellRanges[r - 1][i] === range) return;
      proseIndicators(doc, { start: range[0], end: range[1], paragraphStart: range[0], year, table: table.id, achieved: false }, out);
    });
  });
}

/** Verbs whose counted thing may follow the value (`不少于10项标准`). */
const LEADS_QUANTITY = /^(?:不超过|超过|不少于|至少|达到|达)$/;

/** The year of the last goal stated before `at` in the same section (`到2023年末，…` then its targets). */
const goalsBySection = new WeakMap<readonly Doc['goals'][number][], Map<string, Doc['goals']>>();

function goalYearBefore(doc: Doc, at: number): number | null {
  const section = sectionAt(doc.sections, at);
  if (!section) return null;
  let bySection = goalsBySection.get(doc.goals);
  if (!bySection) {
    bySection = new Map();
    for (const g of doc.goals) if (g.section) bySection.set(g.section, [...(bySection.get(g.section) ?? []), g]);
    goalsBySection.set(doc.goals, bySection);
  }
  let year: number | null = null;
  for (const g of bySection.get(section.id) ?? []) if (g.range[0] < at) year = g.year;
  if (year !== null) return year;
  // Under a goal section whose opening states the years (`到2025年…；到2035年…`), the targets of
  // its subsections are for the nearer year (the plan's own end when it is one of them).
  const years = withAncestors(doc.sections, section)
    .slice(1)
    .flatMap((a) => (bySection.get(a.id) ?? []).filter((g) => g.range[0] < at).map((g) => g.year));
  if (years.length === 0) return null;
  const end = doc.facts.period?.end;
  return end !== undefined && years.includes(end) ? end : Math.min(...years);
}

/** `二、2024年主要预期目标和重点工作`, `专栏　2024年主要目标`: a heading that dates the targets under it. */
function headingYear(doc: Doc, at: number): number | null {
  const section = sectionAt(doc.sections, at);
  if (!section) return null;
  for (const s of withAncestors(doc.sections, section)) {
    const years = s.heading.s.match(/(?:19|20)\d{2}(?=\s*年)/g);
    if (years?.length === 1 && /目标|指标/.test(s.heading.s)) return Number(years[0]);
  }
  return null;
}

/** Headings of parts that report the past: what they quantify was achieved, not planned. */
const BACKGROUND_HEADING = /现状|基础|回顾|成就|成效|发展环境|形势|进展|背景|总结|取得/;

/** Headings of the part that sets targets. */
const TARGET_HEADING = /(?:发展|主要|总体|预期|规划|具体|工作)目标|目标任务|^目标$/;

/**
 * Whether a section reports the past: the outermost heading that says so is higher than any that
 * sets targets (`二、发展目标` › `（一）经济发展取得新成效` sets targets; `第一章 发展基础` ›
 * `一、“十三五”目标完成情况` reports).
 */
function inBackground(doc: Doc, at: number): boolean {
  const s = sectionAt(doc.sections, at);
  if (s === null) return false;
  // Innermost first: the last match is the outermost.
  const chain = withAncestors(doc.sections, s);
  const outermost = (re: RegExp) => chain.reduce((found, a, k) => (re.test(a.heading.s) ? k : found), -1);
  const background = outermost(BACKGROUND_HEADING);
  return background >= 0 && outermost(TARGET_HEADING) < background;
}

/** A sentence with a target year or a 力争/目标 is a plan even when it says 累计 or 已. */
const FUTURE = /(?:到|至)\s*20\d\d\s*年|20\d\d\s*年(?:底|末)?前|力争|预计|目标|确保|计划/;

function paragraphIsAchievement(text: string): boolean {
  return ACHIEVED.test(text) && !FUTURE.test(text);
}

export function extractIndicators(doc: Doc): Doc {
  const out: Indicator[] = [];
  for (const table of doc.tables) tableIndicators(doc, table, out);
  // Sentence by sentence, so that a report of results in one does not silence the target in the next.
  for (const sentence of bodySentences(doc)) {
    if (!/\d/.test(sentence.text)) continue;
    proseIndicators(
      doc,
      {
        start: sentence.start,
        end: sentence.end,
        paragraphStart: sentence.line.start,
        year: null,
        table: null,
        achieved: (paragraphIsAchievement(sentence.text) || inBackground(doc, sentence.start)) && !FUTURE.test(sentence.text),
      },
      out,
    );
  }
  // In a plan for one year, a target stated without a year is for that year.
  const planYear = oneYearPlan(doc);
  if (planYear !== null) for (const i of out) if (i.table === null && i.target && i.target.year === null) i.target.year = planYear;
  // A target dated before the document itself is a reported result, not a target.
  const issued = documentYear(doc);
  const planned = out.filter((i) => i.table !== null || issued === null || i.target?.year == null || i.target.year >= issued);
  return { ...doc, indicators: dedupe(planned) };
}

/** The same statement matched by two patterns keeps the first (tables come first). */
function dedupe(list: Indicator[]): Indicator[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const key = `${i.range[0]}:${i.target?.raw.s}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { Txt };
