import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { findMainContent, looksLikeHtml, MAX_NESTING, nestingDepth, readHtml } from '../src/stages/read-html.js';
import { chineseCounting } from '../src/stages/read-docx.js';
import { runPipeline } from '../src/pipeline/run.js';
import { toOutput } from '../src/pipeline/output.js';
import { InputError } from '../src/stages/decode.js';
import { load } from 'cheerio/slim';
import { extract } from './helpers.js';

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${head}<title>某某市人民政府</title></head><body>${body}</body></html>`;
const nav = `<div class="nav">${Array.from({ length: 30 }, (_, i) => `<a href="/${i}">栏目导航${i}</a>`).join(' ')}</div>`;
const extractHtml = (html: string) => toOutput(runPipeline(new TextEncoder().encode(html), { path: 'page.html' }), 'simplified');

describe('readHtml', () => {
  it('maps every character of the page text to the raw HTML, entities to their &', () => {
    const html = page('<div id="zoom"><p>到2025年&ldquo;健康&rdquo;达到<b>90%</b></p></div>');
    const { mapped } = readHtml(html);
    const at = mapped.text.indexOf('“');
    expect(html.slice(mapped.map[at], mapped.map[at] + 7)).toBe('&ldquo;');
    const nine = mapped.text.indexOf('90%');
    expect(html.slice(mapped.map[nine], mapped.map[nine] + 3)).toBe('90%');
  });

  it('maps each character to itself in the raw page, or to the & of its entity (property)', () => {
    const piece = fc.constantFrom(
      ...['字', '规划', 'a', '😀', ' ', '\u3000', '&', ';', '<', '< b', 'R&D;', '&copy', '&amp;', '&lt;', '&#20013;', '&#x4e2d;', '&nbsp;'],
      ...['<b>', '</b>', '</font>', '<br>', '<!-- x -->'],
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (pieces) => {
        const html = page(`<div id="zoom"><p>${pieces.join('')}。</p></div>`);
        const { mapped } = readHtml(html);
        expect(mapped.map).toHaveLength(mapped.text.length + 1);
        for (let k = 0; k < mapped.text.length; k++) {
          const ch = mapped.text[k];
          // Line breaks and collapsed spaces are the reader's; both halves of a pair map to its start.
          if (ch === '\n' || ch === ' ' || /[\udc00-\udfff]/.test(ch)) continue;
          const raw = html[mapped.map[k]];
          expect(raw === ch || raw === '&', `${JSON.stringify(ch)} mapped to ${JSON.stringify(raw)}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('puts block elements, <br> and table cells on lines of their own', () => {
    const { mapped } = readHtml(
      page(
        '<div id="zoom"><p>第一段</p><p>第二<br>行</p><table><tr><td>序号</td><td>指标</td></tr><tr><td>1</td><td>人均预期寿命</td></tr></table></div>',
      ),
    );
    expect(mapped.text.split('\n')).toEqual(['某某市人民政府', '第一段', '第二', '行', '序号', '指标', '1', '人均预期寿命']);
  });

  it('expands rowspan and colspan into the grid', () => {
    const html = page(
      '<div id="zoom"><table><tr><th>领域</th><th>序号</th><th>主要指标</th></tr><tr><td rowspan="2">健康水平</td><td>1</td><td>人均预期寿命</td></tr><tr><td>2</td><td>健康预期寿命</td></tr><tr><td colspan="3">注：以上为预期性指标</td></tr></table></div>',
    );
    const { grids } = readHtml(html);
    expect(grids).toHaveLength(1);
    const cell = (r: number, c: number) => {
      const x = grids[0].rows[r][c];
      return x ? `${html.slice(x.start, x.end)}${x.spanned ? '*' : ''}` : null;
    };
    expect([cell(1, 0), cell(2, 0), cell(2, 2), cell(3, 1)]).toEqual(['健康水平', '健康水平*', '健康预期寿命', '注：以上为预期性指标*']);
  });

  it('reads <meta> tags and the <title> as hints', () => {
    const { hints } = readHtml(
      page('<p>正文</p>', '<meta name="ArticleTitle" content="关于印发某某规划的通知"><meta name="PubDate" content="2022-05-17 10:00">'),
    );
    expect(hints).toMatchObject({ title: '关于印发某某规划的通知', date: '2022-05-17 10:00' });
    expect(readHtml(page('<p>正文</p>').replace('某某市人民政府', '某某县发展规划_某某县人民政府网')).hints.pageTitle).toBe(
      '某某县发展规划',
    );
  });

  it('finds an article shorter than its navigation', () => {
    const $ = load(
      page(
        `${nav}<div class="main"><h1>关于做好春季防火工作的通知</h1><p>各乡镇：为做好春季防火工作，现通知如下。</p><p>一、加强巡查。各地要加强巡查，及时消除隐患。</p></div>${nav}`,
      ),
    );
    const main = findMainContent($.root()[0] as never) as unknown as { attribs: Record<string, string> };
    expect(main.attribs.class).toBe('main');
  });

  it('reads a page nested thousands deep (unclosed inline tags), and the tables inside it', () => {
    const n = 8000;
    const deep = page(
      `<div id="zoom">${'<font>第一条。'.repeat(n)}<table><tr><td>指标</td><td>目标</td></tr><tr><td>覆盖率</td><td>90%</td></tr></table></div>`,
    );
    const { mapped, grids } = readHtml(deep);
    expect(mapped.text.split('第一条。')).toHaveLength(n + 1);
    expect(grids).toHaveLength(1);
    const tables = page(`${'<table><tr><td>甲</td><td>'.repeat(3000)}乙${'</td></tr></table>'.repeat(3000)}`);
    // Nested tables are layout, not data: their text is read, no grid.
    expect(readHtml(tables).grids).toHaveLength(0);
    expect(readHtml(tables).mapped.text).toContain('乙');
  });

  it('refuses a page nested deeper than it reads, with the depth', () => {
    const n = MAX_NESTING + 500;
    const html = page(`${'<div>字'.repeat(n)}${'</div>'.repeat(n)}`);
    expect(nestingDepth(html)).toBe(n + 2);
    expect(() => readHtml(html)).toThrow(InputError);
    expect(() => readHtml(html)).toThrow(/nest \d+ deep/);
  });

  it('estimates nesting from the tags alone: void, self-closing and self-closed elements add nothing', () => {
    expect(nestingDepth('<div><p>a<p>b<br><img src=x /><span>c</span></div>')).toBe(2);
    expect(nestingDepth('<ul><li>a<li>b</ul><div><div></div></div>')).toBe(2);
    expect(nestingDepth('a < b > c <<<>>>')).toBe(0);
    expect(nestingDepth(`<a${'<a'.repeat(50_000)}`)).toBe(0);
    // Tags inside scripts, styles and comments are text, not elements.
    expect(nestingDepth(`<script>${'<div>'.repeat(50)}</script><!-- <div><div> --><style>${'<p>'.repeat(5)}</STYLE><div></div>`)).toBe(1);
    expect(nestingDepth(`<div><script>${'<div>'.repeat(50)}`)).toBe(1);
    expect(nestingDepth(`<div>${'<!--<div>'.repeat(50_000)}`)).toBe(1);
    expect(nestingDepth(`<div>${'<script><div>'.repeat(50_000)}`)).toBe(1);
  });

  it('tells a page from plain text', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('一、总体要求\n<规划>的目标')).toBe(false);
  });
});

describe('extract from HTML', () => {
  it('keeps the article and the info bar facts, drops the navigation, and quotes text without markup', () => {
    const out = extractHtml(
      page(
        `${nav}<div class="crumb">首页 &gt; 政务公开 &gt; 规划计划</div><h1>某某市卫生健康发展规划</h1><div class="info">发布时间：2022-05-17&nbsp;来源：市卫健委</div><div class="TRS_Editor"><p>一、总体目标</p><p>到2025年，全市卫生健康体系更加完善，每千人口执业（助理）医师数达到3.3人。</p><p>二、主要任务</p><p>（一）强化公共卫生服务。</p></div><div class="footer">版权所有 某某市人民政府 网站标识码 3600000001</div>`,
      ),
    );
    expect(out.source.format).toBe('html');
    expect(out.document).toMatchObject({ title: '某某市卫生健康发展规划', date: '2022-05-17', region: '某某市' });
    expect(out.sections.map((s) => s.heading)).toEqual(['总体目标', '主要任务']);
    expect(out.goals[0].year).toBe(2025);
    expect(out.indicators[0].target?.value).toBe(3.3);
    expect(out.indicators[0].origin.text).not.toMatch(/</);
    const kept = JSON.stringify({ ...out, removed: [] });
    expect(kept).not.toContain('栏目导航');
    expect(kept).not.toContain('网站标识码');
  });

  it('turns a <table> with rowspan into a table whose merged cells carry down', () => {
    const out = extractHtml(
      page(
        '<div id="zoom"><p>一、主要指标</p><table><tr><td>领域</td><td>序号</td><td>主要指标</td><td>2020年基期值</td><td>2025年目标值</td><td>指标性质</td></tr><tr><td rowspan="2">健康水平</td><td>1</td><td>人均预期寿命</td><td>77.78</td><td>79</td><td>预期性</td></tr><tr><td>2</td><td>孕产妇死亡率</td><td>0</td><td>≤12/10万</td><td>预期性</td></tr></table></div>',
      ),
    );
    expect(out.tables[0].header).toEqual(['领域', '序号', '主要指标', '2020年基期值', '2025年目标值', '指标性质']);
    expect(out.tables[0].rows[1]).toEqual(['健康水平', '2', '孕产妇死亡率', '0', '≤12/10万', '预期性']);
    expect(out.indicators.map((i) => [i.name, i.category, i.target?.raw, i.target?.year, i.baseline?.year])).toEqual([
      ['人均预期寿命', '健康水平', '79', 2025, 2020],
      ['孕产妇死亡率', '健康水平', '≤12/10万', 2025, 2020],
    ]);
  });
});

describe('page tables', () => {
  it('reads a label/value box as facts, not as a table, and a full-width row as a group', () => {
    const out = extractHtml(
      page(
        '<table><tr><td>发文机关：</td><td>国务院办公厅</td><td>成文日期：</td><td>2018年12月23日</td></tr><tr><td>发文字号：</td><td>国办发〔2018〕126号</td><td>发布日期：</td><td>2019年01月08日</td></tr></table>' +
          '<div id="zoom"><p>国务院办公厅关于推广改革举措的通知</p><table><tr><td>序号</td><td>改革举措</td><td>指导部门</td></tr><tr><td colspan="3">一、知识产权保护方面（共2项）</td></tr><tr><td>1</td><td>专利快速审查</td><td>国家知识产权局</td></tr><tr><td>2</td><td>知识产权案件集中审理</td><td>最高人民法院</td></tr></table></div>',
      ),
    );
    expect(out.document).toMatchObject({ date: '2018-12-23', dateSource: '成文日期', docNumber: '国办发〔2018〕126号' });
    expect(out.tables).toHaveLength(1);
    expect(out.tables[0].header).toEqual(['分组', '序号', '改革举措', '指导部门']);
    expect(out.tables[0].rows).toEqual([
      ['一、知识产权保护方面（共2项）', '1', '专利快速审查', '国家知识产权局'],
      ['一、知识产权保护方面（共2项）', '2', '知识产权案件集中审理', '最高人民法院'],
    ]);
    expect(out.tasks.map((t) => [t.text, t.lead])).toEqual([
      ['专利快速审查', ['国家知识产权局']],
      ['知识产权案件集中审理', ['最高人民法院']],
    ]);
  });
});

// A minimal Word document, written the way Word writes one.
function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${w}><w:body>${body}</w:body></w:document>`,
    ),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v.replace('<w:numbering>', `<w:numbering ${w}>`))])),
  });
}
const p = (text: string, num = '') =>
  `<w:p>${num ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${num}"/></w:numPr></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbering =
  '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
const extractDocx = (bytes: Uint8Array) => toOutput(runPipeline(bytes, { path: 'plan.docx' }), 'simplified');

describe('read .docx', () => {
  it('counts in Chinese', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseCounting)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });

  it("reads no layout numbers from a drawing: a seal's position is not text", () => {
    const seal =
      '<w:p><w:r><w:t>某某县人民政府</w:t></w:r><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>-495300</wp:posOffset></wp:positionV><wp:extent cx="1440000" cy="1440000"/></wp:anchor></w:drawing></w:r></w:p>';
    const out = extractDocx(
      docx(`${p('某某县养老服务实施方案')}${p('一、总体要求')}${p('坚持以人民为中心。')}${seal}${p('2024年2月26日')}`),
    );
    expect(JSON.stringify(out)).not.toMatch(/center|495300|1440000/);
    expect(out.document).toMatchObject({ issuer: ['某某县人民政府'], date: '2024-02-26' });
  });

  it('resolves automatic numbering so generated 一、 headings are not lost', () => {
    const out = extractDocx(
      docx(`${p('某某县养老服务实施方案')}${p('总体要求', '1')}${p('到2025年，全县养老服务体系更加健全。')}${p('重点任务', '1')}`, {
        'word/numbering.xml': numbering,
      }),
    );
    expect(out.source.format).toBe('docx');
    expect(out.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、总体要求', '二、重点任务']);
    expect(out.goals[0].origin).toEqual({ line: 3, text: '到2025年，全县养老服务体系更加健全。' });
  });

  it('numbers paragraphs through their style when the style carries the numbering', () => {
    const styled = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const styles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Normal"><w:rPr><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const body = `${p('某某县养老服务实施方案')}${styled('总体要求')}${p('到2025年，全县养老服务体系更加健全。')}${styled('重点任务')}`;
    const out = extractDocx(docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }));
    expect(out.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、总体要求', '二、重点任务']);
    // Styles without numbering change nothing.
    const plain = styles.replace(/<w:numPr>.*?<\/w:numPr>/, '');
    expect(extractDocx(docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': plain })).sections).toEqual([]);
  });

  it('numbers paragraphs through the style their style is based on', () => {
    const styled = (text: string) => `<w:p><w:pPr><w:pStyle w:val="GongWen1"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const styles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="GongWen1"><w:basedOn w:val="Heading1"/></w:style></w:styles>`;
    const body = `${p('某某县养老服务实施方案')}${styled('总体要求')}${p('坚持以人民为中心。')}${styled('重点任务')}`;
    const out = extractDocx(docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }));
    expect(out.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、总体要求', '二、重点任务']);
  });

  it('leaves out text that tracked changes deleted or moved away', () => {
    const body =
      `${p('一、主要目标')}<w:p><w:r><w:t>到2025年，建成5G基站3000个</w:t></w:r>` +
      `<w:moveFrom><w:r><w:t>，培育平台10个</w:t></w:r></w:moveFrom><w:del><w:r><w:delText>，力争</w:delText></w:r></w:del>` +
      `<w:ins><w:r><w:t>，新增企业16家。</w:t></w:r></w:ins></w:p>`;
    const out = extractDocx(docx(body));
    expect(out.goals.map((g) => g.text)).toEqual(['到2025年，建成5G基站3000个，新增企业16家。']);
  });

  it('reads a plan framed in a one-cell table as running text, a data table inside it as a table', () => {
    const tc = (t: string) => `<w:tc>${p(t)}</w:tc>`;
    const data = `<w:tbl><w:tr>${tc('序号')}${tc('指标')}${tc('目标值')}</w:tr><w:tr>${tc('1')}${tc('床位数')}${tc('500张')}</w:tr></w:tbl>`;
    const frame = `<w:tbl><w:tr><w:tc>${p('一、总体要求')}${p('到2025年，全县养老服务体系更加健全。')}${p('二、主要指标')}${data}</w:tc></w:tr></w:tbl>`;
    const out = extractDocx(docx(frame));
    expect(out.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、总体要求', '二、主要指标']);
    expect(out.goals.map((g) => g.year)).toEqual([2025]);
    expect(out.tables).toHaveLength(1);
    expect(out.tables[0].rows).toEqual([['1', '床位数', '500张']]);
  });

  it('reads tables nested in tables a dozen deep', () => {
    const nested = `${'<w:tbl><w:tr><w:tc>'.repeat(12)}${p('到2025年，覆盖率达到90%。')}${'</w:tc></w:tr></w:tbl>'.repeat(12)}`;
    expect(extractDocx(docx(nested)).indicators.map((i) => i.target?.value)).toEqual([90]);
  });

  it('expands gridSpan and vMerge and splits runs back into words', () => {
    const tc = (t: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(t)}</w:tc>`;
    const table = `<w:tbl>
      <w:tr>${tc('序号')}${tc('任务')}${tc('完成时限')}${tc('责任单位')}</w:tr>
      <w:tr>${tc('1', '<w:vMerge w:val="restart"/>')}<w:tc><w:p><w:r><w:t>建设智慧</w:t></w:r><w:r><w:t>医院</w:t></w:r></w:p></w:tc><w:tc><w:sdt><w:sdtContent>${p('2024年底前')}</w:sdtContent></w:sdt></w:tc>${tc('县卫生健康局')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('建设区域影像中心')}${tc('2025年底前')}${tc('县卫生健康局')}</w:tr>
    </w:tbl>`;
    const out = extractDocx(docx(`${p('三、重点任务')}${table}`));
    expect(out.tables[0].rows).toEqual([
      ['1', '建设智慧医院', '2024年底前', '县卫生健康局'],
      ['1', '建设区域影像中心', '2025年底前', '县卫生健康局'],
    ]);
    expect(out.tasks.map((t) => [t.text, t.deadline, t.lead])).toEqual([
      ['建设智慧医院', 2024, ['县卫生健康局']],
      ['建设区域影像中心', 2025, ['县卫生健康局']],
    ]);
  });

  it.each([
    ['a zip with no document', zipSync({ 'a.txt': strToU8('x') }), /no word\/document\.xml/],
    ['text named .docx', strToU8('一、总体要求'), /not a zip archive/],
    [
      'elements nested deeper than Word nests them',
      docx(`${'<w:sdt><w:sdtContent>'.repeat(60)}${p('到2025年')}${'</w:sdtContent></w:sdt>'.repeat(60)}`),
      /word\/document\.xml nests elements more than 100 deep/,
    ],
    ['entity declarations', docx('').map((b) => b), null],
  ])('refuses %s', (_name, bytes, reason) => {
    if (reason === null) {
      const bomb = zipSync({
        'word/document.xml': strToU8(
          '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>',
        ),
      });
      expect(() => extractDocx(bomb)).toThrow(/declares XML entities/);
      return;
    }
    expect(() => extractDocx(bytes)).toThrow(InputError);
    expect(() => extractDocx(bytes)).toThrow(reason);
  });
});

describe('tracked changes in a web page', () => {
  it('leaves out text inside <del>, keeps text inside <ins>', () => {
    const out = extract(
      '<html><body><div class="content"><p>一、主要目标</p><p>到2026年，<del>力争</del>城市防涝应急抢险队伍达到<del>15</del><ins>16</ins>支。</p></div></body></html>',
      'simplified',
      'page.html',
    );
    expect(out.goals.map((g) => g.text)).toEqual(['到2026年，城市防涝应急抢险队伍达到16支。']);
  });
});

describe('preformatted pages', () => {
  it('keeps the line breaks of <pre> and reads a table drawn with box characters', () => {
    const pre = [
      '崇源县林业产业高质量发展三年行动计划',
      '一、主要目标',
      '┌──┬──────┬──┬───┬───┬────┐',
      '│序号│指标名称    │单位│2023年│2026年│指标属性│',
      '├──┼──────┼──┼───┼───┼────┤',
      '│ 1  │林业总产值  │亿元│86.5  │120   │预期性  │',
      '├──┼──────┼──┼───┼───┼────┤',
      '│ 2  │森林覆盖率  │%   │61.2  │62    │约束性  │',
      '└──┴──────┴──┴───┴───┴────┘',
      '二、重点任务',
      '                                    崇源县人民政府办公室',
      '                                      2024年5月20日',
    ].join('\n');
    const out = extract(`<html><body><div class="content"><pre>${pre}</pre></div></body></html>`, 'simplified', 'page.html');
    expect(out.sections.map((s) => s.heading)).toEqual(['主要目标', '重点任务']);
    expect(out.tables[0].header).toEqual(['序号', '指标名称', '单位', '2023年', '2026年', '指标属性']);
    expect(out.tables[0].rows.map((r) => r[1])).toEqual(['林业总产值', '森林覆盖率']);
    expect(out.document.date).toBe('2024-05-20');
  });
});
