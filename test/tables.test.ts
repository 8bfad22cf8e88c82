import { describe, expect, it } from 'vitest';
import { alignCells, cellType, headerColumnType, type Column } from '../src/stages/tables.js';
import { allSections, extract, extractSeed } from './helpers.js';

describe('cellType', () => {
  it.each([
    ['1', 'serial'],
    ['2027', 'year'],
    ['2024年底前', 'year'],
    ['长期坚持', 'year'],
    ['预期性', 'nature'],
    ['—', 'dash'],
    ['≤5‰', 'number'],
    ['77.78', 'number'],
    ['≥60%', 'number'],
    ['县卫生健康委', 'units'],
    ['县发展改革委、县规划自然资源局、县住房城乡建委', 'units'],
    ['建成1个社区医院', 'text'],
  ])('%s → %s', (cell, type) => {
    expect(cellType(cell)).toBe(type);
  });
});

describe('headerColumnType', () => {
  it.each([
    ['序号', 'serial'],
    ['完成年度', 'year'],
    ['完成时限', 'year'],
    ['责任单位', 'units'],
    ['配合单位', 'units'],
    ['指标性质', 'nature'],
    ['2020年基期值', 'value'],
    ['2025年目标值', 'value'],
    ['主要指标', 'text'],
    ['领域', 'text'],
  ])('%s → %s', (h, type) => {
    expect(headerColumnType(h)?.type).toBe(type);
  });
  it('is null for body text', () => {
    expect(headerColumnType('县卫生健康委')).toBeNull();
  });
});

const cols = (...spec: [string, Column['type'], boolean?][]): Column[] =>
  spec.map(([name, type, carries]) => ({ name, type, carries: !!carries }));

describe('alignCells', () => {
  const columns = cols(
    ['序号', 'serial', true],
    ['一级指标', 'text', true],
    ['二级指标', 'text'],
    ['完成年度', 'year'],
    ['责任单位', 'units'],
    ['配合单位', 'units'],
  );
  it('carries merged leading cells down and leaves a missing trailing cell empty', () => {
    const cells = [
      '1',
      '夯实网底',
      '建成1个社区医院。',
      '2027',
      '县卫生健康委',
      '县发展改革委',
      '建成两个次中心',
      '2024',
      '县卫生健康委',
      '县发展改革委',
      '3',
      '强化公共卫生',
      '疾控中心达标。',
      '2027',
      '县卫生健康委',
      '4',
      '加强人才',
      '医师数达3.3人。',
      '2027',
      '县卫生健康委',
      '县委编办',
    ];
    expect(alignCells(cells, columns)).toEqual([
      [0, 1, 2, 3, 4, 5],
      [-2, -2, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, -1],
      [15, 16, 17, 18, 19, 20],
    ]);
  });
  it('returns no rows for no cells', () => {
    expect(alignCells([], columns)).toEqual([]);
  });
});

describe('rebuildCellPerLineTables', () => {
  it('rebuilds seed 000: header split over two lines, merged first cells', () => {
    const t = extractSeed('000').tables[0];
    expect(t.header).toEqual(['序号', '一级指标', '二级指标', '完成年度', '责任单位', '配合单位']);
    expect(t.rows).toHaveLength(11);
    expect(t.rows[1]).toEqual([
      '1',
      '夯实城乡医疗卫生服务网底',
      '建成上磺、徐家两个县域医疗卫生次中心',
      '2024',
      '县卫生健康委',
      '县发展改革委',
    ]);
    expect(t.rows[3][4]).toBe('县卫生健康委');
    expect(t.rows[3][5]).toBe('');
    expect(t.origin).toEqual({ line: 27, text: '序號' });
  });

  it('rebuilds seed 002: pipe cells, carried 领域, continuation row', () => {
    const t = extractSeed('002').tables[0];
    expect(t.header).toEqual(['领域', '序号', '主要指标', '2020年基期值', '2025年目标值', '指标性质']);
    expect(t.rows).toHaveLength(24);
    expect(t.rows[1]).toEqual(['健康水平', '2', '健康预期寿命', '—', '同比例提高', '预期性']);
    expect(t.rows[11][2]).toContain('中医执业(助理)医师');
    expect(t.rows[11][1]).toBe('11');
    expect(t.rows[23]).toEqual(['健康产业', '23', '健康服务业总规模年均增速', '—', '8.5%左右', '预期性']);
  });

  it('ends a table at the next heading', () => {
    const out = extract('序号\n\n任务\n\n完成时限\n\n责任单位\n\n1\n\n建设平台\n\n2025年底前\n\n县大数据局\n\n二、保障措施\n\n加强领导。');
    expect(out.tables[0].rows).toEqual([['1', '建设平台', '2025年底前', '县大数据局']]);
    expect(out.sections.map((s) => s.heading)).toEqual(['保障措施']);
  });
});

describe('rebuildItemTables', () => {
  it('rebuilds the delimiter-less appendix of seed 001 from its numbered items', () => {
    const out = extractSeed('001');
    const t = out.tables.find((x) => x.header.join() === '序号,任务,责任单位')!;
    expect(t.rows).toHaveLength(15);
    expect(t.rows[0][0]).toBe('1');
    expect(t.rows[0][1]).toMatch(/^三级医院创建。/);
    expect(t.rows[0][2]).toBe('市卫健局,总医院、相关医疗卫生单位');
    // A group label glued after the units (`…单位中医传承行动`) is not a unit.
    expect(t.rows[11][2]).toBe('市委组织部,人才办,卫健局、人社局、编办,总医院、相关医疗卫生单位');
    // An OCR period inside the list separates units.
    expect(t.rows[9][2]).toBe('市委组织部、人才办、人社局、编办、卫筵局.总医院、相关医疗卫生单位');
    const task = out.tasks.find((k) => k.table === t.id && k.text.startsWith('加大医疗基础建设力度'))!;
    expect(task).toMatchObject({ deadline: 2025, lead: expect.arrayContaining(['市卫健局', '发改局']) });
  });

  it('needs a run of items that close with units', () => {
    const text = '三、重点任务\n1.建设平台。年内完成。县大数据局\n2.完善制度。抓紧推进。\n3.加强培训。';
    expect(extract(text).tables).toEqual([]);
  });
});

describe('five-year plan indicator tables', () => {
  it('reads 类别 | 指标 | 单位 | 2020年 | 2025年 | 属性, the unit column giving bare numbers their unit', () => {
    const text = [
      '类别',
      '指标',
      '单位',
      '2020年',
      '2025年',
      '属性',
      '经济发展',
      '地区生产总值增长',
      '%',
      '3.5',
      '6左右',
      '预期性',
      '常住人口城镇化率',
      '%',
      '58.2',
      '65',
      '预期性',
      '民生福祉',
      '城镇调查失业率',
      '%',
      '—',
      '<5.5',
      '约束性',
    ].join('\n');
    const out = extract(text);
    expect(out.tables[0].header).toEqual(['类别', '指标', '单位', '2020年', '2025年', '属性']);
    expect(
      out.indicators.map((i) => [
        i.name,
        i.category,
        i.baseline?.raw ?? null,
        i.baseline?.year ?? null,
        i.target?.raw,
        i.target?.value,
        i.target?.unit,
        i.target?.year,
        i.nature,
      ]),
    ).toEqual([
      ['地区生产总值增长', '经济发展', '3.5', 2020, '6左右', 6, '%', 2025, '预期性'],
      ['常住人口城镇化率', '经济发展', '58.2', 2020, '65', 65, '%', 2025, '预期性'],
      ['城镇调查失业率', '民生福祉', null, null, '<5.5', 5.5, '%', 2025, '约束性'],
    ]);
  });
});

describe('headers', () => {
  it('takes short unknown words before the first row of a 序号 table as columns, and 20XX年现状 as a value', () => {
    const text = [
      '序号',
      '城市名称',
      '发生内涝时间',
      '降雨情况',
      '“十二五”期间：',
      '1',
      '兰溪市',
      '2011年6月',
      '持续强降雨',
      '2',
      '杭州市',
      '2013年10月',
      '台风',
    ].join('\n');
    expect(extract(text).tables[0].header).toEqual(['序号', '城市名称', '发生内涝时间', '降雨情况']);
    expect(headerColumnType('2020年现状')?.type).toBe('value');
    expect(headerColumnType('2025年目标')?.type).toBe('value');
  });
});

describe('group rows and table titles', () => {
  it('reads a group row inside a cell-per-line table as the group column, carried down', () => {
    const text = [
      '附件：城市体检指标体系',
      '',
      '城市体检指标体系',
      '',
      '目 标',
      '',
      '序号',
      '',
      '指 标',
      '',
      '解 释',
      '',
      '一、生态宜居',
      '',
      '1',
      '',
      '区域开发强度（%）',
      '',
      '建成区面积占总面积的比例。',
      '',
      '2',
      '',
      '城市人口密度（万人/平方公里）',
      '',
      '单位用地面积上的常住人口数。',
      '',
      '二、健康舒适',
      '',
      '3',
      '',
      '社区卫生服务中心覆盖率（%）',
      '',
      '覆盖的社区占全部社区的比例。',
      '',
      '三、保障措施',
      '',
      '加强组织领导。',
    ].join('\n');
    const t = extract(text).tables[0];
    expect(t.header).toEqual(['目标', '序号', '指标', '解释']);
    expect(t.rows.map((r) => r.slice(0, 3))).toEqual([
      ['一、生态宜居', '1', '区域开发强度（%）'],
      ['一、生态宜居', '2', '城市人口密度（万人/平方公里）'],
      ['二、健康舒适', '3', '社区卫生服务中心覆盖率（%）'],
    ]);
  });
});

describe('tables written a row per line', () => {
  const indicatorRows = [
    '序号 | 指标名称 | 单位 | 2022年 | 2025年 | 指标属性',
    '1 | 规模以上工业企业数字化改造覆盖率 | % | 62.5 | ≥90 | 预期性',
    '2 | 新增省级工业互联网平台 | 个 | — | [5] | 预期',
    '3 | 规模以上工业单位增加值能耗降低 | % | — | [9.5] | 约束',
  ];
  const plan = (rows: string[]) =>
    `一、主要目标\n到2025年，数字化转型取得明显成效。\n${rows.join('\n')}\n注：[ ]内为累计数。\n二、重点任务\n推进企业数字化改造。`;

  it.each([
    ['pipes between cells', indicatorRows],
    ['pipes framing the row (Markdown)', indicatorRows.map((r) => `| ${r} |`)],
    [
      'a Markdown rule under the header',
      [`| ${indicatorRows[0]} |`, '|---|---|:---:|---|---|---|', ...indicatorRows.slice(1).map((r) => `| ${r} |`)],
    ],
    ['tabs between cells', indicatorRows.map((r) => r.replaceAll(' | ', '\t'))],
  ])('reads a table with %s', (_shape, rows) => {
    const out = extract(plan(rows));
    expect(out.tables).toHaveLength(1);
    expect(out.tables[0].header).toEqual(['序号', '指标名称', '单位', '2022年', '2025年', '指标属性']);
    expect(out.tables[0].rows).toHaveLength(3);
    expect(out.indicators.filter((i) => i.table)).toEqual([
      expect.objectContaining({
        name: '规模以上工业企业数字化改造覆盖率',
        baseline: expect.objectContaining({ value: 62.5, unit: '%', year: 2022 }),
        target: expect.objectContaining({ value: 90, comparator: '>=', unit: '%', year: 2025 }),
        nature: '预期性',
      }),
      expect.objectContaining({
        name: '新增省级工业互联网平台',
        target: expect.objectContaining({ raw: '[5]', value: 5, unit: '个' }),
        nature: '预期性',
      }),
      expect.objectContaining({
        name: '规模以上工业单位增加值能耗降低',
        target: expect.objectContaining({ value: 9.5 }),
        nature: '约束性',
      }),
    ]);
    // Nothing of the table is taken for a link farm, and the text after it stays.
    expect(out.removed.filter((r) => r.kind === 'spam')).toEqual([]);
    expect(allSections(out).map((s) => s.heading)).toContain('重点任务');
  });

  it('reads a task table row by row: task, lead and support units, deadline', () => {
    const out = extract(
      [
        '一、重点任务分工',
        '序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限',
        '1 | 实施重大项目攻坚行动，全年实施县级重点项目120个 | 县发展改革局 | 县财政局、各乡镇人民政府 | 2023年底前',
        '2 | 推进开发区扩区调区 | 开发区管委会 | 县自然资源局 | 2023年6月底前',
        '二、保障措施',
        '加强组织领导。',
      ].join('\n'),
    );
    expect(out.tables).toHaveLength(1);
    expect(out.tasks.map((t) => [t.lead, t.support, t.deadline])).toEqual([
      [['县发展改革局'], ['县财政局', '各乡镇人民政府'], 2023],
      [['开发区管委会'], ['县自然资源局'], 2023],
    ]);
  });

  it('carries merged leading cells down to a row that omits them', () => {
    const out = extract(
      [
        '领域 | 序号 | 指标 | 2025年',
        '经济发展 | 1 | 地区生产总值增速（%） | 6',
        '2 | 常住人口城镇化率（%） | 65',
        '民生福祉 | 3 | 城镇调查失业率（%） | 5.5',
      ].join('\n'),
    );
    expect(out.tables[0].rows.map((r) => r[0])).toEqual(['经济发展', '经济发展', '民生福祉']);
  });

  it('still removes a link farm of place names between pipes', () => {
    const out = extract('主站蜘蛛池模板: 泉州市| 平顺县| 昌黎县| 林口县| 德清县| 兴宁市| 东乡县\n一、总体要求\n坚持稳中求进。');
    expect(out.tables).toHaveLength(0);
    expect(out.removed.some((r) => r.reason === 'link-farm')).toBe(true);
  });
});

describe('table headers and notes', () => {
  it('reads years under a spanning parent cell, and leaves a closing note out of the rows', () => {
    const html = `<html><body><div class="article"><p>一、主要目标</p><p>到2026年，城市更新取得明显成效。</p><table>
      <tr><td rowspan="2">序号</td><td rowspan="2">指标名称</td><td rowspan="2">单位</td><td colspan="2">指标值</td><td rowspan="2">指标属性</td></tr>
      <tr><td>2023年</td><td>2026年</td></tr>
      <tr><td>1</td><td>累计改造城镇老旧小区</td><td>个</td><td>86</td><td>260</td><td>约束性</td></tr>
      <tr><td>2</td><td>城市生活污水集中收集率</td><td>%</td><td>68</td><td>75</td><td>预期性</td></tr>
      <tr><td colspan="6">注：第1项为累计数，其余为年末值。</td></tr>
    </table><p>二、重点任务</p><p>推进老旧小区改造。</p></div></body></html>`;
    const out = extract(html, 'simplified', 'plan.html');
    expect(out.tables[0].header).toEqual(['序号', '指标名称', '单位', '指标值2023年', '指标值2026年', '指标属性']);
    expect(out.tables[0].rows).toHaveLength(2);
    expect(out.indicators.map((i) => [i.name, i.baseline?.value, i.baseline?.year, i.target?.value, i.target?.year, i.nature])).toEqual([
      ['累计改造城镇老旧小区', 86, 2023, 260, 2026, '约束性'],
      ['城市生活污水集中收集率', 68, 2023, 75, 2026, '预期性'],
    ]);
  });

  it('reads a second header row of 20XX年基期 | 20XX年目标 labels, and a header cell broken by <br>', () => {
    const html = `<html><body><div class="article"><p>一、主要指标</p><table>
      <tr><td rowspan="2"><b>序号</b></td><td rowspan="2"><b>主要指标</b></td><td rowspan="2"><b>单位</b></td><td colspan="2"><b>指标值</b></td><td rowspan="2"><b>指标<br>性质</b></td></tr>
      <tr><td><b>2020年基期</b></td><td><b>2025年目标</b></td></tr>
      <tr><td>1</td><td>人均预期寿命</td><td>岁</td><td>78.9</td><td>79.9</td><td>预期性</td></tr>
      <tr><td>2</td><td>婴儿死亡率</td><td>‰</td><td>5.2</td><td>＜5</td><td>预期性</td></tr>
    </table><p>二、重点任务</p><p>完善服务体系。</p></div></body></html>`;
    const out = extract(html, 'simplified', 'plan.html');
    expect(out.tables[0].rows).toHaveLength(2);
    expect(out.indicators.map((i) => [i.name, i.baseline?.value, i.baseline?.year, i.target?.raw, i.target?.year, i.nature])).toEqual([
      ['人均预期寿命', 78.9, 2020, '79.9', 2025, '预期性'],
      ['婴儿死亡率', 5.2, 2020, '＜5', 2025, '预期性'],
    ]);
  });

  it('puts the year labels of a flattened two-row header under their spanning cell', () => {
    const cells = ['序号', '指标', '指标值', '指标属性', '2020年基期', '2025年目标'];
    const rows = [
      ['1', '生产安全事故死亡人数', '—', '下降15%', '约束性'],
      ['2', '亿元地区生产总值生产安全事故死亡率', '0.031', '下降33%', '约束性'],
    ];
    const out = extract(`一、主要指标\n${[...cells, ...rows.flat()].join('\n')}\n二、主要任务\n加强安全生产。`);
    expect(out.tables[0].header).toEqual(['序号', '指标', '指标值2020年基期', '指标值2025年目标', '指标属性']);
    expect(out.tables[0].rows).toEqual(rows);
  });

  it('reads a table aligned with runs of spaces across a page break that repeats its header', () => {
    const header = '序号  指标名称                    单位    2020年    2025年    属性';
    const text = [
      '一、主要指标',
      header,
      '1     粮食播种面积                万亩    86.5      ≥86       约束性',
      '2     粮食总产量                  万吨    35.2      ≥35       约束性',
      '3     农作物耕种收综合机械化率    %       78        85        预期性',
      '',
      '— 3 —',
      '',
      header,
      '4     农村居民人均可支配收入      元      16820     ≥24000    预期性',
      '5     农村自来水普及率            %       91        ≥95       预期性',
      '',
      '二、主要任务',
      '稳定粮食生产。',
    ].join('\n');
    const out = extract(text);
    expect(out.tables).toHaveLength(1);
    expect(out.tables[0].header).toEqual(['序号', '指标名称', '单位', '2020年', '2025年', '属性']);
    expect(out.tables[0].rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['粮食播种面积', '86.5', '≥86'],
      ['粮食总产量', '35.2', '≥35'],
      ['农作物耕种收综合机械化率', '78', '85'],
      ['农村居民人均可支配收入', '16820', '≥24000'],
      ['农村自来水普及率', '91', '≥95'],
    ]);
  });

  it('ends a table flattened a cell per line at its note', () => {
    const cells = [
      '序号',
      '指标',
      '单位',
      '2020年',
      '2025年',
      '属性',
      '1',
      '森林覆盖率',
      '%',
      '61.2',
      '62',
      '约束性',
      '2',
      '重要江河湖泊水功能区水质达标率',
      '%',
      '90',
      '95',
      '约束性',
    ];
    const out = extract(`一、主要目标\n${cells.join('\n')}\n注：[ ]内为五年累计数。\n二、主要任务\n加强生态保护。`);
    expect(out.tables[0].rows).toHaveLength(2);
    expect(out.indicators.filter((i) => i.table).map((i) => i.name)).toEqual(['森林覆盖率', '重要江河湖泊水功能区水质达标率']);
  });
});

/** A five-year plan's indicator header with a growth-rate column, one cell per line. */
const GROWTH_HEADER = ['类别', '指标', '单位', '2020年', '2025年', '年均增长', '属性'];

describe('growth-rate columns', () => {
  it('reads a 年均增长 column as values beside the levels, neither baseline nor target', () => {
    const cells = [
      ...GROWTH_HEADER,
      '经济发展',
      '地区生产总值',
      '亿元',
      '38650',
      '51700',
      '6左右',
      '预期性',
      '全员劳动生产率',
      '万元/人',
      '13.2',
      '17.1',
      '5.3',
      '预期性',
    ];
    const out = extract(`一、主要指标\n${cells.join('\n')}\n二、主要任务\n推动高质量发展。`);
    expect(out.tables[0].header).toEqual(['类别', '指标', '单位', '2020年', '2025年', '年均增长', '属性']);
    expect(out.indicators.filter((i) => i.table).map((i) => [i.category, i.name, i.baseline?.value, i.target?.value, i.nature])).toEqual([
      ['经济发展', '地区生产总值', 38650, 51700, '预期性'],
      ['经济发展', '全员劳动生产率', 13.2, 17.1, '预期性'],
    ]);
  });
});

describe('attachments after a table', () => {
  it('end a table flattened a cell per line', () => {
    const cells = [
      '序号',
      '工作任务',
      '责任单位',
      '完成时限',
      '1',
      '建设县城第二水厂',
      '县水利局',
      '2025年底前',
      '2',
      '落实维修养护资金',
      '县财政局、县水利局',
      '长期',
    ];
    const out = extract(
      `附件1\n重点任务分工表\n${cells.join('\n')}\n附件2\n项目清单\n1.县城乡供水一体化建设项目，总投资3.1亿元\n附件下载：分工表.doc`,
    );
    expect(out.tables[0].rows).toHaveLength(2);
    expect(out.tasks.map((t) => t.lead)).toEqual([['县水利局'], ['县财政局', '县水利局']]);
  });
});

describe('growth indicators and numbered names', () => {
  it('takes the target from the growth-rate column when the level is a dash, and drops list numbers from names', () => {
    const cells = [
      ...GROWTH_HEADER,
      '经济发展',
      '1.地区生产总值',
      '亿元',
      '186.4',
      '260',
      '7左右',
      '预期性',
      '2.规模以上工业增加值增长',
      '%',
      '6.8',
      '—',
      '8',
      '预期性',
    ];
    const out = extract(`一、主要指标\n${cells.join('\n')}\n二、主要任务\n推动高质量发展。`);
    expect(out.indicators.filter((i) => i.table).map((i) => [i.name, i.target?.value, i.target?.year])).toEqual([
      ['地区生产总值', 260, 2025],
      ['规模以上工业增加值增长', 8, 2025],
    ]);
  });
});

describe('units in indicator names', () => {
  it('reads a unit in brackets closing a name as the unit, without it in the name', () => {
    const cells = [
      '序号',
      '指标',
      '2020年',
      '2025年',
      '属性',
      '1',
      '学前三年毛入园率（%）',
      '88',
      '92',
      '预期性',
      '2',
      '国家基本水文站数量（处）',
      '120',
      '150',
      '预期性',
      '3',
      '每千人口执业（助理）医师数',
      '2.6',
      '3.2',
      '预期性',
    ];
    const out = extract(`一、主要指标\n${cells.join('\n')}\n二、主要任务\n推动发展。`);
    expect(out.indicators.filter((i) => i.table).map((i) => [i.name, i.target?.value, i.target?.unit])).toEqual([
      ['学前三年毛入园率', 92, '%'],
      ['国家基本水文站数量', 150, '处'],
      ['每千人口执业（助理）医师数', 3.2, null],
    ]);
  });
});

describe('tables pasted with tabs, header over two lines', () => {
  it('joins the spanning cell to the years below it and carries the group cells down', () => {
    const rows = [
      '类别\t指标名称\t单位\t指标值\t\t指标属性',
      '\t\t\t2022年\t2025年\t',
      '商业设施\t县级物流配送中心\t个\t0\t1\t约束性',
      '\t乡镇商贸中心\t个\t5\t12\t约束性',
      '消费规模\t社会消费品零售总额\t亿元\t68.5\t86\t预期性',
    ];
    const out = extract(`一、主要目标\n到2025年，县域商业体系基本健全。\n${rows.join('\n')}\n二、重点任务\n完善商业设施。`);
    expect(out.tables[0].header).toEqual(['类别', '指标名称', '单位', '指标值2022年', '指标值2025年', '指标属性']);
    expect(
      out.indicators.filter((i) => i.table).map((i) => [i.category, i.name, i.baseline?.value, i.target?.value, i.target?.year]),
    ).toEqual([
      ['商业设施', '县级物流配送中心', 0, 1, 2025],
      ['商业设施', '乡镇商贸中心', 5, 12, 2025],
      ['消费规模', '社会消费品零售总额', 68.5, 86, 2025],
    ]);
  });
});

describe('tables a PDF copy laid out with spaces', () => {
  it('reads numbered rows under a header of table words, cells between single spaces', () => {
    const rows = ['序號 指標名稱 單位 2023年 2026年 指標屬性', '1 公共充電樁 萬個 0.62 2 預期性', '2 鄉鎮充電站覆蓋率 % 45 100 約束性'];
    const out = extract(`一、發展目標\n到2026年，充電基礎設施體系基本建成。\n${rows.join('\n')}\n二、重點任務\n完善城市公共充電網絡。`);
    expect(out.tables[0].header).toEqual(['序号', '指标名称', '单位', '2023年', '2026年', '指标属性']);
    expect(
      out.indicators.filter((i) => i.table).map((i) => [i.name, i.baseline?.value, i.target?.value, i.target?.unit, i.nature]),
    ).toEqual([
      ['公共充电桩', 0.62, 2, '万个', '预期性'],
      ['乡镇充电站覆盖率', 45, 100, '%', '约束性'],
    ]);
  });

  it('leaves spaced words that are not such a table to the artifact-space repair', () => {
    const out = extract('一、总体要求\n指标 单位 目标 属性\n坚持 稳中 求进 工作 总基调。');
    expect(out.tables).toEqual([]);
  });
});
