"""Scrapy settings for Gonggao: polite by default.

Alphabetical within groups. Gonggao's own settings (data directory, sources file, contact URL)
come from `config.settings.Settings`, i.e. from the environment; see the README.
"""

from config.settings import Settings

_settings = Settings.load()

BOT_NAME = "gonggao"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# -- politeness ------------------------------------------------------------------------------
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_START_DELAY = _settings.crawl_delay
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = _settings.crawl_delay
ROBOTSTXT_OBEY = True
USER_AGENT = f"Gonggao/0.1 (announcement search crawler; +{_settings.contact_url})"

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
    "crawler.progress.CrawlProgress": 500,
    "scrapy.extensions.telnet.TelnetConsole": None,
}
ITEM_PIPELINES = {
    "crawler.pipelines.CatalogPipeline": 300,
}

# -- runtime ---------------------------------------------------------------------------------
LOG_LEVEL = _settings.log_level
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
