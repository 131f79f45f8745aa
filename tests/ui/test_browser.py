"""Headless Chromium against the app served by uvicorn (with a small catalog): search, drill
down, open a document, export, follow a feed, the archived copy, the status page.

Screenshots are kept at /tmp/ui-search.png, /tmp/ui-doc.png, /tmp/ui-phone.png, /tmp/ui-doc-catalog.png
and /tmp/ui-status.png.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.search_index.process import free_port
from search_ui.app import WebConfig, create_app

pytestmark = pytest.mark.browser
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def serve(config: WebConfig) -> Iterator[str]:
    """The app on a free loopback port, served by uvicorn in a thread until the generator closes."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield url
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(catalog_config) -> Iterator[str]:
    yield from serve(catalog_config)


def chrome(javascript: bool = True):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium/chromedriver not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="gonggao-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", "--window-size=1280,1100"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    d = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    d.set_page_load_timeout(20)
    try:
        yield d
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def driver() -> Iterator:
    yield from chrome()


def no_alert(d) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = d.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    pytest.fail(f"an alert fired: {text!r}")


def wait_url(d, part: str) -> None:
    """A click that submits a form returns before the next page is loaded: wait for its URL."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(d, 10).until(lambda drv: part in drv.current_url)


def facet(d, value: str):
    from selenium.webdriver.common.by import By

    for link in d.find_elements(By.CSS_SELECTOR, "a.facet-link"):
        if link.get_attribute("data-value") == value:
            return link
    raise AssertionError(f"no facet link {value!r}")


def test_search_drill_down_and_open_document(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search")
    box = d.find_element(By.ID, "q")
    box.send_keys("校園")
    d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait_url(d, "q=%E6%A0%A1%E5%9C%92")
    assert "from=" not in d.current_url and "sort=" not in d.current_url   # app.js leaves empty fields out
    total = int(d.find_element(By.ID, "total").get_attribute("data-total"))
    assert total >= 8
    no_alert(d)
    assert "<script>alert(1)</script>" in d.find_element(By.ID, "results").text   # shown as text

    facet(d, "陕西省").click()
    wait_url(d, "region=%E9%99%95%E8%A5%BF%E7%9C%81")
    facet(d, "陕西省 > 安康市").click()
    wait_url(d, "%E5%AE%89%E5%BA%B7%E5%B8%82")
    facet(d, "陕西省 > 安康市 > 汉阴县").click()
    wait_url(d, "%E6%B1%89%E9%98%B4%E5%8E%BF")
    assert d.find_element(By.ID, "total").get_attribute("data-total") == "1"
    titles = [a.text for a in d.find_elements(By.CSS_SELECTOR, ".hit-title a")]
    assert titles == ["汉阴县教育局召开校园安全工作会议"]
    marks = d.find_elements(By.CSS_SELECTOR, ".hit mark")
    assert marks and marks[0].text == "校园"
    d.save_screenshot("/tmp/ui-search.png")

    # the state is in the URL: reloading it gives the same page
    d.get(d.current_url)
    assert d.find_element(By.ID, "total").get_attribute("data-total") == "1"

    d.find_element(By.CSS_SELECTOR, ".hit-title a").click()
    wait_url(d, "/doc/doc01")
    assert "部署防溺水和食品安全工作" in d.find_element(By.ID, "doc-body").text
    original = d.find_element(By.ID, "original-link")
    assert set(original.get_attribute("rel").split()) == {"noopener", "noreferrer", "nofollow"}
    d.save_screenshot("/tmp/ui-doc.png")
    search_url = d.execute_script("return document.referrer")
    d.find_element(By.ID, "back-link").click()
    wait_url(d, "region=")
    assert d.current_url == search_url and "region=" in d.current_url


def test_xss_document_fires_no_script(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?q=%E6%B5%8B%E8%AF%95%E5%86%85%E5%AE%B9")
    no_alert(d)
    d.get(server + "/doc/doc16")
    no_alert(d)
    body = d.find_element(By.ID, "doc-body").text
    assert "<script>alert(1)</script><img src=x onerror=alert(1)>" in body
    assert d.find_elements(By.CSS_SELECTOR, "#doc-body img, #doc-body script") == []
    assert d.execute_script("return document.title").startswith("校园安全提示 <b>注意</b>")


def test_sort_and_language_on_a_phone(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    d = driver
    d.set_window_size(390, 844)
    try:
        d.get(server + "/search?q=%E6%A0%A1%E5%9B%AD&lang=en")
        assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        d.find_element(By.CSS_SELECTOR, '#sorts a[href*="sort=date"]').click()      # a link: applies at once
        WebDriverWait(d, 5).until(lambda drv: "sort=date" in drv.current_url)
        assert "Drowning" in d.find_element(By.ID, "facets").get_attribute("textContent")   # in the drawer on a phone
        width = d.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, "no horizontal scrolling on a phone"
        d.save_screenshot("/tmp/ui-phone.png")
        severe = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
        assert not severe, severe        # e.g. a CSP violation
    finally:
        d.set_window_size(1280, 1100)
        d.get(server + "/search?lang=zh")


def test_works_with_javascript_off(server):
    from selenium.webdriver.common.by import By

    for d in chrome(javascript=False):
        d.get(server + "/search")
        d.find_element(By.ID, "q").send_keys("防溺水")
        d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
        wait_url(d, "q=%E9%98%B2%E6%BA%BA%E6%B0%B4")
        assert "from=&" in d.current_url          # app.js did not run: the plain form still works
        assert d.find_element(By.ID, "understood")  # 防溺水 is the hazard's name: read as its filter, on the server
        facet(d, "陕西省").click()
        wait_url(d, "region=")
        total = d.find_element(By.ID, "total").get_attribute("data-total")
        assert total == "3" and "hazard=drowning" in d.current_url
        d.find_element(By.CSS_SELECTOR, ".hit-title a").click()
        wait_url(d, "/doc/")
        assert d.find_element(By.ID, "doc-body").text


def test_export_csv_from_the_results_page(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?q=%E6%A0%A1%E5%9B%AD&lang=zh")
    total = int(d.find_element(By.ID, "total").get_attribute("data-total"))
    href = d.find_element(By.ID, "export-csv").get_attribute("href")
    assert href.startswith(server + "/search.csv?")
    # fetch the file the link points at, as the browser would download it
    data = d.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b))));
    """, href)
    raw = bytes(data)
    assert raw[:3] == b"\xef\xbb\xbf"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == total and "汉阴县教育局召开校园安全工作会议" in {r["标题"] for r in rows}


def test_feed_link_gives_a_feed_that_parses(server, driver):
    from xml.etree import ElementTree as ET

    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?region=%E9%99%95%E8%A5%BF%E7%9C%81+%3E+%E5%AE%89%E5%BA%B7%E5%B8%82+%3E+%E6%B1%89%E9%98%B4%E5%8E%BF&hazard=drowning")
    head = d.find_element(By.CSS_SELECTOR, 'link[type="application/atom+xml"]').get_attribute("href")
    d.find_element(By.ID, "feed-link").click()          # a page for people: the address to copy, a preview
    wait_url(d, "/follow?")
    href = d.find_element(By.ID, "feed-url").get_attribute("value")
    assert href == head == d.find_element(By.ID, "raw-feed").get_attribute("href")
    with urllib.request.urlopen(href, timeout=10) as r:
        assert r.headers["content-type"].startswith("application/atom+xml")
        root = ET.fromstring(r.read())
    atom = "{http://www.w3.org/2005/Atom}"
    ids = [e.find(atom + "id").text for e in root.findall(atom + "entry")]
    assert ids == ["tag:gonggao,2024:doc/doc02", "tag:gonggao,2024:doc/doc01"]


def test_map_tile_applies_the_region(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?hazard=drowning")
    tile = d.find_element(By.CSS_SELECTOR, 'a[data-province="河南省"]')
    assert tile.get_attribute("data-count") == "2"
    tile.click()
    wait_url(d, "region=%E6%B2%B3%E5%8D%97%E7%9C%81")
    assert d.find_element(By.ID, "total").get_attribute("data-total") == "2"


def test_document_page_shows_evidence_and_citation(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/doc/doc01?lang=zh")
    marks = [m.text for m in d.find_elements(By.CSS_SELECTOR, "#hazard-evidence mark")]
    assert marks == ["防溺水", "食品安全"]
    citation = d.find_element(By.ID, "citation").get_attribute("value")
    assert "《汉阴县教育局召开校园安全工作会议》" in citation and "https://edu.example.gov.cn/202401/t2024_1.html" in citation
    assert d.find_element(By.ID, "copy-citation").is_displayed()        # app.js shows it where the clipboard works
    assert d.find_element(By.ID, "doc-status").text == "已修改"              # the catalog knows of the edit
    assert "部署防溺水和食品安全工作" in d.find_element(By.CSS_SELECTOR, "#diff ins").text
    d.save_screenshot("/tmp/ui-doc-catalog.png")


def test_archived_xss_page_stays_inert(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/doc/doc16")
    frame = d.find_element(By.ID, "archived-frame")
    assert frame.get_attribute("sandbox") == ""
    d.execute_script("arguments[0].scrollIntoView()", frame)
    d.switch_to.frame(frame)
    assert d.find_element(By.ID, "archived-title").text == "校园安全提示（存档）"    # shown, decoded from GBK
    assert d.execute_script("return document.domain") == ""                  # an opaque origin
    d.switch_to.default_content()
    no_alert(d)
    assert d.find_element(By.ID, "doc-title").text.startswith("校园安全提示")   # the frame could not touch the page
    # opened on its own (top level), the CSP sandbox still applies
    d.get(server + "/archive/doc16")
    no_alert(d)
    assert d.find_element(By.ID, "archived-title").text
    assert d.execute_script("return window.origin") == "null"
    blocked = [e["message"] for e in d.get_log("browser")]
    assert any("sandbox" in m or "Content Security Policy" in m for m in blocked), blocked


def test_status_page_renders(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?lang=en")
    d.find_element(By.ID, "status-link").click()
    wait_url(d, "/status")
    section = d.find_element(By.ID, "source-ui-test")
    assert section.find_element(By.CSS_SELECTOR, "[data-health]").get_attribute("data-health") == "failing"
    assert "gonggao crawl ui-test" in section.text and "timeout × 2" in section.text
    assert len(section.find_elements(By.CSS_SELECTOR, "tr.run")) == 3
    d.save_screenshot("/tmp/ui-status.png")
    d.get(server + "/search?lang=zh")


def test_timeline_bar_narrows_the_dates(server, driver):
    from selenium.webdriver.common.by import By

    d = driver
    d.get(server + "/search?hazard=drowning&lang=zh")
    bar = d.find_element(By.CSS_SELECTOR, '#timeline a.bar[data-key="2024-06"]')
    d.execute_script("arguments[0].scrollIntoView()", d.find_element(By.ID, "timeline"))
    d.save_screenshot("/tmp/ui-timeline.png")
    d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", bar)
    wait_url(d, "to=2024-06-30")
    assert "from=2024-06-01" in d.current_url
    assert d.find_element(By.ID, "from").get_attribute("value") == "2024-06-01"
    assert d.find_element(By.ID, "total").get_attribute("data-total") == "2"   # doc02 and doc15
