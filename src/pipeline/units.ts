/**
 * Responsible units: splitting `县发展改革委、县规划自然资源局` into names, never inside brackets
 * (`各乡镇（街道、开发区）人民政府` is one unit), and recognising what a unit name looks like.
 */
import type { Txt } from './doc.js';
import { charsOf, trimEndParenthetical, trimEndWhere } from './ends.js';

const LIST_END = charsOf('，,、', true);
const UNIT_END = charsOf('。.;；:：');

const UNIT_SUFFIX =
  /(?:委员会|委|局|办|院|部|厅|署|中心|政府|单位|公司|集团|会|所|站|队|组|处|科|室|馆|行|社|校|大学|机构|部门|街道|乡镇|管委会|办事处|工作组|各地|各区|各县|各市|园区|开发区|法院|检察院|总队|支队|联社|工商联|妇联|残联|科协|侨联|文联|社科联|团县委|团市委|海关|银行|分行|支行|协会|商会|学会|基金会|事务所|供电公司)$/;

/** Brackets a unit name may hold (`各县（市、区）`, `各县〔市、区〕`): a list is never split inside them. */
const OPENING = '（(【[〔';
const CLOSING = '）)】]〕';

/** Split a unit list on 、，,；; and spaces at bracket depth zero; `s` and `o` stay aligned. */
export function splitUnits(list: Txt): Txt[] {
  const out: Txt[] = [];
  // OCR can leave a lone bracket (`市卫(更局`): then brackets are ordinary characters.
  let opens = 0;
  let closes = 0;
  for (const c of list.s) {
    if (OPENING.includes(c)) opens++;
    else if (CLOSING.includes(c)) closes++;
  }
  const nest = opens === closes;
  let depth = 0;
  let from = 0;
  const push = (to: number) => {
    const s = list.s.slice(from, to).replace(/\s+/g, '');
    const o = list.o.slice(from, to).replace(/\s+/g, '');
    const cleaned = cleanUnit({ s, o });
    if (cleaned.s) out.push(cleaned);
  };
  for (let i = 0; i < list.s.length; i++) {
    const c = list.s[i];
    if (nest && OPENING.includes(c)) depth++;
    else if (nest && CLOSING.includes(c) && depth > 0) depth--;
    // An ASCII period inside a list is OCR's comma (`卫筵局.总医院`).
    else if (depth === 0 && /[、，,；;.．和及与\s]/.test(c)) {
      // 和/及/与 split only between two unit-shaped names (`县医保局和县财政局`).
      if (/[和及与]/.test(c) && !UNIT_SUFFIX.test(list.s.slice(from, i))) continue;
      push(i);
      from = i + 1;
    }
  }
  push(list.s.length);
  return out;
}

/** Drop list furniture around a unit: trailing 等/按职责分工负责, leading 由/请. */
export function cleanUnit(u: Txt): Txt {
  const lead = /^(?:由|请|会同|协同|配合|指导)/.exec(u.s)?.[0].length ?? 0;
  const tailMatch = /(?:等(?:有关|相关)?(?:单位|部门)?|按职责分工负责|分别负责|负责|牵头|参与|配合)$/.exec(u.s.slice(lead));
  let end = u.s.length;
  if (tailMatch && tailMatch.index > 1) end = lead + tailMatch.index;
  const s = trimEndWhere(u.s.slice(lead, end), UNIT_END);
  const o = u.o.slice(lead, lead + s.length);
  return { s, o };
}

/** Words a unit name never starts with: a clause that ends in 医院 is an action, not an agency. */
const ACTION_START = /^(?:建成|建设|新建|创建|推动|推进|完成|实现|加强|开展|提升|支持|鼓励|引进|培养|打造|组建|设立|依托|通过|确保|力争)/;

export function looksLikeUnit(name: string): boolean {
  const bare = trimEndParenthetical(name).replace(/^由/, '');
  return bare.length >= 2 && bare.length <= 30 && UNIT_SUFFIX.test(bare) && !ACTION_START.test(bare) && !/\d|的/.test(bare);
}

/** A whole list is unit-shaped when every member is. */
export function isUnitListText(s: string): boolean {
  const parts = splitUnits({ s, o: s });
  return parts.length > 0 && parts.every((p) => looksLikeUnit(p.s));
}

/**
 * A unit list closing an item after its last sentence, as flattened appendix tables leave it
 * (`…力争新增100名。市委人才办、市卫健局、人社局`). Offsets are within `text`.
 */
export function trailingUnitList(text: string): { start: number; end: number } | null {
  const stops = [...text.matchAll(/[。；;]|\.(?=[\u4e00-\u9fff])/g)].map((m) => m.index);
  if (stops.length === 0 || stops[stops.length - 1] === text.length - 1) return null;
  let k = stops.length - 1;
  const tail = trimEndWhere(text.slice(stops[k] + 1), LIST_END);
  // A group label glued after the units (`…相关医疗卫生单位中医传承行动`): the longest label whose
  // removal leaves a unit list (a shorter cut can leave a fragment that ends like a unit, `…学科`).
  let list = tail;
  if (!isUnitListText(list)) {
    const label = /行动$|工作$|任务$/.exec(tail);
    list = '';
    if (label) {
      for (let len = 8; len >= 2 && !list; len--) {
        const candidate = trimEndWhere(tail.slice(0, tail.length - label[0].length - len), LIST_END);
        if (candidate.length >= 2 && isUnitListText(candidate)) list = candidate;
      }
    }
  }
  if (list.length < 2) return null;
  // An OCR period inside the list (`卫筵局.总医院`) is a separator: take the units before it too.
  let start = stops[k] + 1;
  while (k > 0 && text[stops[k]] === '.' && isUnitListText(text.slice(stops[k - 1] + 1, stops[k]))) {
    k--;
    start = stops[k] + 1;
  }
  if (k === 0 && text[stops[0]] === '.' && isUnitListText(text.slice(0, stops[0]))) start = 0;
  const end = stops[stops.length - 1] + 1 + list.length;
  if (end - start > 160) return null;
  return { start, end };
}
