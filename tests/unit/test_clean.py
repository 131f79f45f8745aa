"""Chinese-aware clean-up: each step alone, then the whole chain on made-up article text."""

from __future__ import annotations

from indexer.text.clean import (
    clean_body,
    find_mojibake,
    join_broken_lines,
    remove_cjk_spaces,
    repair_mojibake,
    strip_pinyin,
)


# ---------------------------------------------------------------- spaces
def test_letter_spaced_hanzi_are_closed_up():
    assert remove_cjk_spaces("认 真 排 查 校 园 隐 患") == "认真排查校园隐患"
    assert remove_cjk_spaces("全面排查 消 防 通 道") == "全面排查消防通道"
    assert remove_cjk_spaces("开 展 演 练 ，“ 人 人 过 关 ”") == "开展演练，“人人过关”"


def test_spaces_next_to_numbers_and_latin_are_kept_where_meaningful():
    assert remove_cjk_spaces("共检查 36 所学校") == "共检查36所学校"
    assert remove_cjk_spaces("监测 PM 2.5 和 AQI index") == "监测 PM 2.5 和 AQI index"
    assert remove_cjk_spaces("2024 11 15") == "2024 11 15"


def test_space_between_two_words_survives():
    assert remove_cjk_spaces("筑牢防线 护航开学") == "筑牢防线 护航开学"


def test_bylines_keep_the_spaces_between_names():
    assert remove_cjk_spaces("记者 王小明 通讯员 李华") == "记者 王小明 通讯员 李华"


# ---------------------------------------------------------------- pinyin
def test_pinyin_glued_after_hanzi_is_removed():
    assert strip_pinyin("校園安全穩(wěn)定，學(xué)習(xí)文件") == "校園安全穩定，學習文件"
    assert strip_pinyin("會(huì)議強(qiáng)調(diào)") == "會議強調"


def test_pinyin_without_tone_marks_is_removed_where_a_text_has_many():
    text = "教育局關(guan) 於(yu)網友在縣委書(shu) 記信箱留言的回複，縣委(wei)高度重視，省(sheng)(sheng)教育廳批複"
    assert strip_pinyin(text) == "教育局關於網友在縣委書記信箱留言的回複，縣委高度重視，省教育廳批複"
    # one or two are an English word in brackets
    assert strip_pinyin("下载手机(app)和电脑(web)客户端") == "下载手机(app)和电脑(web)客户端"
    # untoned ones go also beside one or two toned; roman numerals are no pinyin
    assert strip_pinyin("關(guan)於(yú)網友省(sheng)教(jiao)育(yu)廳(ting)批(pi)複") == "關於網友省教育廳批複"
    text = "第(i)条第(ii)条第(iii)条第(iv)条第(v)条"
    assert strip_pinyin(text) == text


def test_real_parentheses_are_kept():
    text = "空氣質量(PM2.5)超標，分為（一）（二）兩類，附件(1)見後"
    assert strip_pinyin(text) == text
    assert strip_pinyin("使用App(ios)下載") == "使用App(ios)下載"


# ---------------------------------------------------------------- line joining
def test_narrow_column_lines_are_rejoined():
    text = "\n".join(
        [
            "本报讯 近日，示例区教育",
            "局召开校园安全工作会，",
            "部署开学前后安全检查工",
            "作。会议要求各学校逐项",
            "排查隐患，建立整改台账",
            "",
            "并限期销号。",
            "",
            "会议强调，要压实校长第",
            "一责任，加强值班值守。",
        ]
    )
    assert join_broken_lines(text).split("\n") == [
        "本报讯 近日，示例区教育局召开校园安全工作会，部署开学前后安全检查工作。会议要求各学校逐项排查隐患，建立整改台账并限期销号。",
        "会议强调，要压实校长第一责任，加强值班值守。",
    ]


def test_ordinary_paragraphs_and_headings_stay_apart():
    text = "一、总体要求\n坚持安全第一、预防为主，全面落实各项制度。\n二、重点任务\n按照统一部署开展校园安全隐患排查，\n确保问题清零。"
    assert join_broken_lines(text).split("\n") == [
        "一、总体要求",
        "坚持安全第一、预防为主，全面落实各项制度。",
        "二、重点任务",
        "按照统一部署开展校园安全隐患排查，确保问题清零。",
    ]


def test_verse_keeps_its_lines():
    verse = "春风入校园，\n书声满课堂。\n安全记心上，\n平安伴成长。\n家校齐携手，\n护航向远方。"
    assert join_broken_lines(verse) == verse


# ---------------------------------------------------------------- boilerplate
ARTICLE = "\n".join(
    [
        "示例网 > 教育 > 内容页",
        "示例市召开防汛工作会议",
        "站长",
        "2024-06-01 08:15:30",
        "0",
        "(资料图片仅供参考)",
        "5月31日，示例市召开防汛工作会议，安排部署汛期学校安全工作。",
        "会议要求各学校加强校舍巡查，遇暴雨天气及时停课。",
        "免费领取各类考试资料，网盘下载地址见评论区，需要的自取。",
        "*本站部分内容转载自其他媒体，版权归其所有，如有侵权请联系删除。",
        "分享到：微信 微博",
        "责任编辑：张三",
        "相关文章",
        "示例县开展防溺水宣传",
        "2024-05-30 10:00:00",
    ]
)



def test_a_short_notice_with_a_signature_is_no_column():
    # a salutation, one long paragraph and a two-line signature: short lines around prose
    notice = ("各中小学、幼儿园：\n近日，邻县接连发生学生溺水事故，请各校深刻汲取事故教训，举一反三，进一步强化防溺水家校"
              "协同共育，提醒家长认真履行监护责任，坚决遏制学生溺亡事故发生，确保师生暑期人身安全。\n"
              "汉阴县教育体育局\n2024年8月22日")
    assert join_broken_lines(notice) == notice

def test_boilerplate_lines_are_dropped():
    cleaned = clean_body(ARTICLE, title="示例市召开防汛工作会议")
    assert cleaned.body.split("\n") == [
        "5月31日，示例市召开防汛工作会议，安排部署汛期学校安全工作。",
        "会议要求各学校加强校舍巡查，遇暴雨天气及时停课。",
    ]
    assert "2024-06-01 08:15:30" in cleaned.header_lines


def test_a_recommended_news_block_after_the_article_is_dropped():
    # a news site's 新闻推荐 teaser (another story's headline and lead) is not the article's text
    text = ("9月5日，某市召开庆祝教师节座谈会，表彰优秀教师代表。\n副市长出席会议并讲话。\n"
            "会议通报了全市教育工作情况。\n新闻推荐\n某网友被人肉后轻生？热搜背后的网络暴力\n近日，一则消息登上热搜。")
    for heading in ("新闻推荐", "相关推荐"):
        cleaned = clean_body(text.replace("新闻推荐", heading))
        assert cleaned.body.split("\n")[-1] == "会议通报了全市教育工作情况。"


def test_the_headlines_under_a_rights_line_are_the_pages():
    # a county media centre's story ends with its rights line; the related headlines under it (another
    # city's team in a football league) are not the article's, and a short one is no signature
    text = ("示例融媒体讯 12月3日，示例镇中心小学完成教学楼防护网安装。\n"
            "该镇还组织校车安全检查两次，排查隐患五处。\n一审：张明\n"
            "版权作品，未经授权严禁转载。经授权后，转载须注明来源。\n“城市联赛”又出新规\n“城市联赛”长沙队")
    for notice in ("版权作品，未经授权严禁转载。经授权后，转载须注明来源。", "本文由示例晚报原创出品，未经许可，任何平台请勿转载。"):
        cleaned = clean_body(text.replace("版权作品，未经授权严禁转载。经授权后，转载须注明来源。", notice))
        assert cleaned.body.split("\n")[-1] == "该镇还组织校车安全检查两次，排查隐患五处。"
    # a sentence of the story that names the rule, before the story's middle, is the story's
    story = "示例县开展版权执法检查。\n查处未经许可转载他人作品的网站三家。\n检查网站十二家。\n下一步将持续开展检查。"
    assert clean_body(story).body == story


def test_an_empty_related_links_heading_above_the_article_ends_nothing():
    # a government page's header: date, source, an empty 相关链接 widget, then the article
    text = ("2021\n03/16\n10:53\n来源:\n示例日报\n标签\n相关链接:\n"
            "近日，示例市人民检察院干警走进特殊教育学校，为孩子们送上一堂法治开学第一课。\n"
            "干警结合真实案例，讲解了如何预防校园暴力、如何保护自己。\n"
            "相关链接:\n示例县开展防溺水宣传")
    cleaned = clean_body(text)
    assert cleaned.body.split("\n")[-2:] == [
        "近日，示例市人民检察院干警走进特殊教育学校，为孩子们送上一堂法治开学第一课。",
        "干警结合真实案例，讲解了如何预防校园暴力、如何保护自己。",
    ]


def test_source_editor_and_keyword_lines():
    text = "示例县教育局开展消防演练，全体师生参加。\n演练结束后进行了点评。\n來源示例縣教育局\n示例民意網編輯\n关键词: 消防 演练"
    cleaned = clean_body(text)
    assert cleaned.body == "示例县教育局开展消防演练，全体师生参加。\n演练结束后进行了点评。"
    assert cleaned.source == "示例縣教育局"


def test_top_and_bottom_bylines_become_author():
    text = "全媒体记者 王明 通讯员 赵丽\n近日，示例区开展校车安全检查，共检查校车40辆。\n发现问题已当场整改。"
    cleaned = clean_body(text)
    assert cleaned.author == "全媒体记者 王明 通讯员 赵丽"
    assert cleaned.body.startswith("近日")
    tail = clean_body("近日，示例区开展校车安全检查。\n发现问题已当场整改。\n记者 王明 通讯员 赵丽")
    assert tail.author == "记者 王明 通讯员 赵丽" and tail.body.endswith("整改。")


def test_real_sentences_mentioning_sources_are_kept():
    text = "会议指出，来源不明的食材一律不得进入校园食堂，相关编辑工作由宣传科负责落实到位。"
    assert clean_body(text).body == text


# ---------------------------------------------------------------- mojibake
def test_utf8_read_as_gbk_is_repaired():
    original = "会议要求，各学校立即开展安全检查。"
    garbled = original.encode("utf-8").decode("gb18030", errors="replace")
    assert garbled != original
    fixed = repair_mojibake(f"第一段正常。\n{garbled}")
    assert original[:10] in fixed


def test_latin1_read_mojibake_is_repaired():
    original = "校园安全检查"
    garbled = original.encode("gb18030").decode("latin-1")
    assert repair_mojibake(garbled) == original


def test_byte_shifted_span_is_detected_not_invented():
    # GB18030 bytes read one byte out of step, with bytes lost: cannot be repaired
    body = "加強消防安全、實驗室及?;钒踩⑿@施工安全等排查。"
    cleaned = clean_body(body)
    assert cleaned.mojibake_spans
    start, end = cleaned.mojibake_spans[0]
    assert "?;" in cleaned.body[start:end] and "施工安全" not in cleaned.body[start:end]


def test_replacement_characters_are_reported():
    body = "学校召开安全会议\ufffd\ufffd\ufffd部署工作。"
    assert find_mojibake(body) == [(8, 11)]
    assert find_mojibake("学校召开安全会议，部署工作。为什么?我们要这样做。") == []


def test_news_about_hospitals_or_lotteries_is_not_an_advert():
    text = "市妇科医院开展义诊活动，为辖区群众免费检查。\n公安机关依法打击跨境博彩犯罪，查处违法彩票销售点3处。"
    assert clean_body(text).body == text
    assert clean_body(text + "\n妇科医院哪家好？详询 www.example-clinic.cc").body == text


def test_an_ad_glued_into_a_paragraph_loses_only_itself():
    # a clinic's ad and its address glued before the first sentence, a betting line inside the
    # paragraph: the article's sentences stay (a short ad line still goes whole)
    first = "为进一步加强全县校车安全管理，确保校车安全运行，县教育局、公安交警大队于3月4日上午对全县校车开展联合执法检查。"
    second = "检查人员重点查看了急救箱、安全带和应急安全门。"
    article = first + second
    glued = "某地哪里医院看皮肤病比较好 https://example-clinic.cc/list/" + first + "百家乐真人娱乐送彩金。" + second
    assert clean_body(glued).body == article
    assert clean_body(article + "\n哪家医院好？详询 www.example-clinic.cc").body == article
    # a download note with an address leaves no stub ("下载。") behind
    note = "相关宣传资料可在www.example-edu.cn下载。"
    third = "对发现的问题，检查组当场反馈并督促限期整改到位，确保开学后校车安全运行。"
    assert clean_body(first + note + second + third).body == article + third


def test_a_line_that_is_all_ads_leaves_nothing_behind():
    # an SEO spam run (an address, "免费", "下载") as a page's first line: every sentence of it is
    # an ad, so the line goes, and the article under it is read as before
    spam = ("www.example-tv.cc|在线影视大全|高清电影免费看|最新剧集抢先看|影视软件下载|热门综艺在线观看|经典老片合集|"
            "动漫新番每日更新|纪录片频道|体育赛事直播回放|少儿动画乐园|戏曲名段欣赏|网络电影首映|短剧合集|"
            "影视原声音乐|明星访谈专区,免费,高清,精品影视推荐,每日更新,无需注册")
    article = "为进一步加强全县校车安全管理，县教育局于3月4日上午对全县校车开展联合执法检查。"
    assert clean_body(spam + "\n" + article).body == article


def test_notice_lines_after_a_salutation_are_not_header():
    text = "各区县教育局：\n会议时间：2025年3月5日上午9时\n会议地点：市教育局三楼会议室\n请按时参会。"
    assert clean_body(text).body == text


def test_editor_labels_need_a_name_or_colon():
    assert clean_body("第一段内容，安全检查。\n编辑部组织开展了安全检查工作。").body.endswith("编辑部组织开展了安全检查工作。")
    assert clean_body("第一段内容，安全检查。\n审核 李四").body == "第一段内容，安全检查。"


def test_pager_lines_of_either_cms_are_dropped():
    # 上一篇/下一篇 in one CMS, 上一条/下一条 in another: links to the neighbouring articles
    article = ["6月3日下午，镇中心学校在操场召开防溺水安全教育大会，全校师生八百余人参加。校长结合近年来发生的"
               "溺水事故案例，讲解了防溺水“六不”要求，提醒大家暑期不私自下水游泳。",
               "会议要求各班主任每周开展一次防溺水教育，利用家长群做好提醒，确保学生度过一个平安的暑假。"]
    for pager in (["上一条：镇政府召开森林防火工作会议", "下一条：县教育局部署秋季开学工作"],
                  ["上一篇：镇政府召开森林防火工作会议", "下一篇：县教育局部署秋季开学工作"]):
        body = "\n".join(article + pager)
        assert clean_body(body, title="镇中心学校召开防溺水安全教育大会").body.split("\n") == article


def test_the_opening_line_is_past_salutations_not_past_a_sentence_ending_on_a_colon():
    from indexer.text.clean import opening_line, opening_title

    body = "各县（市、区）教育局，各直属学校：\n\n近日，省内发生两起学生溺水事故。\n一、要求"
    start, line = opening_line(body)
    assert line == "近日，省内发生两起学生溺水事故。" and body[start:start + len(line)] == line
    assert opening_title("省教育厅列出了上月各地上报的三起事故：\n第一起发生在山区一所小学。").startswith("省教育厅列出")
    assert opening_title("原标题：\n示例县开展防溺水宣传") == "示例县开展防溺水宣传"
    assert opening_title("") == ""


def test_a_headline_less_pages_title_starts_after_the_papers_byline():
    from indexer.text.clean import opening_line, opening_title

    body = "本报讯(记者 王明 通讯员 李华) 为切实做好汛期学生安全工作，近日，示例县大畈镇中心小学开展防溺水教育。\n第二段。"
    assert opening_title(body).startswith("为切实做好汛期学生安全工作")
    start, line = opening_line(body)
    assert body[start:start + len(line)] == line
    # a byline with too little after it is the line
    assert opening_title("本报讯(记者 王明) 近日开展演练。\n第二段。").startswith("本报讯")
    # … and a Traditional page's byline (本網訊 (通訊員 X)) is one too
    body = "本網訊 (通訊員 王明)近日，省教育廳發布公告，示例縣中心幼兒園被授予平安校園稱號，該園將以此為契機，繼續從嚴從細做好師幼安全管理和校園周邊環境整治各項工作。\n第二段。"
    assert opening_title(body).startswith("近日，省教育廳")
    from indexer.text.clean import cut_from_opening
    assert cut_from_opening(opening_title(body), body) and not cut_from_opening("示例縣中心幼兒園獲評平安校園", body)


def test_a_reprints_note_of_its_headline_is_the_headline():
    # 原标题：X is what a reprint calls the headline it had; the note is no part of it
    from indexer.text.clean import clean_title, opening_title

    assert opening_title("原标题:示例县:专项检查校车安全管理\n4月8日，县教体局一行检查校车。") == "示例县:专项检查校车安全管理"
    assert clean_title("（原标题：示例县举办图书捐赠活动）") == "示例县举办图书捐赠活动"
    assert clean_title("核心提示：原标题：示例省启动校车专项整治") == "示例省启动校车专项整治"
    assert clean_title("（原标题：示例县）新标题") == "新标题"
    assert clean_title("新标题（原标题：示例县举办活动）") == "新标题"
    assert clean_title("原来的标题") == "原来的标题"
