"""Extraction on saved pages (tests/pages/): with/without snippets, metadata, edge cases."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from indexer.extract import ExtractOptions, extract_articles
from indexer.extract.decode import decode_html
from indexer.extract.page import doc_number, strip_site_suffix

PAGES = Path(__file__).resolve().parents[1] / "pages"
EXPECT = json.loads((PAGES / "expectations.json").read_text(encoding="utf-8"))


def page_bytes(name: str, charset_meta: str | None = None) -> bytes:
    """A saved page as the server would send it: re-encoded when the expectation says so."""
    text = (PAGES / name).read_text(encoding="utf-8")
    encoding = EXPECT[name].get("encode")
    if charset_meta is not None:
        text = text.replace("<!--CHARSET-->", charset_meta)
    return text.encode(encoding) if encoding else text.encode("utf-8")


# The pages are "fetched" on a fixed day: dates never depend on the day the tests run.
FETCHED = datetime.fromisoformat("2026-12-02T10:00:00+08:00")


def extract_page(name: str, **options) -> list:
    spec = EXPECT[name]
    html, _ = decode_html(page_bytes(name), None)
    options.setdefault("fetched_at", FETCHED)
    opts = ExtractOptions(multi_article=spec.get("multi_article", False), **options)
    return extract_articles(html, spec["url"], opts)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_expectations(name):
    spec = EXPECT[name]
    articles = extract_page(name)
    if spec.get("articles") == []:
        assert articles == []
        return
    assert articles, f"{name}: nothing extracted"
    body = "\n".join(a.body for a in articles)
    for snippet in spec.get("with", []):
        assert snippet in body, f"{name}: missing {snippet!r}"
    for snippet in spec.get("without", []):
        assert snippet not in body, f"{name}: boilerplate {snippet!r} kept"
    if "title" in spec:
        assert articles[0].title == spec["title"]
    if "date" in spec:
        assert all(a.published_at and a.published_at.date().isoformat() == spec["date"] for a in articles)
    if "date_source" in spec:
        assert [a.date_source for a in articles] == [spec["date_source"]] * len(articles)
    if "tables" in spec:
        assert [len(rows) for a in articles for rows in a.tables] == spec["tables"]
    for article in articles:  # never Markdown tables, in any field
        assert not any("|" in line and line.strip().startswith("|") for line in article.body.split("\n")), name
        assert " | " not in article.body and "|---" not in article.body, name
    for article, expected in zip(articles, spec.get("articles", []), strict=False):
        for key, value in expected.items():
            assert getattr(article, key) == value, f"{name}#{article.index}.{key}"
    if spec.get("articles"):
        assert len(articles) == len(spec["articles"])


def test_gov_cms_page_metadata_table_and_attachments():
    (article,) = extract_page("gov_cms.html")
    # the box labels both 成文日期 and 发布日期: the document's date is the day it was signed
    assert article.date_source == "table:成文日期"
    assert article.published_at == datetime.fromisoformat("2025-02-14T00:00:00+08:00")
    assert article.issuer == "示例省教育厅安全稳定处"
    assert article.doc_number == "示教安〔2025〕3号"
    assert article.meta["SiteName"] == "示例省教育厅"
    assert article.meta["ColumnName"] == "通知公告"
    assert article.meta["索引号"] == "11610000MB0000001X/2025-00042"
    assert article.meta["主题分类"] == "教育"
    assert article.meta["成文日期"] == "2025年02月14日"
    assert [(a.name, a.url) for a in article.attachments] == [
        ("1.春季学期校园安全隐患排查清单.pdf", "http://jyt.example.gov.cn/zwgk/202502/P020250218512345678901.pdf"),
        ("2.校园安全隐患整改情况汇总表.docx", "http://jyt.example.gov.cn/zwgk/202502/P020250218512345678902.docx"),
    ]
    assert article.mojibake_spans == []


def test_news_reprint_header_line_gives_date_and_byline():
    (article,) = extract_page("news_reprint.html")
    assert article.published_at == datetime.fromisoformat("2024-07-03T16:21:09+08:00")
    assert article.date_source.startswith("byline")
    assert article.author == "全媒体记者 林海 通讯员 许晴"
    assert article.body.startswith("7月2日下午")


def test_traditional_page_keeps_script_and_reads_source_line():
    (article,) = extract_page("traditional_pinyin.html")
    assert article.issuer == "示例縣教育局"
    assert article.date_source == "text"
    assert "穩定" in article.body and "(wěn)" not in article.title


@pytest.mark.parametrize(
    ("charset_meta", "content_type"),
    [
        ("", None),  # missing
        ('<meta charset="utf-8">', "text/html; charset=utf-8"),  # wrong, in both places
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', None),  # right
    ],
)
def test_gbk_page_with_missing_or_wrong_charset(charset_meta, content_type):
    raw = page_bytes("gbk_article.html", charset_meta)
    html, encoding = decode_html(raw, content_type)
    assert encoding == "gb18030"
    (article,) = extract_articles(html, EXPECT["gbk_article.html"]["url"])
    assert article.title == "示例区召开汛期学校安全工作会议"
    assert "\ufffd" not in article.body
    assert article.issuer == "示例区教育局"


def test_epaper_splits_articles_with_their_own_headlines_and_bylines():
    articles = extract_page("epaper.html")
    assert [a.index for a in articles] == [0, 1]
    assert articles[0].body.startswith("本报讯")
    assert "地震" not in articles[0].body and "食堂" not in articles[1].body
    assert all(a.date_source in ("byline", "url") for a in articles)


def test_epaper_without_url_date_takes_the_masthead_date_never_the_clock():
    html = (PAGES / "epaper.html").read_text(encoding="utf-8")
    fetched = datetime.fromisoformat("2025-03-06T08:00:00+08:00")
    articles = extract_articles(html, "http://epaper.example.cn/paper/a3.htm",
                                ExtractOptions(multi_article=True, fetched_at=fetched))
    assert [a.published_at.date().isoformat() for a in articles] == ["2025-03-05", "2025-03-05"]
    assert articles[0].date_source == "byline"
    # without the masthead the articles' "3月3日" has no year on the page: no date, not the clock's year
    bare = html.replace("2025年03月05日 星期三", "星期三")
    articles = extract_articles(bare, "http://epaper.example.cn/paper/a3.htm",
                                ExtractOptions(multi_article=True, fetched_at=fetched))
    assert [a.published_at for a in articles] == [None, None]


def test_list_page_and_empty_pages_give_nothing():
    assert extract_page("list_page.html") == []
    assert extract_articles("", "http://x.example/") == []
    assert extract_articles("<html><body></body></html>", "http://x.example/") == []
    assert extract_articles("<html><body><p>短</p></body></html>", "http://x.example/") == []


def test_an_article_followed_by_other_articles_dated_titles_is_an_article():
    # a portal lists ten dated titles under the text, with no heading: still an article, and they
    # are not its text
    story = ("4月25日，某县一所小学发生学生疑似食物中毒事件，县委宣传部证实了这一消息。",
             "据介绍，上午9时许，六年级一名学生出现呕吐症状，随后陆续有学生出现相似症状，校方将学生送往医院检查治疗。",
             "截至中午，经观察无异常症状的学生已离院回家，市场监管部门已将食物留样送检，具体原因正在调查。")
    related = [f"某地医院开展第{i}期健康义诊活动2026-01-{10 + i:02d}" for i in range(10)]
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><article>"
            + "".join(f"<p>{line}</p>" for line in (*story, *related)) + "</article></body></html>")
    articles = extract_articles(html, "http://x.example/a.html")
    assert len(articles) == 1
    assert "义诊" not in articles[0].body and articles[0].body.endswith("正在调查。")


def test_content_and_remove_selectors():
    html = (PAGES / "gov_cms.html").read_text(encoding="utf-8")
    options = ExtractOptions(content_selector="#zoom", remove_selectors=("#zoom p:nth-of-type(11)",))
    (article,) = extract_articles(html, EXPECT["gov_cms.html"]["url"], options)
    assert article.body.startswith("各市（区）教育局")
    assert "联系人" not in article.body
    assert len(article.attachments) == 2


def test_title_without_site_suffix():
    assert strip_site_suffix("示例县召开安全会议 - 示例省人民政府门户网站") == "示例县召开安全会议"
    assert strip_site_suffix("示例县召开安全会议_网易新闻") == "示例县召开安全会议"
    assert strip_site_suffix("示例县召开安全会议|示例网", site_name="示例网") == "示例县召开安全会议"
    assert strip_site_suffix("首页 - 示例县召开消防安全培训会议") == "示例县召开消防安全培训会议"


def test_title_falls_back_to_title_tag_when_no_headline():
    html = (
        "<html><head><title>示例镇开展燃气安全检查_示例县人民政府</title></head><body><div class='c'>"
        + "<p>示例镇组织工作人员对辖区餐饮场所燃气使用情况开展检查，督促经营者规范安装报警装置。</p>" * 3
        + "</div></body></html>"
    )
    (article,) = extract_articles(html, "http://x.example/a.html")
    assert article.title == "示例镇开展燃气安全检查"


def test_mojibake_in_body_is_repaired_or_reported():
    good = "示例区教育局召开会议，要求各学校开展燃气安全检查。"
    garbled = good.encode("utf-8").decode("gb18030", errors="replace")
    html = f"<html><head><title>燃气安全检查</title></head><body><article><h1>燃气安全检查</h1><p>{good}</p><p>{garbled}</p><p>{good}</p></article></body></html>"
    (article,) = extract_articles(html, "http://x.example/b.html")
    assert "锛" not in article.body
    broken = "<html><head><title>化学品检查</title></head><body><article><h1>化学品检查</h1>" \
        "<p>开展实验室及?;钒踩⑿@施工安全等方面的全面排查工作，确保不留死角。</p>" \
        "<p>各学校要建立台账，逐项销号，按期报送整改情况，确保隐患清零。</p></article></body></html>"
    (article,) = extract_articles(broken, "http://x.example/c.html")
    assert article.mojibake_spans
    start, end = article.mojibake_spans[0]
    assert "?;" in article.body[start:end]


def test_a_page_without_html_element_is_still_read():
    # an ASP.NET page (all of it inside one <form>) saved inside a record element, no <html>:
    # trafilatura's loader refuses a lone element holding a lone child
    html = ("<text id='http://www.example-xian.gov.cn/2024/0603/a.aspx'>\n<form name='Form1' method='post'>"
            "<div class='wrap'><h1>示例县召开防汛工作会议</h1><p>6月3日，示例县召开防汛工作会议，部署主汛期防汛和"
            "学校安全工作，要求各乡镇和学校落实值班值守制度。</p><p>会议强调，要加强隐患排查，确保安全度汛。</p>"
            "</div></form></text>")
    (article,) = extract_articles(html, "http://www.example-xian.gov.cn/2024/0603/a.aspx")
    assert article.title == "示例县召开防汛工作会议" and "确保安全度汛" in article.body


def test_h1_subheadings_inside_the_body_do_not_cut_the_article():
    paragraph = "<p>学校食堂要严格落实食品安全管理制度，做好食材采购、贮存、加工和留样，确保师生饮食安全。</p>"
    html = ("<html><head><title>做好春季学校食品安全工作</title></head><body><div class='art'>"
            "<h1>做好春季学校食品安全工作</h1><div class='body'><div>" + paragraph +
            "<h1>一是严把采购关</h1>" + paragraph + "<h1>二是严把加工关</h1><p>后厨要做到生熟分开，"
            "餐具每餐消毒，从业人员持证上岗。</p></div></div></div></body></html>")
    (article,) = extract_articles(html, "http://x.example/a.html")
    assert "从业人员持证上岗" in article.body and article.body.startswith("学校食堂要严格落实")


def _paragraphs_page(lines: list[str]) -> str:
    """A page without <title> or <h1>: one <p> per line in an <article>."""
    return "<html><body><article>" + "".join(f"<p>{line}</p>" for line in lines) + "</article></body></html>"


def test_a_photo_note_above_the_article_is_not_its_title_and_a_dated_outlet_is_its_source():
    # a page without <title> or <h1>: the headline is a paragraph, and a photo note sits nearer
    lines = ["省教育厅部署全省学校冬季取暖安全工作", "2024-11-08 09:12:40示例日报", "(资料图片仅供参考)",
             "为确保广大师生安全温暖过冬，省教育厅日前下发通知，对学校冬季安全及取暖工作作出部署。",
             "通知要求各地主动对接燃气、供热和电力部门，确保学校用气、用电安全。"]
    html = _paragraphs_page(lines)
    (article,) = extract_articles(html, "http://x.example/d.html")
    assert article.title == "省教育厅部署全省学校冬季取暖安全工作"
    assert article.issuer == "示例日报"
    assert "仅供参考" not in article.body


@pytest.mark.parametrize("caption", ["事故现场 警方供图", "图为学生有序疏散。张三摄", "（相关资料图）", "县融媒体中心 供图"])
def test_a_photos_caption_is_no_title_and_stays_in_the_body(caption):
    # a page copied without its headline opens on a photo's caption: the title is the first sentence
    lines = [caption,
             "3月2日下午，示例县一所小学组织全校师生开展地震应急疏散演练，八百余名师生两分钟内撤离到操场。",
             "演练结束后，校长对演练情况进行了讲评，要求各班继续加强防震减灾知识教育。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/c.html")
    assert article.title.startswith("3月2日下午，示例县一所小学")
    assert caption in article.body


def test_an_events_place_row_is_no_title():
    # a 时间 / 地点 / 经过 summary copied without its headline: the place row stays in the body
    lines = ["地点(diǎn)：示例省示例县城关镇西街道口", "事件经过：一辆校车与一辆货车相撞，车上共有十二名学生。",
             "伤亡：事故造成两名学生受伤，已送往县医院治疗。", "事故原因：校车驾驶人操作不当，且车辆未按规定线路行驶。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/e.html")
    assert not article.title.startswith("地点")
    assert "城关镇西街道口" in article.body


def test_a_dated_outlet_after_the_sites_name_is_the_source():
    lines = ["示例新闻网 2006-11-09 03:18:36 示例早报", "司炉工必须持证上岗",
             "10月28日，全市学校的司炉工参加了市教育局组织的锅炉安全操作培训，考核合格后持证上岗。",
             "市教育局要求所有学校在供暖前对锅炉设备进行一次全面检查。"]
    html = _paragraphs_page(lines)
    (article,) = extract_articles(html, "http://x.example/e.html")
    assert article.issuer == "示例早报"


def test_a_headline_about_an_ad_word_is_still_the_headline():
    # the cleaner drops a line selling 百家乐; a headline warning against it is the title
    html = ("<html><head><title>示例县人民政府</title></head><body><div class='c'>"
            "<p>警惕网络赌博“百家乐”陷阱 民警进校园讲防诈</p>"
            + "<p>近日，示例县公安局民警走进示例中学，为师生讲解网络赌博和电信诈骗的常见套路，提醒学生提高警惕。</p>" * 3
            + "</div></body></html>")
    (article,) = extract_articles(html, "http://x.example/f.html")
    assert article.title == "警惕网络赌博“百家乐”陷阱 民警进校园讲防诈"


def test_an_image_file_name_is_not_a_title():
    # a page without <title> or <h1>: the site's banner image sits between the headline and the text
    lines = ["示例县：防灾减灾教育进校园", "2024-05-12 10:20", "示例智能 网站抬头.jpg",
             "近日，示例县应急管理局走进示例中学开展防灾减灾教育，组织师生开展应急疏散演练。",
             "演练结束后，工作人员为师生讲解了地震避险知识。"]
    html = _paragraphs_page(lines)
    (article,) = extract_articles(html, "http://x.example/g.html")
    assert article.title == "示例县：防灾减灾教育进校园"


def test_a_channel_before_a_separator_and_a_byline_are_not_the_title():
    # a news app's page: the channel's breadcrumb ("示例头条 >") and the byline sit between the
    # headline and the text
    lines = ["示例Logo", "临港两万名高校新生开学 民警送上安全防范", "示例新闻高级记者 张示例", "2023-09-03 13:24",
             "来源：示例新闻", "示例头条 >", "字号",
             "自9月2日起，临港地区五所高校迎来了近两万名新生，民警提前做好开学季安全准备。",
             "民警在新生报到处发放反诈宣传单，提醒新生小心电信网络诈骗。"]
    html = _paragraphs_page(lines)
    (article,) = extract_articles(html, "http://x.example/h.html")
    assert article.title == "临港两万名高校新生开学 民警送上安全防范"


def test_a_label_is_no_source_value():
    # "信息来源: 编辑:示例市教育局": the source is empty and the next label is no issuer
    lines = ["示例风景区举行教师节庆祝活动 发布日期:2019-09-12 信息来源: 编辑:示例市教育局 审核:教育局",
             "9月9日上午，示例风景区举行第35个教师节庆祝表彰活动，表彰教育先进模范。",
             "会议对28名优秀教师进行了表彰。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/i.html")
    assert article.issuer != "编辑"
    # a value glued to the next label is still a value (the issuer's county stays readable)
    from indexer.text.labels import HEADER_SOURCE
    assert HEADER_SOURCE.search("来源：示例县教育体育局发布时间：2024-06-05").group(1).startswith("示例县教育体育局")


@pytest.mark.parametrize("title", ["我校举办校园小记者培训", "关于评选2024年度优秀通讯员的通知", "消防安全摄影作品展"])
def test_a_headline_ending_in_a_role_word_is_still_the_headline(title):
    # only a role word, a space or a colon and a name at the line's end is a byline
    lines = ["示例Logo", title, "2024-05-12 10:20", "来源：示例县教育局",
             "近日，示例县教育局组织开展活动，全县中小学师生积极参与，活动取得良好效果。", "活动共收到作品两百余件。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/j.html")
    assert article.title == title


@pytest.mark.parametrize("over_the_meta_line", [True, False])
def test_the_headline_is_the_line_by_its_source_and_date_not_a_share_widget(over_the_meta_line):
    # a page without <title> or <h1>: a share widget's "关注示例网" is nearer the text, but the
    # headline is the line next to "来源：… 时间：…", whichever side the layout prints it on
    headline = "省教育厅分六路督查中小学汛期安全工作"
    meta = "2019-07-02 09:30:12 来源：示例网 作者：张示例"
    top = [headline, meta] if over_the_meta_line else [meta, headline]
    lines = ["示例热搜榜单", *top, "关注示例网", "微博",
             "入汛以来，省教育厅分六路督查各地中小学汛期安全工作，每路由一名厅领导带队。",
             "督查组重点查看了学校危房、排水设施和防汛应急预案。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/i.html")
    assert article.title == headline


def test_a_page_copied_as_text_with_its_channel_menu_first_keeps_the_headline_by_its_date_line():
    # a whole page copied as text: a portal's channel menu of short lines comes first, far above the
    # headline, which stands over its 【发布日期】【来源】 line; the menu item nearest the top is no headline
    menu = ["首页", "添加收藏", "综合新闻", "政协聚焦", "文化名邦", "示例非遗", "平安示例", "侨乡教育", "寻宝示例",
            "文苑", "特别报道", "社会新闻", "更多", "侨乡茶座", "书画天地", "旅游世界", "生活空间", "经济广角"]
    headline = "示例镇中心小学开展消防疏散和防踩踏应急演练"
    lines = [*menu, headline, "【发布日期:2025-11-13】 【来源:本站】",
             "为提升应急处置能力，示例镇中心小学组织开展消防疏散和防踩踏应急演练，全校师生参加。",
             "演练结束后，校长对演练进行了点评。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/n.html")
    assert article.title == headline


def test_a_menu_item_shown_twice_is_no_headline_when_the_article_never_echoes_it():
    # a trade portal copied as text: two menus print 会员中心 twice, far above the headline over its
    # date-and-source line; a line shown twice is the headline only where the article repeats its words
    menu = ["加入桌面", "手机版", "行业频道", "高级搜索", "排名推广", "排名推广", "会员中心", "会员中心",
            "伦敦铜价 | 纽约铜价 | 北京铜价 | 其它省市", "当前位置: 首页 » 资讯 » 综合新闻 » 正文"]
    headline = "示例县幼儿园投毒案背后:全县上万名适龄幼儿未入园"
    lines = [*menu, headline, "放大字体 缩小字体 发布日期:2020-02-21 来源:示例新闻网",
             "示例网讯:3月23日,示例县示例村,一名幼儿的母亲拿着女儿生前幼儿园的胸卡。该县幼儿园投毒案发生后,"
             "记者走访发现,全县上万名适龄幼儿未能入园。",
             "县教育局表示,将加快公办幼儿园建设。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/t.html")
    assert article.title == headline


def test_a_forums_copy_link_widget_and_posters_ip_line_are_no_headline():
    # a forum thread copied as text: the login box's line shown twice, the thread's title over its
    # [复制链接] widget, the poster's rank and IP location (IP属地:某省某市) by the post's date
    headline = "[县域动态] 示例县多部门联动督查校园安全工作"
    lines = ["示例社区", "找回密码", "注册", "只需一步,快速开始", "只需一步,快速开始", "搜索", "查看: 1973|回复: 0",
             headline, "[复制链接]", "精华", "积分", "IP属地:湖北省武汉市", "发表于 湖北省武汉市 2018-4-21 20:22:17 来自手机",
             "示例新闻网(通讯员 张示例)4月16日,由示例县教育局、公安局等部门组成的联合检查组,深入12所学校督查校园安全工作。",
             "督查组现场填写检查记录表,下达隐患整改通知书。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/f.html")
    assert article.title == headline


def test_a_spam_line_under_the_date_is_no_headline_though_the_opening_holds_it():
    # a reprint whose headline reaches the article's opening, and a spam line injected under the date:
    # both stand by a meta line and both are in the opening, but only the headline's words come back
    # in the report
    headline = "某省一学校火灾致5人遇难 相关负责人已被控制"
    lines = [headline, "来源: 示例网", "2024-05-10 14:25:36", "某部称有关方面应履行政治承诺、不得插手示例问题另类XXXXZZZz,",
             "  示例社某市1月20日电 (记者 张示例)某省某市委宣传部20日向记者证实,该市某县某镇一学校宿舍发生火灾事故,"
             "造成5人遇难, 1人受伤。",
             "  某县学校火灾事故处置指挥部20日就上述事故通报称,1月19日23时,某县119指挥中心接报警,一学校宿舍发生火灾。"
             "消防救援大队迅速到达现场,23时38分明火被扑灭。",
             "  事故发生后,省、市领导赶赴现场,成立事故处置指挥部,开展事故调查和善后处置等工作。涉事学校负责人已被控制。(完)",
             "发布于:", "声明:该文观点仅代表作者本人,平台仅提供信息存储空间服务。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/m.html")
    assert article.title == headline


def test_an_info_boxs_row_of_bare_labels_is_no_headline():
    # a public-information page: the headline over its date, then the info box, whose row of labels
    # (values left empty) stands by a dated row and comes back in the box's own lines, where the
    # headline's words do not (the report tells it in other words)
    headline = "全县义务教育基本均衡发展通过省级督导评估"
    lines = ["政府信息公开", headline, "2022-05-06    阅读:", " 索 引 号  20220506-001  发布机构   公开日期  2022-05-06",
             " 文  号   主题分类   失效日期 ", " 体裁分类   服务对象 ", "索引号: 20220506-001", "发布机构:", "文号:",
             "主题分类:", "失效日期:",
             "5月5日，省里专家组一行来我县检查工作，查看了学校校舍、食堂和功能室，对各校的办学条件给予肯定。",
             "专家组还听取了汇报，并就下一步工作提出了要求。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/p.html")
    assert article.title == headline


def test_a_news_agencys_dateline_on_its_own_line_is_no_headline():
    # the nearest line above the report is its dateline (某新闻组／北京16日电), the headline above that
    headline = "某省一中学生在校内被打伤 警方已介入"
    lines = ["快讯", "某地一景区推出冬季优惠", headline, "示例新闻组／北京16日电",
             "近日，某省某县一名中学生在校内遭到殴打受伤一事引发关注，当地警方与教育部门已介入处理。",
             "据家属介绍，受伤学生目前仍在医院治疗。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/n.html")
    assert article.title == headline


def test_a_greeting_an_info_box_row_and_a_salutation_are_no_title():
    # a letter on a page without a headline: its opening sentence is the best title it has
    lines = ["索引号：000-2024-0012 | 主题分类：教育", "尊敬的家长朋友：", "你们好！",
             "暑假即将来临，为确保孩子们度过一个平安的假期，学校提醒各位家长做好以下安全工作。",
             "一、严防溺水。教育孩子不私自下水游泳。", "二、注意交通安全。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/j.html")
    assert article.title.startswith("暑假即将来临")


def test_a_letters_headline_is_over_its_school_and_greeting():
    # a letter on a page without a headline element: headline, the school that writes it, the
    # salutation, the greeting, then the text
    lines = ["示例幼儿园2024年暑假告家长书", "示例区向阳幼儿园", "尊敬的家长:", "您们好!",
             "暑假从7月10日开始，下面几件事请各位家长和孩子一起读一读。",
             "一、严防溺水。教育孩子不私自下水游泳。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/k.html")
    assert article.title == "示例幼儿园2024年暑假告家长书"


def test_a_document_number_in_small_form_brackets_is_read():
    assert doc_number("学校将开展实验室安全检查（津教委科函﹝2018﹞29号）。") == "津教委科函﹝2018﹞29号"


def test_a_document_portals_issuing_unit_line_gives_the_issuer():
    # "颁布时间：… 发文单位：…" (a document portal's header, in Traditional too): the issuer, not a lost line
    lines = ["示政办发〔2009〕180号",
             "頒布時間:2009-07-31 10:00:50 發文單位:示例自治區人民政府辦公廳",
             "各市、县（区）人民政府，自治区各有关部门：现将《全区中小学校舍排查鉴定工作方案》印发给你们，请认真贯彻执行。",
             "排查鉴定工作是实施好中小学校舍安全工程的前提和关键环节。"]
    (article,) = extract_articles(_paragraphs_page(lines), "http://x.example/j.html")
    assert article.issuer == "示例自治區人民政府辦公廳"
