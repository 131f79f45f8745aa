"""Interface strings: Chinese by default, English with ?lang=en (kept in a cookie).

The labels of codes (source kinds, issuer levels, event types, document and run states) are not
here: they live with their codes in config/vocabulary.py. A string that takes a count `n` may have
an `en_one` form, used when n == 1 ("1 result", "12 results"); Chinese has no plural.
"""

from __future__ import annotations

from collections.abc import Mapping

from config.vocabulary import CheckVerdict, DocStatus, EventType, Health, IssuerLevel, Labelled, RunState, SourceKind

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
    "total": {"zh": "共 {n} 条", "en": "{n} results", "en_one": "{n} result"},
    "total_capped": {"zh": "（最多显示前 {n} 条）", "en": "(only the first {n} can be browsed)"},
    "no_results": {"zh": "没有找到符合条件的公告。", "en": "No announcements match."},
    "past_end": {"zh": "第 {n} 页已超出结果范围（共 {pages} 页）。", "en": "Page {n} is past the end of the results ({pages} pages).",
                 "en_one": "Page {n} is past the end of the results (1 page)."},
    "last_page": {"zh": "转到最后一页", "en": "Go to the last page"},
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
    "event_type": {"zh": "事件类型", "en": "Event type"},
    "safety_only": {"zh": "仅限安全相关", "en": "Safety-related only"},
    "export": {"zh": "导出全部结果", "en": "Export every result"},
    "export_too_large": {"zh": "结果超过 {n} 条，无法导出；请缩小范围（日期、地区或风险类型）后分批导出。",
                         "en": "More than {n} results cannot be exported; narrow the search (dates, region, hazard) and export it in parts."},
    "feed": {"zh": "订阅此搜索（Atom）", "en": "Follow this search (Atom feed)"},
    "map": {"zh": "各省数量", "en": "Count by province"},
    "map_tile": {"zh": "{p}：{n} 条", "en": "{p}: {n}"},
    "region_search": {"zh": "查找地区", "en": "Find a region"},
    "region_search_placeholder": {"zh": "如：汉阴", "en": "e.g. 汉阴"},
    "region_search_none": {"zh": "没有匹配的地区", "en": "No region matches"},
    "find": {"zh": "查找", "en": "Find"},
    "words_dropped": {"zh": "检索引擎只使用前 {n} 个词；以下词语未参与检索：{words}",
                      "en": "The search engine uses only the first {n} words; these were left out: {words}"},
    "status_label": {"zh": "状态", "en": "Status"},
    "first_seen": {"zh": "首次发现", "en": "First seen"},
    "last_changed": {"zh": "最近修改", "en": "Last changed"},
    "evidence": {"zh": "判断依据", "en": "Evidence"},
    "region_evidence": {"zh": "地区依据", "en": "Region evidence"},
    "no_evidence": {"zh": "无记录", "en": "none recorded"},
    "catalog_unavailable": {"zh": "目录库不可用：依据、版本和存档暂不显示。", "en": "The catalog is not available: evidence, versions and the archived copy cannot be shown."},
    "reprints": {"zh": "转载（{n}）", "en": "Reprints ({n})"},
    "canonical": {"zh": "原发", "en": "original"},
    "cite": {"zh": "引用", "en": "Cite"},
    "cite_label": {"zh": "引用格式（可复制）", "en": "Citation (copy it)"},
    "copy": {"zh": "复制", "en": "Copy"},
    "copied": {"zh": "已复制", "en": "Copied"},
    "versions": {"zh": "版本记录", "en": "Versions"},
    "version_n": {"zh": "第 {n} 版", "en": "Version {n}"},
    "changes": {"zh": "与上一版相比的修改", "en": "Changes from the previous version"},
    "diff_removed": {"zh": "删除", "en": "removed"},
    "diff_added": {"zh": "新增", "en": "added"},
    "archived": {"zh": "抓取时的存档页面", "en": "Archived copy as fetched"},
    "archived_note": {"zh": "存档页面在隔离的框架中显示，脚本和外部资源均被禁止。", "en": "Shown in an isolated frame; scripts and outside resources are blocked."},
    "archived_open": {"zh": "单独打开存档", "en": "Open the archived copy"},
    "status_page": {"zh": "抓取状态", "en": "Crawl status"},
    "source_id": {"zh": "来源", "en": "Source"},
    "documents": {"zh": "文档数", "en": "Documents"},
    "health": {"zh": "健康", "en": "Health"},
    "health_failing": {"zh": "失败，自 {t} 起", "en": "failing since {t}"},
    "health_needs_browser": {"zh": "需要浏览器，自 {t} 起（网站以 JavaScript 反爬验证应答）",
                             "en": "needs a browser since {t} (the site answers with a JavaScript anti-bot challenge)"},
    "next_run": {"zh": "下次运行", "en": "Next run"},
    "last_runs": {"zh": "最近运行", "en": "Last runs"},
    "run_started": {"zh": "开始", "en": "Started"},
    "run_duration": {"zh": "用时", "en": "Duration"},
    "run_state": {"zh": "结果", "en": "Result"},
    "pages_fetched": {"zh": "抓取页面", "en": "Pages fetched"},
    "docs_new": {"zh": "新增", "en": "New"},
    "docs_changed": {"zh": "修改", "en": "Changed"},
    "docs_removed": {"zh": "撤下", "en": "Removed"},
    "errors_by_kind": {"zh": "错误（按类型）", "en": "Errors by kind"},
    "last_error": {"zh": "最近错误", "en": "Last error"},
    "live_check": {"zh": "在线检查", "en": "Live check"},
    "live_check_at": {"zh": "{t} 检查，列表中 {n} 篇，最新 {newest}", "en": "checked {t}: {n} articles listed, newest {newest}"},
    "run_now": {"zh": "立即运行", "en": "Run now"},
    "run_now_note": {"zh": "网页不能启动抓取（以免被滥用）；要立即抓取某个来源，请在服务器上运行其“立即运行”一栏的命令。",
                     "en": "This page cannot start a crawl (so nobody can abuse it); to crawl a source now, run the command in its “Run now” line on the server."},
    "no_sources": {"zh": "目录库中还没有来源。", "en": "No sources in the catalog yet."},
    "no_catalog": {"zh": "此服务未连接目录库，无法显示抓取状态。", "en": "This server has no catalog configured, so crawl status cannot be shown."},
    "none": {"zh": "无", "en": "none"},
    "secondary_regions": {"zh": "也涉及", "en": "Also names"},
    "attachment_indexed": {"zh": "全文已索引", "en": "text indexed"},
    "attachment_pending": {"zh": "尚未抓取", "en": "not fetched yet"},
    "attachment_unreadable": {"zh": "无法读取", "en": "text unreadable"},
    "timeline": {"zh": "时间分布", "en": "Timeline"},
    "n_reprints": {"zh": "另有 {n} 篇转载", "en": "{n} reprints", "en_one": "{n} reprint"},
    "hazard_mode_or": {"zh": "满足任一类型", "en": "Any of these hazards"},
    "hazard_mode_and": {"zh": "同时满足全部类型", "en": "All of these hazards"},
    "hazard_mode_switch_or": {"zh": "改为同时满足", "en": "require all"},
    "hazard_mode_switch_and": {"zh": "改为满足任一", "en": "accept any"},
    "copies_one": {"zh": "同一内容的转载已合并。", "en": "Reprints of the same text are folded into one result."},
    "copies_all": {"zh": "显示全部转载。", "en": "Every reprint is shown."},
    "copies_switch_one": {"zh": "显示全部转载", "en": "Show every reprint"},
    "copies_switch_all": {"zh": "合并转载", "en": "Fold reprints"},
    "semantic": {"zh": "语义检索（支持英文提问）", "en": "Semantic search (any language)"},
    "semantic_unavailable": {"zh": "语义检索暂不可用，已按关键词检索。", "en": "Semantic search is not available; these results match the keywords."},
    "timeline_note": {"zh": "点击柱形可将日期范围缩小到该时段。", "en": "Select a bar to narrow the dates to its span."},
    "timeline_table": {"zh": "数据表", "en": "As a table"},
    "period": {"zh": "时段", "en": "Period"},
    "unit_month": {"zh": "按月", "en": "per month"},
    "unit_week": {"zh": "按周", "en": "per week"},
    "unit_year": {"zh": "按年", "en": "per year"},
    # --- alerts ---
    "error_401": {"zh": "需要登录", "en": "Sign-in needed"},
    "error_403": {"zh": "不允许的请求", "en": "Not allowed"},
    "error_415": {"zh": "请求格式有误", "en": "Unsupported request format"},
    "skip_results": {"zh": "跳到搜索结果", "en": "Skip to results"},
    "skip_filters": {"zh": "跳到筛选条件", "en": "Skip to filters"},
    "skip_main": {"zh": "跳到正文", "en": "Skip to content"},
    "skip_links": {"zh": "快速跳转", "en": "Skip links"},
    "filters_button": {"zh": "筛选", "en": "Filters"},
    "filters_active": {"zh": "（已选 {n} 项）", "en": " ({n} active)"},
    "filters_close": {"zh": "关闭筛选", "en": "Close filters"},
    "filters_show_results": {"zh": "查看 {n} 条结果", "en": "Show {n} results", "en_one": "Show {n} result"},
    "back_to_results": {"zh": "回到搜索结果", "en": "Back to results"},
    "results_updated": {"zh": "已更新：共 {n} 条", "en": "Updated: {n} results", "en_one": "Updated: {n} result"},
    "details": {"zh": "来源与判断依据", "en": "Source and evidence"},
    "follow_title": {"zh": "订阅此搜索", "en": "Follow this search"},
    "follow_intro": {"zh": "把下面的订阅地址粘贴到 RSS/Atom 阅读器中，即可收到符合此搜索的新公告。",
                     "en": "Paste the feed address below into a feed reader (RSS/Atom) to get new announcements that match this search."},
    "feed_url": {"zh": "订阅地址（Atom）", "en": "Feed address (Atom)"},
    "feed_open": {"zh": "打开原始订阅源（XML）", "en": "Open the raw feed (XML)"},
    "feed_preview": {"zh": "最新条目预览", "en": "Latest entries"},
    "feed_empty": {"zh": "此搜索目前没有结果。", "en": "This search has no results yet."},
    "saved_title": {"zh": "已保存的搜索", "en": "Saved searches"},
    "saved_intro": {"zh": "保存的搜索有新公告时，可通过电子邮件摘要或 Webhook 通知您。",
                    "en": "A saved search can tell you of new announcements by e-mail digest or webhook."},
    "saved_none": {"zh": "还没有保存的搜索。在搜索结果页点击“订阅此搜索”即可保存。",
                   "en": "No saved searches yet. Use “Follow this search” on a results page to save one."},
    "save_search": {"zh": "保存此搜索并接收提醒", "en": "Save this search and get alerts"},
    "save": {"zh": "保存", "en": "Save"},
    "saved_name": {"zh": "名称", "en": "Name"},
    "saved_email": {"zh": "电子邮件（可选）", "en": "E-mail (optional)"},
    "saved_webhook": {"zh": "Webhook 地址（可选）", "en": "Webhook URL (optional)"},
    "saved_webhook_hint": {"zh": "新公告以 JSON POST 发送到此地址，失败会自动重试。",
                           "en": "New announcements are POSTed there as JSON; failures are retried."},
    "saved_open": {"zh": "打开搜索", "en": "Open the search"},
    "saved_rename": {"zh": "重命名", "en": "Rename"},
    "saved_update": {"zh": "更新提醒", "en": "Update alerts"},
    "saved_delete": {"zh": "删除", "en": "Delete"},
    "saved_created": {"zh": "已保存。", "en": "Saved."},
    "saved_deleted": {"zh": "已删除。", "en": "Deleted."},
    "saved_updated": {"zh": "已更新。", "en": "Updated."},
    "saved_channels": {"zh": "提醒方式", "en": "Alerts"},
    "saved_no_channels": {"zh": "不发送提醒", "en": "no alerts"},
    "saved_last_sent": {"zh": "最近发送", "en": "Last sent"},
    "saved_pending": {"zh": "待发送 {n} 条", "en": "{n} waiting", "en_one": "{n} waiting"},
    "saved_failing": {"zh": "发送失败，将自动重试：{reason}", "en": "Sending failed and will be retried: {reason}"},
    "saved_unavailable": {"zh": "此服务未连接目录库，无法保存搜索。", "en": "This server has no catalog configured, so searches cannot be saved."},
    "saved_as_user": {"zh": "当前用户：{user}", "en": "Signed in as {user}"},
    "saved_default_name": {"zh": "全部公告", "en": "All announcements"},
    "alerts_h": {"zh": "提醒发送", "en": "Alert deliveries"},
    "alerts_counts": {"zh": "已发送 {sent} 条，待发送 {pending} 条，其中失败待重试 {failing} 条。",
                      "en": "{sent} sent, {pending} waiting, of which {failing} failed and will be retried."},
    "alerts_failing_h": {"zh": "发送失败的提醒", "en": "Failing deliveries"},
    "alert_channel": {"zh": "方式", "en": "Channel"},
    "alert_search": {"zh": "搜索", "en": "Search"},
    "alert_failing_since": {"zh": "首次失败", "en": "Failing since"},
    "alert_attempts": {"zh": "尝试次数", "en": "Attempts"},
    "alert_next_try": {"zh": "下次重试", "en": "Next try"},
    "alert_reason": {"zh": "原因", "en": "Reason"},
    "alert_subject": {"zh": "「{name}」有 {n} 篇新公告", "en": "{n} new announcements for “{name}”",
                      "en_one": "{n} new announcement for “{name}”"},
    "alert_intro": {"zh": "您保存的搜索「{name}」有 {n} 篇新公告：", "en": "Your saved search “{name}” has {n} new announcements:",
                    "en_one": "Your saved search “{name}” has {n} new announcement:"},
    "alert_search_link": {"zh": "打开此搜索", "en": "Open the search"},
    "alert_manage_link": {"zh": "管理已保存的搜索", "en": "Manage saved searches"},
    # --- understand ---
    "sort_date_asc": {"zh": "发布日期（旧→新）", "en": "Date (oldest first)"},
    "date_span": {"zh": "时间", "en": "Time"},
    "date_any": {"zh": "不限", "en": "Any time"},
    "date_7d": {"zh": "近7天", "en": "Last 7 days"},
    "date_30d": {"zh": "近30天", "en": "Last 30 days"},
    "date_this_year": {"zh": "今年", "en": "This year"},
    "date_last_year": {"zh": "去年", "en": "Last year"},
    "date_format": {"zh": "格式：年-月-日，如 2024-05-01", "en": "Format: year-month-day, e.g. 2024-05-01"},
    "search_in": {"zh": "检索范围", "en": "Search in"},
    "in_all": {"zh": "全文", "en": "Full text"},
    "in_title": {"zh": "仅标题", "en": "Titles only"},
    "in_doc_number": {"zh": "文号", "en": "Document numbers"},
    "year_n": {"zh": "{n}年", "en": "{n}"},
    "understood": {"zh": "已将“{words}”理解为筛选条件：{filters}。", "en": "“{words}” were read as filters: {filters}.",
                   "en_one": "“{words}” was read as a filter: {filters}."},
    "literal_search": {"zh": "按原文搜索“{q}”", "en": "Search the words “{q}” as typed"},
    "n_results": {"zh": "{n} 条", "en": "{n} results", "en_one": "{n} result"},
    "offers": {"zh": "可按以下条件筛选", "en": "Filters your words may mean"},
    "offer_region": {"zh": "按地区筛选", "en": "Filter by region"},
    "offer_hazard": {"zh": "按风险类型筛选", "en": "Filter by hazard"},
    "offer_time": {"zh": "按时间筛选", "en": "Filter by time"},
    "zero_searched": {"zh": "检索内容", "en": "What was searched"},
    "zero_words": {"zh": "关键词", "en": "Words"},
    "zero_filters": {"zh": "筛选条件（去掉其中一个后的结果数）", "en": "Filters (and the results without each one)"},
    "zero_without": {"zh": "去掉后 {n} 条", "en": "{n} without it", "en_one": "{n} without it"},
    "zero_nearest": {"zh": "相近的检索", "en": "Nearest searches that find something"},
    "zero_none": {"zh": "去掉任何一个词或条件都找不到结果；请换用其他关键词。", "en": "Leaving out any one word or filter finds nothing either; try other words."},
    "no_words": {"zh": "（不限关键词）", "en": "(no words)"},
    "left_out": {"zh": "去掉“{word}”", "en": "without “{word}”"},
    "relax_filters": {"zh": "不加筛选条件", "en": "without any filter"},
    "relax_words": {"zh": "只用筛选条件", "en": "the filters only"},
    "compare": {"zh": "地区对比", "en": "Regions side by side"},
    "compare_only": {"zh": "只看{r}", "en": "only {r}"},
    "compare_add": {"zh": "加入对比：{r}", "en": "Add to the comparison: {r}"},
    "more_values": {"zh": "其余 {n} 项", "en": "{n} more"},
    # --- charts ---
    "timeline_counting": {"zh": "柱形为每个时段的公告数。一篇公告涉及几类隐患，就在每一类中各计一次，所以各类之和可以大于公告数。",
                          "en": "Bars count documents per period. A document counts once under each of its hazards, "
                                "so the hazard rows can add up to more than the documents."},
    "timeline_y": {"zh": "公告数", "en": "Documents"},
    "timeline_by_hazard": {"zh": "按隐患类别", "en": "By hazard"},
    "timeline_bar": {"zh": "{period}：{n} 篇", "en": "{period}: {n} documents", "en_one": "{period}: {n} document"},
    "timeline_cell": {"zh": "{period} {hazard}：{n} 篇", "en": "{period} {hazard}: {n}"},
    "timeline_range_hint": {"zh": "在图上拖动，或先后点击两个时段，即可设定起止日期。",
                            "en": "Drag across the chart, or click two bars, to set the dates."},
    "timeline_range_start": {"zh": "起点：{period}。再点击一个时段设定终点，按 Esc 取消。",
                             "en": "From {period}. Click another bar to set the end; Esc cancels."},
    "timeline_csv": {"zh": "下载图表数据（CSV）", "en": "Chart data (CSV)"},
    "timeline_total_row": {"zh": "合计", "en": "Total"},
    "facet_uncounted": {"zh": "结果超过 {max} 条时不统计此项（本次 {n} 条）：缩小地区、时间或类型后即列出，也可在搜索框中输入名称查找。",
                        "en": "Not counted for more than {max} results (this search has {n}): narrow the region, dates or "
                              "hazard to see it, or type a name into the search box."},
    "facet_unlisted": {"zh": "另有 {n} 项未列出，可在搜索框中输入名称查找。",
                       "en": "{n} more not listed: type a name into the search box to find it.",
                       "en_one": "{n} more not listed: type a name into the search box to find it."},
}

def pick_lang(query_lang: str | None, cookie_lang: str | None) -> str:
    for candidate in (query_lang, cookie_lang):
        if candidate in LANGS:
            return candidate
    return DEFAULT_LANG


class Translator:
    def __init__(self, lang: str, hazard_labels: Mapping[str, Mapping[str, str]]):
        self.lang = lang
        self.html_lang = HTML_LANG[lang]
        self._hazards = hazard_labels

    def __call__(self, key: str, **kwargs: object) -> str:
        entry = STRINGS.get(key)
        if not entry:
            text = key
        elif kwargs.get("n") in (1, "1") and f"{self.lang}_one" in entry:   # a count, or one written out
            text = entry[f"{self.lang}_one"]
        else:
            text = entry.get(self.lang) or entry[DEFAULT_LANG]
        return text.format(**kwargs) if kwargs else text

    def pick(self, label: str | Mapping[str, str]) -> str:
        """A label given as an i18n key, or as {"zh": …, "en": …}."""
        if isinstance(label, str):
            return self(label)
        return label.get(self.lang) or label.get(DEFAULT_LANG) or ""

    def code(self, vocabulary: type[Labelled], code: str | None) -> str:
        """The label of a code of a config/vocabulary.py vocabulary; an unknown code as it is."""
        if not code:
            return ""
        member = vocabulary.parse(code)
        return member.label(self.lang) if member is not None else code

    def hazard(self, code: str | None) -> str:
        if not code:
            return ""
        labels = self._hazards.get(code) or {}
        return labels.get(self.lang) or labels.get(DEFAULT_LANG) or code

    def region(self, path: str | None) -> str:
        """A region path or name as the interface writes it: in English mode, romanised
        (search_ui/region_names.py); stored names are Chinese and stay so in Chinese mode."""
        if not path:
            return ""
        if self.lang != "en":
            return path
        from search_ui.region_names import english_path

        return english_path(path)

    def source_type(self, code: str | None) -> str:
        return self.code(SourceKind, code)

    def issuer_level(self, code: str | None) -> str:
        return self.code(IssuerLevel, code)

    def event_type(self, code: str | None) -> str:
        return self.code(EventType, code)

    def doc_status(self, code: str | None) -> str:
        return self.code(DocStatus, code)

    def run_state(self, code: str | None) -> str:
        return self.code(RunState, code)

    def health(self, code: str | None) -> str:
        return self.code(Health, code)

    def check_verdict(self, code: str | None) -> str:
        return self.code(CheckVerdict, code)
