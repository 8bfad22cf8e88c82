import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../src/schema/check.js';
import { extract, seedFiles, seedText } from './helpers.js';

describe.each(seedFiles)('seed %s', (name) => {
  const text = seedText(name);
  const out = extract(text, 'simplified', `fixtures/seeds/${name}`);

  it('validates against the schema and its rules', () => {
    expect(checkDocument(JSON.parse(JSON.stringify(out)))).toEqual([]);
  });

  it('quotes every item verbatim from the source', () => {
    const items = [...out.goals, ...out.indicators, ...out.tasks, ...out.tables, ...out.removed];
    for (const item of items) {
      expect(text).toContain(item.origin.text);
      expect(text.split('\n')[item.origin.line - 1]).toContain(item.origin.text.split('\n')[0]);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(extract(text, 'simplified', `fixtures/seeds/${name}`))).toBe(JSON.stringify(out));
  });
});

describe('a whole page on one line', () => {
  const line = (bytes: number) => {
    const parts = seedFiles.map((f) => seedText(f).replace(/\r?\n/g, ' '));
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += parts[i % parts.length];
    return text;
  };

  it('keeps its body and takes time linear in its size (10 MB against 1 MB)', () => {
    const time = (text: string) => {
      const t0 = performance.now();
      const out = extract(text);
      return { ms: performance.now() - t0, out };
    };
    time(line(100_000));
    const small = time(line(1_000_000));
    const large = time(line(10_000_000));
    expect(large.out.indicators.length).toBeGreaterThan(small.out.indicators.length * 5);
    // Ten times the input: linear is about 10×, quadratic 100×; a loose bound for a busy machine.
    expect(large.ms / small.ms).toBeLessThan(30);
  });
});

/** A small plan with `run` in its title, dates, 文号, headings, table cells, units and goals. */
const planWithRuns = (run: string) =>
  [
    `关于印发${run}规划的通知`,
    `发布日期：${run}2024年1月2日`,
    `某政发〔2024〕${run}12号`,
    `第一章 ${run}总体要求`,
    `一、${run}发展目标`,
    `到2025年，覆盖率达到90%。${run}结束`,
    '序号|指标|目标值|',
    `1|覆盖率${run}x|90%|`,
    '序号',
    '指标',
    '目标值',
    '1',
    `人数${run}`,
    '100',
    `（一）${run}加强建设。责任单位：${run}县卫生健康局、${run}县财政局`,
    `（二）完善制度。由县卫生健康局牵头${run}，县财政局配合${run}`,
    `专栏1 ${run}重点工程`,
    `1.${run}到2025年${run}，新增${run}100个${run}。`,
    `第二章 ${run}保障措施（12）${run}`,
    '',
  ].join('\n');

describe('robustness', () => {
  it('never throws and always validates on arbitrary text (property)', () => {
    const chunk = fc.constantFrom(
      '一、',
      '（一）',
      '1.',
      '专栏1',
      '到2025年，',
      '达到',
      '不低于',
      '35%',
      '责任单位：',
      '县卫生健康委',
      '、',
      '|',
      '\n',
      '。',
      '序号',
      '完成年度',
      '2027',
      '?',
      ' ',
      '第一章',
      '《规划》',
      '〔2024',
      '号',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(chunk, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 60 }), (parts) => {
        const text = parts.join('');
        if (!text.trim()) return;
        const out = extract(text);
        expect(checkDocument(JSON.parse(JSON.stringify(out)))).toEqual([]);
        for (const item of [...out.goals, ...out.indicators, ...out.tasks]) expect(text).toContain(item.origin.text);
      }),
      { numRuns: 200 },
    );
  });

  it.each<[string, (n: number) => string]>([
    ['a long line of Chinese with no punctuation', (n: number) => '卫生健康服务体系建设'.repeat(n / 10)],
    ['a long line of markers', (n: number) => '1.（一）一、专栏1①'.repeat(n / 12)],
    ['a long line of numbers and verbs', (n: number) => '达到35%不低于'.repeat(n / 9)],
    ['a long pipe line', (n: number) => '泉州市| '.repeat(n / 5)],
    ['many question marks', (n: number) => '?'.repeat(n)],
    ['a long unit list', (n: number) => `责任单位：${'县卫生健康委、'.repeat(n / 7)}`],
    ['many short lines', (n: number) => '序号\n\n'.repeat(n / 4)],
    [
      'a long line of unit brackets',
      (n: number) => `一、重点任务\n（一）推进建设。${'（牵头（牵头'.repeat(n / 6)}\n完成。（县水利局牵头）`,
    ],
    // Short lines of organ endings that never close as an organ run: one nested repetition of the
    // organ pattern took 27 s on a 40-character line.
    ['short lines of organ endings', (n: number) => `${'局'.repeat(36)}x关于\n${'局'.repeat(36)}x文件\n`.repeat(n / 80)],
    ['many lines of an aligned table header', (n: number) => '序号  指标名称  单位  2020年  2025年\n\n'.repeat(n / 30)],
    ['many lines of one width', (n: number) => '各地要把这项工作摆上重要议事日程明确责任分工落实工作措施确保\n'.repeat(n / 31)],
    ['many page numbers between cut lines', (n: number) => '各地要把这项工作摆上重要议事日程明确责任\n\n第1页/共5页\n\n'.repeat(n / 32)],
    ['spaced digits in a text that spaces every digit', (n: number) => `到2 0 0 5年，按2 0 0 0年计算，${'1 '.repeat(n / 2)}%`],
    // Long runs of one character inside every kind of line a plan has: an unanchored pattern that
    // ends in `$` (`/[\s，、]+$/`) rescans such a run from each of its characters.
    ...[' ', '\t', '\u3000', '\u00a0', '、', '，', '：', '（', '(', '|', '.', '*', '"', '）'].map((c): [string, (n: number) => string] => [
      `runs of ${JSON.stringify(c)} in a plan`,
      (n) => planWithRuns(c.repeat(n / 4)),
    ]),
  ])('stays linear on %s', (_name, make) => {
    const time = (n: number) => {
      const text = make(n);
      const t0 = performance.now();
      extract(text);
      return performance.now() - t0;
    };
    time(2_000);
    const small = Math.max(time(20_000), 5);
    const large = time(200_000);
    // Ten times the input may take at most ~30 times as long (generous for noise, far below quadratic).
    expect(large / small).toBeLessThan(30);
  });
});
