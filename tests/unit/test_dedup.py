"""Reprint clustering: a republished copy joins its original; a different meeting of the same bureau does not."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from indexer.models import Document
from indexer.reprints import THRESHOLD, ReprintGraph, key_of, recluster, restore, shingles, sketch
from indexer.store.catalog import Catalog

ORIGINAL_TITLE = "石泉县教育体育局召开2025年春季学期校园安全工作会议"
ORIGINAL = """2月17日上午，石泉县教育体育局召开2025年春季学期校园安全工作会议，全县各中小学、幼儿园校（园）长及分管安全工作负责人参加会议。
会议传达学习了省、市教育系统安全工作会议精神，通报了寒假期间全县校园安全隐患排查整治情况，对新学期校园安全工作进行了安排部署。
会议指出，开学前后是各类安全事故易发多发期，各校要牢固树立安全发展理念，坚决克服麻痹思想和侥幸心理，把师生生命安全放在首位。
会议要求，一要全面开展开学安全大检查，重点对校舍、消防设施、食堂、校车、实验室等开展拉网式排查，发现隐患立即整改，不能立即整改的要落实管控措施。二要加强食品安全管理，严格落实食材采购索证索票和陪餐制度，坚决防止食物中毒事件发生。三要抓好交通安全教育，规范校车运行管理，严禁学生乘坐无牌无证和超员车辆。四要持续做好防溺水、防欺凌和心理健康教育，密切家校沟通，及时化解矛盾纠纷。
会议强调，各校主要负责人要切实履行第一责任人职责，层层压实安全责任，严格落实24小时值班和领导带班制度，遇有突发情况第一时间处置并报告，确保新学期校园安全稳定。"""

# The same text on a news portal: its own header and footer, an ad between paragraphs, the
# date line rewritten, one sentence shortened and the list items lightly edited.
REPRINT = """来源：石泉县人民政府网　作者：综合整理　阅读：1024　分享到：微信 微博
2月17日上午，石泉县教育体育局召开2025年春季学期校园安全工作会议，全县各中小学、幼儿园校（园）长及分管安全负责人参加会议。
会议传达学习了省、市教育系统安全工作会议精神，通报了寒假期间全县校园安全隐患排查整治情况，并对新学期校园安全工作作了安排部署。
会议指出，开学前后是各类安全事故易发多发期，各校要牢固树立安全发展理念，把师生生命安全放在首位。
【广告】暑期编程夏令营火热报名中，咨询电话400-000-0000
会议要求，一要全面开展开学安全大检查，重点对校舍、消防设施、食堂、校车、实验室等开展拉网式排查，发现隐患立即整改，不能立即整改的要落实管控措施。二要加强食品安全管理，严格落实食材采购索证索票和陪餐制度，坚决防止食物中毒事件发生。三要抓好交通安全教育，规范校车运行管理，严禁学生乘坐无牌无证车辆和超员车辆。四要持续做好防溺水、防欺凌和心理健康教育，密切家校沟通，及时化解矛盾纠纷。
会议强调，各校主要负责人要切实履行第一责任人职责，层层压实安全责任，严格落实24小时值班和领导带班制度，遇有突发情况第一时间处置并报告，确保新学期校园安全稳定。
责任编辑：李然　声明：本网转载此文出于传递更多信息之目的，不代表本网观点。"""

# Another meeting of the same bureau, written with the same stock phrases.
OTHER_MEETING_TITLE = "石泉县教育体育局召开暑期防溺水工作推进会"
OTHER_MEETING = """6月20日下午，石泉县教育体育局召开暑期防溺水工作推进会，全县各中小学校长及分管安全工作负责人参加会议。
会议传达学习了省、市防溺水工作电视电话会议精神，通报了近期全县学生防溺水专项督查情况，对暑假期间防溺水工作进行了安排部署。
会议指出，暑假是学生溺水事故易发多发期，各校要牢固树立安全发展理念，坚决克服麻痹思想和侥幸心理，把学生生命安全放在首位。
会议要求，一要在放假前开展一次防溺水专题教育，利用主题班会、致家长一封信等形式，让每名学生熟知“六不准”要求。二要会同镇村对汉江沿岸、水库、山塘等危险水域开展排查，设置警示标志，配齐救生器材。三要建立假期家访和学生去向登记制度，督促家长履行监护责任，做到放假不放松。
会议强调，各校主要负责人要切实履行第一责任人职责，层层压实安全责任，严格落实假期值班和信息报送制度，遇有突发情况第一时间处置并报告，确保学生度过一个平安暑假。"""

JOB_AD = """华夏资讯网因业务发展需要，现面向社会公开招聘编辑记者、视频剪辑、新媒体运营等岗位工作人员若干名。
应聘者须具有全日制本科及以上学历，新闻学、汉语言文学、广播电视等相关专业优先，具有两年以上媒体从业经历者可适当放宽条件。
报名时间为即日起至3月15日，请将个人简历、作品样稿及相关证书扫描件发送至招聘邮箱，邮件标题注明应聘岗位和姓名。
经资格审查合格的人员将另行通知参加笔试和面试，录用人员实行试用期制度，薪酬待遇面议，依法缴纳社会保险和住房公积金。"""


def doc(doc_id: str, title: str, body: str, *, published: str, source_type: str = "gov", county: str | None = "石泉县") -> Document:
    at = int(datetime.fromisoformat(published).timestamp())
    return Document(id=doc_id, url=f"http://example.invalid/{doc_id}", source_id=source_type, title=title, body=body,
                    title_search=title, body_search=body, published_at=at, source_type=source_type,  # type: ignore[arg-type]
                    province="陕西省", city="安康市", county=county)


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def graph_of(*docs: Document) -> ReprintGraph:
    pairs = [key_of(d.id, json.loads(d.model_dump_json()), None) for d in docs]
    signatures = sketch([grams for _, grams in pairs])
    return ReprintGraph(type(key)(**{**key.__dict__, "signature": sig}) for (key, _), sig in zip(pairs, signatures, strict=False))


def test_a_republished_text_with_its_own_header_footer_ad_and_edits_is_a_reprint() -> None:
    assert jaccard(ORIGINAL, REPRINT) >= THRESHOLD
    graph = graph_of(doc("gov1", ORIGINAL_TITLE, ORIGINAL, published="2025-02-17"),
                     doc("news1", ORIGINAL_TITLE, REPRINT, published="2025-02-18", source_type="news", county=None))
    assert graph.reprints_of("gov1") == {"news1"}
    assert graph.reprints_of("news1") == {"gov1"}


def test_two_meetings_of_one_bureau_sharing_stock_phrases_are_not_reprints() -> None:
    assert jaccard(ORIGINAL, OTHER_MEETING) < THRESHOLD
    graph = graph_of(doc("gov1", ORIGINAL_TITLE, ORIGINAL, published="2025-02-17"),
                     doc("gov2", OTHER_MEETING_TITLE, OTHER_MEETING, published="2025-06-20"))
    assert graph.reprints_of("gov1") == set()


def test_the_same_template_for_another_year_or_another_county_is_not_a_reprint() -> None:
    next_year = ORIGINAL.replace("2025", "2026").replace("2月17日", "2月16日")
    assert jaccard(ORIGINAL, next_year) >= THRESHOLD          # the text alone cannot tell them apart
    graph = graph_of(doc("y2025", ORIGINAL_TITLE, ORIGINAL, published="2025-02-17"),
                     doc("y2026", ORIGINAL_TITLE.replace("2025", "2026"), next_year, published="2026-02-16"),
                     doc("hanyin", ORIGINAL_TITLE.replace("石泉县", "汉阴县"), ORIGINAL.replace("石泉县", "汉阴县"),
                         published="2025-02-17", county="汉阴县"))
    assert graph.reprints_of("y2025") == set()


def test_signatures_survive_storage() -> None:
    (signature,) = sketch([shingles(ORIGINAL)])
    assert signature is not None
    again = restore(signature)
    assert again.jaccard(restore(signature)) == 1.0


def test_a_short_text_never_joins_a_cluster() -> None:
    assert sketch([shingles("关于放假的通知")]) == [None]


def _store(catalog: Catalog, *docs: Document) -> None:
    for d in docs:
        catalog.store_documents(_page(catalog, d.url), [d.model_copy(deep=True)])


def _page(catalog: Catalog, url: str) -> int:
    from indexer.models import Page

    return catalog.save_page(Page(url=url, final_url=url, body=url.encode(), fetched_at=datetime.now(),
                                  source_id="t"), state="ok")


def test_clusters_are_kept_in_the_catalog_and_follow_each_crawl(tmp_path: Path) -> None:
    catalog = Catalog(f"sqlite:///{tmp_path / 'catalog.sqlite3'}")
    news = doc("news1", ORIGINAL_TITLE, REPRINT, published="2025-02-18", source_type="news", county=None)
    _store(catalog, news, doc("gov2", OTHER_MEETING_TITLE, OTHER_MEETING, published="2025-06-20"))
    assert recluster(catalog).sketched == 2
    assert catalog.document("news1").cluster_id == "news1"          # alone so far: a singleton

    # the official original arrives later: it becomes the canonical copy of the cluster
    _store(catalog, doc("gov1", ORIGINAL_TITLE, ORIGINAL, published="2025-02-17"))
    catalog.mark_synced(catalog.pending_documents(100))
    report = recluster(catalog)
    assert report.sketched == 1                                       # unchanged documents are not sketched again
    original, copy, other = (catalog.document(i) for i in ("gov1", "news1", "gov2"))
    assert (original.cluster_id, original.is_canonical, original.reprints) == ("gov1", True, 1)
    assert (copy.cluster_id, copy.is_canonical, copy.reprints) == ("gov1", False, 1)
    assert (other.cluster_id, other.is_canonical, other.reprints) == ("gov2", True, 0)
    assert {i for i, _ in catalog.pending_documents(100)} == {"gov1", "news1"}   # re-queued for the index
    assert sorted(catalog.cluster_members("gov1")) == ["gov1", "news1"]

    # a re-crawl of the same text keeps the cluster; nothing to do
    catalog.mark_synced(catalog.pending_documents(100))
    _store(catalog, doc("news1", ORIGINAL_TITLE, REPRINT, published="2025-02-18", source_type="news", county=None))
    assert catalog.document("news1").cluster_id == "gov1"
    assert recluster(catalog).changed == 0

    # the portal replaces the text with something else: the cluster splits again
    _store(catalog, doc("news1", "华夏资讯网2025年春季招聘启事", JOB_AD, published="2025-02-18", source_type="news", county=None))
    recluster(catalog)
    assert (catalog.document("gov1").reprints, catalog.document("news1").cluster_id) == (0, "news1")


def test_a_county_notice_on_its_province_template_is_not_a_reprint_of_the_province_notice() -> None:
    province_doc = doc("gov-prov", ORIGINAL_TITLE, ORIGINAL, published="2025-02-17", county=None)
    province_doc = province_doc.model_copy(update={"city": None})
    county_doc = doc("gov-county", ORIGINAL_TITLE, ORIGINAL, published="2025-02-18")
    assert graph_of(province_doc, county_doc).reprints_of("gov-prov") == set()
    # the same pair on a news site and a bureau site is one announcement and its reprint
    news_copy = doc("news-copy", ORIGINAL_TITLE, REPRINT, published="2025-02-18", source_type="news", county=None)
    assert graph_of(county_doc, news_copy).reprints_of("gov-county") == {"news-copy"}
