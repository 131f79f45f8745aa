"""Refresh the README's screenshots from a running Gonggao (e.g. `./run demo --port 0`).

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:PORT

Drives Debian's headless Chromium (selenium + /usr/bin/chromedriver, installed by `./run test`)
and writes docs/screenshots/{search,document,status,phone}.png: a journalist's search (a hazard in
a province, with its timeline and map), the first result's document page, the crawl status page,
and the search page at a phone's width with the filter drawer closed. Chromium draws Chinese only
with a CJK font installed (Debian: `apt-get install fonts-noto-cjk`); without one every
character is a box.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
SEARCH = "/search?q=%E5%AE%89%E5%85%A8&hazard=drowning"  # 安全, drowning


def browser(width: int, height: int) -> tuple[webdriver.Chrome, str]:
    profile = tempfile.mkdtemp(prefix="gonggao-shots-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                f"--user-data-dir={profile}", f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver")), profile


def shoot(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    driver, profile = browser(1280, 1400)
    try:
        driver.get(base + SEARCH)
        driver.save_screenshot(str(OUT / "search.png"))
        first = driver.find_elements(By.CSS_SELECTOR, "#results a[href^='/doc/']")
        if first:
            driver.get(first[0].get_attribute("href") or "")
            driver.save_screenshot(str(OUT / "document.png"))
        driver.get(base + "/status")
        driver.save_screenshot(str(OUT / "status.png"))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    driver, profile = browser(390, 844)
    try:
        driver.get(base + SEARCH)
        driver.save_screenshot(str(OUT / "phone.png"))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    shoot(sys.argv[1].rstrip("/"))
    print(f"wrote {', '.join(sorted(p.name for p in OUT.glob('*.png')))} in {OUT}")
