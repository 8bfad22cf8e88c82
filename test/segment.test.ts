import { describe, expect, it } from 'vitest';
import { chineseNumber } from '../src/stages/segment.js';
import { allSections, extract, extractSeed } from './helpers.js';

const outline = (text: string) => extract(text).sections;
const shape = (text: string) => allSections(extract(text)).map((s) => `${s.id} ${s.number}${s.heading}`);

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['7', 7],
    ['甲', NaN],
  ])('%s → %d', (s, n) => {
    expect(chineseNumber(s)).toBe(n);
  });
});

describe('segment', () => {
  it('nests families by first appearance', () => {
    expect(outline('一、总体要求\n（一）发展环境\n正文。')[0].children[0].number).toBe('（一）');
    expect(shape('一、总体要求\n（一）发展环境\n1.健全体系。正文\n（二）指导思想\n二、主要任务')).toEqual([
      '1 一、总体要求',
      '1.1 （一）发展环境',
      '1.1.1 1.健全体系',
      '1.2 （二）指导思想',
      '2 二、主要任务',
    ]);
  });

  it('lets a document start at （一）', () => {
    expect(shape('（一）加强领导\n1.建立机制。正文\n（二）强化保障')).toEqual(['1 （一）加强领导', '1.1 1.建立机制', '2 （二）强化保障']);
  });

  it('takes the phrase before 。 as heading and the rest as text', () => {
    const s = outline('一、主要任务\n1.健全应急指挥体系。健全党委领导、政府主导的指挥体系。')[0].children[0];
    expect(s.heading).toBe('健全应急指挥体系');
    expect(s.text).toBe('健全党委领导、政府主导的指挥体系。');
  });

  it('keeps repeated numbers', () => {
    expect(shape('四、重点任务\n五、政策问答\n五、专家解读')).toEqual(['1 四、重点任务', '2 五、政策问答', '3 五、专家解读']);
  });

  it('makes 专栏 boxes sections with their （N） items as children', () => {
    const s = shape(
      '（一）强化公共卫生\n1.健全体系。正文。\n专栏1 公共卫生体系建设 |\n（1）临床中心建设工程。按照布局建设。 （2）重大疫情救治基地建设工程。推进建设。\n（二）推进健康建设',
    );
    expect(s).toEqual([
      '1 （一）强化公共卫生',
      '1.1 1.健全体系',
      '1.2 专栏1专栏1 公共卫生体系建设',
      '1.2.1 （1）临床中心建设工程',
      '1.2.2 （2）重大疫情救治基地建设工程',
      '2 （二）推进健康建设',
    ]);
  });

  it('splits a viewer-flattened outline when markers continue a sequence', () => {
    const flat = `${'本方案依据有关文件制定，'.repeat(8)}具体方案如下:一、行动目标。到2025年完成任务。二、行动任务(一)等级提升行动。推动医院创建。(二)要素保障1.政府主导保障。坚持政府主导。2.多渠道筹措保障。鼓励社会资本。`;
    expect(shape(flat)).toEqual([
      '1 一、行动目标',
      '2 二、行动任务',
      '2.1 (一)等级提升行动',
      '2.2 (二)要素保障',
      '2.2.1 1.政府主导保障',
      '2.2.2 2.多渠道筹措保障',
    ]);
  });

  it('starts an outline of its own at an appendix', () => {
    const flat = `${'各单位要加强组织领导，确保各项任务落实到位，'.repeat(6)}2.激励机制。出台措施。附件:任务分解表1.建设平台。按期完成。2.完善制度。抓紧推进。`;
    expect(
      shape(`（一）保障措施
1.组织保障。${flat}`),
    ).toEqual(['1 （一）保障措施', '1.1 1.组织保障', '1.2 2.激励机制', '2 附件:任务分解表', '2.1 1.建设平台', '2.2 2.完善制度']);
  });

  it('does not take decimals or dates for markers', () => {
    expect(outline('每千人口医师数达3.3人。\n2024.10.14印发')).toEqual([]);
  });

  it('finds the outline of seed 002 with its four levels and boxes', () => {
    const headings = allSections(extractSeed('002')).map((s) => s.heading);
    for (const h of [
      '总体要求',
      '发展环境',
      '总体目标',
      '主要任务和重点工程',
      '强化公共卫生服务体系',
      '健全应急指挥体系',
      '保障措施',
      '强化规划执行',
    ])
      expect(headings).toContain(h);
    expect(headings.some((h) => h.startsWith('专栏1'))).toBe(true);
  });
});

describe('headings a page marks up instead of numbering', () => {
  const page = (body: string) =>
    `<html><body><div class="nav"><h3><a href="/">要闻动态</a></h3><h3><a href="/zwgk/">政务公开</a></h3></div><div class="content">${body}</div></body></html>`;

  it('reads <h3> headings and bold run-ins as an outline, and finds the tasks under them', () => {
    const out = extract(
      page(
        '<h2>临澜新区2024年优化营商环境工作要点</h2><p>为持续优化营商环境，制定本要点。</p>' +
          '<h3>提升政务服务效能</h3><p>　　<strong>深化“一网通办”改革。</strong>2024年6月底前实现30个高频事项“一件事一次办”。（牵头部门：政务服务局；配合部门：大数据中心）</p>' +
          '<p><strong>推行“拿地即开工”。</strong>2024年9月底前实现全覆盖。（牵头部门：规划建设局）</p>' +
          '<h3>优化市场准入环境</h3><p><b>清理隐性壁垒。</b>2024年8月底前完成专项清理。（牵头部门：财政金融局；配合部门：经济发展局）</p>',
      ),
      'simplified',
      'page.html',
    );
    expect(allSections(out).map((s) => `${s.id} ${s.heading}`)).toEqual([
      '1 提升政务服务效能',
      '1.1 深化“一网通办”改革',
      '1.2 推行“拿地即开工”',
      '2 优化市场准入环境',
      '2.1 清理隐性壁垒',
    ]);
    expect(out.tasks.map((t) => [t.lead, t.support, t.deadline])).toEqual([
      [['政务服务局'], ['大数据中心'], 2024],
      [['规划建设局'], [], 2024],
      [['财政金融局'], ['经济发展局'], 2024],
    ]);
  });

  it('leaves markup headings alone where the page numbers its outline', () => {
    const out = extract(
      page('<p>一、总体要求</p><h3>指导思想</h3><p>坚持新发展理念。</p><p>二、重点任务</p><h3>推进改革</h3><p>深化改革。</p>'),
      'simplified',
      'page.html',
    );
    expect(allSections(out).map((s) => s.heading)).toEqual(['总体要求', '重点任务']);
  });

  it('drops elements hidden by their style, with what they hold', () => {
    const out = extract(
      page(
        '<p style="display:none">【澳门金沙js333】【新莆京游戏app大厅】</p><div style="position:absolute;left:-9999px"><h2>九游会真人游戏第一品牌</h2></div><p>一、总体要求</p><p>坚持新发展理念。</p>',
      ),
      'simplified',
      'page.html',
    );
    const kept = JSON.stringify([out.preamble, out.sections]);
    expect(kept).not.toContain('九游会');
    expect(kept).not.toContain('澳门金沙');
    expect(kept).toContain('坚持新发展理念');
  });
});

describe('articles of a 办法', () => {
  it('never cuts an article’s first sentence inside a word', () => {
    const out = extract(
      '第一章　总则\n第三条　设施运行维护遵循“县级统筹、乡镇主体、村级协助、专业运维、农户参与”的原则。县财政局负责保障经费。\n第四条　本办法自2024年5月1日起施行。',
    );
    const articles = allSections(out).filter((s) => s.number.startsWith('第') && s.number.includes('条'));
    expect(articles.map((s) => s.heading)).toEqual([
      '设施运行维护遵循“县级统筹、乡镇主体、村级协助、专业运维、农户参与”的原则',
      '本办法自2024年5月1日起施行',
    ]);
    expect(articles[0].text).toBe('县财政局负责保障经费。');
  });
});
