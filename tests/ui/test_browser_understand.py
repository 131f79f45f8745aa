"""Headless Chromium, as a journalist uses the search page: typed words understood (gap 1), the
research filters (gap 6), and from gap 8 the date inputs, the sort that applies at once and the
Tab presses to the first result. The app runs on the index of tests/ui/test_understand.py (the
conftest documents, two published days ago, a 文号), served by uvicorn.

Screenshots: /tmp/ui-understand.png (words read as filters), /tmp/ui-zero.png (no results),
/tmp/ui-compare.png (regions side by side), /tmp/ui-dates.png (the date inputs).
"""

from __future__ import annotations

import dataclasses
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from tests.ui.conftest import seed_index
from tests.ui.test_browser import chrome, serve, wait_url
from tests.ui.test_understand import KEYWORDS, NUMBERED, RECENT

pytestmark = pytest.mark.browser
# Tab presses from the top of a results page to its first result: 75 before the results came first
# in the page and the date inputs became text (a date input is four stops); 19 on the demo.
MAX_TABS_TO_FIRST_RESULT = 20


@pytest.fixture(scope="module")
def server(meili) -> Iterator[str]:
    config = dataclasses.replace(seed_index(meili, "ui_browser_understand", docs=NUMBERED + RECENT), hazard_keywords=KEYWORDS)
    yield from serve(config)


@pytest.fixture(scope="module")
def driver() -> Iterator:
    yield from chrome()


def total(d) -> int:
    from selenium.webdriver.common.by import By

    return int(d.find_element(By.ID, "total").get_attribute("data-total"))


def search_for(d, server: str, words: str) -> None:
    from selenium.webdriver.common.by import By

    d.get(server + "/search?lang=zh")
    box = d.find_element(By.ID, "q")
    box.send_keys(words)
    d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait_url(d, "q=")


# --- gap 1 ------------------------------------------------------------------------------------------
def test_typed_place_hazard_and_year_are_applied_with_an_undo(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    search_for(d, server, "陕西 溺水 2024")
    assert total(d) == 3
    notice = d.find_element(By.ID, "understood")
    assert "地区：陕西省" in notice.text and "风险类型：防溺水" in notice.text and "年份：2024年" in notice.text
    chips = [c.text for c in d.find_elements(By.CSS_SELECTOR, "a.chip")]
    assert any("陕西省" in c for c in chips) and any("防溺水" in c for c in chips)
    assert d.find_element(By.ID, "q").get_attribute("value") == "陕西 溺水 2024"
    d.save_screenshot("/tmp/ui-understand.png")
    # a chip removes one understood filter: the rest stays, now written in the URL
    next(c for c in d.find_elements(By.CSS_SELECTOR, "a.chip") if "2024" in c.text).click()
    wait_url(d, "hazard=drowning")
    assert "year=" not in d.current_url and "q=" not in d.current_url and total(d) == 3
    d.back()
    wait_url(d, "q=")
    d.find_element(By.ID, "literal-link").click()
    wait_url(d, "literal=1")
    assert total(d) == 0 and d.find_element(By.ID, "zero").is_displayed()
    assert not d.find_elements(By.ID, "understood")


def test_zero_results_lead_to_the_nearest_search(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    search_for(d, server, "陕西 火星")
    assert total(d) == 0
    zero = d.find_element(By.ID, "zero")
    assert "火星" in zero.find_element(By.ID, "zero-words").text
    nearest = zero.find_elements(By.CSS_SELECTOR, "#zero-nearest a")
    assert nearest and "去掉“火星”" in zero.find_element(By.ID, "zero-nearest").text
    d.save_screenshot("/tmp/ui-zero.png")
    nearest[0].click()
    wait_url(d, "region=")
    assert total(d) == 8


def test_an_uncertain_word_is_offered(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?" + urllib.parse.urlencode({"q": "汉阴 防溺水", "literal": "1", "lang": "zh"}))
    offers = {a.get_attribute("data-value"): a for a in d.find_elements(By.CSS_SELECTOR, "#offers a.offer")}
    assert "按地区筛选" in d.find_element(By.ID, "offers").text
    offers["陕西省 > 安康市 > 汉阴县"].click()
    wait_url(d, "region=")
    assert total(d) == 2


# --- gap 6 ------------------------------------------------------------------------------------------
def test_research_filters(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    d = driver
    d.get(server + "/search?lang=zh")
    issuer = next(a for a in d.find_elements(By.CSS_SELECTOR, 'a.facet-link[data-facet="issuer"]')
                  if a.get_attribute("data-value") == "汉阴县教育体育和科技局")
    issuer.click()
    wait_url(d, "issuer=")
    assert total(d) == 3
    # titles only
    d.get(server + "/search?q=%E9%83%A8%E7%BD%B2&lang=zh")
    everywhere = total(d)
    Select(d.find_element(By.ID, "in")).select_by_value("title")
    d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait_url(d, "in=title")
    assert total(d) < everywhere
    assert all("部署" in t.text for t in d.find_elements(By.CSS_SELECTOR, ".hit-title a"))
    # a 文号
    d.get(server + "/search?lang=zh")
    d.find_element(By.ID, "q").send_keys("安教发〔2023〕12号")
    Select(d.find_element(By.ID, "in")).select_by_value("doc_number")
    d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait_url(d, "in=doc_number")
    assert total(d) == 1
    # the last 7 days
    d.get(server + "/search?lang=zh")
    Select(d.find_element(By.ID, "date")).select_by_value("7d")
    d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait_url(d, "date=7d")
    assert [t.text for t in d.find_elements(By.CSS_SELECTOR, ".hit-title a")] == ["丛台区近日开展消防演练"]


def test_several_regions_side_by_side(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?region=%E9%99%95%E8%A5%BF%E7%9C%81&lang=zh")
    d.find_element(By.CSS_SELECTOR, 'a.facet-add[data-add="河南省"]').click()
    wait_url(d, "region=%E6%B2%B3%E5%8D%97%E7%9C%81")
    rows = d.find_elements(By.CSS_SELECTOR, "#compare li")
    counts = {r.get_attribute("data-region"): r.find_element(By.CSS_SELECTOR, ".count").text for r in rows}
    assert counts == {"陕西省": "8", "河南省": "4"} and total(d) == 12
    d.save_screenshot("/tmp/ui-compare.png")


# --- gap 8 ------------------------------------------------------------------------------------------
def test_date_inputs_read_year_month_day_on_a_chinese_page(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?lang=zh")
    box = d.find_element(By.ID, "from")
    assert box.get_attribute("type") == "text" and box.get_attribute("placeholder") == "YYYY-MM-DD"
    box.send_keys("05/01/2024")                          # the US order is refused by the browser itself
    assert d.execute_script("return document.getElementById('search-form').checkValidity()") is False
    box.clear()
    box.send_keys("2024-05-01")
    d.find_element(By.ID, "to").send_keys("2024-05-31")
    d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait_url(d, "from=2024-05-01")
    assert d.find_element(By.ID, "from").get_attribute("value") == "2024-05-01" and total(d) == 2
    d.save_screenshot("/tmp/ui-dates.png")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_sort_applies_at_once(server, javascript):
    from selenium.webdriver.common.by import By

    for d in chrome(javascript=javascript):
        d.get(server + "/search?q=%E6%A0%A1%E5%9B%AD&lang=zh")
        link = next(a for a in d.find_elements(By.CSS_SELECTOR, "#sorts a") if "旧→新" in a.text)
        link.click()                                      # one click, no submit
        wait_url(d, "sort=date_asc")
        dates = [t.get_attribute("datetime") for t in d.find_elements(By.CSS_SELECTOR, ".hit time")]
        assert dates == sorted(dates) and len(dates) > 3
        assert d.find_element(By.CSS_SELECTOR, "#sorts [aria-current]").text == "发布日期（旧→新）"


def test_few_tab_presses_to_the_first_result(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = driver
    d.get(server + "/search?q=%E6%A0%A1%E5%9B%AD&lang=zh")
    first = d.find_element(By.CSS_SELECTOR, ".hit-title a")
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    presses = 1
    while d.switch_to.active_element != first and presses < 100:
        d.switch_to.active_element.send_keys(Keys.TAB)
        presses += 1
    print(f"Tab presses to the first result: {presses}")
    assert presses <= MAX_TABS_TO_FIRST_RESULT


# --- axe-core on the parts of the page this file tests --------------------------------------------
AXE_PAGES = ["/search?" + urllib.parse.urlencode(q, doseq=True) for q in (
    {"q": "陕西 溺水 2024"},                                   # words read as filters, with the undo
    {"q": "陕西 火星"},                                        # no results: filters, nearest searches
    {"q": "汉阴 防溺水", "literal": "1"},                       # offers
    {"region": ["陕西省", "河南省"]},                            # regions side by side, + links
)]


@pytest.mark.parametrize("size", [(1280, 1100), (390, 844)], ids=["desktop", "phone"])
def test_axe_finds_nothing_critical_or_serious(server, driver, size):
    from tests.ui.test_browser_alerts import axe_findings

    d = driver
    d.set_window_size(*size)
    failures = {}
    try:
        for path in AXE_PAGES:
            for lang in ("zh", "en"):
                d.get(server + path + ("&" if "?" in path else "?") + f"lang={lang}")
                bad = [f for f in axe_findings(d) if f["impact"] in ("critical", "serious")]
                if bad:
                    failures[f"{path}&lang={lang}"] = bad
    finally:
        d.set_window_size(1280, 1100)
    assert not failures, "\n".join(f"{path}: {f['id']} ({f['impact']}): {f['help']} at {f['nodes']}"
                                    for path, found in failures.items() for f in found)
