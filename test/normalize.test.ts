import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identityText } from '../src/pipeline/mapped-text.js';
import {
  artifactSpaces,
  joinViewerPages,
  normalizeLineBreaks,
  removeArtifactSpaces,
  removeLostCharacterMarks,
  foldWidth,
  joinHardWraps,
  removePageNumbers,
  spacesDigits,
} from '../src/stages/normalize.js';
import { detectScript, toSimplified, toSimplifiedWhole, toTraditional, PROTECTED_NAMES } from '../src/stages/script.js';
import type { Message, Removal } from '../src/pipeline/doc.js';
import { docOf, extract, seedName, seedText } from './helpers.js';

const spaces = (s: string) => removeArtifactSpaces(identityText(s)).text;

describe('removeArtifactSpaces', () => {
  it('finds the runs the lookbehind pattern it replaced finds (property)', () => {
    const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
    const WIDE = `${HAN}\\u3000-\\u303f\\uff01-\\uff5e“”‘’`;
    const reference = new RegExp(
      `(?<=[${WIDE}])[ \\t\\u00a0]+(?=[${WIDE}])|(?<=[${HAN}])[ \\t]+(?=[\\d(,.;:])|(?<=[\\d),.;:])[ \\t]+(?=[${HAN}])|(?<=\\d)[ \\t]+(?=[%％‰])|(?<=(?:^|[^\\d.\\s]|(?<!\\d)\\s)\\d{1,3})[ \\u00a0](?=\\d{3}(?!\\d)(?!\\s\\d))`,
      'g',
    );
    const alphabet = fc.constantFrom(...' \t\u00a0\u3000字㐀0(),.;:%％“”‘’a。，-'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        const want = [...text.matchAll(reference)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
        expect(artifactSpaces(text)).toEqual(want);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['专 项规划', '专项规划'],
    [
      '实施方案为深入学习贯彻党的二十大精神,落实“深学争优、敢为争先、 实干争效”行动要求',
      '实施方案为深入学习贯彻党的二十大精神,落实“深学争优、敢为争先、实干争效”行动要求',
    ],
    ['力争每年降低 0.5个百分点以上', '力争每年降低0.5个百分点以上'],
    ['到2025 年前每千常住人口', '到2025年前每千常住人口'],
    ['培养50名基层适宜技术的技能型人才和100 名基层医疗骨干。', '培养50名基层适宜技术的技能型人才和100名基层医疗骨干。'],
    ['各乡镇 (街道、开发区)人民政府 (办事处、管委会)', '各乡镇(街道、开发区)人民政府(办事处、管委会)'],
    // A short title-like line keeps the space between its two phrases.
    ['交叉服务开辟新路 护航群众健康', '交叉服务开辟新路 护航群众健康'],
    // ASCII words keep their spaces.
    ['B Color Image Link Quote Code Smilies', 'B Color Image Link Quote Code Smilies'],
    ['时间 : 2024-09-30 09:46:15', '时间: 2024-09-30 09:46:15'],
    // A table row pasted with tabs between its cells keeps them; a lone tab inside words is a wrap.
    ['1\t新能源汽车产量\t万辆\t18.6\t≥60\t预期性', '1\t新能源汽车产量\t万辆\t18.6\t≥60\t预期性'],
    ['专\t项规划', '专项规划'],
    // A space between thousands (Hong Kong, English style) goes; lists of numbers keep theirs.
    ['在2030年前興建30 000個單位，由2 000元增至2 500元', '在2030年前興建30000個單位，由2000元增至2500元'],
    ['2020 2025 12 600 700 0.62 2', '2020 2025 12 600 700 0.62 2'],
  ])('%s', (input, expected) => {
    expect(spaces(input)).toBe(expected);
  });
});

describe('numbers in text that spaces every digit', () => {
  const typeset =
    '到2 0 0 5年 , 按2 0 0 0年价格计算的国内生产总值达到2 9 0 0 亿元左右。人均增长6 .5 %左右 , 比例调整为1 9 ∶4 3 ∶3 8 , 增长率控制在1 0 ‰以下。';

  it('joins the digits of each number, its decimal point, ratio sign and percent sign', () => {
    expect(spacesDigits(typeset)).toBe(true);
    expect(spaces(typeset)).toBe(
      '到2005年,按2000年价格计算的国内生产总值达到2900亿元左右。人均增长6.5%左右,比例调整为19∶43∶38 ,增长率控制在10‰以下。',
    );
  });

  it('keeps numbers apart that are not split (two multi-digit numbers, a text that does not space digits)', () => {
    expect(spaces('到2 0 0 5年 , 按2 0 0 0年计算。基期 2020 2025 目标 35 40')).toContain('2020 2025目标35 40');
    // One spaced year is not enough to call a text typeset.
    expect(spacesDigits('到2 0 0 5年，第 1 2 3 页')).toBe(false);
    expect(spaces('到2 0 0 5年，第 1 2 3 页')).toBe('到2 0 0 5年，第1 2 3页');
  });

  it('gives the indicator its whole value and year', () => {
    const doc = extract(
      '可持续发展的主要预期目标：到2 0 0 5年 , 森林覆盖率提高到4 8 %, 城市绿化覆盖率提高到3 5 %左右。\n按2 0 0 0年价格计算。',
    );
    const forest = doc.indicators.find((i) => i.name === '森林覆盖率');
    expect(forest?.target).toMatchObject({ raw: '48%', value: 48, unit: '%', year: 2005 });
  });
});

describe('full-width digits and letters', () => {
  it('folds them one for one, a point between digits too', () => {
    expect(foldWidth('到２０２６年，建成５Ｇ基站１２０００个，覆盖率达到９５．５％。１．加强领导')).toBe(
      '到2026年，建成5G基站12000个，覆盖率达到95.5%。1．加强领导',
    );
    expect(foldWidth('没有全角字符')).toBe('没有全角字符');
  });

  it('gives a plan written with them its facts', () => {
    const out = extract(
      '青崖市人民政府办公室关于印发青崖市５Ｇ发展行动计划的通知\n青崖府办发〔２０２４〕１２号\n一、发展目标\n到２０２６年，全市５Ｇ基站达到１２０００个。\n二、重点任务\n（一）建设网络。２０２５年底前完成主城区覆盖。（责任单位：市工业和信息化局）\n青崖市人民政府办公室\n２０２４年４月８日',
    );
    // Text fields keep the full-width forms as written; values and years are read from them.
    expect(out.document).toMatchObject({ docNumber: '青崖府办发〔２０２４〕１２号', date: '2024-04-08' });
    expect(out.goals.map((g) => [g.year, g.text])).toEqual([[2026, '到２０２６年，全市５Ｇ基站达到１２０００个。']]);
    expect(out.indicators[0]).toMatchObject({ name: '全市５Ｇ基站', target: { raw: '１２０００个', value: 12000, year: 2026 } });
    expect(out.tasks[0]).toMatchObject({ deadline: 2025, lead: ['市工业和信息化局'] });
  });
});

describe('joinHardWraps', () => {
  const paragraph =
    '为贯彻落实《中共中央国务院关于促进中医药传承创新发展的意见》和省市促进中医药传承创新发展的部署要求，充分发挥中医药在维护和促进人民健康中的独特作用，推动全县中医药事业和产业高质量发展，结合我县实际，制定本实施方案。到2025年，全县中医药服务体系更加健全，中医药服务能力显著增强，乡镇卫生院中医馆设置率达到100%，村卫生室中医药服务覆盖率达到80%以上。';
  const wrap = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n');

  it('joins a text broken into lines of one width, but not before a numbered heading', () => {
    const text = `${wrap(paragraph.repeat(2), 30)}\n一、工作目标\n${wrap(paragraph, 30)}`;
    const out = joinHardWraps(identityText(text)).text;
    expect(out).toContain('乡镇卫生院中医馆设置率达到100%');
    expect(out.split('\n').some((l) => l === '一、工作目标')).toBe(true);
    expect(out.split('\n').length).toBeLessThan(10);
  });

  it('keeps the entries of a table of contents padded to one width apart', () => {
    const toc = ['第一章　發展基礎與形勢要求………………………………1', '　第一節　發展基礎…………………………………………1', '　第二節　形勢要求…………………………………………3'];
    const text = [...toc, ...toc, ...toc, ...toc].join('\n');
    expect(joinHardWraps(identityText(text)).text).toBe(text);
  });

  it('leaves text with lines of their own lengths alone', () => {
    const text = paragraph.split('，').join('，\n');
    expect(joinHardWraps(identityText(text)).text).toBe(text);
  });
});

describe('removePageNumbers', () => {
  const pages = (s: string) => {
    const removed: Removal[] = [];
    return { text: removePageNumbers(identityText(s), removed).text, removed };
  };
  it.each([
    ['到2025年，居民小区生活垃圾分类覆盖率达到\n第3页/共5页\n90%；', '到2025年，居民小区生活垃圾分类覆盖率达到90%；'],
    ['责任单位：县城市管理\n\n第4页/共5页\n\n局、县住房城乡建设局', '责任单位：县城市管理局、县住房城乡建设局'],
    ['开展垃圾分类进社区、进家庭活动，营造全民参与的良好氛\n— 5 —\n围。', '开展垃圾分类进社区、进家庭活动，营造全民参与的良好氛围。'],
    ['各鄉鎮要結合農村實際，因地制宜建設\n第2頁/共3頁\n共享充電設施。', '各鄉鎮要結合農村實際，因地制宜建設共享充電設施。'],
  ])('joins the text a page number cut: %s', (input, expected) => {
    const { text, removed } = pages(input);
    expect(text).toBe(expected);
    expect(removed.map((r) => r.reason)).toEqual(['page-number']);
  });

  it.each([
    ['（三）保障措施\n— 5 —\n加强组织领导。', '（三）保障措施\n加强组织领导。'],
    ['各项任务按期完成。\n- 12 -\n二、保障措施', '各项任务按期完成。\n二、保障措施'],
    ['本规划自印发之日起实施\n· 386 ·\n附件：重点项目表', '本规划自印发之日起实施\n附件：重点项目表'],
  ])('drops a page number between a heading or a finished sentence and what follows: %s', (input, expected) => {
    expect(pages(input).text).toBe(expected);
  });

  it('leaves page words inside sentences and number ranges alone', () => {
    const text = '详见第3页表格。\n2021-2025\n第三页\n共5页';
    expect(pages(text)).toEqual({ text, removed: [] });
  });
});

describe('joinViewerPages', () => {
  it('joins pages a doc-sharing viewer cut mid-word and drops the page markers', () => {
    const removed: Removal[] = [];
    const text = seedText(seedName('001'));
    const out = joinViewerPages(normalizeLineBreaks(identityText(text)), removed);
    expect(removeArtifactSpaces(out).text).toContain('健康XX建设迈上新台阶');
    expect(out.text).not.toMatch(/^\d+、/m);
    expect(removed.filter((r) => r.reason === 'viewer-page-marker')).toHaveLength(18);
  });

  it('leaves real numbered paragraphs alone', () => {
    const paragraphs = [1, 2, 3, 4]
      .map((n) => `${n}、加强组织领导。${'各地要把这项工作摆上重要议事日程，明确责任分工，落实工作措施，确保各项任务按时完成。'.repeat(3)}`)
      .join('\n');
    const out = joinViewerPages(identityText(paragraphs), []);
    expect(out.text).toBe(paragraphs);
  });
});

describe('removeLostCharacterMarks', () => {
  it('drops ? runs and a ? after a full stop, keeps real questions', () => {
    const removed: Removal[] = [];
    const messages: Message[] = [];
    const out = removeLostCharacterMarks(
      identityText('安全感。?\n??? 五、政策问答\n1.问:目标是什么?\n?\nhttp://x.cn/a?b=1'),
      removed,
      messages,
    );
    expect(out.text).toBe('安全感。\n五、政策问答\n1.问:目标是什么?\n\nhttp://x.cn/a?b=1');
    expect(removed).toHaveLength(3);
    expect(messages.every((m) => m.code === 'LOST_CHARACTERS')).toBe(true);
  });
});

describe('script', () => {
  it('converts traditional to simplified keeping length', () => {
    expect(toSimplified('巫溪縣進一步完善醫療衛生服務體系實施方案')).toBe('巫溪县进一步完善医疗卫生服务体系实施方案');
    expect(toSimplified('渝陜鄂川邊區')).toBe('渝陕鄂川边区');
  });

  it.each(PROTECTED_NAMES.map((n) => [n]))('protects the place name %s', (name) => {
    const trad = toTraditional(name);
    expect(toSimplified(`吉林省${trad}縣`)).toContain(name);
    expect(toSimplified(name)).toBe(name);
  });

  it('keeps 乾 in other place names and their 文号, and converts it elsewhere', () => {
    expect(toSimplified('乾陽縣人民政府辦公室 乾陽政辦發〔2024〕9號 乾州市 乾北鎮')).toBe(
      '乾阳县人民政府办公室 乾阳政办发〔2024〕9号 乾州市 乾北镇',
    );
    expect(toSimplified('抗旱保苗，防止土壤乾燥，曬乾糧食')).toBe('抗旱保苗，防止土壤干燥，晒干粮食');
  });

  it('never converts 乾安 to 干安', () => {
    expect(toSimplified('乾安縣人民政府')).toBe('乾安县人民政府');
    expect(toSimplified('前往乾安')).toBe('前往乾安');
  });

  it('detects the source script', () => {
    expect(detectScript(seedText(seedName('000')))).toBe('traditional');
    expect(detectScript(seedText(seedName('002')))).toBe('simplified');
    expect(detectScript('123 abc')).toBe('simplified');
    expect(detectScript('為深入貫徹落實 为深入贯彻落实')).toBe('mixed');
  });

  it('keeps the analysis text and the source script aligned (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'為進發體縣醫療乾安於裏麵后髮臺灣一二三 \n'), maxLength: 80 }), (s) => {
        expect(toSimplified(s).length).toBe(s.length);
        expect(toTraditional(s).length).toBe(s.length);
      }),
    );
  });
});

describe('normalize on a whole document', () => {
  it('maps every working-text character back to the same source character or its conversion', () => {
    const doc = docOf(seedText(seedName('000')));
    expect(doc.text.length).toBe(doc.original.length);
    for (let i = 0; i < doc.original.length; i += 7) {
      expect(doc.source[doc.map[i]]).toBe(doc.original[i]);
    }
  });
});

describe('selective conversion', () => {
  it('converts only the lines that need it, with the result of converting the whole text', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dirs = ['seeds', 'cases'].map((d) => join(import.meta.dirname, '..', 'fixtures', d));
    for (const dir of dirs)
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
        const text = readFileSync(join(dir, f), 'utf8');
        expect(toSimplified(text), f).toBe(toSimplifiedWhole(text));
      }
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...'为為台臺覆復温溫税稅户戶的一二\n干乾著着里裏 '), maxLength: 30 }), {
          maxLength: 20,
        }),
        (parts) => {
          const text = parts.join('\n');
          expect(toSimplified(text)).toBe(toSimplifiedWhole(text));
        },
      ),
    );
  });
});

describe('generated data', () => {
  it('the convertible character table is what opencc-js gives', async () => {
    // @ts-expect-error: a plain JavaScript script
    const { convertibleCharacters, moduleText } = await import('../scripts/gen-convertible.mjs');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    expect(readFileSync(join(import.meta.dirname, '..', 'src', 'stages', 'convertible.ts'), 'utf8')).toBe(
      moduleText(convertibleCharacters()),
    );
  });

  it('the simplified-only character table is what opencc-js gives', async () => {
    // @ts-expect-error: a plain JavaScript script
    const { simplifiedOnlyCharacters, moduleText } = await import('../scripts/gen-simplified-only.mjs');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    expect(readFileSync(join(import.meta.dirname, '..', 'src', 'stages', 'simplified-only.ts'), 'utf8')).toBe(
      moduleText(simplifiedOnlyCharacters()),
    );
  });
});
