/**
 * extract-document: the plan's own facts: title, 文号, issuer, date, region, kind, period.
 *
 * Metadata sits in the lead (the lines before the outline starts), in the page's info bar, and in
 * the signature block; the info bar and forum header are often stripped as chrome, so this stage
 * reads every line that is not spam, and prefers the lead.
 */
import { trimTxt, txt, type Doc, type DocumentFacts, type Line, type Txt } from '../pipeline/doc.js';
import { flattenSections } from './segment.js';

const HAN = '\\u4e00-\\u9fff';
export const PLAN_KINDS = [
  '实施方案', '行动方案', '工作方案', '行动计划', '实施意见', '指导意见', '若干措施', '实施细则', '管理办法',
  '规划纲要', '发展规划', '专项规划', '规划', '纲要', '意见', '通知', '办法', '措施', '细则', '规定', '决定', '方案', '计划',
  '要点', '清单', '条例',
] as const;
const KIND_END = new RegExp(`(?:${PLAN_KINDS.join('|')})$`);

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

function titleFromTitleLine(doc: Doc, lead: LeadLine[], end: number): Txt | null {
  for (const { line, text } of lead) {
    if (line.start >= end || line.removed) continue;
    const t = text.trim();
    if (t.length >= 6 && t.length <= 60 && !/[。；，,：:]/.test(t) && KIND_END.test(t)) {
      const s = line.start + text.indexOf(t);
      return txt(doc, s, s + t.length);
    }
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
    if (/(?:日期|时间|来源|作者|发布|浏览|点击)\s*[:：]/.test(t) || /[:：]$/.test(t)) continue;
    const prefix = /^\s*[\[【][^\]】]{1,12}[\]】]\s*/.exec(text);
    const from = line.start + (prefix ? prefix[0].length : text.indexOf(t));
    return trimTxt(txt(doc, from, line.end));
  }
  return null;
}

const DOC_NUMBER = new RegExp(
  `([${HAN}A-Za-z]{2,12}?[发办函字令通告]|[${HAN}A-Za-z]{1,4}[发函字])\\s*([〔\\[［【（(]?)\\s*((?:19|20)\\d{2})\\s*([〕\\]］】）)]?)\\s*第?\\s*(\\d{1,4})\\s*号`,
  'g',
);

function docNumber(doc: Doc, lead: LeadLine[], end: number): Txt | null {
  const labelled = lead.find((l) => /(?:发文字号|文号)\s*[:：]/.test(l.text));
  const ordered = labelled ? [labelled, ...lead] : lead.filter((l) => l.line.start < end);
  for (const { line, text } of ordered) {
    DOC_NUMBER.lastIndex = 0;
    const m = DOC_NUMBER.exec(text);
    if (!m) continue;
    const [, prefix, open, year, close, num] = m;
    const at = line.start + m.index;
    const o = doc.original.slice(at, at + m[0].length);
    if (open && close) return { s: m[0].replace(/\s+/g, ''), o: o.replace(/\s+/g, '') };
    // Brackets lost (`〔202442號`): rebuild them around the year.
    const oPrefix = doc.original.slice(at, at + prefix.length);
    const oNum = o.slice(o.length - 1);
    return { s: `${prefix}〔${year}〕${num}号`, o: `${oPrefix}〔${year}〕${num}${oNum}` };
  }
  return null;
}

function isoDate(y: string, m: string, d: string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_ANY = /((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)/;

function parseDate(s: string): string | null {
  const m = DATE_ANY.exec(s);
  if (!m) return null;
  return m[2] ? isoDate(m[1], m[2], m[3]) : isoDate(m[1], m[4], m[5]);
}

/** Date labels, strongest first: the day the plan was signed beats the day a site posted it. */
const DATE_LABELS: { re: RegExp; source: string }[] = [
  { re: /成文日期|成文时间|印发日期|发文日期/, source: '成文日期' },
  { re: /发布日期|发布时间|公布日期|公开日期|发表于|发表时间/, source: '发布日期' },
  { re: /(?:^|\s)(?:日期|时间)\s*[:：]/, source: '日期' },
];

function documentDate(doc: Doc, all: LeadLine[], lead: LeadLine[]): { date: string; source: string } | null {
  for (const label of DATE_LABELS) {
    for (const { text } of all) {
      const at = text.search(label.re);
      if (at < 0) continue;
      const date = parseDate(text.slice(at, at + 60));
      if (date) return { date, source: label.source };
    }
  }
  // A date alone on its line in the lead or at the end: the signature block.
  const tail = all.slice(-12);
  for (const { text, line } of [...lead, ...tail]) {
    if (line.removed) continue;
    const t = text.trim().replace(/^[（(]|[）)]$/g, '');
    if (t.length <= 16 && /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(t)) {
      const date = parseDate(t);
      if (date) return { date, source: 'signature' };
    }
  }
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

const ISSUER = new RegExp(
  `(?:中共)?[${HAN}]{2,14}?(?:人民政府办公室|人民政府办公厅|委员会办公室|委员会办公厅|委办公厅|委办公室|人民政府|办公厅|办公室)`,
  'g',
);
const ISSUER_LINE = new RegExp(`^\\s*(?:(?:中共)?[${HAN}]{2,24}?(?:人民政府办公室|人民政府办公厅|委办公厅|办公厅|办公室|人民政府|委员会|局|厅|委)\\s*)+$`);

function issuers(doc: Doc, all: LeadLine[], lead: LeadLine[]): Txt[] {
  const found: Txt[] = [];
  const take = (line: Line, text: string, re: RegExp, from = 0) => {
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = line.start + m.index;
      const t = txt(doc, s, s + m[0].length);
      if (!found.some((f) => f.s === t.s)) found.push(t);
      if (re.lastIndex < text.length && !/^[\s、和与及]*(?:中共)?[\u4e00-\u9fff]/.test(text.slice(re.lastIndex))) break;
    }
  };
  // A signature line of its own, in the lead or the tail.
  for (const { line, text } of [...lead, ...all.slice(-12)]) {
    if (line.removed || text.trim().length > 40) continue;
    if (ISSUER_LINE.test(text) && /人民政府|办公厅|办公室|委员会/.test(text)) {
      take(line, text, new RegExp(ISSUER.source, 'g'));
      if (found.length) return found;
    }
  }
  // `巫溪县人民政府办公室印发了…`, `省委办公厅、省政府办公厅印发…` in the lead.
  for (const { line, text } of lead) {
    if (line.removed) continue;
    const verb = /(?:联合)?(?:印发|发布|出台|制定)(?:了)?/.exec(text);
    if (!verb) continue;
    const before = text.slice(0, verb.index);
    const start = Math.max(before.search(/[^，,。：:；\s（(“]*$/), 0);
    const chunkStart = Math.max(before.lastIndexOf('，', verb.index), before.lastIndexOf(',', verb.index), before.lastIndexOf('。'), -1) + 1;
    const re = new RegExp(ISSUER.source, 'g');
    const segment = text.slice(Math.min(start, chunkStart), verb.index);
    re.lastIndex = 0;
    for (let m = re.exec(segment); m; m = re.exec(segment)) {
      const s = line.start + Math.min(start, chunkStart) + m.index;
      const t = txt(doc, s, s + m[0].length);
      if (!found.some((f) => f.s === t.s)) found.push(t);
    }
    if (found.length) return found;
  }
  return found;
}

const ADMIN_UNIT = /^(?:中共)?([A-Za-zＡ-Ｚ\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|特别行政区|省|市|州|县|区|盟|旗))/;
const NATIONAL = /^(?:中共中央|国务院|全国人大|中央|国家)/;
const NOT_A_PLACE = /^(?:全|我|本|各|该|城|县|市|省|区|乡|镇|地|社|小|园|景|片|辖|新|老|分|山|试点)/;

function regionFromName(doc: Doc, t: Txt | null, offset = 0): Txt | null {
  if (!t) return null;
  const s = t.s.replace(/^中共/, '');
  const cut = t.s.length - s.length;
  if (NATIONAL.test(t.s)) return { s: '全国', o: '全國' };
  const m = ADMIN_UNIT.exec(s);
  if (!m || NOT_A_PLACE.test(m[1]) || m[1].length < 2) return null;
  void doc;
  void offset;
  return { s: m[1], o: t.o.slice(cut, cut + m[1].length) };
}

/** The most mentioned county-level (else city-level) place name in the kept text. */
function regionByFrequency(doc: Doc): Txt | null {
  const counts = new Map<string, { n: number; o: string; level: number }>();
  const re = /([\u4e00-\u9fff]{2,3}?)(自治县|县|区|市|自治州|州|省)/g;
  for (const l of doc.lines) {
    if (l.removed) continue;
    const text = doc.text.slice(l.start, l.end);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1].slice(-2) + m[2];
      const prefix = m[1].slice(-2);
      if (NOT_A_PLACE.test(prefix) || /[的和与及在对为是了从到把被]/.test(prefix)) continue;
      const level = /县|区/.test(m[2]) ? 3 : /市|州/.test(m[2]) ? 2 : 1;
      const at = l.start + m.index + m[1].length - 2;
      const entry = counts.get(name) ?? { n: 0, o: doc.original.slice(at, at + name.length), level };
      entry.n++;
      counts.set(name, entry);
    }
  }
  let best: [string, { n: number; o: string; level: number }] | null = null;
  for (const e of counts) {
    if (e[1].n < 3) continue;
    if (!best || e[1].level > best[1].level || (e[1].level === best[1].level && e[1].n > best[1].n)) best = e;
  }
  return best ? { s: best[0], o: best[1].o } : null;
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
    titleFromGuillemets(doc, lead, end) ??
    titleFromTitleLine(doc, lead, end) ??
    titleFromFileName(doc, all) ??
    titleFromHeading(doc, lead, end);
  const issuer = issuers(doc, all, lead);
  const date = documentDate(doc, all, lead);
  const region = regionFromName(doc, issuer[0] ?? null) ?? regionFromName(doc, title) ?? regionByFrequency(doc);
  const kind = title ? (PLAN_KINDS.find((k) => title.s.endsWith(k)) ?? null) : null;
  const facts: DocumentFacts = {
    title,
    docNumber: docNumber(doc, all, end),
    issuer,
    date: date?.date ?? null,
    dateSource: date?.source ?? null,
    region,
    kind,
    period: period(title),
  };
  return { ...doc, facts };
}
