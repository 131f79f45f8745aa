"""Headless Chromium against the app served by uvicorn: search, drill down, open a document.

Screenshots are kept at /tmp/ui-search.png, /tmp/ui-doc.png and /tmp/ui-phone.png.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.search_index.process import free_port
from search_ui.app import create_app

pytestmark = pytest.mark.browser
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


@pytest.fixture(scope="module")
def server(web_config) -> Iterator[str]:
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_config), host="127.0.0.1", port=port, log_level="warning"))
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


def test_sort_select_and_language_on_a_phone(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    d = driver
    d.set_window_size(390, 844)
    try:
        d.get(server + "/search?q=%E6%A0%A1%E5%9B%AD&lang=en")
        assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        Select(d.find_element(By.ID, "sort")).select_by_value("date")
        d.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
        WebDriverWait(d, 5).until(lambda drv: "sort=date" in drv.current_url)
        assert "Drowning" in d.find_element(By.ID, "facets").text
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
        facet(d, "drowning").click()
        wait_url(d, "hazard=drowning")
        facet(d, "陕西省").click()
        wait_url(d, "region=")
        total = d.find_element(By.ID, "total").get_attribute("data-total")
        assert total == "3" and "hazard=drowning" in d.current_url
        d.find_element(By.CSS_SELECTOR, ".hit-title a").click()
        wait_url(d, "/doc/")
        assert d.find_element(By.ID, "doc-body").text
