"""Scrapy settings for Gonggao: polite by default.

Alphabetical within groups. Gonggao's own settings (data directory, catalog, sources file, contact
URL; see the README) come from the environment through `config.settings.Settings`, and become
Scrapy settings here, once (`from_gonggao`): every crawler component reads them from
`crawler.settings` in its `from_crawler`, so a test builds any component from
`scrapy.utils.test.get_crawler(settings_dict=from_gonggao(...))`. Scrapyd nodes load this module
too (their scrapy.cfg names it), so a node's environment configures its crawls the same way.
"""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings

from config.errors import ConfigError
from config.settings import Settings

BOT_NAME = "gonggao"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# -- politeness ------------------------------------------------------------------------------
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# GONGGAO_CRAWL_DELAY is the least time between two requests to one host, not an average: Scrapy's
# default jitter would draw each delay from 0.5-1.5 times it
DOWNLOAD_DELAY_JITTER = 0.0
ROBOTSTXT_OBEY = True

# -- limits and faults -----------------------------------------------------------------------
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
GONGGAO_RETRY_AFTER_DEFAULT = 10.0  # seconds to wait after a 429 without Retry-After
GONGGAO_RETRY_AFTER_MAX = 300.0  # a site asking for a longer wait is left for the next run
REDIRECT_MAX_TIMES = 5
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408]  # 429 is RetryAfterMiddleware's
RETRY_TIMES = 2

# -- components ------------------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.RetryAfterMiddleware": 555,  # sees 429/503 before RetryMiddleware (550)
    "crawler.middlewares.ConditionalGetMiddleware": 560,
    "crawler.middlewares.RedirectLoopMiddleware": 610,  # sees a redirect before RedirectMiddleware (600)
}
EXTENSIONS = {
    "crawler.politeness.DelayFromResponse": 400,
    "crawler.progress.CrawlProgress": 500,
    "scrapy.extensions.telnet.TelnetConsole": None,
}
ITEM_PIPELINES = {
    "crawler.pipelines.CatalogPipeline": 300,
}

# -- runtime ---------------------------------------------------------------------------------
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"


def from_gonggao(settings: Settings) -> dict[str, Any]:
    """Gonggao's settings as the Scrapy settings the crawl reads (the GONGGAO_* names are ours)."""
    return {
        "AUTOTHROTTLE_START_DELAY": settings.crawl_delay,
        "DOWNLOAD_DELAY": settings.crawl_delay,
        "GONGGAO_ARCHIVE_DIR": str(settings.archive_dir),
        "GONGGAO_CATALOG_URL": settings.catalog_url,
        "GONGGAO_HAZARDS_PATH": str(settings.hazards_path),
        "GONGGAO_SOURCES_PATH": str(settings.sources_path),
        "LOG_LEVEL": settings.log_level,
        "USER_AGENT": f"Gonggao/0.1 (announcement search crawler; +{settings.contact_url})",
    }


def required(settings: BaseSettings, name: str) -> str:
    """A GONGGAO_* setting a component cannot work without; a ConfigError naming it when it is missing."""
    value = settings.get(name)
    if not value:
        raise ConfigError("Scrapy settings", None, name, "not set (crawler/settings.py sets it from the environment)")
    return str(value)


# This process's environment, as module settings (what `scrapy`, Scrapyd and crawler/run.py load).
globals().update(from_gonggao(Settings.load()))
