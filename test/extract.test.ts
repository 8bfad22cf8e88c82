import { describe, expect, it } from 'vitest';
import { extract, extractSeed } from './helpers.js';

describe('document facts', () => {
  it('leaves the masthead of a red-header document out of the title', () => {
    const out = extract(
      '鹤鸣县人民政府文件\n鹤鸣县人民政府关于加快推进县域商业体系建设的实施意见\n各乡镇人民政府：\n一、总体要求\n坚持市场主导。',
    );
    expect(out.document.title).toBe('鹤鸣县人民政府关于加快推进县域商业体系建设的实施意见');
  });

  it('takes no 文号 or issuer from a document the preamble cites by name', () => {
    const out = extract(
      '泸川市全民健身实施计划（2021—2025年）\n2016年6月15日，国务院印发《全民健身计划（2016—2020年）》（国发〔2016〕37号），提出了全民健身的目标。\n一、总体要求\n坚持以人民为中心。',
    );
    expect(out.document).toMatchObject({ docNumber: null, issuer: [] });
  });

  it('keeps the 文号 given after the title of the document itself', () => {
    const out = extract(
      '泸川县人民政府办公室印发了《泸川县农村供水实施方案》（泸府办发〔2024〕42号）。\n泸川县农村供水实施方案\n一、总体要求\n坚持节水优先。',
    );
    expect(out.document.docNumber).toBe('泸府办发〔2024〕42号');
  });

  it("reads a news page's date from its byline", () => {
    const out = extract(
      '我县出台农村供水保障三年行动方案\n2024-08-06 09:32　来源：瑶山日报　作者：记者 韦丽华\n记者从县水利局获悉，到2026年，全县农村自来水普及率达到95%。',
    );
    expect(out.document).toMatchObject({ date: '2024-08-06', dateSource: '发布日期' });
  });

  it("does not give an empty date field the next field's value", () => {
    const out = extract(
      '成文日期：\t\n发布日期：\t2024-05-20\n某某市人民政府办公室关于印发设备更新行动方案的通知\n一、总体要求\n坚持市场为主。\n某某市人民政府办公室\n2024年5月13日',
    );
    expect(out.document).toMatchObject({ date: '2024-05-13', dateSource: 'signature' });
  });

  it.each([
    ['二〇二一年二月二十六日', '2021-02-26'],
    ['二〇二四年十一月八日', '2024-11-08'],
    ['2024年10月16日（星期三）', '2024-10-16'],
    ['2022年5月20日', '2022-05-20'],
  ])('reads a signature date written %s', (written, iso) => {
    const out = extract(`某某县人民政府关于加强水利建设的意见\n一、总体要求\n坚持节水优先。\n某某县人民政府\n${written}`);
    expect(out.document).toMatchObject({ date: iso, dateSource: 'signature' });
  });

  it('reads goal years written in Chinese numerals', () => {
    const out = extract('一、发展目标\n到二〇二五年，全县水利基础设施更加完善。展望二〇三五年，全面建成现代水网。');
    expect(out.goals.map((g) => g.year)).toEqual([2025, 2035]);
  });

  it('reads the issuer of a signature followed by a long attachment', () => {
    const rows = Array.from({ length: 30 }, (_, k) => `${k + 1}\n改造第${k + 1}批老旧小区\n市住房城乡建设局\n2024年底前`).join('\n');
    const out = extract(
      `一、总体要求\n坚持居民自愿。\n桐溪市人民政府办公室\n2024年2月26日\n附件\n序号\n工作任务\n责任单位\n完成时限\n${rows}`,
    );
    expect(out.document).toMatchObject({ issuer: ['桐溪市人民政府办公室'], date: '2024-02-26' });
  });

  it('reads the date of a signature between a notice and the plan it carries', () => {
    const plan = Array.from({ length: 20 }, (_, k) => `（${k + 1}）推进第${k + 1}项工作，全面完成年度任务。`).join('\n');
    const out = extract(
      `柘溪县人民政府办公室关于印发《柘溪县重点工作任务分工方案》的通知\n各乡镇人民政府：\n现将《方案》印发给你们，请认真贯彻执行。\n一、提高思想认识。\n二、严格督查督办。\n柘溪县人民政府办公室\n2023年2月16日\n柘溪县重点工作任务分工方案\n一、重点任务\n${plan}`,
    );
    expect(out.document).toMatchObject({ date: '2023-02-16', dateSource: 'signature' });
  });

  it('reads the kind of a title that ends with its period', () => {
    expect(extract('青岚市制造业数字化转型实施方案（2024—2026年）\n一、总体要求\n坚持稳中求进。').document.kind).toBe('实施方案');
  });

  it('reads title from 《》, repaired 文号, issuer, date and region from a lead', () => {
    const d = extract(
      '县卫生健康委:《巫溪县进一步完善医疗卫生服务体系实施方案》政策解读\n日期:2024-10-14\n20241014,巫溪县人民政府办公室印发了巫溪县进一步完善医疗卫生服务体系实施方案》(巫溪府办发〔202442号),现将内容解读如下:\n一、背景及依据\n正文。',
    ).document;
    expect(d).toMatchObject({
      title: '巫溪县进一步完善医疗卫生服务体系实施方案',
      docNumber: '巫溪府办发〔2024〕42号',
      issuer: ['巫溪县人民政府办公室'],
      date: '2024-10-14',
      region: '巫溪县',
      kind: '实施方案',
    });
  });

  it('prefers 成文日期 over 发布日期 and says which', () => {
    const d = extract(
      '关于印发某某市数字经济发展规划的通知\n发布日期：2023-06-01\n成文日期：2023-05-20\n某某市数字经济发展规划\n一、总体要求',
    ).document;
    expect(d.date).toBe('2023-05-20');
    expect(d.dateSource).toBe('成文日期');
  });

  it('takes the date of the signature block and both issuers', () => {
    const d = extract(
      '各县（区）人民政府：\n现将方案印发给你们。\n中共安化市委办公厅 安化市人民政府办公厅\n2024年5月17日\n安化市养老服务体系建设三年行动方案\n一、总体要求',
    ).document;
    expect(d.date).toBe('2024-05-17');
    expect(d.issuer).toEqual(['中共安化市委办公厅', '安化市人民政府办公厅']);
    expect(d.region).toBe('安化市');
    expect(d.title).toBe('安化市养老服务体系建设三年行动方案');
  });

  it.each([
    ['X政发[2023]5号', 'X政发[2023]5号'],
    ['渝府办发〔2023〕76号', '渝府办发〔2023〕76号'],
    ['某办字（2022）18号', '某办字（2022）18号'],
    ['宜政办函〔2023〕58号', '宜政办函〔2023〕58号'],
    ['（2024年第3号）', '2024年第3号'],
  ])('keeps a complete 文号 %s', (n, expected) => {
    expect(extract(`某某县人民政府办公室关于印发实施方案的通知\n${n}\n一、总体要求`).document.docNumber).toBe(expected);
  });

  it('gives the period of a five-year plan', () => {
    expect(extractSeed('002').document.period).toEqual({ start: 2021, end: 2025 });
  });

  it.each([
    ['香港特别行政区', '行政長官今日在立法會發表施政報告。房屋署會加快興建公屋，社會福利署會增加安老宿位。'],
    ['香港特别行政区', '施政報告提出，房委會會在未來十年興建公屋。立法會議員認為公屋供應不足，房委會須加快。'],
    ['全国', '全國人大閉幕後，總理李克強見記者。今年的總理工作報告將就業目標訂在1100萬以上，國務院會落實。'],
  ])('names the region %s from the words of its government when no place is named', (region, text) => {
    expect(extract(`${text}\n一、主要措施\n加強服務。`).document.region).toBe(region);
  });

  it('takes a named new area as the region, and its committee with a bracketed name as the issuer', () => {
    const d = extract(
      '临澜新区管委会关于印发《临澜新区2024年优化营商环境工作要点》的通知\n新区各部门：\n现印发给你们，请认真抓好落实。\n临澜新区（临澜经济技术开发区）管理委员会\n2024年3月26日\n临澜新区2024年优化营商环境工作要点\n一、提升政务服务效能',
    ).document;
    expect(d).toMatchObject({ region: '临澜新区', issuer: ['临澜新区（临澜经济技术开发区）管理委员会'], date: '2024-03-26' });
  });

  it.each([
    ['景岚县人民政府办公室', '景岚县'],
    ['重庆市梁滩区安全生产委员会', '梁滩区'],
    ['广州市花都区科技工业和信息化局', '花都区'],
  ])('takes the region of %s from the organ’s own place name', (issuer, region) => {
    const d = extract(`${issuer}关于印发安全生产工作要点的通知\n各有关单位：\n现印发给你们。\n一、总体要求\n坚持安全第一。`).document;
    expect(d.region).toBe(region);
  });

  it('leaves the region null when one office word is all there is', () => {
    expect(extract('公屋申请者的轮候时间会缩短。\n一、主要措施\n加强服务。').document.region).toBeNull();
  });

  it.each([
    ['——2024年1月9日在淇川县第十七届人民代表大会第四次会议上', '2024-01-09'],
    ['（2021年1月28日临澄市第十六届人民代表大会第六次会议批准）', '2021-01-28'],
  ])('dates a report or plan by the meeting under its title: %s', (line, date) => {
    const d = extract(`淇川县政府工作报告\n${line}\n发布时间：2024-01-12\n一、2023年工作回顾\n经济平稳运行。`).document;
    expect(d.date).toBe(date);
  });

  it('leaves facts null when the text has none', () => {
    expect(extract('加强基层医疗卫生服务能力建设。').document).toMatchObject({ docNumber: null, date: null, issuer: [] });
  });
});

describe('goals', () => {
  it('splits a paragraph with several years into one goal per year', () => {
    const goals = extract(
      '一、总体要求\n坚持人民至上。到2025年，基层医疗卫生体系改革发展取得明显进展。到2027年，超过1800家机构达到基本标准。',
    ).goals;
    expect(goals.map((g) => [g.year, g.text])).toEqual([
      [2025, '到2025年，基层医疗卫生体系改革发展取得明显进展。'],
      [2027, '到2027年，超过1800家机构达到基本标准。'],
    ]);
  });

  it('reads a long-range outlook (展望2035年，…) as a goal of its year', () => {
    const goals = extract('二、发展目标\n到2025年，养老服务体系更加健全。展望2035年，全县养老服务体系成熟定型。').goals;
    expect(goals.map((g) => g.year)).toEqual([2025, 2035]);
  });

  it('reads `2027年，…` at a paragraph start in a goal section', () => {
    expect(extract('二、主要目标\n2027年，城乡医疗卫生服务体系更加健全。').goals[0]).toMatchObject({ year: 2027, section: '1' });
  });

  it('leaves dated statements in task sections to the tasks', () => {
    const out = extract('三、重点任务\n（一）推进信息化。到2025年统筹建成县域卫生健康综合信息平台。');
    expect(out.goals).toEqual([]);
    expect(out.tasks[0]).toMatchObject({ deadline: 2025 });
    expect(out.tasks[0].text).toContain('统筹建成县域卫生健康综合信息平台');
  });
});

describe('goals announced in the text', () => {
  it('reads dated statements after 主要目标是： or 明确， as goals outside a goal section', () => {
    const out = extract(
      '三、主要内容\n主要目标是：2024年底前，实现家政服务信用信息平台县级全覆盖。到2026年，全省家政服务业营业收入达到600亿元。\n四、政策措施\n《实施方案》明确，到2027年，设备投资规模较2023年增长25%以上。\n到2025年，完成旧城改造100处。',
    );
    expect(out.goals.map((g) => [g.year, g.text])).toEqual([
      [2024, '2024年底前，实现家政服务信用信息平台县级全覆盖。'],
      [2026, '到2026年，全省家政服务业营业收入达到600亿元。'],
      [2027, '到2027年，设备投资规模较2023年增长25%以上。'],
    ]);
  });
});

describe('Hong Kong phrasing', () => {
  it('reads 目标是在…年前 as a goal, and a waiting time that shrinks from a baseline as an indicator', () => {
    const out = extract(
      '房屋政策新措施\n一、公營房屋\n　　政府的目標是在2030年前興建30 000個「簡約公屋」單位。房屋署會加快建屋，目標是在2026年或之前把一般公屋申請者的平均輪候時間由現時的5.5年縮短至4.5年。\n二、設施\n　　新建水管的使用年限超過30年。',
    );
    expect(out.goals.map((g) => g.year)).toEqual([2030, 2026]);
    expect(out.indicators.map((i) => [i.name, i.baseline?.raw, i.target?.raw, i.target?.year])).toContainEqual([
      '一般公屋申请者的平均轮候时间',
      '5.5年',
      '4.5年',
      2026,
    ]);
    expect(out.indicators.some((i) => i.target?.raw === '30年')).toBe(false);
  });
});

describe('a press release without an outline', () => {
  it('takes its deadlines as tasks done by the office each sentence opens with, and its 到…年 statements as goals', () => {
    const out = extract(
      '運輸策略藍圖公布\n　　政府今日公布《運輸策略藍圖》。到2035年，鐵路網絡總長度增至約390公里。路政署亦會在2026年或之前完成沙田繞道的勘查研究。運輸署會在2025年底前推出跨模式轉乘優惠計劃。',
    );
    expect(out.goals.map((g) => g.year)).toEqual([2035]);
    expect(out.tasks.map((t) => [t.deadline, t.lead])).toEqual([
      [2026, ['路政署']],
      [2025, ['运输署']],
    ]);
  });
});

describe('indicators in prose', () => {
  const one = (text: string) => extract(`一、主要目标\n${text}`).indicators;
  it.each([
    ['到2025年，每千人口执业（助理）医师数达3.3人。', '每千人口执业（助理）医师数', 3.3, '>=', '人', 2025],
    ['到2027年，建成甲级乡镇卫生院的比例不低于35%。', '建成甲级乡镇卫生院的比例', 35, '>=', '%', 2027],
    ['到2025年，个人卫生支出占卫生总费用的比重控制在27%以内。', '个人卫生支出占卫生总费用的比重', 27, '<=', '%', 2025],
    [
      '到2025年，乡村医生中具备执业（助理）医师资格的人员比例提高到45%左右。',
      '乡村医生中具备执业（助理）医师资格的人员比例',
      45,
      '~',
      '%',
      2025,
    ],
    ['力争县域就诊率突破85%。', '县域就诊率', 85, '>', '%', null],
    // Bounds stated as what must not happen.
    ['组团规模不宜超过50平方公里。', '组团规模', 50, '<=', '平方公里', null],
    ['到2025年，空气质量优良天数比例不得低于87%。', '空气质量优良天数比例', 87, '>=', '%', 2025],
    ['组团内每平方公里道路长度不宜小于8公里。', '组团内每平方公里道路长度', 8, '>=', '公里', null],
    ['单位面积能耗不大于0.5吨。', '单位面积能耗', 0.5, '<=', '吨', null],
    ['到2025年，县级以上城市集中式饮用水水源水质达标率保持100%。', '县级以上城市集中式饮用水水源水质达标率', 100, '>=', '%', 2025],
    ['到2025年，企业开办时间压缩至0.5个工作日以内。', '企业开办时间', 0.5, '<=', '个工作日', 2025],
    ['到2025年，数据中心标准机架规模达到2万架。', '数据中心标准机架规模', 2, '>=', '万架', 2025],
    ['到2025年，森林蓄积量达到1250万立方米。', '森林蓄积量', 1250, '>=', '万立方米', 2025],
    ['到2025年，累计扶持青年自主创业8000人。', '青年自主创业', 8000, null, '人', 2025],
  ])('%s', (text, name, value, comparator, unit, year) => {
    const i = one(text)[0];
    expect(i.name).toBe(name);
    expect(i.target).toMatchObject({ value, comparator, unit, year });
  });

  it.each([
    ['到1985年，全国医院病床将由1980年的198万张增加到223万张。', '全国医院病床', 198, 1980, 223],
    ['到2025年，汽车的大修理里程从目前的10万公里提高到15万公里。', '汽车的大修理里程', 10, null, 15],
    ['服务券将由现时3,000张增加至6,000张。', '服务券', 3000, null, 6000],
  ])('reads the baseline of %s', (text, name, baseline, baselineYear, target) => {
    const i = one(text)[0];
    expect(i.name).toBe(name);
    expect(i.baseline).toMatchObject({ value: baseline, year: baselineYear });
    expect(i.target?.value).toBe(target);
  });

  it('reads targets under a goal heading whose own heading sounds like a report (取得新成效)', () => {
    const out = extract(
      '第一章 发展基础\n“十三五”时期，森林覆盖率达到61.2%。\n第二章 发展目标\n一、经济发展取得新成效\n规模以上工业增加值年均增长7%左右，森林覆盖率提高到63%。',
    );
    expect(out.indicators.map((i) => [i.name, i.target?.value])).toEqual([
      ['规模以上工业增加值', 7],
      ['森林覆盖率', 63],
    ]);
  });

  it('pairs the names and values of 分别 (A和B分别达到X和Y, A、B分别超过X、Y)', () => {
    const items = one(
      '到2025年，受污染耕地安全利用率和重点建设用地安全利用率分别达到93%和95%，数字化研发设计工具普及率、关键工序数控化率分别超过90%、75%。',
    );
    expect(items.map((i) => [i.name, i.target?.value, i.target?.comparator, i.target?.year])).toEqual([
      ['受污染耕地安全利用率', 93, '>=', 2025],
      ['重点建设用地安全利用率', 95, '>=', 2025],
      ['数字化研发设计工具普及率', 90, '>', 2025],
      ['关键工序数控化率', 75, '>', 2025],
    ]);
  });

  it('reads targets written the Hong Kong way (由A增至B, thousands apart by a space, 间)', () => {
    const items = one(
      '流动牙科诊所服务由每星期3天增至5天，并在2026年前把地区康健站数目由目前的8间增至18间。长者医疗券每年金额会由2 000元增至2 500元。',
    );
    expect(items.map((i) => [i.name, i.baseline?.raw, i.target?.value, i.target?.unit])).toEqual([
      ['流动牙科诊所服务', '每星期3天', 5, '天'],
      ['地区康健站数目', '8间', 18, '间'],
      ['长者医疗券每年金额', '2000元', 2500, '元'],
    ]);
  });

  it("gives targets under a goal section's subsections the year its opening states", () => {
    const out = extract(
      '第二节 发展目标\n到2025年，全县经济综合实力明显增强；到2035年，基本实现现代化。\n一、经济发展质量效益明显提升\n固定资产投资年均增长9%，一般公共预算收入达到15亿元以上。',
    );
    expect(out.indicators.map((i) => [i.name, i.target?.year])).toEqual([
      ['固定资产投资', 2025],
      ['一般公共预算收入', 2025],
    ]);
  });

  it('reads the object of a second verb joined to the first (新建或改造X7个, 改造提升X2条) and 小于/少于 bounds', () => {
    const items = one(
      '到2026年，新建或改造乡镇商贸中心7个，改造提升县城商业街区2条，城区公共充电服务半径小于1公里，平均通勤时间少于30分钟。',
    );
    expect(items.map((i) => [i.name, i.target?.value, i.target?.comparator])).toEqual([
      ['城区公共充电服务半径', 1, '<'],
      ['平均通勤时间', 30, '<'],
      ['乡镇商贸中心', 7, null],
      ['县城商业街区', 2, null],
    ]);
  });

  it('reads the baseline stated after the target (较2022年底的41.5%提高…, 比1980年的450万吨增长13%)', () => {
    const items = one(
      '到2025年，农村生活污水治理率达到60%以上，较2022年底的41.5%提高18.5个百分点；水产品产量达到510万吨，比1980年的450万吨增长13%。',
    );
    expect(items.map((i) => [i.name, i.baseline?.value, i.baseline?.year, i.target?.value])).toEqual([
      ['农村生活污水治理率', 41.5, 2022, 60],
      ['水产品产量', 450, 1980, 510],
    ]);
  });

  it('takes what stands now (目前…为X%) for a report, and 从目前的X for a baseline', () => {
    const items = one('目前全县农村自来水普及率为91.3%。到2026年，农村自来水普及率从目前的91.3%提高到95%。');
    expect(items.map((i) => [i.name, i.baseline?.value, i.target?.value])).toEqual([['农村自来水普及率', 91.3, 95]]);
  });

  it("gives a year's targets the year of the sentence that announces them (2023年…主要预期目标是：)", () => {
    const items = one('2023年全县经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，固定资产投资增长10%。');
    expect(items.map((i) => [i.name, i.target?.year])).toEqual([
      ['地区生产总值', 2023],
      ['固定资产投资', 2023],
    ]);
  });

  it('reads an upper bound before the counted thing (不超过20名X)', () => {
    const [i, ...rest] = one('每年遴选不超过20名优秀企业家，给予一次性奖励。');
    expect(rest).toEqual([]);
    expect(i.name).toBe('优秀企业家');
    expect(i.target).toMatchObject({ value: 20, comparator: '<=', unit: '名' });
  });

  it('reads every item of an enumeration that shares one verb, names with a grade or generation too', () => {
    const items = one(
      '到2025年，建成县级电子商务公共服务中心1个、乡镇电商服务站12个、村级电商服务点120个。新创建国家4A级旅游景区2个，新建5G基站3000个，新建、改扩建公办幼儿园12所。',
    );
    expect(items.map((i) => [i.name, i.target?.value, i.target?.unit, i.target?.year])).toEqual([
      ['县级电子商务公共服务中心', 1, '个', 2025],
      ['乡镇电商服务站', 12, '个', 2025],
      ['村级电商服务点', 120, '个', 2025],
      ['国家4A级旅游景区', 2, '个', 2025],
      ['5G基站', 3000, '个', 2025],
      ['公办幼儿园', 12, '所', 2025],
    ]);
  });

  it('reads the thing counted after a qualifying value (年营业收入超10亿元的龙头企业5家以上)', () => {
    const items = one('到2026年，培育年营业收入超10亿元的龙头企业5家以上，设立规模2亿元的转贷应急资金。');
    expect(items.map((i) => [i.name, i.target?.value, i.target?.comparator, i.target?.unit])).toEqual([['龙头企业', 5, '>=', '家']]);
  });

  it('leaves out rates per unit and award amounts (每培养1名高级工, 给予每个机构每年30万元)', () => {
    expect(one('每培养1名高级工给予5000元补贴，每引进1个项目奖励10万元，给予每个机构每年30万元运营补贴。')).toEqual([]);
    expect(one('每年开展补贴性职业技能培训1万人次以上。').map((i) => i.name)).toEqual(['补贴性职业技能培训']);
  });

  it('keeps a describing clause and a bracket the value cut open out of names', () => {
    const items = one('到2025年，完成2000年底前建成的老旧小区改造86个，区内标准消防站（7平方公里）覆盖率达到100%。');
    expect(items.map((i) => i.name)).toContain('老旧小区改造');
    expect(items.every((i) => !/^的|[（(]$/.test(i.name))).toBe(true);
  });

  it('leaves out the cap of an award', () => {
    expect(one('对入选团队给予最高1000万元创业资助，奖励金额最高不超过50万元，单个项目最高200万元。')).toEqual([]);
  });

  it('reads a baseline from 从A提高到B', () => {
    const i = one('到2025年，人均预期寿命从76.8岁提高到79岁。')[0];
    expect(i.name).toBe('人均预期寿命');
    expect(i.baseline?.value).toBe(76.8);
    expect(i.target?.value).toBe(79);
  });

  it('reads a leading quantity (`超过1800家…`)', () => {
    const i = one('到2027年，超过1800家基层医疗卫生机构服务能力达到基本标准。')[0];
    expect(i.target).toMatchObject({ value: 1800, comparator: '>', unit: '家', year: 2027 });
    expect(i.name).toContain('基层医疗卫生机构');
  });

  it('reads the counted thing after the value (`不少于10项…标准`)', () => {
    const inds = one('到2025年，推动制定不少于10项北斗高精度国家标准，培育5家以上上市企业。');
    expect(inds.map((i) => [i.name, i.target?.raw])).toEqual([
      ['北斗高精度国家标准', '10项'],
      ['上市企业', '5家以上'],
    ]);
  });

  it('reads a range counted after its verb (`新增建设1-2个国家级临床重点专科`)', () => {
    const i = one('到2025年，力争新增建设1-2个国家级临床重点专科。')[0];
    expect([i.name, i.target?.raw, i.target?.value, i.target?.unit]).toEqual(['国家级临床重点专科', '1-2个', 1, '个']);
    expect(one('到2025年，力争新增建设1-2个国家级临床重点专科。')).toHaveLength(1);
  });

  it('takes the year of the goal that opens the section', () => {
    const inds = extract('二、发展目标\n到2027年，全市产业体系更加完善。\n产业规模突破1000亿元，培育龙头企业10家。').indicators;
    expect(inds.map((i) => i.target?.year)).toEqual([2027, 2027]);
  });

  it('leaves out what a background section reports', () => {
    expect(extract('一、发展基础\n全市光纤用户占比达到94%，移动宽带用户普及率达到108%。').indicators).toEqual([]);
  });

  it('does not take a report of results for a target', () => {
    expect(extract('（一）发展环境\n“十三五”期间，全市居民健康素养水平已达到22.63%，累计建成社区医院12个。').indicators).toEqual([]);
  });
});

describe('indicators in lists and one-year plans', () => {
  it('leaves the list number out of a name, and gives targets of a one-year plan its year', () => {
    const out = extract(
      '棠溪县2024年和美乡村建设重点任务清单\n专栏　主要目标\n1.农村卫生厕所普及率达到85%以上；\n（2）农村生活污水治理率达到40%；\n②2026年上半年实现城区公办幼儿园托班开设率达到50%。',
    );
    expect(out.indicators.map((i) => [i.name, i.target?.raw, i.target?.year])).toEqual([
      ['农村卫生厕所普及率', '85%以上', 2024],
      ['农村生活污水治理率', '40%', 2024],
      ['城区公办幼儿园托班开设率', '50%', 2026],
    ]);
  });

  it('reads a target in a unit of concentration', () => {
    const out = extract('一、主要目标\n到2026年，县城污水处理厂进水生化需氧量（BOD）浓度达到100毫克/升以上。');
    expect(out.indicators.map((i) => [i.name, i.target?.raw, i.target?.unit, i.target?.year])).toEqual([
      ['县城污水处理厂进水生化需氧量（BOD）浓度', '100毫克/升以上', '毫克/升', 2026],
    ]);
  });

  it('leaves targets without a year alone in a plan over several years', () => {
    const out = extract('棠溪县乡村建设三年行动方案（2024—2026年）\n一、主要目标\n农村卫生厕所普及率达到85%以上。');
    expect(out.indicators[0].target?.year ?? null).toBeNull();
  });
});

describe('indicators from tables', () => {
  it('reads a revised target column and leaves the superseded one out', () => {
    const rows = [
      '序号\t指标名称\t单位\t2023年现状值\t原2025年目标值\t修订后2025年目标值\t指标属性',
      '1\t城市生活垃圾回收利用率\t%\t33\t35\t40\t约束性',
      '2\t生活垃圾分类小区覆盖率\t%\t86\t90\t100\t预期性',
    ];
    const out = extract(`潮川市生活垃圾分类三年行动方案（修订版）\n一、主要指标\n${rows.join('\n')}\n二、重点任务\n推进分类。`);
    expect(out.indicators.map((i) => [i.name, i.baseline?.raw, i.target?.raw, i.target?.year])).toEqual([
      ['城市生活垃圾回收利用率', '33', '40', 2025],
      ['生活垃圾分类小区覆盖率', '86', '100', 2025],
    ]);
  });

  it('gives one indicator for each target year a table sets, the baseline shared', () => {
    const rows = [
      '序号\t指标名称\t单位\t2023年（基期）\t2025年\t2027年\t指标属性',
      '1\t规模以上工业企业数字化改造覆盖率\t%\t45\t70\t90\t预期性',
    ];
    const out = extract(`东岭市制造业数字化转型行动计划（2024—2027年）\n一、主要指标\n${rows.join('\n')}\n二、重点任务\n推进改造。`);
    expect(out.indicators.map((i) => [i.baseline?.raw, i.baseline?.year, i.target?.raw, i.target?.year, i.nature])).toEqual([
      ['45', 2023, '90', 2027, '预期性'],
      ['45', 2023, '70', 2025, '预期性'],
    ]);
  });

  it('reads seed 002 with baseline and target years from the header, nature and category', () => {
    const inds = extractSeed('002').indicators.filter((i) => i.table);
    expect(inds).toHaveLength(24);
    expect(inds[0]).toMatchObject({
      name: '人均预期寿命',
      category: '健康水平',
      baseline: { raw: '77.78', value: 77.78, year: 2020 },
      target: { raw: '79', value: 79, year: 2025 },
      nature: '预期性',
      table: 't1',
    });
    expect(inds[2].target).toMatchObject({ raw: '≤12/10万', value: 12, comparator: '<=', unit: '/10万' });
    expect(inds[14]).toMatchObject({ name: '每万人口全科医生数', nature: '约束性' });
  });
});

describe('tasks', () => {
  it("gives deadlines within the year (6月底前, 一季度, 年内) the year of a one-year plan's title", () => {
    const out = extract(
      '云溪县2024年优化营商环境工作要点\n一、重点工作\n（一）推进企业开办便利化。6月底前实现企业开办全程网办。（责任单位：县市场监管局）\n（二）开展政策宣讲。一季度完成政策汇编。（责任单位：县发展改革局）\n（三）深化改革。年内完成改革任务，2025年6月底前全面推开。（责任单位：县政务服务中心）',
    );
    expect(out.tasks.map((t) => t.deadline)).toEqual([2024, 2024, 2025]);
    const plan = extract(
      '云溪县“十四五”营商环境规划（2021—2025年）\n一、重点工作\n（一）推进企业开办。6月底前实现全程网办。（责任单位：县市场监管局）',
    );
    expect(plan.tasks[0].deadline).toBeNull();
  });

  it('makes a task of each paragraph of an item that closes with its own units', () => {
    const out = extract(
      '二、主要任务\n（一）深化工业污染治理\n推动钢铁行业超低排放改造，2025年底前3家钢铁企业全面完成超低排放改造。（市生态环境局牵头，市发展改革委、市工业和信息化局配合）\n加快城镇污水管网建设，到2025年城市生活污水集中收集率达到70%以上。（市住房城乡建设局牵头，各县（区）人民政府配合）',
    );
    expect(out.tasks.map((t) => [t.lead, t.support, t.deadline])).toEqual([
      [['市生态环境局'], ['市发展改革委', '市工业和信息化局'], 2025],
      [['市住房城乡建设局'], ['各县（区）人民政府'], 2025],
    ]);
    expect(out.tasks[0].text).toMatch(/^深化工业污染治理。推动钢铁行业超低排放改造/);
    expect(out.tasks[1].text).toMatch(/^加快城镇污水管网建设/);
  });

  it('reads 由X牵头，Y配合 inside an item, with the text after it', () => {
    const out = extract(
      '二、重点任务\n（一）建设5G网络。由市工业和信息化局牵头，市通信发展管理办公室、市住房城乡建设局配合，2025年底前实现城区5G全覆盖。',
    );
    expect(out.tasks[0]).toMatchObject({
      lead: ['市工业和信息化局'],
      support: ['市通信发展管理办公室', '市住房城乡建设局'],
      deadline: 2025,
    });
    expect(out.tasks[0].text).toContain('2025年底前实现城区5G全覆盖');
  });

  it('reads the end of a year range as the deadline, but not a cycle or a cited title', () => {
    const out = extract(
      '一、重点任务\n（一）推进适老化改造。2023—2025年完成特殊困难老年人家庭适老化改造1200户。（责任单位：区民政局）\n（二）创建卫生城市。创建2022-2024年周期国家卫生城市，落实《数字政府建设行动方案（2021—2023年）》。（责任单位：区卫生健康局）',
    );
    expect(out.tasks.map((t) => t.deadline)).toEqual([2025, null]);
  });

  it.each([
    ['责任单位：县自然资源局牵头，各乡镇人民政府配合', ['县自然资源局'], ['各乡镇人民政府']],
    [
      '（责任单位：市城市管理局牵头，市农业农村局、各县（市、区）人民政府配合）',
      ['市城市管理局'],
      ['市农业农村局', '各县（市、区）人民政府'],
    ],
    ['（责任单位：市总工会；市妇联；市机关事务管理局）', ['市总工会', '市妇联', '市机关事务管理局'], []],
    ['（牵头单位：市商务局；配合单位：市财政局）', ['市商务局'], ['市财政局']],
  ])('reads the roles a unit list gives itself: %s', (units, lead, support) => {
    const out = extract(`一、重点任务\n（一）推进厕所革命。2025年底前完成改造1万户。${units}`);
    expect(out.tasks[0]).toMatchObject({ lead, support });
  });

  it('reads the roles a table cell gives its units', () => {
    const out = extract(
      ['附件', '序号 | 重点任务 | 责任单位 | 完成时限', '1 | 建设政务云 | 省数据局牵头，省财政厅、省委网信办配合 | 2024年底前'].join('\n'),
    );
    expect(out.tasks[0]).toMatchObject({ lead: ['省数据局'], support: ['省财政厅', '省委网信办'], deadline: 2024 });
  });

  it('gives a table task the text of its name column and its detail column together', () => {
    const html = `<html><body><div class="content"><p>附件</p><table>
      <tr><th>序号</th><th>重点任务</th><th>具体内容</th><th>责任单位</th><th>完成时限</th><th>备注</th></tr>
      <tr><td colspan="6">一、夯实数字基础设施</td></tr>
      <tr><td>1</td><td>建设全省一体化政务云</td><td>推进省级部门非涉密业务系统全部迁移上云。</td><td>省数据局牵头，省财政厅配合</td><td>2024年12月底前</td><td>新增</td></tr>
      <tr><td>2</td><td>推广电子证照应用</td><td>扩大高频电子证照应用。</td><td>省数据局</td><td>持续推进</td><td></td></tr>
    </table></div></body></html>`;
    const out = extract(html, 'simplified', 'page.html');
    expect(out.tasks.map((t) => [t.text, t.lead, t.support, t.deadline])).toEqual([
      ['建设全省一体化政务云：推进省级部门非涉密业务系统全部迁移上云。', ['省数据局'], ['省财政厅'], 2024],
      ['推广电子证照应用：扩大高频电子证照应用。', ['省数据局'], [], null],
    ]);
  });

  it('repeats a lead cell a copied table left blank under a merged one', () => {
    const rows = [
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '1\t新建城东第二小学\t县教育局\t县发展改革局\t2025年8月底前',
      '2\t改扩建3所初中学校\t\t县财政局\t2026年8月底前',
      '3\t招聘教师200名\t县人力资源社会保障局\t县教育局\t2024年9月底前',
    ];
    const out = extract(`附件\n${rows.join('\n')}`);
    expect(out.tasks.map((t) => [t.lead, t.support])).toEqual([
      [['县教育局'], ['县发展改革局']],
      [['县教育局'], ['县财政局']],
      [['县人力资源社会保障局'], ['县教育局']],
    ]);
  });

  it('reads units in 〔〕 brackets and customs offices, and a 责任单位 column beside a 牵头单位 one as support', () => {
    const out = extract(
      '一、重点任务\n（一）推进医保改革。（市医保局牵头，琅川海关、各县〔市、区〕人民政府配合）\n附件\n' +
        [
          '序号\t任务内容\t牵头单位\t责任单位\t完成时限',
          '1\t推动步行街改造提升\t县住房和城乡建设局\t县商务局、县自然资源局\t2025年底前',
        ].join('\n'),
    );
    expect(out.tasks.map((t) => [t.lead, t.support])).toEqual([
      [['市医保局'], ['琅川海关', '各县〔市、区〕人民政府']],
      [['县住房和城乡建设局'], ['县商务局', '县自然资源局']],
    ]);
  });

  it('gives the first unit of each list the lead where the document says so', () => {
    const out = extract(
      '（各项任务中列第一位的单位为牵头单位，其余为配合单位）\n一、重点任务\n（一）提振餐饮消费。举办美食节3场。（责任单位：区商务局，区市场监管局、湖滨街道办事处按职责分工负责）\n（二）发展夜间经济。（区文旅局牵头，区公安分局配合）',
    );
    expect(out.tasks.map((t) => [t.lead, t.support])).toEqual([
      [['区商务局'], ['区市场监管局', '湖滨街道办事处']],
      [['区文旅局'], ['区公安分局']],
    ]);
    const plain = extract('一、重点任务\n（一）提振餐饮消费。举办美食节3场。（责任单位：区商务局，区市场监管局）');
    expect(plain.tasks[0]).toMatchObject({ lead: ['区商务局', '区市场监管局'], support: [] });
  });

  it('reads a closing 牵头 sentence whose units hold brackets, before an ongoing clause', () => {
    const out = extract(
      '一、重点任务\n（一）推进托育服务。新建小区同步配建托育设施。市住建局牵头，市自然资源规划局、各县（市、区）人民政府配合。持续推进。',
    );
    expect(out.tasks[0]).toMatchObject({ lead: ['市住建局'], support: ['市自然资源规划局', '各县（市、区）人民政府'] });
  });

  it.each([
    ['2026年上半年建成湿地文旅综合体', 2026],
    ['2024年12月底完成摸底排查', 2024],
    ['2026年供暖季前全面完成改造任务', 2026],
    ['2024年6月组织开展宣传周活动', 2024],
    ['2024年建成托育点15个', 2024],
    ['2024年起每年开展一次评估', null],
  ])('reads the deadline of %s', (text, deadline) => {
    expect(extract(`一、重点任务\n（一）推进工作。${text}。（责任单位：区发展改革局）`).tasks[0].deadline).toBe(deadline);
  });

  it('reads 牵头单位 as lead and a 责任单位 list beside it as support', () => {
    const out = extract(
      '一、重点任务\n（一）培育商贸主体。引进品牌企业20家。（牵头单位：市商务局；责任单位：市发展改革委、市财政局，各区县（市）人民政府）',
    );
    expect(out.tasks[0]).toMatchObject({ lead: ['市商务局'], support: ['市发展改革委', '市财政局', '各区县（市）人民政府'] });
  });

  it('reads a （牵头） mark in a table cell as the lead among the units listed with it', () => {
    const out = extract(
      [
        '附件1',
        '序号 | 工作任务 | 责任单位 | 完成时限',
        '1 | 推进设备更新 | 市经济和信息化局（牵头），市发展改革委、市财政局 | 2024年9月底前',
        '2 | 开展以旧换新 | 市商务局 | 长期',
      ].join('\n'),
    );
    expect(out.tasks.map((t) => [t.lead, t.support])).toEqual([
      [['市经济和信息化局'], ['市发展改革委', '市财政局']],
      [['市商务局'], []],
    ]);
    expect(out.units.map((u) => u.name)).not.toContain('市经济和信息化局（牵头）');
  });

  it('reads every lead unit before 按职责分工负责', () => {
    const out = extract(
      '一、重点任务\n（一）做好就业。机关事业单位空缺岗位优先用于招聘应届高校毕业生。（市委组织部、市人社局按职责分工负责）',
    );
    expect(out.tasks[0]).toMatchObject({ lead: ['市委组织部', '市人社局'], support: [] });
  });

  it('takes no deadline from a date that describes a thing (2000年底前建成的小区)', () => {
    const out = extract(
      '一、重点任务\n（一）改造老旧小区。对2000年底前建成的城镇老旧小区实施综合改造，2026年底前累计完成改造260个。（责任单位：市住房城乡建设局）',
    );
    expect(out.tasks[0]).toMatchObject({ deadline: 2026, lead: ['市住房城乡建设局'] });
  });

  it.each([
    ['（责任单位：市发展改革委、各区县（市）人民政府）', ['市发展改革委', '各区县（市）人民政府'], []],
    ['(责任单位:市发展改革委)', ['市发展改革委'], []],
    ['（牵头单位：县林业局；配合单位：县大数据中心）', ['县林业局'], ['县大数据中心']],
  ])('reads units labelled inside brackets %s without the brackets', (units, lead, support) => {
    const out = extract(`一、重点任务\n（一）推进项目建设。加快推进重点项目，2024年底前完成。${units}`);
    expect(out.tasks[0]).toMatchObject({ text: '推进项目建设。加快推进重点项目，2024年底前完成', lead, support });
    expect(out.units.map((u) => u.name).sort()).toEqual([...lead, ...support].sort());
  });

  it.each([
    ['2025年12月31日前全面完成', 2025],
    ['2023年6月底前完成', 2023],
    ['2024年上半年前完成', 2024],
  ])('reads the year of a deadline written %s', (deadline, year) => {
    const out = extract(`一、重点任务\n（一）推进项目建设。加快推进重点项目，${deadline}。（责任单位：市发展改革委）`);
    expect(out.tasks[0]).toMatchObject({ deadline: year, lead: ['市发展改革委'] });
  });

  it('reads task table rows with lead and support units and the deadline column', () => {
    const tasks = extractSeed('000').tasks.filter((t) => t.table);
    expect(tasks).toHaveLength(11);
    expect(tasks[2]).toMatchObject({
      deadline: 2027,
      lead: ['县卫生健康委'],
      support: ['县发展改革委', '县规划自然资源局', '县住房城乡建委'],
    });
  });

  it('reads 牵头单位/配合单位 labels after a numbered item', () => {
    const t = extract(
      '三、重点任务\n1.建设智慧医院。2024年底前完成二级以上医院信息化改造。\n牵头单位：县卫生健康委；配合单位：县财政局、县大数据局\n',
    ).tasks[0];
    expect(t).toMatchObject({ deadline: 2024, lead: ['县卫生健康委'], support: ['县财政局', '县大数据局'] });
    expect(t.text).toContain('建设智慧医院');
  });

  it('reads （X牵头，Y参与） after a measure', () => {
    const t = extract('二、主要任务\n（一）推进固体废物源头减量。开展绿色设计。（工业和信息化部牵头，国家发展改革委、生态环境部参与）')
      .tasks[0];
    expect(t.lead).toEqual(['工业和信息化部']);
    expect(t.support).toEqual(['国家发展改革委', '生态环境部']);
  });

  it('reads （牵头） marks in a unit list, and a 由X牵头，Y配合 clause', () => {
    const tasks = extract(
      '三、重点任务\n（一）建设智慧医院。2024年底前完成信息化改造。\n责任单位：县卫生健康局（牵头）、县财政局、县大数据局\n（二）推进医共体建设。由县卫生健康局牵头，县医保局、县财政局配合。\n',
    ).tasks;
    expect(tasks.map((t) => [t.lead, t.support, t.deadline])).toEqual([
      [['县卫生健康局'], ['县财政局', '县大数据局'], 2024],
      [['县卫生健康局'], ['县医保局', '县财政局'], null],
    ]);
    expect(tasks[1].text).toBe('推进医共体建设');
  });

  it('keeps a unit with brackets whole', () => {
    const t = extract('三、重点任务\n1.强化村医队伍。持续推进。\n责任单位：县卫生健康委、各乡镇（街道、开发区）人民政府').tasks[0];
    expect(t.lead).toEqual(['县卫生健康委', '各乡镇（街道、开发区）人民政府']);
  });

  it('lists every unit once with the tasks it leads and supports', () => {
    const out = extractSeed('000');
    const unit = out.units.find((u) => u.name === '县医保局')!;
    expect(unit.support.length).toBeGreaterThan(2);
    expect(new Set(out.units.map((u) => u.name)).size).toBe(out.units.length);
  });
});
