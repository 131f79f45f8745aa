"""Interface strings: Chinese by default, English with ?lang=en (kept in a cookie)."""

from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
COOKIE = "lang"
HTML_LANG = {"zh": "zh-Hans", "en": "en"}

STRINGS: dict[str, dict[str, str]] = {
    "site_name": {"zh": "公告检索", "en": "Gonggao search"},
    "tagline": {"zh": "学校安全相关政府公告", "en": "Government announcements on school safety"},
    "skip": {"zh": "跳到搜索结果", "en": "Skip to results"},
    "query": {"zh": "关键词", "en": "Keywords"},
    "query_placeholder": {"zh": "例如：防溺水 校园安全", "en": "e.g. 防溺水 校园安全"},
    "search": {"zh": "搜索", "en": "Search"},
    "date_from": {"zh": "起始日期", "en": "From"},
    "date_to": {"zh": "截止日期", "en": "To"},
    "sort": {"zh": "排序", "en": "Sort by"},
    "sort_relevance": {"zh": "相关度", "en": "Relevance"},
    "sort_date": {"zh": "发布日期（新→旧）", "en": "Date (newest first)"},
    "filters": {"zh": "筛选", "en": "Filters"},
    "region": {"zh": "地区", "en": "Region"},
    "hazards": {"zh": "风险类型", "en": "Hazard"},
    "source_type": {"zh": "来源类型", "en": "Source kind"},
    "year": {"zh": "年份", "en": "Year"},
    "all_regions": {"zh": "全部地区", "en": "All regions"},
    "active_filters": {"zh": "已选条件", "en": "Active filters"},
    "remove": {"zh": "移除", "en": "Remove"},
    "clear_all": {"zh": "清除全部", "en": "Clear all"},
    "results": {"zh": "搜索结果", "en": "Results"},
    "total": {"zh": "共 {n} 条", "en": "{n} results"},
    "total_capped": {"zh": "（最多显示前 {n} 条）", "en": "(only the first {n} can be browsed)"},
    "no_results": {"zh": "没有找到符合条件的公告。", "en": "No announcements match."},
    "no_values": {"zh": "无", "en": "None"},
    "pagination": {"zh": "分页", "en": "Pagination"},
    "prev": {"zh": "上一页", "en": "Previous"},
    "next": {"zh": "下一页", "en": "Next"},
    "page_n": {"zh": "第 {n} 页", "en": "Page {n}"},
    "json": {"zh": "JSON 数据", "en": "JSON"},
    "language": {"zh": "语言", "en": "Language"},
    "published": {"zh": "发布日期", "en": "Published"},
    "issuer": {"zh": "发布机构", "en": "Issuer"},
    "issuer_level": {"zh": "机构层级", "en": "Issuer level"},
    "region_path": {"zh": "地区", "en": "Region"},
    "source": {"zh": "来源", "en": "Source"},
    "site_name_label": {"zh": "网站", "en": "Site"},
    "fetched_at": {"zh": "抓取时间", "en": "Fetched"},
    "doc_number": {"zh": "文号", "en": "Document number"},
    "original": {"zh": "查看原文", "en": "Original page"},
    "original_note": {"zh": "原文抓取于 {t}（北京时间）", "en": "Fetched on {t} (Beijing time)"},
    "back": {"zh": "返回搜索", "en": "Back to search"},
    "metadata": {"zh": "文档信息", "en": "Document details"},
    "attachments": {"zh": "附件", "en": "Attachments"},
    "error": {"zh": "出错了", "en": "Something went wrong"},
    "error_400": {"zh": "请求参数有误", "en": "The request could not be understood"},
    "error_404": {"zh": "找不到该页面或文档", "en": "Page or document not found"},
    "error_503": {"zh": "搜索服务暂时不可用", "en": "Search is temporarily unavailable"},
    "error_back": {"zh": "返回首页重新搜索", "en": "Start a new search"},
    "unknown": {"zh": "未知", "en": "unknown"},
    "selected": {"zh": "（已选，点击取消）", "en": "(selected; activate to remove)"},
}

SOURCE_TYPES = {
    "gov": {"zh": "政府网站", "en": "Government site"},
    "news": {"zh": "新闻媒体", "en": "News"},
    "aggregator": {"zh": "转载平台", "en": "Aggregator"},
    "epaper": {"zh": "电子报", "en": "E-paper"},
}

ISSUER_LEVELS = {
    "national": {"zh": "国家级", "en": "National"},
    "province": {"zh": "省级", "en": "Province"},
    "city": {"zh": "市级", "en": "City"},
    "county": {"zh": "县级", "en": "County"},
    "township": {"zh": "乡镇", "en": "Township"},
    "school": {"zh": "学校", "en": "School"},
}


def pick_lang(query_lang: str | None, cookie_lang: str | None) -> str:
    for candidate in (query_lang, cookie_lang):
        if candidate in LANGS:
            return candidate
    return DEFAULT_LANG


class Translator:
    def __init__(self, lang: str, hazard_labels: dict[str, dict[str, str]]):
        self.lang = lang
        self.html_lang = HTML_LANG[lang]
        self._hazards = hazard_labels

    def __call__(self, key: str, **kwargs: object) -> str:
        entry = STRINGS.get(key)
        text = entry.get(self.lang) or entry[DEFAULT_LANG] if entry else key
        return text.format(**kwargs) if kwargs else text

    def _label(self, table: dict[str, dict[str, str]], code: str | None) -> str:
        if not code:
            return ""
        labels = table.get(code) or {}
        return labels.get(self.lang) or labels.get(DEFAULT_LANG) or code

    def hazard(self, code: str | None) -> str:
        return self._label(self._hazards, code)

    def source_type(self, code: str | None) -> str:
        return self._label(SOURCE_TYPES, code)

    def issuer_level(self, code: str | None) -> str:
        return self._label(ISSUER_LEVELS, code)
