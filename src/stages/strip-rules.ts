/**
 * Lexicons for spam stripping, kept as data. Each family says what real input it is for; the stage
 * combines them with line-shape features, so no single entry removes a body paragraph on its own.
 */
import type { RemovedKind } from '../pipeline/doc.js';

export interface LexiconFamily {
  name: string;
  kind: RemovedKind;
  /**
   * 'strong': one hit removes a short line; 'weak': needs two distinct hits (or one on a line that is
   * a link-farm item list); 'label': only a line that is the term itself, give or take numbers and
   * counters (`积分 582`, `鲜花 0 朵`), since the bare words also occur in body text.
   */
  strength: 'strong' | 'weak' | 'label';
  terms: readonly string[];
}

export const LEXICON: readonly LexiconFamily[] = [
  {
    // Porn keyword lists that link farms put around scraped articles (seed 004's head and tail).
    name: 'porn',
    kind: 'spam',
    strength: 'weak',
    terms: [
      '一区二区',
      '二区三区',
      '在线观看',
      '免费观看',
      '福利网址',
      '福利精品',
      '国产福利',
      '精品国产',
      '国产精品',
      '中文字幕',
      '超碰',
      '黄页',
      '成人电影',
      '成人在线',
      '日本成人',
      '性生交',
      '色影院',
      '色综合',
      '特黄',
      '影视在线',
      '黄色小说',
      '无码',
      '有码',
      '伦理片',
      '午夜',
      '大片免费',
      'av在线',
      '日韩欧美',
      '欧美日韩',
      '亚洲一区',
      '久久',
    ],
  },
  {
    // Gambling and lottery SEO, the other staple of hijacked government pages.
    name: 'gambling',
    kind: 'spam',
    strength: 'weak',
    terms: [
      '博彩',
      '赌场',
      '娱乐城',
      '百家乐',
      '六合彩',
      '时时彩',
      '彩票网',
      '棋牌',
      '老虎机',
      '真人娱乐',
      '澳门威尼斯',
      '葡京',
      '体育投注',
    ],
  },
  {
    // SEO link-farm headers ("主站蜘蛛池模板: 泉州市| 平顺县| …", seed 000's tail).
    name: 'seo',
    kind: 'spam',
    strength: 'strong',
    terms: ['蜘蛛池', '站群', '友情链接', 'seo优化', '快速排名'],
  },
  {
    // Page furniture of government sites: share/print/font widgets, QR prompts, window controls.
    name: 'widgets',
    kind: 'navigation',
    strength: 'strong',
    terms: [
      '扫一扫在手机打开当前页',
      '在手机打开当前页',
      '【打印】',
      '【字体',
      '字体:',
      '字号:',
      '打印本页',
      '关闭窗口',
      '【关闭】',
      '分享到',
      '返回顶部',
      '返回列表',
      '【大 中 小】',
      '【大】',
      '【小】',
      '视力保护色',
      '收藏本页',
      '设为首页',
      '加入收藏',
      '上一篇',
      '下一篇',
      '相关链接',
      '相关文章',
      '责任编辑',
    ],
  },
  {
    // Discuz-style forum chrome around a reposted article (seed 003): login, stats, ranks, editor.
    name: 'forum',
    kind: 'navigation',
    strength: 'strong',
    terms: [
      '切换到宽版',
      '找回密码',
      '立即注册',
      'QQ登录',
      '微信登录',
      '只需一步',
      '快速开始',
      '复制链接',
      '显示全部楼层',
      '阅读模式',
      '只看该作者',
      '本版积分规则',
      '快速回复',
      '高级模式',
      '电梯直达',
      '使用道具',
      '发表于',
      '回复:',
      '查看:',
      'Rank:',
      '爆料、咨询',
      '广告、合作',
      '上一主题',
      '下一主题',
    ],
  },
  {
    // The forum's user-card labels (seed 003): words that only mean chrome when they stand alone.
    name: 'forum-labels',
    kind: 'navigation',
    strength: 'label',
    terms: [
      '积分',
      '威望',
      '金币',
      '铜板',
      '鲜花',
      '在线时间',
      '注册时间',
      '听众',
      '帖子',
      '主题',
      '楼主',
      '沙发',
      '板凳',
      '举报',
      '回复',
      '收藏',
      '分享',
    ],
  },
  {
    // Document-sharing sites' header and footer around a viewer copy (seed 001).
    name: 'doc-sharing',
    kind: 'boilerplate',
    strength: 'strong',
    terms: [
      '由会员分享',
      '可在线阅读',
      '更多相关',
      '珍藏版',
      '分享文档赚钱',
      '文档赚钱',
      '配套讲稿',
      '显示word图标',
      '已包含配套word讲稿',
      '作品整体效果示例展示',
      '禁止商用',
      '独创性部分享有著作权',
      '特殊限制',
      '关键词:',
      '限制150内',
      '淘文阁',
      '原创力文档',
      '人人文库',
      '道客巴巴',
      '豆丁网',
      '文档投诉',
      '下载积分',
      '免费下载',
    ],
  },
];

/** Lines that are a rich-text editor's toolbar: only these words, in ASCII. */
export const EDITOR_TOOLBAR_WORDS: ReadonlySet<string> = new Set([
  'B',
  'I',
  'U',
  'Color',
  'Image',
  'Link',
  'Quote',
  'Code',
  'Smilies',
  'Bold',
  'Italic',
  'Underline',
  'Font',
  'Size',
  'Table',
  'Media',
  'Flash',
  'Attach',
  'Undo',
  'Redo',
]);

/** How a breadcrumb begins ("您当前的位置:首页>政务公开>…"). */
export const BREADCRUMB_LEAD = /^[\s【\[]*(?:您当前的位置|您现在的位置|当前位置|您的位置|你的位置|所在位置|现在位置)\s*[:：]?/;
