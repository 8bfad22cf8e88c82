/**
 * strip: mark spam, site chrome and boilerplate lines as removed, recording each with its reason.
 *
 * The cascade, in order:
 *   1. shape: link farms (many short items between `|`), breadcrumbs (`首页 > 要闻`), editor toolbars;
 *   2. lexicon: spam words (two distinct hits), chrome and boilerplate phrases (one hit on a line
 *      that is not a body sentence), standalone chrome labels (`积分 582`);
 *   3. neighbourhood: short lines with no sentence punctuation wedged between removed lines
 *      (the forum's counters `107`, `主题`, the site name) go with them;
 *   4. footer: after a boilerplate or chrome line in the last part of the document, what follows is
 *      furniture unless it reads as a body sentence.
 * A body sentence (`。` and over 40 characters) is only removed on strong evidence.
 */
import { partitionPoint, splitIntoLines, type Doc, type Line, type RemovedKind } from '../pipeline/doc.js';
import { charsOf } from '../pipeline/ends.js';
import { BREADCRUMB_LEAD, EDITOR_TOOLBAR_WORDS, LEXICON, type LexiconFamily } from './strip-rules.js';
import { cellType, headerColumnType } from './tables.js';

interface Verdict {
  kind: RemovedKind;
  reason: string;
}

const SENTENCE_PUNCT = /[。！？；]/;
const LONG_BODY = 400;
const LINK_SEPARATORS = /[|｜]/g;

function isBodySentence(line: string): boolean {
  return line.length > 40 && SENTENCE_PUNCT.test(line);
}

/** `泉州市| 平顺县| 郸城县| …` or `日本一区二区电影| 中文av一区特黄| …`: many short items, few sentences. */
export function isLinkFarm(line: string): boolean {
  const separators = line.match(LINK_SEPARATORS)?.length ?? 0;
  if (separators < 4) return false;
  const items = line
    .split(LINK_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
  // A table row written on one line (`| 1 | 数字化改造覆盖率 | % | 62.5 | ≥90 | 预期性 |`, or its
  // header): numbers, units, years and table words are not what a link farm lists.
  // (Unit names are not evidence: a farm's site and place names end like them, `…影院`, `…网站`.)
  const tableCells = items.filter(
    (s) => !/^(?:text|units)$/.test(cellType(s)) || headerColumnType(s) !== null || /(?:19|20)\d{2}\s*年/.test(s),
  ).length;
  if (tableCells >= 2) return false;
  // A numbered row whose cells name units (`4 | 开展招聘活动 | 县人社局 | 县教育局、县总工会 | 长期`).
  if (cellType(items[0] ?? '') === 'serial' && items.some((s) => cellType(s) === 'units')) return false;
  const mean = items.reduce((a, s) => a + s.length, 0) / Math.max(items.length, 1);
  const sentences = (line.match(/[。！？]/g) ?? []).length;
  return mean <= 16 && sentences <= 1;
}

/** Sections of a government site that a breadcrumb passes through. */
const NAV_SECTION =
  /^(?:政务公开|信息公开|政府信息公开|政策文件|政策法规|政策解读|通知公告|公告公示|新闻中心|新闻动态|工作动态|要闻动态|政务动态|规划计划|发展规划|政府文件|部门文件|市政府文件|省政府文件|县政府文件)$/;

/** `首页 > 要闻动态 > 要闻`, `您当前的位置:首页>政务公开>政策解读`, `某省人民政府 > 政务公开 > 政策文件`. */
export function isBreadcrumb(line: string): boolean {
  if (line.length > 150) return false;
  if (BREADCRUMB_LEAD.test(line)) return true;
  if (!/[>＞»›→]/.test(line)) return false;
  const parts = line.split(/\s*(?:>|＞|»|›|→|->)+\s*/);
  if (parts.length < 3 || !parts.every((p) => p.length > 0 && p.length <= 12)) return false;
  // Led by the home page, or by the site's name with a section of a government site after it.
  return /首页|主页|网站首页|论坛|社区|网$/.test(parts[0]) || parts.slice(1).some((p) => NAV_SECTION.test(p));
}

/** Entries of a site's menu bar and toolbar. */
const MENU_WORD =
  /^(?:首页|网站首页|主页|政务服务|互动交流|政民互动|公众参与|数据开放|办事服务|网上办事|新闻中心|English|繁体|繁體|简体|无障碍|长者模式|关怀版|登录|注册|搜索|走进[\u4e00-\u9fff]{1,6})$/;

/**
 * A menu bar or a breadcrumb written with spaces or bars (`首页　政务公开　政务服务　互动交流`,
 * `某市人民政府 政务公开 政策文件 市政府文件`, `某市人民政府门户网站 | 繁体 | 无障碍`): short entries,
 * two of them or more a site's sections.
 */
export function isMenuLine(line: string): boolean {
  if (line.length > 100 || /[。，；！？,]/.test(line)) return false;
  const parts = line
    .trim()
    .split(/[\s\u3000|｜]+/)
    .filter(Boolean);
  if (parts.length < 3 || !parts.every((p) => p.length <= 14)) return false;
  return parts.filter((p) => MENU_WORD.test(p) || NAV_SECTION.test(p)).length >= 2;
}

/** An article's credits on a line of their own: `编辑：陈思琪`, `审核：周建国　校对：林晓`. */
const CREDIT_LINE =
  /^\s*(?:(?:编辑|审核|校对|责编|监制|初审|复审|终审|供稿|撰稿|摄影|图片|文字|记者|通讯员|来源)\s*[:：|｜]\s*[^\s，,。；;：:]{1,20}\s*){1,4}$/;

/** A line in a script other than Chinese and Latin (a Mongolian or Tibetan site name in a page's header). */
export function isOtherScriptLine(line: string): boolean {
  return !/[\u4e00-\u9fff]/.test(line) && (line.match(/[\u1800-\u18af\u0f00-\u0fff\u0600-\u06ff]/g)?.length ?? 0) >= 3;
}

const CHAPTER_MARKER = /第[一二三四五六七八九十百零〇两\d]{1,4}[章节篇编]/g;

/** A table-of-contents line on its own: a chapter heading followed by its page number (`第八章林业（333）`). */
export function isTableOfContents(line: string): boolean {
  if (/[。！？；]/.test(line) || line.length > 200) return false;
  const markers = line.match(CHAPTER_MARKER)?.length ?? 0;
  return markers >= 1 && /^\s*第/.test(line) && endsWithPageNumber(line);
}

const isDigit = (ch: string) => ch >= '0' && ch <= '9';
const isLeader = charsOf('….·', true);

/** `/(?:[（(]\d{1,4}[）)]|[….·\s]{2,}\d{1,4})\s*$/`: a page number in brackets or after dot leaders. */
function endsWithPageNumber(line: string): boolean {
  const t = line.trimEnd();
  const bracketed = t.endsWith('）') || t.endsWith(')');
  const end = bracketed ? t.length - 1 : t.length;
  let start = end;
  while (start > 0 && isDigit(t[start - 1])) start--;
  if (start === end || end - start > 4) return false;
  if (bracketed) return start > 0 && (t[start - 1] === '（' || t[start - 1] === '(');
  return start >= 2 && isLeader(t[start - 1]) && isLeader(t[start - 2]);
}

/** Edge lines of a page: site templates repeat there, not in the body. */
const TEMPLATE_EDGE = 20;

/**
 * Lines a batch found on many of its pages (the site's header, menus and footer) are navigation
 * when they sit near this page's top or bottom; the batch learnt them from a sample of its files.
 */
function markTemplates(texts: readonly string[], verdicts: (Verdict | null)[], templates: ReadonlySet<string>): void {
  const nonEmpty = texts.map((t, i) => (t.trim() ? i : -1)).filter((i) => i >= 0);
  const edge = new Set([...nonEmpty.slice(0, TEMPLATE_EDGE), ...nonEmpty.slice(-TEMPLATE_EDGE)]);
  for (const i of edge)
    if (!verdicts[i] && templates.has(texts[i].replace(/\s+/g, ''))) verdicts[i] = { kind: 'navigation', reason: 'batch-template' };
}

const TOC_HEAD = /^\s*(?:目\s*录|目\s*次)/;
const HEADING_LIKE =
  /^\s*(?:第[一二三四五六七八九十百零〇两\d]{1,4}[章节篇编条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|序言|前言|附录|附件|后记)/;

/**
 * A table of contents under a `目录` line: the heading-like lines that follow it (`第一篇…`,
 * `第一章…第二章…`), up to the first line of running text.
 */
function markTableOfContents(texts: readonly string[], verdicts: (Verdict | null)[]): void {
  const limit = Math.max(20, Math.floor(texts.length / 3));
  const head = texts.slice(0, limit).findIndex((t) => TOC_HEAD.test(t) && t.trim().length <= 30 && !/[。；]/.test(t));
  if (head < 0) return;
  verdicts[head] ??= { kind: 'navigation', reason: 'table-of-contents' };
  // The body starts where a heading comes again (`第一章 发展基础……1`, then `第一章 发展基础`).
  const seen = new Set<string>();
  const entry = (t: string) => t.replace(/[\s\u3000.．。…·・\-—_]+/g, '').replace(/[（(]?\d{1,4}[）)]?$/, '');
  for (let i = head + 1; i < texts.length; i++) {
    const t = texts[i].trim();
    if (!t) continue;
    if (/[。；！？]/.test(t) || t.length > 200 || !(HEADING_LIKE.test(t) || (t.match(CHAPTER_MARKER)?.length ?? 0) >= 1)) return;
    const key = entry(t);
    if (seen.has(key)) return;
    seen.add(key);
    verdicts[i] ??= { kind: 'navigation', reason: 'table-of-contents' };
  }
}

const INFO_LABELS =
  /(?:发布时间|发布日期|发表时间|来源|浏览次数|浏览量|点击数|点击量|阅读量|阅读数|访问量|作者|字体|字号|责任编辑|编辑|时间|日期)\s*[:：]/g;

/** An item of a related-news list: `· 瑶山县召开防汛抗旱工作会议　2024-07-30`. */
const RELATED_ITEM = /^[·•▪◆■]\s*[^。；！？]{4,60}?[\s\u3000]+(?:19|20)\d{2}-\d{1,2}-\d{1,2}$/;

/** A site's name and slogan heading the page: `青梧论坛 - 青梧人自己的网上家园`, `某某网 | 权威发布`. */
const SITE_NAME = /^[\u4e00-\u9fffA-Za-z0-9]{1,12}(?:论坛|社区|网|门户|在线|之家|文库)\s*[-–—|｜_]\s*[^。，；！？,;]{2,24}$/;

/** A forum post's header: `发表于 2023-5-6 10:03:11 | 只看该作者`. */
const POST_HEADER = /^\s*发表于\s*\d{4}-\d{1,2}-\d{1,2}/;
/** How long a reply's line may be: replies are remarks, the reposted article is the first post. */
const REPLY_MAX = 200;

/**
 * Replies under a reposted article: the article is the first post of the thread; what follows a
 * later post's header, up to the next chrome line, is a reader's remark.
 */
function markForumReplies(texts: readonly string[], verdicts: (Verdict | null)[]): void {
  if (!texts.some((t) => t.includes('发表于'))) return;
  let posts = 0;
  for (let i = 0; i < texts.length; i++) {
    if (!POST_HEADER.test(texts[i])) continue;
    if (++posts === 1) continue;
    for (let k = i + 1; k < texts.length && !verdicts[k] && !POST_HEADER.test(texts[k]); k++) {
      if (texts[k].trim().length > REPLY_MAX) break;
      if (texts[k].trim()) verdicts[k] = { kind: 'navigation', reason: 'forum-reply' };
    }
  }
}

/** A field of a government page's metadata box, one per line (`索 引 号：…`, `成文日期：…`). */
const INFO_FIELD =
  /^\s*(?:索\s*引\s*号|发布机构|发文机关|发文单位|发文字号|文\s*号|成文日期|成文时间|发布日期|发布时间|公开方式|公开范围|公开时限|公开形式|主题分类|主\s*题\s*词|体裁分类|组配分类|服务对象|有\s*效\s*性|生效日期|废止日期|信息来源|所属机构|统一编号|信息分类|标\s*题|名\s*称)\s*[:：]/;

/**
 * A page's metadata box read one field per line: three such lines or more in a row are chrome. The
 * facts stage still reads them (成文日期, 发文字号): they are navigation, not spam.
 */
function markInfoFields(texts: readonly string[], verdicts: (Verdict | null)[]): void {
  let run: number[] = [];
  const close = () => {
    if (run.length >= 3) for (const i of run) verdicts[i] ??= { kind: 'navigation', reason: 'info-bar' };
    run = [];
  };
  texts.forEach((t, i) => {
    if (!t.trim()) return;
    if (t.length <= 120 && INFO_FIELD.test(t)) run.push(i);
    else close();
  });
  close();
}

/** The article info bar: `发布时间：… 来源：… 浏览次数：…` (two labels or more, no sentence). */
export function isInfoBar(line: string): boolean {
  if (line.length > 120 || /[。！？]/.test(line) || !/[:：]/.test(line)) return false;
  return (line.match(INFO_LABELS)?.length ?? 0) >= 2;
}

export function isEditorToolbar(line: string): boolean {
  if (line.length > 80 || !/^[\x20-\x7e]+$/.test(line)) return false;
  const words = line.trim().split(/\s+/);
  return words.length >= 3 && words.every((w) => EDITOR_TOOLBAR_WORDS.has(w));
}

const familyPatterns = new Map<LexiconFamily, RegExp>();

/** One alternation per family, longest terms first, so a line is scanned once per family. */
function familyPattern(family: LexiconFamily): RegExp {
  let re = familyPatterns.get(family);
  if (!re) {
    const terms = [...family.terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(terms.join('|'), 'gi');
    familyPatterns.set(family, re);
  }
  return re;
}

function lexiconHits(line: string, family: LexiconFamily): string[] {
  const found = new Set<string>();
  for (const m of line.matchAll(familyPattern(family))) found.add(m[0].toLowerCase());
  if (found.size === 0) return [];
  // Terms inside a longer hit (`在手机打开当前页` in `扫一扫在手机打开当前页`) were matched by it.
  const lower = line.toLowerCase();
  const hits = family.terms.filter((t) => found.has(t.toLowerCase()) || (found.size > 0 && lower.includes(t.toLowerCase())));
  // Overlapping terms (`扫一扫在手机打开当前页` holds `在手机打开当前页`) are one hit.
  return hits.filter((t) => !hits.some((u) => u !== t && u.includes(t)));
}

/** A chrome label stands alone, give or take numbers and counters: `积分`, `582`, `70 点`, `西秦金币`. */
function isLabelLine(line: string, family: LexiconFamily): boolean {
  if (line.length > 24) return false;
  const bare = line.replace(/[\d\s:：.\-点枚个朵小时天次]/g, '');
  return family.terms.some((t) => bare.endsWith(t) && bare.length <= t.length + 2);
}

export function classifyLine(raw: string): Verdict | null {
  const line = raw.trim();
  if (!line) return null;
  if (isLinkFarm(line)) return { kind: 'spam', reason: 'link-farm' };
  if (isBreadcrumb(line)) return { kind: 'navigation', reason: 'breadcrumb' };
  if (isMenuLine(line)) return { kind: 'navigation', reason: 'menu' };
  if (CREDIT_LINE.test(line)) return { kind: 'navigation', reason: 'credits' };
  if (isOtherScriptLine(line)) return { kind: 'navigation', reason: 'other-script' };
  if (SITE_NAME.test(line)) return { kind: 'navigation', reason: 'site-name' };
  if (RELATED_ITEM.test(line)) return { kind: 'navigation', reason: 'related-links' };
  if (isEditorToolbar(line)) return { kind: 'navigation', reason: 'editor-toolbar' };
  if (isInfoBar(line)) return { kind: 'navigation', reason: 'info-bar' };
  if (isTableOfContents(line)) return { kind: 'navigation', reason: 'table-of-contents' };
  const body = isBodySentence(line);
  // A line of several sentences' length is the body itself (a page flattened into one line):
  // a few spam words inside it are not a reason to lose it.
  if (body && line.length > LONG_BODY) return null;
  // One scan for any lexicon term at all: most lines have none, and then only a label can match.
  const anyTerm = ANY_TERM.test(line);
  if (!anyTerm && line.length > 24) return fileNameVerdict(line);
  for (const family of LEXICON) {
    if (family.strength === 'label') {
      if (isLabelLine(line, family)) return { kind: family.kind, reason: family.name };
      continue;
    }
    if (!anyTerm) continue;
    const hits = lexiconHits(line, family);
    if (hits.length === 0) continue;
    if (family.strength === 'weak') {
      if (hits.length >= (body ? 3 : 2)) return { kind: family.kind, reason: family.name };
      continue;
    }
    // Strong chrome phrases: a short line goes on one hit; a body sentence only on two.
    if (!body || hits.length >= 2 || family.kind === 'boilerplate') return { kind: family.kind, reason: family.name };
  }
  return fileNameVerdict(line);
}

/** A file name as a line of its own: the doc-sharing page's heading (`XX实施方案.docx`). */
function fileNameVerdict(line: string): Verdict | null {
  return /^[^。，,]{2,80}\.(?:docx?|pdf|pptx?|xlsx?|wps)$/i.test(line) ? { kind: 'boilerplate', reason: 'file-name' } : null;
}

const ANY_TERM = new RegExp(
  LEXICON.filter((f) => f.strength !== 'label')
    .flatMap((f) => f.terms)
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'i',
);

/** Lines outside an article that still carry its facts. */
const METADATA_LINE = /(?:发布|成文|印发|发文)(?:日期|时间|机关|字号)|文号|索引号|来源\s*[:：]|日期\s*[:：]|时间\s*[:：]/;
const TITLE_WORDS = /(?:规划|方案|计划|意见|通知|办法|措施|纲要|决定|细则|规定|条例|要点|解读|公告|通告)(?:[（(][^）)]*[）)])?$|《[^》]+》/;

const WEDGE_MAX = 12;

function isWeakLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= WEDGE_MAX && !SENTENCE_PUNCT.test(t) && !/^[一二三四五六七八九十]+、/.test(t) && !TITLE_WORDS.test(t);
}

export function stripSpam(doc: Doc): Doc {
  const lines = splitIntoLines(doc.text);
  const texts = lines.map((l) => doc.text.slice(l.start, l.end));
  const verdicts: (Verdict | null)[] = texts.map(classifyLine);
  markTableOfContents(texts, verdicts);
  markInfoFields(texts, verdicts);
  markForumReplies(texts, verdicts);
  // Templates are learnt from the raw files, so they are compared in the source's own script.
  if (doc.templates)
    markTemplates(
      lines.map((l) => doc.original.slice(l.start, l.end)),
      verdicts,
      doc.templates,
    );

  // Neighbourhood: a weak line between two removed lines (blank lines skipped) goes with them.
  const nonEmpty = texts.map((t, i) => (t.trim() ? i : -1)).filter((i) => i >= 0);
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 0; k < nonEmpty.length; k++) {
      const i = nonEmpty[k];
      if (verdicts[i] || !isWeakLine(texts[i])) continue;
      const before = k > 0 ? verdicts[nonEmpty[k - 1]] : null;
      const after = k + 1 < nonEmpty.length ? verdicts[nonEmpty[k + 1]] : null;
      const atEdge = k === 0 || k === nonEmpty.length - 1;
      if ((before && after) || (atEdge && (before ?? after))) {
        const kind = (before ?? after)!.kind;
        verdicts[i] = { kind, reason: 'chrome-neighbourhood' };
        changed = true;
      }
    }
  }

  // Footer: from the first chrome or boilerplate line after the last body sentence, the rest is
  // furniture unless it reads as a body sentence itself.
  let lastBody = -1;
  for (const i of nonEmpty) if (!verdicts[i] && isBodySentence(texts[i].trim())) lastBody = i;
  const lastThird = nonEmpty[Math.floor((nonEmpty.length * 2) / 3)] ?? 0;
  const footerFrom = nonEmpty.find(
    (i) =>
      i > lastBody && i >= lastThird && verdicts[i] && verdicts[i]!.kind !== 'artifact' && verdicts[i]!.reason !== 'chrome-neighbourhood',
  );
  if (footerFrom !== undefined) {
    for (const i of nonEmpty) {
      if (i <= footerFrom || verdicts[i]) continue;
      if (!isBodySentence(texts[i].trim())) verdicts[i] = { kind: verdicts[footerFrom]!.kind, reason: 'footer' };
    }
  }

  // Page text outside the article (HTML): menus, footers, side columns. Headings and the info bar
  // above the article stay: they carry the title and the date.
  if (doc.outside.length) {
    const outside = [...doc.outside].sort((a, b) => a[0] - b[0]);
    // The ranges come from text nodes in document order: sorted and apart.
    const isOutside = (offset: number) => {
      const k = partitionPoint(outside.length, (i) => outside[i][1] > offset);
      return k < outside.length && outside[k][0] <= offset;
    };
    lines.forEach((l, i) => {
      const t = texts[i].trim();
      if (verdicts[i] || !t || !isOutside(doc.map[l.start + texts[i].indexOf(t)])) return;
      // A label alone (`索引号：`, its value in the next cell) carries nothing once its value is gone.
      if (METADATA_LINE.test(t) && !(INFO_FIELD.test(t) && /^[^:：]*[:：]$/.test(t))) return;
      verdicts[i] = { kind: 'navigation', reason: 'outside-main-content' };
    });
  }

  const removed = [...doc.removed];
  const marked: Line[] = lines.map((l, i) => {
    const v = verdicts[i];
    if (!v) return l;
    removed.push({ kind: v.kind, reason: v.reason, range: [l.start, l.end] });
    return { ...l, removed: v };
  });
  return { ...doc, lines: marked, removed };
}
