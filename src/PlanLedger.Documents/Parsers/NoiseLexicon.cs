using System.Text.RegularExpressions;

namespace PlanLedger.Documents.Parsers;

/// <summary>
/// What scrapers and office files leave around a document: site chrome, share widgets, copyright and
/// disclaimer lines, download-shop boxes, and spam strings injected inside sentences. General patterns,
/// not strings of one page.
/// </summary>
internal static partial class NoiseLexicon
{
    /// <summary>A whole paragraph that is site chrome or an advert.</summary>
    [GeneratedRegex(
        @"^(?:" +
        // provenance and page metadata
        @"原标题|原文标题|原链接|原文链接|原文地址|来源[:：]|文章来源|信息来源|发布时间|发布日期|发布机构|发文日期[:：]|浏览次数|阅读次数|访问量|点击数|点击量|累计次数|字号[:：]|字体(?:大小)?[:：]|责任编辑|编辑[:：]|作者[:：]|审核[:：]|校对[:：]|" +
        // navigation
        @"导航|首页|当前位置|您的位置|您现在的位置|位置[:：]|返回顶部|返回首页|上一篇|下一篇|上一条|下一条|相关推荐|相关阅读|相关文章|相关链接|推荐阅读|热门推荐|猜你喜欢|" +
        // share / print
        @"分享到|分享[:：]|打印本页|打印页面|\[?打印|关闭窗口|【关闭|\[?关闭页面|收藏本页|扫一扫|扫码|微信扫|微信好友|朋友圈|QQ空间|新浪微博|点击右上角|" +
        // copyright, disclaimers
        @"Copyright|版权所有|版权声明|©|All Rights Reserved|\.All Rights|ICP备|[京沪津渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新]ICP|公网安备|技术支持[:：]|主办单位[:：]|承办单位[:：]|网站标识码|免责声明|本文内容由|本文档由|本站仅提供|如若转载|转载请注明|如发现本站|本网站|" +
        // download shops and adverts
        @"折扣价|[(（]?原价|VIP|下载文档|免费下载|立即下载|扫码下载|【Word文档】|\[Word文档\]|如遇卡顿|客服请联系|客服[:：]|7X24|7×24|在线客服|微信[:：]|QQ[:：]|摘要[:：]|格式[:：]|更多资料|更多信息请|更多精彩|关注.{0,30}(?:公众号|微信)|" +
        @"擅长领域|微笑上岗|" +
        // a sharing site's hidden-text marker: "---此处隐藏5372字,下载后查看---"
        @"-?-?-?此处隐藏[0-9]|" +
        // an inline image the page's text kept as markup: "<image>data:image/s3,"s3://crabby-images/…" alt="…’ title="</image>"
        @"<image>|<img\s" +
        @")", RegexOptions.CultureInvariant)]
    public static partial Regex ChromeLine();

    /// <summary>A paragraph that is only a URL, a site-metadata row ("2021-03-22 | 格式:DOC"), or punctuation.</summary>
    [GeneratedRegex(@"^(?:(?:https?://|www\.)\S+|.{0,40}\s*\|\s*.{0,60}|[\p{P}\p{S}\s]+|\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?.{0,30})$", RegexOptions.CultureInvariant)]
    public static partial Regex MetaRowLine();

    /// <summary>A sharing site's word count glued before the document's first line: "全文共计3393字全面改薄工作…".</summary>
    [GeneratedRegex(@"^全文共计?[0-9]+字")]
    public static partial Regex WordCountPrefix();

    /// <summary>Underscore-joined keyword chains that scrapers paste inside sentences.</summary>
    [GeneratedRegex(@"[^\s，。；：,;:、“”（）()]+(?:_[^\s，。；：,;:、“”（）()_]+)+")]
    public static partial Regex UnderscoreChain();

    /// <summary>Betting, casino and advert words that mark such a chain as spam.</summary>
    [GeneratedRegex(@"365|[Bb][Ee][Tt]|博彩|彩票|娱乐城|娱乐场|百家乐|棋牌|老虎机|赌场|赌博|真人|葡京|威尼斯人|皇冠|体育在线|提款|开户|注册送|网址|官方电话|官网|官方网站|app下载|APP下载|怎么办")]
    public static partial Regex SpamWord();

    /// <summary>
    /// SEO keywords injected before a comma: "<place>市教育机构," right after a finished phrase.
    /// </summary>
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}》”])[\p{IsCJKUnifiedIdeographs}]{1,4}[市县区](?:教育机构|培训机构|教育网|人才网|招聘网)(?=[，,。])", RegexOptions.CultureInvariant)]
    public static partial Regex InjectedKeyword();
}
