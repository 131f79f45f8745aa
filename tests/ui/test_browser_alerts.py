"""Headless Chromium: following and saving a search, the phone's filter drawer, skip links, the
document's text before its evidence, instant results, region names in English, and axe-core's
accessibility checks (0 critical, 0 serious) on every page at desktop and phone widths.

axe-core is fetched by scripts/install-axe-core.sh (scripts/bootstrap.sh --test) into
~/.cache/gonggao. Screenshots: /tmp/ui-follow.png, /tmp/ui-saved.png, /tmp/ui-drawer.png,
/tmp/ui-doc-phone.png, /tmp/ui-instant.png.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.test_browser import chrome, serve, wait_url

pytestmark = pytest.mark.browser
AXE_VERSION = "4.11.4"
AXE = Path.home() / ".cache" / "gonggao" / f"axe-core-{AXE_VERSION}" / "axe.min.js"
DESKTOP, PHONE = (1280, 1100), (390, 844)


@pytest.fixture(scope="module")
def server(catalog_config) -> Iterator[str]:
    yield from serve(catalog_config)


@pytest.fixture(scope="module")
def driver() -> Iterator:
    yield from chrome()


@pytest.fixture()
def phone(driver) -> Iterator:
    driver.set_window_size(*PHONE)
    try:
        yield driver
    finally:
        driver.set_window_size(*DESKTOP)


def by(d, css: str):
    from selenium.webdriver.common.by import By

    return d.find_element(By.CSS_SELECTOR, css)


def until(d, condition, timeout: float = 10):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(d, timeout).until(lambda drv: condition(drv))


def test_follow_a_search_save_it_rename_and_delete_it(server, driver):
    d = driver
    d.get(server + "/search?hazard=drowning&lang=en")
    by(d, "#feed-link").click()
    wait_url(d, "/follow?")
    assert by(d, "#feed-url").get_attribute("value").startswith(server + "/search.atom?")
    assert len(d.find_elements("css selector", "#preview li")) == 6
    d.save_screenshot("/tmp/ui-follow.png")
    name = by(d, "#save-name")
    name.clear()
    name.send_keys("Drowning notices")
    by(d, "#save-email").send_keys("desk@example.org")
    by(d, "#save-form button[type=submit]").click()
    wait_url(d, "/saved?done=created")
    section = by(d, ".saved-search")
    assert "Drowning notices" in section.text and "desk@example.org" in section.text
    d.save_screenshot("/tmp/ui-saved.png")
    search_id = section.get_attribute("id")
    by(d, f"#{search_id} .saved-edit summary").click()
    rename = by(d, f"#{search_id} form.rename input[name=name]")
    rename.clear()
    rename.send_keys("Drowning, everywhere")
    by(d, f"#{search_id} form.rename button").click()
    wait_url(d, "done=updated")
    assert "Drowning, everywhere" in by(d, f"#{search_id} h2").text
    by(d, f"#{search_id} .saved-edit summary").click()
    by(d, f"#{search_id} form.delete button").click()
    wait_url(d, "done=deleted")
    assert d.find_elements("css selector", f"#{search_id}") == []
    d.get(server + "/search?lang=zh")


def test_the_filter_button_opens_a_drawer_on_a_phone(server, phone):
    from selenium.webdriver.common.keys import Keys

    d = phone
    d.get(server + "/search?q=%E6%A0%A1%E5%9B%AD&lang=zh")
    button = by(d, "#filters-button")
    assert button.is_displayed() and button.location["y"] < PHONE[1]          # on the first screen
    assert not by(d, "#facets").is_displayed()                                 # the filters wait in the drawer
    button.click()
    until(d, lambda drv: by(drv, "#facets").is_displayed())
    facets = by(d, "#facets")
    assert facets.get_attribute("aria-modal") == "true" and button.get_attribute("aria-expanded") == "true"
    assert d.execute_script("return document.getElementById('facets').contains(document.activeElement)")
    d.save_screenshot("/tmp/ui-drawer.png")
    d.switch_to.active_element.send_keys(Keys.ESCAPE)
    until(d, lambda drv: not by(drv, "#facets").is_displayed())
    assert d.switch_to.active_element.get_attribute("id") == "filters-button"
    button.click()
    until(d, lambda drv: by(drv, "#facets").is_displayed())
    link = next(a for a in d.find_elements("css selector", "#facets a.facet-link") if a.get_attribute("data-value") == "drowning")
    link.click()
    wait_url(d, "hazard=drowning")
    assert not by(d, "#facets").is_displayed() and "已选 1 项" in by(d, "#filters-button").text
    assert d.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]


def test_without_javascript_the_filter_button_jumps_to_the_filters(server):
    for d in chrome(javascript=False):
        d.set_window_size(*PHONE)
        d.get(server + "/search?q=%E6%A0%A1%E5%9B%AD")
        assert by(d, "#filters-button").is_displayed() and by(d, "#facets").is_displayed()
        by(d, "#filters-button").click()
        wait_url(d, "#facets")
        by(d, "#drawer-close").click()
        wait_url(d, "#results")


def test_skip_links_land_on_the_results(server, driver):
    from selenium.webdriver.common.keys import Keys

    d = driver
    d.get(server + "/search?q=%E6%A0%A1%E5%9B%AD&lang=en")
    body = by(d, "body")
    body.send_keys(Keys.TAB)
    skip = d.switch_to.active_element
    assert skip.text == "Skip to results" and skip.is_displayed()          # shown when focused
    skip.send_keys(Keys.ENTER)
    assert d.switch_to.active_element.get_attribute("id") == "results"
    d.switch_to.active_element.send_keys(Keys.TAB)
    assert d.execute_script("return document.getElementById('results').contains(document.activeElement)")


def test_the_document_page_shows_its_text_before_its_evidence(server, phone):
    d = phone
    d.get(server + "/doc/doc01?lang=zh")
    text, evidence = by(d, "#doc-body"), by(d, "#hazard-evidence")
    assert text.location["y"] < evidence.location["y"]
    assert text.location["y"] < PHONE[1], "the text starts on the first screen of a phone"
    d.save_screenshot("/tmp/ui-doc-phone.png")


def test_instant_results_as_you_type(server, driver):
    d = driver
    d.get(server + "/search?lang=zh")
    d.execute_script("window.__samePage = true")
    before = by(d, "#total").get_attribute("data-total")
    by(d, "#q").send_keys("溺水")            # a plain word here (防溺水, the hazard's name, becomes its filter: no highlights)
    until(d, lambda drv: "q=%E6%BA%BA%E6%B0%B4" in drv.current_url)
    until(d, lambda drv: by(drv, "#total").get_attribute("data-total") == "6")
    assert before != "6" and d.execute_script("return window.__samePage") is True       # no page load
    assert by(d, "#instant-status").text == "" or "6" in by(d, "#instant-status").get_attribute("textContent")
    assert "溺水" in "".join(m.text for m in d.find_elements("css selector", ".hit mark"))   # the new results, highlighted
    d.save_screenshot("/tmp/ui-instant.png")
    d.get(d.current_url)                                   # the URL is the state: reloading gives the same results
    assert by(d, "#total").get_attribute("data-total") == "6" and by(d, "#q").get_attribute("value") == "溺水"


def test_region_names_in_english(server, driver):
    d = driver
    d.get(server + "/search?region=%E9%99%95%E8%A5%BF%E7%9C%81+%3E+%E5%AE%89%E5%BA%B7%E5%B8%82&lang=en")
    facets = by(d, "#facets").text
    assert "Shaanxi" in facets and "Ankang City" in facets and "Hanyin County" in facets and "陕西" not in facets
    assert "Shanxi" in facets and "Henan" in facets
    assert "Shaanxi > Ankang City" in by(d, ".chips").text
    d.get(server + "/doc/doc01?lang=en")
    assert by(d, "#region-path").text == "Shaanxi > Ankang City > Hanyin County"
    d.get(server + "/search?lang=zh")
    assert "陕西省" in by(d, "#facets").text


# --- axe-core ---------------------------------------------------------------------------------
def axe_findings(d) -> list[dict]:
    """axe-core's violations on the current page: id, impact, help and the first few nodes."""
    if not AXE.exists():
        pytest.skip(f"axe-core not installed ({AXE}); run scripts/install-axe-core.sh")
    d.execute_script(AXE.read_text(encoding="utf-8"))
    found = d.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ["violations"]}).then(
          r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                             nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))),
          e => done([{id: "axe-error", impact: "critical", help: String(e), nodes: []}]));
    """)
    return list(found)


@pytest.fixture(scope="module")
def saved_search(server) -> str:
    import json

    request = urllib.request.Request(server + "/api/v1/saved-searches", method="POST",
                                     data=json.dumps({"query": "hazard=drowning", "name": "防溺水",
                                                      "email": "desk@example.org"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as r:
        return str(json.loads(r.read())["id"])


PAGES = ["/", "/search?q=%E6%A0%A1%E5%9B%AD&hazard=drowning", "/doc/doc01", "/status", "/saved",
         "/follow?hazard=drowning"]


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_finds_nothing_critical_or_serious(server, driver, saved_search, size, lang):
    d = driver
    d.set_window_size(*size)
    failures = {}
    try:
        for path in PAGES:
            d.get(server + path + ("&" if "?" in path else "?") + f"lang={lang}")
            if path.startswith("/search"):
                until(d, lambda drv: drv.find_elements("css selector", "#timeline"))       # the streamed part is there
            bad = [f for f in axe_findings(d) if f["impact"] in ("critical", "serious")]
            if bad:
                failures[path] = bad
    finally:
        d.set_window_size(*DESKTOP)
    assert not failures, "\n".join(f"{path}: {f['id']} ({f['impact']}): {f['help']} at {f['nodes']}"
                                    for path, found in failures.items() for f in found)
