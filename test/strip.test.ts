import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyLine, isBreadcrumb, isLinkFarm } from '../src/stages/strip.js';
import { LEXICON } from '../src/stages/strip-rules.js';
import { docOf, extract, seedFiles, seedText } from './helpers.js';

describe('classifyLine', () => {
  it.each([
    ['主站蜘蛛池模板: 泉州市| 平顺县| 郸城县| 彭水| 祥云县| 惠水县| 金门县', 'spam'],
    ['日本一区二区电影| 中文av一区特黄| 日本成人在线电影网| 亚洲一区av在线', 'spam'],
    ['福利网址在线,欧美wwwsss9999,黄页免费在线观看,国产福利精品一区二区', 'spam'],
    ['您当前的位置:首页>政务公开>政策解读>文字解读', 'navigation'],
    ['首页 > 要闻动态 > 要闻', 'navigation'],
    ['扫一扫在手机打开当前页', 'navigation'],
    ['【打印】 【字体:', 'navigation'],
    ['切换到宽版', 'navigation'],
    ['B Color Image Link Quote Code Smilies', 'navigation'],
    ['积分', 'navigation'],
    ['327 枚', null],
    [
      '《XX市实施方案.docx》由会员分享,可在线阅读,更多相关《XX市实施方案.docx(15页珍藏版)》请在淘文阁 - 分享文档赚钱的网站上搜索。',
      'boilerplate',
    ],
    ['XX市卫生健康服务提质增效三年行动实施方案.docx', 'boilerplate'],
    ['一、总体要求', null],
    ['（三）开展主题教育', null],
    ['坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，推进健康中国建设，切实提高人民群众的健康水平。', null],
    ['卫生健康委医政医管科,咨询电话:023-51523321', null],
    ['岭西省人民政府 > 政务公开 > 政策文件 > 省政府办公厅文件', 'navigation'],
    ['网站地图 | 无障碍浏览 | 长者模式 | English', 'navigation'],
    ['相关文件：', 'navigation'],
    ['本文档由用户上传，仅供学习交流，版权归原作者所有。', 'boilerplate'],
    ['下载本文档需要登录，并消耗8积分', 'boilerplate'],
    ['知识共享，知识变现', 'boilerplate'],
    ['回复 支持 反对', 'navigation'],
    ['【字号：大 中 小】【我要纠错】', 'navigation'],
    ['青梧论坛 - 青梧人自己的网上家园', 'navigation'],
    ['论坛 › 青梧时政 › 政策发布', 'navigation'],
    ['瑶山新闻网 > 本地新闻 > 时政要闻', 'navigation'],
    ['· 瑶山县召开2024年防汛抗旱工作会议　2024-07-30', 'navigation'],
    ['相关新闻', 'navigation'],
    ['沂州市人民政府 政务公开 政策文件 市政府文件', 'navigation'],
    ['首页　政务公开　政务服务　互动交流　数据开放　走进鹤汀', 'navigation'],
    ['鹭江市人民政府门户网站 | 繁体 | 无障碍', 'navigation'],
    ['桂川市云湖区人民政府网站 >> 政务公开 >> 区政府文件', 'navigation'],
    ['分享：微信 微博 QQ空间', 'navigation'],
    ['请输入搜索关键词　搜索', 'navigation'],
    ['本帖最后由海边的风于2024-3-5 10:36编辑', 'navigation'],
    ['相关阅读：', 'navigation'],
    ['ᠴᠠᠭᠠᠨ ᠨᠠᠭᠤᠷ ᠬᠣᠰᠢᠭᠤ', 'navigation'],
    ['上传者：gov_wenku88　　上传时间：2024-06-11　　格式：PDF　　页数：9', 'boilerplate'],
    ['点击上方蓝字关注我们', 'navigation'],
    ['长按识别二维码　关注我们', 'navigation'],
    ['分享、点赞、在看，一键三连', 'navigation'],
    ['往期推荐', 'navigation'],
    ['编辑：陈思琪', 'navigation'],
    ['审核：周建国　校对：林晓', 'navigation'],
    ['本文转载自梅岭县人民政府网　原文地址：http://www.example.gov.cn/1.html', 'boilerplate'],
    ['（文章来源：梅岭县人民政府网，如有侵权请联系删除）', 'boilerplate'],
    ['扫一扫在手机上查看当前页面', 'navigation'],
    // Body lines that name a site's sections or menu words are not menus.
    ['政务公开 政务服务 数据开放等工作扎实推进，群众满意度持续提升。', null],
    ['深化政务公开，优化政务服务，推进数据开放', null],
    // Rows of a table written on one line are not link farms.
    ['| 1 | 规模以上工业企业数字化改造覆盖率 | % | 62.5 | ≥90 | 预期性 |', null],
    ['序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限', null],
    ['4 | 开展“千企万岗”招聘活动 | 县人力资源社会保障局 | 县教育局、县总工会、团县委 | 2023年起每年', null],
    ['10 | 落实河湖长制，常态化开展河湖“清四乱”行动 | 县水利局 | 县生态环境局、各乡镇人民政府 | 长期坚持', null],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)?.kind ?? null).toBe(kind);
  });

  it('keeps one-cell-per-line table cells', () => {
    for (const cell of ['1', '2027', '县卫生健康委', '序号', '责任单位', '预期性 |', '|']) expect(classifyLine(cell)).toBeNull();
  });

  it('never removes a body sentence that carries only one chrome word (property)', () => {
    const words = LEXICON.filter((f) => f.kind !== 'spam' && f.kind !== 'boilerplate').flatMap((f) => f.terms);
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.integer({ min: 0, max: 3 }), (word, at) => {
        const parts = ['各地区各部门要加强组织领导，', '认真落实工作责任，', '确保各项任务按时完成并取得实效。', '定期报送工作进展情况。'];
        parts.splice(at, 0, word);
        expect(classifyLine(parts.join(''))).toBeNull();
      }),
    );
  });
});

describe('shape features', () => {
  it('link farms need many short items', () => {
    expect(isLinkFarm('甲| 乙| 丙')).toBe(false);
    expect(isLinkFarm('建设|管理|服务|监督|评估，推动形成完整的工作闭环。各地要按照要求逐项落实，确保取得实效。')).toBe(false);
  });
  it('breadcrumbs start at the home page or pass through a section of a government site', () => {
    expect(isBreadcrumb('收入 > 支出 > 结余')).toBe(false);
    expect(isBreadcrumb('某某集团 > 产品 > 详情')).toBe(false);
    expect(isBreadcrumb('青岚市人民政府 > 政务公开 > 规划计划')).toBe(true);
  });
});

describe('stripSpam on the seeds', () => {
  it.each(seedFiles)('%s: every removed line is recorded with its origin', (name) => {
    const doc = docOf(seedText(name));
    const removedLines = doc.lines.filter((l) => l.removed);
    expect(doc.removed.filter((r) => r.range).length).toBe(removedLines.length);
    const out = extract(seedText(name));
    for (const r of out.removed) expect(seedText(name)).toContain(r.origin.text);
  });

  it('drops the forum chrome around a reposted article and keeps the article', () => {
    const out = extract(seedText(seedFiles.find((f) => f.startsWith('003'))!));
    const kept = JSON.stringify({ ...out, removed: [], source: null });
    for (const junk of ['切换到宽版', '找回密码', 'QQ登录', '西秦金币', '本版积分规则', '快速回复', 'Rank: 10'])
      expect(kept).not.toContain(junk);
    expect(kept).toContain('四川省首届“健走天府·万步有约”活动在自贡市富顺县启动');
  });
});

describe('tables of contents', () => {
  it('drops the heading lines under 目录 up to the running text, and keeps the real headings', () => {
    const text = [
      '某省国民经济和社会发展第十个五年计划纲要',
      '目录',
      '第一篇指导思想和发展目标',
      '第一章经济社会发展的指导思想第二章经济社会发展的主要目标',
      '第二篇调整经济结构',
      '世纪之交，我省基本实现了现代化建设第二步战略目标。',
      '第一篇指导思想和发展目标',
      '第一章经济社会发展的指导思想',
      '坚持以发展为主题。',
    ].join('\n');
    const out = extract(text);
    expect(out.removed.filter((r) => r.reason === 'table-of-contents').map((r) => r.origin.line)).toEqual([2, 3, 4, 5]);
    expect(out.sections.map((s) => s.heading)).toEqual(['指导思想和发展目标']);
    expect(out.sections[0].children.map((s) => s.heading)).toEqual(['经济社会发展的指导思想']);
  });

  it('drops a chapter line that ends with its page number', () => {
    expect(classifyLine('第八章林业（333）')?.reason).toBe('table-of-contents');
    expect(classifyLine('第三篇推进改革开放第十三章深化各项改革')).toBeNull();
  });
});

describe('lexicon families', () => {
  // A short line made of terms of one family is removed with that family's kind; the same terms
  // inside a long body paragraph are not enough to remove it.
  it.each(LEXICON.map((f) => [f.name, f] as const))('%s', (_name, family) => {
    const terms = family.terms.slice(0, 3);
    const line = family.strength === 'label' ? `${terms[0]} 12` : family.strength === 'weak' ? terms.slice(0, 2).join(' ') : terms[0];
    expect(classifyLine(line)).toMatchObject({ kind: family.kind });
    const paragraph = `各地要加强组织领导，${terms[0]}，认真落实工作责任，确保各项任务按时完成并取得实效。`.repeat(12);
    expect(classifyLine(paragraph)).toBeNull();
  });
});

describe('metadata boxes read one field per line', () => {
  it('removes the fields as navigation and still reads the date and number from them', () => {
    const out = extract(
      [
        '索 引 号：013512346/2024-01287',
        '发布机构：澄平县人民政府办公室',
        '发文字号：澄政办〔2024〕15号',
        '成文日期：2024年04月22日',
        '发布日期：2024年04月26日',
        '澄平县农村电子商务高质量发展行动计划',
        '一、发展目标',
        '到2025年，全县农村电子商务服务体系基本健全。',
      ].join('\n'),
    );
    expect(out.removed.filter((r) => r.reason === 'info-bar')).toHaveLength(5);
    expect(out.document).toMatchObject({ docNumber: '澄政办〔2024〕15号', date: '2024-04-22', dateSource: '成文日期' });
  });

  it('keeps two labelled lines of body text', () => {
    const out = extract('一、工作安排\n发布时间：每季度第一个月\n文号：按年度统一编排\n各单位按时报送。');
    expect(out.removed.filter((r) => r.reason === 'info-bar')).toEqual([]);
  });
});

describe('forum threads', () => {
  it('keeps the reposted article (the first post) and removes the replies under it', () => {
    const out = extract(
      [
        '青梧论坛 - 青梧人自己的网上家园',
        '[政策文件] 青梧县乡村旅游发展三年行动方案（2023—2025年）',
        '楼主',
        '山城老刘',
        '发表于 2023-5-6 09:12:45 | 只看该作者',
        '青梧县乡村旅游发展三年行动方案（2023—2025年）',
        '一、发展目标',
        '到2025年，全县乡村旅游年接待游客达到1200万人次。',
        '回复',
        '沙发',
        '小青梧',
        '发表于 2023-5-6 10:03:11 | 只看该作者',
        '支持！希望早日把鹿鸣湖景区那段烂路修好，周末去一趟堵死人。',
        '回复 支持 反对',
      ].join('\n'),
    );
    expect(out.document.title).toBe('青梧县乡村旅游发展三年行动方案（2023—2025年）');
    expect(out.removed.map((r) => r.reason)).toContain('forum-reply');
    expect(JSON.stringify(out.sections)).not.toContain('烂路');
    expect(out.indicators.map((i) => i.name)).toEqual(['全县乡村旅游年接待游客']);
  });
});

describe('tables of contents before the body', () => {
  it('end where the first heading comes again', () => {
    const out = extract(
      [
        '目  录',
        '第一章　发展基础与形势要求……1',
        '第二章　总体要求……5',
        '第一章　发展基础与形势要求',
        '第一节　发展基础',
        '“十三五”时期，全市交通运输发展取得显著成效。',
        '第二章　总体要求',
        '第一节　指导思想',
        '坚持以人民为中心。',
      ].join('\n'),
    );
    expect(out.removed.filter((r) => r.reason === 'table-of-contents').map((r) => r.origin.text)).toEqual([
      '目  录',
      '第一章　发展基础与形势要求……1',
      '第二章　总体要求……5',
    ]);
    expect(out.sections.map((s) => s.heading)).toEqual(['发展基础与形势要求', '总体要求']);
  });
});
