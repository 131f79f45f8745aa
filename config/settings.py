"""One typed settings object per process.

Precedence, lowest first: built-in defaults < environment variables < command-line options
(the CLI passes its options as `overrides`). Every variable is listed in the README.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

CONFIG_DIR = Path(__file__).resolve().parent

# environment variable → settings field
ENV_VARS: dict[str, str] = {
    "GONGGAO_DATA_DIR": "data_dir",
    "GONGGAO_DATABASE_URL": "database_url",
    "GONGGAO_SOURCES": "sources_path",
    "GONGGAO_HAZARDS": "hazards_path",
    "GONGGAO_INDEX": "index_name",
    "GONGGAO_CONTACT_URL": "contact_url",
    "GONGGAO_LOG_LEVEL": "log_level",
    "GONGGAO_CRAWL_DELAY": "crawl_delay",
    "GONGGAO_SCRAPYD_NODES": "scrapyd_nodes",
    "GONGGAO_PUBLIC_URL": "public_url",
    "GONGGAO_AUTH": "auth_file",
    "GONGGAO_SMTP_HOST": "smtp_host",
    "GONGGAO_SMTP_PORT": "smtp_port",
    "GONGGAO_SMTP_USER": "smtp_user",
    "GONGGAO_SMTP_PASSWORD": "smtp_password",
    "GONGGAO_SMTP_FROM": "smtp_from",
    "GONGGAO_SMTP_STARTTLS": "smtp_starttls",
    "MEILI_URL": "meili_url",
    "MEILI_MASTER_KEY": "meili_master_key",
    "MEILI_BIN": "meili_bin",
}


class Settings(BaseModel):
    data_dir: Path = Path("data")
    database_url: str | None = None
    sources_path: Path = CONFIG_DIR / "sources.yaml"
    hazards_path: Path = CONFIG_DIR / "hazards.yaml"
    index_settings_path: Path = CONFIG_DIR / "index_settings.yaml"
    index_name: str = "announcements"
    contact_url: str = "https://github.com/gonggao/gonggao#crawler"
    log_level: str = "WARNING"
    crawl_delay: float = 1.0  # seconds between requests to one site (AutoThrottle may raise it)
    scrapyd_nodes: str | None = None  # "http://h1:6800,http://h2:6800": crawls run there, not here
    public_url: str | None = None  # "https://gonggao.example.org/": the web app's address in absolute links (Atom feeds)
    # saved searches and alerts (search_ui/alerts): users of a shared install, the mail server
    auth_file: Path | None = None  # "user:pbkdf2_sha256$…" lines (`gonggao alerts passwd USER`); None = single user
    smtp_host: str | None = None
    smtp_port: int | None = None   # default 587 with STARTTLS, else 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_from: str | None = None
    smtp_starttls: bool = True
    meili_url: str | None = None
    meili_master_key: str | None = None
    meili_bin: Path | None = None

    @classmethod
    def load(cls, overrides: dict[str, object] | None = None, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {field: env[var] for var, field in ENV_VARS.items() if env.get(var)}
        values.update({k: v for k, v in (overrides or {}).items() if v is not None})
        settings = cls.model_validate(values)
        settings.data_dir = settings.data_dir.resolve()
        return settings

    def to_env(self) -> dict[str, str]:
        """The environment that gives a child process (a crawl) these same settings."""
        env = {var: str(getattr(self, field)) for var, field in ENV_VARS.items() if getattr(self, field) is not None}
        env["GONGGAO_DATA_DIR"] = str(self.data_dir)
        return env

    @property
    def catalog_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'catalog.sqlite3'}"

    @property
    def archive_dir(self) -> Path:
        """Where the WARC files of every fetched response live."""
        return self.data_dir / "warc"

    @property
    def managed_meili(self) -> bool:
        """True when Gonggao runs its own Meilisearch (no MEILI_URL given)."""
        return self.meili_url is None
