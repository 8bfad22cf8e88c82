/**
 * extract-document: the plan's own facts: title, 文号, issuer, date, region, kind, period.
 *
 * Metadata sits in the lead (the lines before the outline starts), in the page's info bar, and in
 * the signature block; the info bar and forum header are often stripped as chrome, so this stage
 * reads every line that is not spam, and prefers the lead.
 */
import { foldChineseYears } from '../pipeline/numerals.js';
import { joinTxt, trimTxt, txt, type Doc, type DocumentFacts, type Line, type Txt } from '../pipeline/doc.js';
import { flattenSections } from './segment.js';
import { findPlaces } from '../pipeline/gazetteer.js';
import { toSimplified } from './script.js';

const HAN = '\\u4e00-\\u9fff';
export const PLAN_KINDS = [
  '实施方案',
  '行动方案',
  '工作方案',
  '行动计划',
  '实施意见',
  '指导意见',
  '若干措施',
  '实施细则',
  '管理办法',
  '规划纲要',
  '发展规划',
  '专项规划',
  '规划',
  '纲要',
  '意见',
  '通知',
  '办法',
  '措施',
  '细则',
  '规定',
  '决定',
  '方案',
  '计划',
  '要点',
  '清单',
  '条例',
] as const;
/** A title ends with its kind, possibly followed by its period (`行动计划（2025—2027年）`). */
const KIND_END = new RegExp(`(?:${PLAN_KINDS.join('|')})(?:[（(](?:19|20)\\d{2}\\s*[—\\-–~至]\\s*(?:19|20)\\d{2}\\s*年?[）)])?$`);

interface LeadLine {
  line: Line;
  text: string;
}

function metaLines(doc: Doc): LeadLine[] {
  return doc.lines
    .filter((l) => l.removed?.kind !== 'spam' && l.end > l.start)
    .map((line) => ({ line, text: doc.text.slice(line.start, line.end) }))
    .filter((l) => l.text.trim());
}

/** Where the outline starts; what comes before is the lead. Long flattened lines count 600 chars. */
function leadEnd(doc: Doc): number {
  const first = flattenSections(doc.sections)[0];
  const firstKept = doc.lines.find((l) => !l.removed && l.end > l.start);
  const cap = (firstKept?.start ?? 0) + 600;
  return Math.min(first ? first.range[0] : doc.text.length, Math.max(cap, Math.min(first?.range[0] ?? cap, 1200)));
}

const REFERENCE_BEFORE = /(?:按照|根据|依据|贯彻|落实|参照|对照|结合|执行)[^《]{0,4}$/;
/** Furniture in front of a title line: markdown headings and bold, a page number, a label, a tag (`[政策文件]`). */
const TITLE_LINE_PREFIX =
  /^\s*(?:#{1,6}\s*|\*\*|\d{1,4}\s+|[IVX]{1,4}(?=[\u4e00-\u9fff])|(?:标题|题目|文件名称|名称|title)\s*[:：]\s*["“]?|[[【][^\]】]{1,8}[\]】]\s*)+/i;
/** `/(?:["”]|\*\*)?\s*$/`: a closing quote or bold mark and spaces at the end of a title line. */
export function titleLineSuffix(text: string): number {
  let at = text.trimEnd().length;
  if (text.endsWith('**', at)) at -= 2;
  else if (at > 0 && (text[at - 1] === '"' || text[at - 1] === '”')) at -= 1;
  return text.length - at;
}

/** A title line's text without its furniture (and without a 文号 glued at its end). */
function titleSpan(text: string): [number, number] | null {
  const prefix = TITLE_LINE_PREFIX.exec(text);
  let from = prefix ? prefix[0].length : 0;
  let to = text.length - titleLineSuffix(text);
  const number = text.includes('号') ? DOC_NUMBER_ONCE.exec(text.slice(from, to)) : null;
  if (number && number.index > 6) to = from + number.index;
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to > from ? [from, to] : null;
}

function titleFromGuillemets(doc: Doc, lead: LeadLine[], end: number): Txt | null {
  for (const { line, text } of lead) {
    if (line.start >= end || line.removed) continue;
    const re = /《([^《》\n]{4,80})》/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const inner = m[1].replace(/\.(?:docx?|pdf)$/i, '');
      if (!KIND_END.test(inner)) continue;
      if (REFERENCE_BEFORE.test(text.slice(0, m.index))) continue;
      const s = line.start + m.index + 1;
      return txt(doc, s, s + inner.length);
    }
  }
  return null;
}

/** `X关于印发《Y》的通知` → Y: a covering notice's title names the plan it carries. */
function innerPlanTitle(t: Txt): Txt {
  const m = /(?:关于)?(?:印发|转发|发布)《?([^《》，。；]{4,80}?)》?的(?:通知|决定|函)$/.exec(t.s);
  if (!m || !KIND_END.test(m[1])) return t;
  const at = m.index + m[0].indexOf(m[1]);
  return { s: m[1], o: t.o.slice(at, at + m[1].length) };
}

/** `国务院办公厅关于印发全国…分工方案的通知`: the plan inside a covering notice's title. */
function titleFromCoveringNotice(doc: Doc, lead: LeadLine[], end: number): Txt | null {
  for (const { line, text } of lead) {
    if (line.start >= end || line.removed) continue;
    const m = /关于(?:印发|转发|发布)([^《》，。；]{4,80}?)的(?:通知|决定|函)/.exec(text);
    if (!m || !KIND_END.test(m[1])) continue;
    const s = line.start + m.index + m[0].indexOf(m[1]);
    return txt(doc, s, s + m[1].length);
  }
  return null;
}

/** A title line, or a title a page or PDF wrapped over up to four short lines. */
function titleFromTitleLine(doc: Doc, lead: LeadLine[], end: number): Txt | null {
  const usable = lead.filter(({ line }) => line.start < end && !line.removed);
  for (let i = 0; i < usable.length; i++) {
    const parts: Txt[] = [];
    for (let k = i; k < Math.min(usable.length, i + 4); k++) {
      const { line, text } = usable[k];
      const span = titleSpan(text);
      if (!span) break;
      const t = text.slice(span[0], span[1]);
      if (/[。；，,：:]/.test(t) || t.length > 80) break;
      // Signature lines, dates and notes are not pieces of a title.
      if (DATE_ANY.test(t) || /^[（(]/.test(t) || (ISSUER_LINE.test(t) && !KIND_END.test(t))) break;
      // Nor are labels and 文号 lines above it (`附件`, `正文`, `穗埔组通〔2024〕6号`).
      if (/^(?:附件\s*\d*|正文|全文|原文|印发|发布)$/.test(t) || (t.endsWith('号') && DOC_NUMBER_LINE.test(t))) break;
      // Nor is the masthead of a red-header document (`鹤鸣县人民政府文件`).
      if (isMasthead(t)) break;
      parts.push(txt(doc, line.start + span[0], line.start + span[1]));
      const joined = joinTxt(parts);
      if (joined.s.length >= 6 && joined.s.length <= 100 && KIND_END.test(joined.s)) return innerPlanTitle(joined);
      // Only the last line of a wrapped title ends in its kind; the others are short fragments.
      if (t.length > 30) break;
    }
  }
  return null;
}

/** The page's own `<meta name="ArticleTitle">`, or its <title> when that names a plan. */
function titleFromHint(doc: Doc): Txt | null {
  const meta = doc.hints?.title?.trim();
  if (meta) return { s: toSimplified(meta), o: meta };
  const page = doc.hints?.pageTitle?.trim();
  return page && KIND_END.test(toSimplified(page)) ? { s: toSimplified(page), o: page } : null;
}

/** `标题：…`, `title: "…"`: a capture's own label for the page title. */
function titleFromLabel(doc: Doc, lead: LeadLine[]): Txt | null {
  for (const { line, text } of lead) {
    if (!/^\s*(?:标题|题目|title)\s*[:：]/i.test(text)) continue;
    const inner = /《([^《》]{4,80})》/.exec(text);
    if (inner && KIND_END.test(inner[1])) return txt(doc, line.start + inner.index + 1, line.start + inner.index + 1 + inner[1].length);
    const span = titleSpan(text);
    if (span) return txt(doc, line.start + span[0], line.start + span[1]);
  }
  return null;
}

function titleFromFileName(doc: Doc, lead: LeadLine[]): Txt | null {
  for (const { line, text } of lead) {
    if (line.removed?.reason !== 'file-name') continue;
    const t = text.trim().replace(/\.(?:docx?|pdf|pptx?|xlsx?|wps)$/i, '');
    const s = line.start + text.indexOf(t);
    return txt(doc, s, s + t.length);
  }
  return null;
}

/** The page heading: the first kept short line that is not a label, a date or an address line. */
function titleFromHeading(doc: Doc, lead: LeadLine[], end: number): Txt | null {
  for (const { line, text } of lead) {
    if (line.start >= end || line.removed || line.table) continue;
    const t = text.trim();
    if (t.length < 6 || t.length > 50 || /[。；]/.test(t) || /^[\d\s\-:：年月日]+$/.test(t)) continue;
    if (/(?:日期|时间|来源|作者|发布|浏览|点击|链接|网址)\s*[:：]/.test(t) || /[:：]$/.test(t)) continue;
    if ((t.endsWith('号') && DOC_NUMBER_LINE.test(t)) || /^(?:https?:|www\.)/.test(t)) continue;
    const prefix = /^\s*[\[【][^\]】]{1,12}[\]】]\s*/.exec(text);
    const from = line.start + (prefix ? prefix[0].length : text.indexOf(t));
    return trimTxt(txt(doc, from, line.end));
  }
  return null;
}

/**
 * A 文号: an organ's abbreviation, the year in brackets (any of 〔〕 [] （） 【】, or the opening one
 * alone when the closing one was lost), the serial number and 号.
 */
const DOC_NUMBER = new RegExp(
  `([${HAN}A-Za-z]{1,12})\\s*([〔\\[［【（(]?)\\s*((?:19|20)\\d{2})\\s*([〕\\]］】）)]?)\\s*第?\\s*(\\d{1,4})\\s*号`,
  'g',
);
/** The same, matched once (no global state) and as a whole line. */
const DOC_NUMBER_ONCE = new RegExp(DOC_NUMBER.source);
const DOC_NUMBER_LINE = new RegExp(`^${DOC_NUMBER.source}$`);
/** Words that end a title or sentence right before a 文号 glued to it (`…的通知国办发〔2020〕43号`). */
const BEFORE_NUMBER = /通知|决定|意见|方案|规划|办法|公告|通告|批复|函|的|和|及|与|印发|号/g;

/** Where the abbreviation starts: after the last such word that leaves two characters (`宜政办函` stays whole). */
function abbreviationStart(prefix: string): number {
  let cut = 0;
  for (const m of prefix.matchAll(BEFORE_NUMBER)) if (prefix.length - (m.index + m[0].length) >= 2) cut = m.index + m[0].length;
  return cut;
}

function docNumber(doc: Doc, lead: LeadLine[], end: number, title: Txt | null): Txt | null {
  const labelled = lead.find((l) => /(?:发文字号|文号)\s*[:：]/.test(l.text));
  const ordered = labelled ? [labelled, ...lead] : lead.filter((l) => l.line.start < end);
  for (const { line, text } of ordered) {
    // The pattern tries a dozen prefix lengths at every character: look only where a 号 is.
    if (!text.includes('号')) continue;
    for (const m of text.matchAll(DOC_NUMBER)) {
      const [, rawPrefix, open, year, close, num] = m;
      // Only an abbreviation stands before the bracket: cut what a glued title left in front of it.
      const cut = abbreviationStart(rawPrefix);
      const prefix = rawPrefix.slice(cut);
      if (!prefix || (!open && !close)) continue;
      const at = line.start + m.index + cut;
      // `《全民健身计划》（国发〔2016〕37号）`: the number of another document, cited by its name.
      const before = doc.text.slice(line.start, at);
      if (citesAnother(/《([^》]{2,60})》\s*[（(]\s*$/.exec(before)?.[1], title)) continue;
      const full = m[0].slice(cut);
      const o = doc.original.slice(at, at + full.length);
      if (open && close) return { s: full.replace(/\s+/g, ''), o: o.replace(/\s+/g, '') };
      // Brackets lost (`〔202442號`): rebuild them around the year.
      const oPrefix = doc.original.slice(at, at + prefix.length);
      const oNum = o.slice(o.length - 1);
      return { s: `${prefix}〔${year}〕${num}号`, o: `${oPrefix}〔${year}〕${num}${oNum}` };
    }
  }
  // A 公告's number on its own line, with no organ before it: `（2024年第3号）`.
  for (const { line, text } of ordered) {
    const m = YEAR_SERIAL_LINE.exec(text);
    if (!m) continue;
    const at = line.start + text.indexOf(m[1]);
    return { s: m[1].replace(/\s+/g, ''), o: doc.original.slice(at, at + m[1].length).replace(/\s+/g, '') };
  }
  return null;
}

const YEAR_SERIAL_LINE = /^\s*[（(]?\s*((?:19|20)\d{2}\s*年\s*第\s*\d{1,4}\s*[号號])\s*[）)]?\s*$/;

function isoDate(y: string, m: string, d: string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A month or day in digits or Chinese numerals (`6`, `六`, `十一`, `二十六`). */
const DAY_NUMBER = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const DATE_ANY = new RegExp(
  `((?:19|20)\\d{2})\\s*(?:[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})|年\\s*(${DAY_NUMBER})\\s*月\\s*(${DAY_NUMBER})\\s*日)`,
);
/** A date alone on a line (a signature), written any way, with its weekday if given. */
const DATE_LINE = new RegExp(
  `^(?:19|20)\\d{2}\\s*年\\s*(?:${DAY_NUMBER})\\s*月\\s*(?:${DAY_NUMBER})\\s*日(?:\\s*[（(]星期[一二三四五六日天][）)])?$`,
);

/** `二十六` → 26: Chinese numerals up to 39. */
function smallNumber(s: string): string {
  if (/^\d+$/.test(s)) return s;
  const digit = (c: string | undefined) => (c ? '〇一二三四五六七八九'.indexOf(c) : 0);
  const ten = s.indexOf('十');
  if (ten < 0) return String(digit(s));
  return String((ten === 0 ? 1 : digit(s[0])) * 10 + digit(s[ten + 1]));
}

function parseDate(s: string): string | null {
  const m = DATE_ANY.exec(foldChineseYears(s));
  if (!m) return null;
  return m[2] ? isoDate(m[1], m[2], m[3]) : isoDate(m[1], smallNumber(m[4]), smallNumber(m[5]));
}

/** Date labels, strongest first: the day the plan was signed beats the day a site posted it. */
const DATE_LABELS: { re: RegExp; source: string }[] = [
  { re: /成文日期|成文时间|印发日期|发文日期/, source: '成文日期' },
  { re: /发布日期|发布时间|公布日期|公开日期|发表于|发表时间/, source: '发布日期' },
  { re: /(?:^|\s)(?:日期|时间|date)\s*[:：]/i, source: '日期' },
];

/** A date alone on its line in the lead or at the end: the signature block, the day of issue. */
function signatureDate(all: LeadLine[], lead: LeadLine[]): string | null {
  const candidates = [...lead, ...all.slice(-12)];
  for (const { text, line } of candidates) {
    if (line.removed) continue;
    // `（2024年5月6日）` in brackets; `2024年10月16日（星期三）` with its weekday.
    const t = /[（(]星期.[）)]$/.test(text.trim()) ? text.trim() : text.trim().replace(/^[（(]|[）)]$/g, '');
    const written = isDateLine(t);
    const numeric = /^(?:19|20)\d{2}\s*([-/.])\s*\d{1,2}\s*\1\s*\d{1,2}$/.test(t);
    if (t.length > 22 || (!written && !numeric)) continue;
    // A numeric date is a signature only under the issuer's name (`泸川市人民政府` / `2023-03-08`);
    // alone it may be any field of a page (a forum's 注册时间).
    if (numeric) {
      const k = all.findIndex((l) => l.line === line);
      const above = k > 0 ? all[k - 1].text.trim() : '';
      if (!(ISSUER_LINE.test(above) && ORGAN_HINT.test(above))) continue;
    }
    const date = parseDate(t);
    if (date) return date;
  }
  // A signature block anywhere: the issuer's name, then the date on the next line (a notice's
  // signature sits between its text and the plan it carries, past the lead and the tail).
  for (let k = 1; k < all.length; k++) {
    const { text, line } = all[k];
    if (line.removed || line.table) continue;
    const t = text.trim();
    if (isDateLine(t) && isIssuerLine(all[k - 1].text.trim())) return parseDate(t);
  }
  return null;
}

/** A news page's byline: `2024-08-06 09:32　来源：瑶山日报　作者：…`, a date and time before its source. */
const BYLINE =
  /^\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:来源|作者|编辑|记者)\s*[:：]/;

function byline(all: LeadLine[]): { date: string; source: string } | null {
  for (const { text } of all.slice(0, 40)) {
    const m = BYLINE.exec(text);
    const date = m && parseDate(m[1]);
    if (date) return { date, source: '发布日期' };
  }
  return null;
}

/**
 * The document's date, the day of issue first: a 成文日期 label, then the signature block, then a
 * 发布 label or the page's <meta name="PubDate">, then any date label, then running text.
 */
/**
 * A report or plan dated by the meeting that heard or adopted it, under its title:
 * `——2024年1月9日在淇川县第十七届人民代表大会第四次会议上`, `（2021年1月28日…第六次会议批准）`.
 */
const ADOPTION_LINE =
  /^[\s（(—\-－]*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。]{0,50}?(?:会议|大会)[^。]{0,12}?(?:上|通过|批准|审议)/;

function adoption(lead: LeadLine[]): { date: string; source: string } | null {
  for (const { text, line } of lead) {
    if (line.removed || text.length > 90) continue;
    const m = ADOPTION_LINE.exec(text);
    const date = m ? parseDate(m[1]) : null;
    if (date) return { date, source: 'text' };
  }
  return null;
}

function documentDate(doc: Doc, all: LeadLine[], lead: LeadLine[]): { date: string; source: string } | null {
  const labelled = (source: string) => {
    const label = DATE_LABELS.find((l) => l.source === source)!;
    for (const [k, { text }] of all.entries()) {
      const at = text.search(label.re);
      if (at < 0) continue;
      // The value may be on the next line, as in a page's label/value box (`成文日期：` | `2018年12月23日`).
      const value = text
        .slice(at, at + 60)
        .replace(label.re, '')
        .replace(/^[\s:：]+/, '');
      // An empty field takes the next line only when that line is a value, not another field.
      const next = all[k + 1]?.text ?? '';
      const after = value ? text.slice(at, at + 60) : /^\s*[^\s:：]{2,6}\s*[:：]/.test(next) ? text : `${text} ${next}`;
      const date = parseDate(after);
      if (date) return { date, source };
    }
    return null;
  };
  const signature = signatureDate(all, lead);
  const pubDate = doc.hints?.date ? parseDate(doc.hints.date) : null;
  const found =
    labelled('成文日期') ??
    (signature ? { date: signature, source: 'signature' } : null) ??
    adoption(lead) ??
    labelled('发布日期') ??
    (pubDate ? { date: pubDate, source: '发布日期' } : null) ??
    labelled('日期') ??
    byline(all);
  if (found) return found;
  // `20241014,巫溪县人民政府办公室印发了…`: eight digits that form a valid date, at a line start.
  for (const { text } of lead) {
    const m = /^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/.exec(text);
    const date = m && isoDate(m[1], m[2], m[3]);
    if (date) return { date, source: 'text' };
    const inline = parseDate(text);
    if (inline && /印发|发布|出台/.test(text)) return { date: inline, source: 'text' };
  }
  return null;
}

const ORGAN = `(?:中共中央|国务院|(?:中共)?(?:[${HAN}]|[（(][${HAN}]{2,16}[）)]){1,24}?(?:人民政府办公室|人民政府办公厅|人民政府|委员会办公室|委员会办公厅|委办公厅|委办公室|委员会|管委会|办公厅|办公室|国务院|中共中央|部|局|厅|署|委))`;
/** A signature's issuer line: organs only, short. */
const isIssuerLine = (t: string) => t.length <= 40 && ISSUER_LINE.test(t) && ORGAN_HINT.test(t);
/** A signature's date line (`2024年2月26日`, `二〇二一年二月二十六日`, with its weekday). */
const isDateLine = (t: string) => t.length <= 22 && DATE_LINE.test(foldChineseYears(t));

/**
 * Whether a document cited by name (`《全民健身计划》`) is another than this one (its title): its
 * number and issuer are not this document's.
 */
function citesAnother(cited: string | undefined, title: Txt | null): boolean {
  return cited !== undefined && title !== null && !title.s.includes(cited) && !cited.includes(title.s);
}

/** The masthead of a red-header document: `鹤鸣县人民政府文件`. */
const MASTHEAD = /^(.{2,80}?)\s*(?:文件|公报|简报|通报)$/;
const isMasthead = (t: string) => {
  const m = MASTHEAD.exec(t);
  return m !== null && isOrganRun(m[1]);
};
/** A signature line: organs only, separated by spaces or 、. */
const ISSUER_LINE = new RegExp(`^\\s*${ORGAN}(?:[\\s、　]+${ORGAN})*\\s*$`);
/** `国务院关于印发…的通知`, `省委办公厅 省政府办公厅印发《…》`: organs before 关于/印发. */
const ISSUER_VERB = /关于|联合印发|印发|发布|出台/g;
const ONE_ORGAN = new RegExp(`^${ORGAN}$`);

/**
 * Whether `text` is one or more organs, glued or separated by spaces or 、 (`省委办公厅 省政府办公厅`).
 * Organ ends are tried at every position (a dynamic programme, linear in the text for the bounded
 * length of an organ), never by nested regex repetition, which backtracks exponentially on `局局局…`.
 */
function isOrganRun(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 120) return false;
  const reach = new Uint8Array(t.length + 1);
  reach[0] = 1;
  for (let i = 0; i < t.length; i++) {
    if (!reach[i]) continue;
    if (/[\s、　]/.test(t[i])) {
      if (i > 0) reach[i + 1] = 1;
      continue;
    }
    for (let j = i + 2; j <= Math.min(t.length, i + 32); j++) if (!reach[j] && ONE_ORGAN.test(t.slice(i, j))) reach[j] = 1;
  }
  return reach[t.length] === 1 && !/[\s、　]$/.test(t);
}

/** `国务院关于印发…的通知`, `省委办公厅 省政府办公厅印发《…》`: the organs before the first such verb. */
function issuerBeforeVerb(clause: string): string | null {
  ISSUER_VERB.lastIndex = 0;
  for (let m = ISSUER_VERB.exec(clause); m; m = ISSUER_VERB.exec(clause)) {
    const before = clause.slice(0, m.index).trim();
    if (before.length > 120) return null;
    if (isOrganRun(before)) return before;
  }
  return null;
}
const ORGAN_HINT = /人民政府|办公厅|办公室|委员会|管委会|国务院|中共中央|部$|局$|厅$|委$/;

function splitOrgans(doc: Doc, line: Line, text: string, from: number, to: number): Txt[] {
  const out: Txt[] = [];
  for (const part of text.slice(from, to).matchAll(/[^\s、　]+/g)) {
    const s = line.start + from + part.index;
    out.push(txt(doc, s, s + part[0].length));
  }
  return out;
}

function issuers(doc: Doc, all: LeadLine[], lead: LeadLine[], title: Txt | null): Txt[] {
  // A signature line of its own, in the lead or the tail.
  for (const { line, text } of [...lead, ...all.slice(-12)]) {
    const t = text.trim();
    if (line.table || line.removed || !isIssuerLine(t)) continue;
    const at = text.indexOf(t);
    return splitOrgans(doc, line, text, at, at + t.length);
  }
  // A signature block anywhere: the issuer's name right above a date (before an attachment).
  for (let k = 0; k + 1 < all.length; k++) {
    const { line, text } = all[k];
    const t = text.trim();
    if (line.table || line.removed || !isIssuerLine(t) || !isDateLine(all[k + 1].text.trim())) continue;
    const at = text.indexOf(t);
    return splitOrgans(doc, line, text, at, at + t.length);
  }
  // `巫溪县人民政府办公室印发了…`, `国务院关于印发…的通知`, `20241014,X印发…`.
  for (const { line, text } of lead) {
    if (line.table || line.removed) continue;
    const furniture = TITLE_LINE_PREFIX.exec(text)?.[0].length ?? 0;
    const clauses = text.slice(furniture).split(/(?<=[，,。：:；])/);
    let offset = furniture;
    for (const clause of clauses) {
      const organs = issuerBeforeVerb(clause);
      // `国务院印发《全民健身计划》`: an organ that issued another document, cited by its name.
      if (organs && ORGAN_HINT.test(organs) && !citesAnother(/《([^》]{2,60})》/.exec(clause)?.[1], title)) {
        const from = offset + clause.indexOf(organs);
        return splitOrgans(doc, line, text, from, from + organs.length);
      }
      offset += clause.length;
    }
  }
  return [];
}

const NATIONAL_ISSUER =
  /^(?:中共中央|国务院|全国人大|全国人民代表大会|最高人民|国家[\u4e00-\u9fff]{1,12}(?:局|委|署|部|院)|[\u4e00-\u9fff]{1,10}部(?:办公厅)?$|中央)/;
const NATIONAL_DOC_NUMBER = /^(?:国发|国办发|国办函|国函|中发|中办发|[\u4e00-\u9fff]{1,4}部(?:联)?[\u4e00-\u9fff]{0,3}[发函])/;
/** An anonymised place (`XX市`) that no gazetteer holds. */
const ANONYMISED = /^[XＸ×*＊某]{1,3}(?:省|市|县|区|州)/;

const LITERAL_PLACE = new RegExp(
  `^([${HAN}]{2,8}?(?:自治州|自治县|自治旗|特别行政区|省|市|县|区|州|盟|旗))(?![${HAN}]{0,1}(?:域|级|属|委|直|场|内|外|长)|民)`,
);
const NOT_A_PLACE = /^(?:全|我|本|各|该|城|县|市|省|区|乡|镇|地|社|小|园|景|片|辖|新|老|分|山|关于|中共)/;
const GENERIC_AREA =
  /(?:园区|城区|^[\u4e00-\u9fff]?新区|开发区|试验区|示范区|功能区|辖区|社区|景区|片区|校区|厂区|库区|灾区|山区|牧区|林区|矿区|市区|县区|城市|省市|市县|县市)$/;

/** `安化市委办公厅`, `广州市人民政府`: the place an issuing organ names before its organ word. */
const ISSUER_PLACE = new RegExp(
  `^(?:中共)?([${HAN}]{2,6}(?:省|市|县|区|州|盟|旗))(?=人民政府|人大|政府|委|办公|[${HAN}]{0,8}(?:局|厅|委|办))`,
);

function placeIn(t: Txt, { issuerPrefix }: { issuerPrefix: boolean }): Txt | null {
  const anon = ANONYMISED.exec(t.s);
  if (anon) return { s: anon[0], o: t.o.slice(0, anon[0].length) };
  const slice = (at: number, length: number): Txt => ({ s: t.s.slice(at, at + length), o: t.o.slice(at, at + length) });
  const full = findPlaces(t.s);
  const literal = issuerPrefix ? ISSUER_PLACE.exec(t.s) : null;
  const literalAt = literal ? literal.index + literal[0].length - literal[1].length : -1;
  // The most specific place named; on a tie, the first.
  if (full.length) {
    const best = full.reduce((a, b) => (b.level > a.level ? b : a));
    if (literal) {
      const literalEnd = literalAt + literal[1].length;
      // `景岚县人民政府`: a known name (岚县) inside the organ's own longer place name is not the place.
      // (`广州市花都区`: a place before it, ending like one, is its parent.)
      const before = t.s.slice(literalAt, best.at);
      if (best.at > literalAt && best.at + best.length === literalEnd && !/(?:省|市|县|区|州|盟|旗|自治区)$/.test(before))
        return slice(literalAt, literal[1].length);
      // `重庆市梁滩区安全生产委员会`: the organ names a place inside the known one, more specific.
      const rest = t.s.slice(best.at + best.length, literalEnd);
      if (best.at === literalAt && best.level < 3 && /^[\u4e00-\u9fff]{1,4}[区县旗]$/.test(rest) && !GENERIC_AREA.test(rest))
        return slice(best.at + best.length, rest.length);
    }
    return slice(best.at, best.length);
  }
  if (literal) return slice(literalAt, literal[1].length);
  // A place the gazetteer does not know (new, renamed or anonymised) that opens a title or an organ.
  const opening = LITERAL_PLACE.exec(t.s);
  if (opening && !NOT_A_PLACE.test(opening[1]) && !GENERIC_AREA.test(opening[1])) return slice(0, opening[1].length);
  // A short form (`广州开发区`) counts only where the name starts: inside words they are noise.
  const lead = /^(?:中共|关于(?:印发|推进|加快|进一步)?)?/.exec(t.s)![0].length;
  const short = findPlaces(t.s.slice(lead), { shortForms: true }).filter((p) => p.at === 0);
  if (short.length) return { s: short[0].name, o: short[0].name };
  return null;
}

/** The place mentioned most, as full names in the kept text; the most specific among the frequent. */
function regionByFrequency(doc: Doc): Txt | null {
  const counts = new Map<string, { n: number; o: string; level: number }>();
  for (const l of doc.lines) {
    if (l.removed) continue;
    const text = doc.text.slice(l.start, l.end);
    for (const p of findPlaces(text)) {
      // `振兴区域`, `行政区划`: a place name that is the start of another word.
      if (/[域位划块间]/.test(text[p.at + p.length] ?? '')) continue;
      const e = counts.get(p.name) ?? { n: 0, o: doc.original.slice(l.start + p.at, l.start + p.at + p.length), level: p.level };
      e.n++;
      counts.set(p.name, e);
    }
  }
  const top = Math.max(0, ...[...counts.values()].map((e) => e.n));
  if (top < 2) return null;
  let best: [string, { n: number; o: string; level: number }] | null = null;
  for (const e of counts) {
    if (e[1].n < Math.max(2, top * 0.3)) continue;
    if (!best || e[1].level > best[1].level || (e[1].level === best[1].level && e[1].n > best[1].n)) best = e;
  }
  return best ? { s: best[0], o: best[1].o } : null;
}

/**
 * Hong Kong and Macao texts seldom name their own region: their government speaks of 施政报告,
 * 立法会, 房委会. Words only such a government uses tell the region when no place is named often.
 */
const SAR_WORDS: readonly { region: Txt; words: RegExp }[] = [
  {
    region: { s: '香港特别行政区', o: '香港特別行政區' },
    words:
      /香港|施政报告|立法会|特首|特区政府|房委会|房屋委员会|房屋署|公屋|居屋|劏房|港元|港币|卫生署|社会福利署|医管局|医务卫生局|强积金|财政司司长|政务司司长|区议会/g,
  },
  { region: { s: '澳门特别行政区', o: '澳門特別行政區' }, words: /澳门|施政报告|立法会|特区政府|澳门元|澳元|社会工作局|治安警察局/g },
];

/** The national government's own words, for a text that reports on it without naming a place. */
const NATIONAL_WORDS = /国务院|总理|全国人大|党中央|中共中央/g;

function regionByOffice(doc: Doc): Txt | null {
  let text = '';
  for (const l of doc.lines) if (!l.removed) text += doc.text.slice(l.start, l.end) + '\n';
  const score = (words: RegExp): { distinct: number; n: number } => {
    const seen = new Set<string>();
    let n = 0;
    for (const m of text.matchAll(words)) {
      seen.add(m[0]);
      n++;
    }
    return { distinct: seen.size, n };
  };
  let best: { region: Txt; distinct: number; n: number } | null = null;
  for (const { region, words } of SAR_WORDS) {
    const s = score(words);
    const named = s.distinct >= 3 || (s.distinct >= 2 && s.n >= 4);
    if (named && (!best || s.distinct > best.distinct || (s.distinct === best.distinct && s.n > best.n))) best = { region, ...s };
  }
  if (best) return best.region;
  const national = score(NATIONAL_WORDS);
  return national.n >= 3 ? { s: '全国', o: '全國' } : null;
}

function region(doc: Doc, issuer: Txt[], title: Txt | null, docNo: Txt | null): Txt | null {
  const national: Txt = { s: '全国', o: '全國' };
  for (const i of issuer) {
    const found = placeIn(i, { issuerPrefix: true });
    if (found) return found;
  }
  if (issuer.some((i) => NATIONAL_ISSUER.test(i.s))) return national;
  if (title) {
    if (/^(?:中华人民共和国|全国|国家)/.test(title.s)) return national;
    const found = placeIn(title, { issuerPrefix: false });
    if (found) return found;
  }
  if (docNo && NATIONAL_DOC_NUMBER.test(docNo.s)) return national;
  return regionByFrequency(doc) ?? regionByOffice(doc);
}

const FIVE_YEAR: Record<string, number> = { 十一五: 2006, 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 };

function period(title: Txt | null): { start: number; end: number } | null {
  if (!title) return null;
  const range = /((?:19|20)\d{2})\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年/.exec(title.s);
  if (range) return { start: Number(range[1]), end: Number(range[2]) };
  for (const [k, start] of Object.entries(FIVE_YEAR)) if (title.s.includes(k)) return { start, end: start + 4 };
  return null;
}

export function extractDocumentFacts(doc: Doc): Doc {
  const all = metaLines(doc);
  const end = leadEnd(doc);
  const lead = all.filter((l) => l.line.start < end);
  const title =
    titleFromLabel(doc, lead) ??
    titleFromTitleLine(doc, lead, end) ??
    titleFromGuillemets(doc, lead, end) ??
    titleFromCoveringNotice(doc, lead, end) ??
    titleFromHint(doc) ??
    titleFromFileName(doc, all) ??
    titleFromHeading(doc, lead, end);
  const issuer = issuers(doc, all, lead, title);
  const date = documentDate(doc, all, lead);
  const number = docNumber(doc, all, end, title);
  // `…实施方案（2024—2026年）`: the kind comes before the period.
  const bare = title ? title.s.replace(/[（(](?:19|20)\d{2}\s*[—\-–~至]\s*(?:19|20)\d{2}\s*年?[）)]$/, '') : '';
  const kind = title ? (PLAN_KINDS.find((k) => bare.endsWith(k)) ?? null) : null;
  const facts: DocumentFacts = {
    title,
    docNumber: number,
    issuer,
    date: date?.date ?? null,
    dateSource: date?.source ?? null,
    region: region(doc, issuer, title, number),
    kind,
    period: period(title),
  };
  return { ...doc, facts };
}
