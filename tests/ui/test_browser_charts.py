"""In headless Chromium, as a journalist uses them: the honest timeline (every hazard counted, a
scale, a totals row, the chart's data as CSV, a date range chosen by dragging or by two clicks, and
the plain links without JavaScript), semantic search with a floor whose exports and feed hold the
page's documents, and exports with Chinese or English headers and labels."""

from __future__ import annotations

import csv
import dataclasses
import io
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree as ET

import pytest

from indexer.search_index import embed
from tests.ui.conftest import DOCS, seed_index
from tests.ui.test_browser import chrome, no_alert, serve, wait_url

pytestmark = pytest.mark.browser
DROWNING = [d for d in DOCS if "drowning" in d["hazards"]]


@pytest.fixture(scope="module")
def server(catalog_config) -> Iterator[str]:
    yield from serve(catalog_config)


@pytest.fixture(scope="module")
def semantic_server(meili) -> Iterator[str]:
    """The same documents with real embeddings (USE, as the sync makes them), and the app embedding queries."""
    model = embed.default_embedder()
    vectors = model.embed([embed.document_text(d) for d in DOCS])
    docs = [{**d, "_vectors": {"use": [float(x) for x in v]}} for d, v in zip(DOCS, vectors, strict=True)]
    config = seed_index(meili, "ui_browser_charts_semantic", docs=docs)
    yield from serve(dataclasses.replace(config, embed=embed.embed_query))


@pytest.fixture(scope="module")
def browser() -> Iterator[tuple]:
    """Chromium with downloads going to a folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix="gonggao-downloads-"))
    for d in chrome():
        d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
        yield d, folder


def download(d, folder: Path, link_id: str) -> bytes:
    """Click a download link and wait for its file."""
    from selenium.webdriver.common.by import By

    for old in folder.iterdir():
        old.unlink()
    d.find_element(By.ID, link_id).click()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if not p.name.endswith(".crdownload")]
        if done:
            time.sleep(0.2)
            return done[0].read_bytes()
        time.sleep(0.1)
    raise AssertionError(f"{link_id}: no file downloaded")


def rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def bar(d, key: str):
    from selenium.webdriver.common.by import By

    return d.find_element(By.CSS_SELECTOR, f'#timeline a.bar[data-key="{key}"]')


def to_chart(d) -> None:
    from selenium.webdriver.common.by import By

    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", d.find_element(By.ID, "chart-area"))


# --- gap 2: the honest timeline ------------------------------------------------------------------
def test_a_drowning_search_counts_every_drowning_document_on_a_labelled_scale(server, browser):
    from selenium.webdriver.common.by import By

    d, _ = browser
    d.get(server + "/search?hazard=drowning&lang=zh")
    timeline = d.find_element(By.ID, "timeline")
    to_chart(d)
    assert "其他" not in timeline.text                                      # no drowning document shown as "other"
    strips = [s.text for s in d.find_elements(By.CSS_SELECTOR, "#timeline .strip-label")]
    assert strips[0].startswith("防溺水") and strips[0].endswith(str(len(DROWNING)))
    assert "各计一次" in d.find_element(By.ID, "timeline-counting").text   # the page says how they count
    ticks = [t.text for t in d.find_elements(By.CSS_SELECTOR, "#timeline .y-axis .tick")]
    assert ticks == ["2", "1", "0"] and d.find_element(By.CSS_SELECTOR, ".y-title").text == "公告数"
    d.find_element(By.CSS_SELECTOR, "#timeline details summary").click()
    total_row = d.find_element(By.CSS_SELECTOR, ".timeline-table tfoot tr").text.split()
    assert total_row[:3] == ["合计", str(len(DROWNING)), str(len(DROWNING))]
    d.save_screenshot("/tmp/ui-timeline-charts.png")
    no_alert(d)


def test_the_charts_data_downloads_as_csv(server, browser):
    from selenium.webdriver.common.by import By

    d, folder = browser
    d.get(server + "/search?hazard=drowning&lang=zh")
    to_chart(d)
    data = rows(download(d, folder, "timeline-csv"))
    assert len(data) == len(d.find_elements(By.CSS_SELECTOR, "#timeline a.bar"))
    assert sum(int(r["防溺水 (drowning)"]) for r in data) == len(DROWNING)


def test_dragging_across_the_chart_sets_the_dates(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    d, _ = browser
    d.get(server + "/search?hazard=drowning&lang=zh")
    to_chart(d)
    assert d.find_element(By.ID, "range-hint").is_displayed() and not d.find_element(By.ID, "timeline-note").is_displayed()
    ActionChains(d).move_to_element(bar(d, "2023-12")).click_and_hold().move_to_element(bar(d, "2024-03")) \
        .move_to_element(bar(d, "2024-05")).release().perform()
    wait_url(d, "to=2024-05-31")
    q = query_of(d.current_url)
    assert q["from"] == ["2023-12-01"] and q["to"] == ["2024-05-31"] and q["hazard"] == ["drowning"]
    expected = sum("2023-12-01" <= x["published_date"] <= "2024-05-31" for x in DROWNING)
    assert d.find_element(By.ID, "total").get_attribute("data-total") == str(expected)
    assert d.find_element(By.ID, "from").get_attribute("value") == "2023-12-01"


def test_two_clicks_set_the_dates_and_escape_starts_again(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d, _ = browser
    start = server + "/search?hazard=drowning&lang=zh"
    d.get(start)
    to_chart(d)
    ActionChains(d).move_to_element(bar(d, "2024-07")).click().perform()
    assert d.current_url == start                                         # the first click only marks the start
    assert "2024-07" in d.find_element(By.ID, "range-hint").text
    ActionChains(d).send_keys(Keys.ESCAPE).perform()
    ActionChains(d).move_to_element(bar(d, "2024-05")).click().perform()  # a new start after Escape
    ActionChains(d).move_to_element(bar(d, "2024-06")).click().perform()
    wait_url(d, "to=2024-06-30")
    q = query_of(d.current_url)
    assert q["from"] == ["2024-05-01"] and q["to"] == ["2024-06-30"]


def test_without_javascript_a_bar_narrows_to_its_month(server):
    from selenium.webdriver.common.by import By

    for d in chrome(javascript=False):
        d.get(server + "/search?hazard=drowning&lang=zh")
        assert d.find_element(By.ID, "timeline-note").is_displayed() and not d.find_element(By.ID, "range-hint").is_displayed()
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", bar(d, "2024-05"))
        bar(d, "2024-05").click()
        wait_url(d, "to=2024-05-31")
        q = query_of(d.current_url)
        assert q["from"] == ["2024-05-01"] and q["to"] == ["2024-05-31"]
        assert d.find_element(By.ID, "total").get_attribute("data-total") == "2"
        d.find_element(By.CSS_SELECTOR, "#timeline details summary").click()
        assert d.find_element(By.CSS_SELECTOR, ".timeline-table tbody a").is_displayed()   # the table links too


# --- gap 5: exports people can read --------------------------------------------------------------
def test_exports_have_chinese_headers_and_english_after_switching(server, browser):
    from selenium.webdriver.common.by import By

    d, folder = browser
    d.get(server + "/search?hazard=drowning&lang=zh")
    chinese = {r["id"]: r for r in rows(download(d, folder, "export-csv"))}
    assert set(chinese) == {x["id"] for x in DROWNING}
    doc01 = chinese["doc01"]
    assert doc01["隐患类别"] == "防溺水；食品安全" and doc01["hazards"] == "drowning;food"
    assert doc01["文档页"] == server + "/doc/doc01" and doc01["存档副本"] == server + "/archive/doc01"
    with urllib.request.urlopen(doc01["文档页"]) as page:                   # the links open
        assert "汉阴县教育局召开校园安全工作会议" in page.read().decode()
    d.find_element(By.CSS_SELECTOR, 'a[hreflang="en"]').click()
    wait_url(d, "lang=en")
    english = {r["id"]: r for r in rows(download(d, folder, "export-csv"))}
    assert english["doc01"]["Hazards"] == "Drowning; Food safety" and english["doc01"]["Source kind"] == "Government site"
    d.get(server + "/search?hazard=drowning&lang=zh")                       # back to Chinese for the other tests


# --- gap 3: semantic search with a floor ----------------------------------------------------------
def test_an_english_question_shows_only_relevant_documents_and_its_exports_match(semantic_server, browser):
    from selenium.webdriver.common.by import By

    d, folder = browser
    d.get(semantic_server + "/search?lang=en")
    d.find_element(By.ID, "q").send_keys("food safety inspection of school canteens")
    d.find_element(By.ID, "semantic").click()
    d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait_url(d, "semantic=1")
    total = int(d.find_element(By.ID, "total").get_attribute("data-total"))
    assert 0 < total < len(DOCS) / 2, total                                  # not every document
    titles = [a.text for a in d.find_elements(By.CSS_SELECTOR, ".hit-title a")]
    assert len(titles) == total and any("食品安全" in t for t in titles)
    assert not d.find_elements(By.ID, "semantic-off")
    exported = rows(download(d, folder, "export-csv"))
    assert sorted(r["Title"] for r in exported) == sorted(titles)
    d.find_element(By.ID, "feed-link").click()                               # the follow page, with the feed's address
    feed_url = d.find_element(By.ID, "feed-url").get_attribute("value")
    assert "semantic=1" in feed_url
    with urllib.request.urlopen(feed_url) as feed:
        entries = ET.fromstring(feed.read()).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == total
    d.save_screenshot("/tmp/ui-semantic.png")
