"""Extraction benchmark on the magic-html-zh corpus: Gonggao against plain trafilatura.

Run: ``python bench/eval_extraction.py`` (from the repository root). Reads the corpus from
``../shared/corpus/magic-html-zh`` (never copied into the repository), checks its sha256
pins, and prints one table: body precision / recall / F1 over character bigrams with
whitespace removed, title accuracy, date accuracy against ``tests/corpus_dates.json``, and
pages per second, for both extractors on the same pages in the same run.

``tests/unit/test_extraction_gate.py`` imports ``evaluate`` from here and fails when our
numbers fall below the floors pinned in ``tests/extraction_floors.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "magic-html-zh"
DATES = REPO / "tests" / "corpus_dates.json"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# The on-page headline of each corpus page, labelled by reading the HTML (None: no article headline).
GOLD_TITLES: dict[str, str | None] = {
    '4e55eac42f97a6d9': "习近平主持召开深入推进长三角一体化发展座谈会",
    '7e99760d0920deb0': "绥德：33名退役军人被表彰",
    '2338d64a03dcd33c': "疫情一刀切政策怎么投诉举报",
    '3ef3b4e65fab1f38': "创业环保第一季度报告会计差错的提示性公告",
    '42076fe0b7e33462': "人民币中间价创逾五年新低 做市商称符合预期",
    'aa1432d872173fe8': None,
    '83bd4dfc1e736b9a': "徒手抓子弹真的存在吗？",
    '14b709df543c9c22': "李强在新疆调研时强调 彰显特色优势 提高开放水平 在高质量发展中增进民生福祉促进长治久安",
    '090704b0cb2e2ae4': "新华视界｜河北遵化：数字农机服务助力农业生产",
    '1e20e0271231de85': "在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）",
    '45fcfa7d6741f436': "关注青少年心理健康“心成长”服务项目启动",
    'e25d0dd87c529dc7': "新华全媒+丨积极因素不断增多 “质升量稳”动能增强——前4个月我国外贸向好态势进一步巩固",
    '7fbc6805c3fb26a9': "现总统阿比纳德尔宣布赢得多米尼加总统选举",
    '665b6857803ab81b': "城市有轨电车之困：一边争相上马，一边接连叫停",
    '1b929fec5b591f38': "被控受贿超5.26亿 山东省青岛市政协原主席汲斌昌受审",
    'd231b17088855d54': "为什么 ChatGPT 不火了？",
    '71bfee3a89353841': "SolVES模型的生态系统社会价值评估代做",
    '2681eeacec6ab049': "日本企業5月信心保持穩定 但日圓疲弱推高成本損害利潤",
    'b5b26f9fb331612d': "義大利公開賽 茲韋列夫封王",
    '1f930df31eb35178': "经济日报评论员：再驳“中国新能源产能过剩论”",
    '23942aabb8b28ada': "汽车品牌直播拍到女主播裙底，涉事账号被无限期封禁！",
    'e751800204690e10': "中法经贸合作广度深度不断拓展",
    '9a0e481ae0f33a2e': "悲壮！布伦森遭遇左手骨折 第三节受伤提前离场",
    'a28ede747c822c44': "维护全人类共同利益需联手抵制保护主义",
    'acce09a6bb58986c': "中国“太空养鱼”项目进展顺利 “鱼航员”状态良好",
    '0eebc3efd1797949': "37岁丁俊晖身价过亿，住英国富人区，43岁妻子身材傲人，家世显赫",
    'cc1897c3d68906d2': "美官员否认伊朗直升机事故存在谋杀行为",
    'bb5f5ce0c70bc623': "租户将车停自家院子要交“资源占用费”？村民打“12345”讨说法",
    '9c642bd57e7c44cd': "我国首届养老专业本科生迎来毕业季 “银发浪潮”到来，年轻人可大展拳脚",
    '39dd62c5ba88ab41': "以战时内阁审查重启停火谈判提案",
    '5da9b27b0b9b53ae': "呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元",
    '7f67d45fb12c02e4': "北京：古北水镇“光之城”文旅融合系列IP推出",
    'fd0a94a0e3bc8c58': "苹果称美国反垄断诉讼应被驳回",
    '97a2a5818ca17b03': "巴以冲突，困住中国外贸人",
    '8f8e788c3abb7365': "政能亮丨“稳经济”需要跑出“加速度”",
    'ea5bdb58d64b345d': "2024年4月全国CPI同比上涨0.3% 食品价格下降2.7%",
    '6558a82cd7af98f9': "5月LPR按兵不动：1年期为3.45%，5年期以上为3.95%",
    '9055e5d5b83ee055': "短视频与大众文化生产",
    '3e863fa9ac341618': "《蓝羽会客厅》之《北京影人》5月20日起播出",
    'd997d758e164d764': "《热辣滚烫》贾玲瘦了100斤，她说：“我的减重非常健康”，怎么做到的？",
    '0987b0ff61a8eca7': "煮一碗好吃的腊八粥，请记好这几个小窍门",
    '9af148c8013298ff': "就在这个周末，超60家景区推门票半价！5·19中国旅游日上海送出“文旅大礼包”",
    '0d18823b30fc212d': "突发！新疆地震",
    '2dd9425ba67be652': "美联储维持联邦基金利率目标区间不变 年内预将再加息",
    '39ab22e747cb77c1': "亚洲首艘圆筒型“海上油气加工厂”启运珠江口盆地",
    '777ddd63e01e0fb1': "静夜思•夜",
    'b931df70657ce14d': "《中国式现代化发展之路》全文",
    '21475f4bb9752111': "河北雄安高新技术产业开发区",
    '931ec5cf06d4cf66': "《杜甫·将赴荆南寄别李剑州》",
    '06586406af5a4d94': "雄安新区",
    '19851fb2dac0a2fa': "第二章 失乡号的船长",
    '9f4c1adb9f61d954': "夜雨",
}

_SPACE = re.compile(r"\s+")
_TITLE_NOISE = re.compile(r"[\s\u3000·•]+")


@dataclass
class Score:
    """Running totals for one extractor."""

    name: str
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    titles_right: int = 0
    titles_total: int = 0
    dates_right: int = 0
    dates_total: int = 0
    seconds: float = 0.0
    pages: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        n = len(self.f1) or 1
        return {
            "precision": sum(self.precision) / n,
            "recall": sum(self.recall) / n,
            "f1": sum(self.f1) / n,
            "title_accuracy": self.titles_right / (self.titles_total or 1),
            "date_accuracy": self.dates_right / (self.dates_total or 1),
            "pages_per_second": self.pages / self.seconds if self.seconds else 0.0,
        }


def bigrams(text: str) -> Counter[str]:
    text = _SPACE.sub("", text or "")
    return Counter(text[i: i + 2] for i in range(len(text) - 1))


def prf(predicted: str, reference: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of character bigrams (multiset), whitespace removed."""
    pred, ref = bigrams(predicted), bigrams(reference)
    if not pred or not ref:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & ref).values())
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return precision, recall, (2 * precision * recall / (precision + recall) if overlap else 0.0)


def same_title(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and _TITLE_NOISE.sub("", predicted) == _TITLE_NOISE.sub("", gold)


def load_corpus(corpus: Path = CORPUS) -> list[tuple[str, str, str]]:
    """[(id, url, html)], after checking every page against its sha256 pin in gold.json."""
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, entry in sorted(gold.items()):
        raw = (corpus / "html" / f"{page_id}.html").read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != entry["sha256"]:
            raise ValueError(f"corpus page {page_id} does not match its sha256 pin")
        pages.append((page_id, entry["url"], raw.decode("utf-8", errors="replace")))
    return pages


def gold_texts(corpus: Path = CORPUS) -> dict[str, str]:
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    return {page_id: entry["content"] for page_id, entry in gold.items()}


def _ours(html: str, url: str):
    from indexer.extract import extract_articles

    articles = extract_articles(html, url)
    if not articles:
        return "", None, None
    first = articles[0]
    date = first.published_at.date().isoformat() if first.published_at else None
    return first.body, first.title, date


def _trafilatura_body(html: str, url: str):
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _trafilatura_meta(html: str, url: str):
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return None, None
    return doc.title, doc.date


def evaluate(corpus: Path = CORPUS, baseline: bool = True, rounds: int = 1) -> dict[str, dict[str, float]]:
    """Score Gonggao (and plain trafilatura when `baseline`) over the corpus."""
    pages = load_corpus(corpus)
    texts = gold_texts(corpus)
    dates = json.loads(DATES.read_text(encoding="utf-8"))
    ours, theirs = Score("gonggao"), Score("trafilatura")
    for page_id, url, html in pages:
        gold_date = dates.get(page_id, "missing")
        gold_title = GOLD_TITLES.get(page_id)
        start = time.perf_counter()
        for _ in range(rounds):
            body, title, date = _ours(html, url)
        ours.seconds += time.perf_counter() - start
        _record(ours, page_id, texts[page_id], body, title, gold_title, date, gold_date, rounds)
        if baseline:
            start = time.perf_counter()
            for _ in range(rounds):
                body = _trafilatura_body(html, url)
            theirs.seconds += time.perf_counter() - start
            title, date = _trafilatura_meta(html, url)
            _record(theirs, page_id, texts[page_id], body, title, gold_title, date, gold_date, rounds)
    result = {"gonggao": ours.row()}
    result["gonggao"]["misses"] = ours.misses  # type: ignore[assignment]
    if baseline:
        result["trafilatura"] = theirs.row()
    return result


def _record(score: Score, page_id: str, gold: str, body: str, title, gold_title, date, gold_date, rounds: int) -> None:
    precision, recall, f1 = prf(body, gold)
    score.precision.append(precision)
    score.recall.append(recall)
    score.f1.append(f1)
    score.pages += rounds
    if gold_title is not None:
        score.titles_total += 1
        score.titles_right += same_title(title, gold_title)
    if gold_date != "missing":
        score.dates_total += 1
        right = date == gold_date
        score.dates_right += right
        if not right:
            score.misses.append(f"{page_id}: date {date} != {gold_date}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="extract each page this many times (steadier pages/s)")
    parser.add_argument("--misses", action="store_true", help="list the pages whose date we got wrong")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    result = evaluate(rounds=args.rounds)
    columns = ("precision", "recall", "f1", "title_accuracy", "date_accuracy", "pages_per_second")
    print(f"{len(load_corpus())} pages from {CORPUS}")
    print(f"{'extractor':<12} " + " ".join(f"{c:>16}" for c in columns))
    for name, row in result.items():
        print(f"{name:<12} " + " ".join(f"{row[c]:>16.3f}" for c in columns))
    ratio = result["gonggao"]["pages_per_second"] / (result["trafilatura"]["pages_per_second"] or 1)
    print(f"speed ratio gonggao/trafilatura: {ratio:.2f}")
    if args.misses:
        for line in result["gonggao"]["misses"]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
