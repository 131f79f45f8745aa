"""Wiring the alerts of saved searches (search_ui/alerts) into the commands.

`gonggao up` runs a pass after each outbox sync, `gonggao crawl` after its sync, and
`gonggao alerts send` on demand; `gonggao alerts list` shows the saved searches with the state of
their deliveries, `gonggao alerts passwd USER` prints a line for the GONGGAO_AUTH users file.
"""

from __future__ import annotations

import getpass
import logging
import sys
from datetime import UTC, datetime

from config.settings import Settings
from gonggao.pipeline import hazard_labels
from gonggao.services import MeiliEndpoint
from indexer.search_index import admin
from indexer.search_index.reader import SearchReader
from indexer.store.catalog import Catalog
from indexer.store.saved_searches import SavedSearches
from search_ui.alerts.channels import SmtpConfig
from search_ui.alerts.deliver import AlertsConfig, PassReport, run_pass
from search_ui.app import public_url
from search_ui.auth import check_user_name, hash_password

log = logging.getLogger(__name__)
# where links in alerts point when GONGGAO_PUBLIC_URL is unset and no web server of ours is known
DEFAULT_BASE_URL = "http://127.0.0.1:8700/"


def smtp_config(settings: Settings) -> SmtpConfig | None:
    return SmtpConfig.from_settings(settings.smtp_host, settings.smtp_port, settings.smtp_from, settings.smtp_user,
                                    settings.smtp_password, settings.smtp_starttls)


def alerts_config(settings: Settings, meili: MeiliEndpoint, base_url: str | None = None) -> AlertsConfig:
    """The pass's configuration: a search-only reader, the site's address for links, SMTP."""
    key = admin.ensure_search_key(admin.connect(meili.url, meili.master_key), settings.index_name)
    return AlertsConfig(
        reader=SearchReader(meili.url, key, settings.index_name),
        base_url=public_url(settings.public_url) or base_url or DEFAULT_BASE_URL,
        smtp=smtp_config(settings),
        public_webhooks_only=settings.auth_file is not None,
        hazard_labels=hazard_labels(settings.hazards_path),
    )


def run_alerts(settings: Settings, catalog: Catalog, meili: MeiliEndpoint, *, force: bool = False,
               base_url: str | None = None) -> PassReport:
    return run_pass(SavedSearches(catalog.engine), alerts_config(settings, meili, base_url), force=force)


def print_report(report: PassReport) -> None:
    if report.matched or report.sent or report.failed:
        print(f"alerts: {report.matched} new matches, {report.sent} sent, {report.failed} failed (retried later; see /status)")
    for error in report.errors:
        print(f"gonggao: alerts: {error}", file=sys.stderr)


def cmd_send(settings: Settings, catalog: Catalog, meili: MeiliEndpoint) -> int:
    """Capture new matches and send every pending delivery now, whatever its backoff."""
    report = run_alerts(settings, catalog, meili, force=True)
    print_report(report)
    print(f"alerts: {report.sent} sent, {report.failed} failed")
    return 3 if report.failed else 0


def cmd_list(catalog: Catalog) -> int:
    store = SavedSearches(catalog.engine)
    searches = store.all()
    if not searches:
        print("no saved searches")
        return 0
    print(f"{'ID':>4}  {'OWNER':<12} {'NAME':<24} {'ALERTS':<34} {'LAST SENT':<17} PENDING  FAILING")
    for s in searches:
        state = store.alert_state(s.id)
        channels = ", ".join(f"{c}:{t}" for c, t in s.channels) or "-"
        last = datetime.fromtimestamp(state.last_sent_at, UTC).astimezone().strftime("%Y-%m-%d %H:%M") if state.last_sent_at else "-"
        print(f"{s.id:>4}  {s.owner or '-':<12} {s.name[:24]:<24} {channels[:34]:<34} {last:<17} {state.pending:>7}  {state.failing:>7}")
        if state.last_error:
            print(f"      last error: {state.last_error[:160]}")
    return 0


def cmd_passwd(user: str, password_stdin: bool) -> int:
    """Print `user:hash` for the GONGGAO_AUTH file (the password is read without echo, twice)."""
    try:
        check_user_name(user)
    except ValueError as exc:
        print(f"gonggao: {exc}", file=sys.stderr)
        return 2
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for {user}: ")
        if getpass.getpass("again: ") != password:
            print("gonggao: the two passwords differ", file=sys.stderr)
            return 2
    if len(password) < 8:
        print("gonggao: use a password of at least 8 characters", file=sys.stderr)
        return 2
    print(f"{user}:{hash_password(password)}")
    return 0
