"""Saved searches through the app: the /follow page behind the feed link, the /saved page and its
forms, the JSON API, bad input, other sites' form posts, and users of a shared install (GONGGAO_AUTH)."""

from __future__ import annotations

import base64
import dataclasses
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from search_ui.app import create_app
from search_ui.auth import Users, hash_password

SAME_SITE = {"Origin": "http://testserver"}
DROWNING_Q = "hazard=drowning"


def form(client, path: str, headers: dict | None = None, **fields):
    return client.post(path, data=fields, headers=SAME_SITE if headers is None else headers, follow_redirects=False)


def test_the_feed_link_opens_a_page_with_the_feed_to_copy_and_a_preview(catalog_client):
    page = catalog_client.get("/search?hazard=drowning&region=陕西省")
    follow = re.search(r'id="feed-link"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*id="feed-link"', page.text)
    assert follow, "the search page links the follow page"
    href = (follow.group(1) or follow.group(2)).replace("&amp;", "&")
    assert href.startswith("/follow?")
    r = catalog_client.get(href)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    feed = re.search(r'id="feed-url" readonly value="([^"]+)"', r.text).group(1).replace("&amp;", "&")
    assert feed.startswith("http://testserver/search.atom?") and "hazard=drowning" in feed
    assert catalog_client.get(feed).headers["content-type"].startswith("application/atom+xml")   # raw feed stays
    assert r.text.index("陕西省教育厅关于做好暑期学生防溺水工作的通知") < r.text.index("汉阴县开展防溺水专项检查")   # newest first
    assert 'name="query" value="region=' in r.text


def test_save_list_rename_change_alerts_and_delete_with_forms(catalog_client):
    r = form(catalog_client, "/saved", query=DROWNING_Q, name="防溺水 全国", email="desk@example.org")
    assert r.status_code == 303 and r.headers["location"].startswith("/saved?done=created#saved-")
    search_id = int(r.headers["location"].rsplit("-", 1)[1])
    page = catalog_client.get("/saved")
    assert page.status_code == 200 and "防溺水 全国" in page.text and "desk@example.org" in page.text
    assert f'href="/search?{DROWNING_Q}"' in page.text
    listed = catalog_client.get("/saved.json").json()["searches"]
    assert any(s["id"] == search_id and s["query"] == DROWNING_Q for s in listed)

    assert form(catalog_client, f"/saved/{search_id}", action="rename", name="溺水").status_code == 303
    hook = "https://hooks.example.org/gonggao?token=x"
    assert form(catalog_client, f"/saved/{search_id}", action="alerts", email="", webhook_url=hook).status_code == 303
    item = catalog_client.get(f"/api/v1/saved-searches/{search_id}").json()
    assert item["name"] == "溺水" and item["email"] is None and item["webhook_url"] == hook

    assert form(catalog_client, f"/saved/{search_id}", action="delete").status_code == 303
    assert catalog_client.get(f"/api/v1/saved-searches/{search_id}").status_code == 404


def test_unknown_ids_are_a_clear_404(catalog_client):
    r = catalog_client.get("/api/v1/saved-searches/99999")
    assert r.status_code == 404 and r.json() == {"error": "no saved search with id 99999"}
    assert catalog_client.patch("/api/v1/saved-searches/99999", json={"name": "x"}).status_code == 404
    assert catalog_client.delete("/api/v1/saved-searches/99999").status_code == 404
    assert catalog_client.get("/api/v1/saved-searches/abc").status_code == 404
    page = form(catalog_client, "/saved/99999", action="rename", name="x")
    assert page.status_code == 404 and "no saved search with id 99999" in page.text


@pytest.mark.parametrize("url", ["ftp://example.org/x", "not a url", "https://user:pw@example.org/x", "javascript:alert(1)",
                                 "https://example.org:99999/x"])
def test_an_invalid_webhook_url_is_a_clear_400(catalog_client, url):
    r = catalog_client.post("/api/v1/saved-searches", json={"query": DROWNING_Q, "webhook_url": url})
    assert r.status_code == 400 and "webhook_url" in r.json()["error"]
    page = form(catalog_client, "/saved", query=DROWNING_Q, name="x", webhook_url=url)
    assert page.status_code == 400 and "webhook_url" in page.text


@pytest.mark.parametrize(("body", "message"), [
    ({"query": "hazard=drowning", "email": "not-an-address"}, "'email'"),
    ({"query": "year=twenty"}, "'year'"),
    ({"query": "bogus=1"}, "unknown parameter 'bogus'"),
    ({"query": "", "name": "   "}, "'name' must not be empty"),
    ({"query": "", "nickname": "x"}, "nickname"),
])
def test_other_bad_input_is_a_clear_400(catalog_client, body, message):
    r = catalog_client.post("/api/v1/saved-searches", json=body)
    assert r.status_code == 400 and message in r.json()["error"]


def test_the_api_round_trip(catalog_client):
    r = catalog_client.post("/api/v1/saved-searches", json={"query": "region=陕西省 > 安康市&q=校园", "name": "安康"})
    assert r.status_code == 201
    item = r.json()
    assert r.headers["location"] == f"/api/v1/saved-searches/{item['id']}"
    assert item["query"] == "q=%E6%A0%A1%E5%9B%AD&region=%E9%99%95%E8%A5%BF%E7%9C%81+%3E+%E5%AE%89%E5%BA%B7%E5%B8%82"   # canonical
    assert item["alerts"] == {"last_sent_at": None, "pending": 0, "failing": 0, "last_error": None}
    patched = catalog_client.patch(f"/api/v1/saved-searches/{item['id']}", json={"name": "安康 校园"}).json()
    assert patched["name"] == "安康 校园" and patched["query"] == item["query"]
    assert catalog_client.patch(f"/api/v1/saved-searches/{item['id']}", json={"query": "q=x"}).status_code == 400
    assert catalog_client.delete(f"/api/v1/saved-searches/{item['id']}").status_code == 204


def test_other_sites_cannot_make_a_browser_save_or_delete(catalog_client):
    assert form(catalog_client, "/saved", headers={}, query=DROWNING_Q, name="x").status_code == 403
    assert form(catalog_client, "/saved", headers={"Origin": "https://evil.example"}, query=DROWNING_Q).status_code == 403
    assert form(catalog_client, "/saved", headers={"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},
                query=DROWNING_Q).status_code == 403
    # a cross-site form can send text/plain, never JSON without a preflight: the API refuses anything but JSON
    r = catalog_client.post("/api/v1/saved-searches", content=b'{"query": ""}', headers={"content-type": "text/plain"})
    assert r.status_code == 400
    assert catalog_client.put("/saved").headers["allow"] == "GET, HEAD, POST"


def test_status_shows_the_alert_deliveries(catalog_client):
    r = catalog_client.get("/status.json").json()
    assert r["alerts"] == {"sent": 0, "pending": 0, "failing": 0, "failures": []}
    assert 'id="alerts-status"' in catalog_client.get("/status").text


# --- a shared install -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shared(catalog_config, tmp_path_factory):
    path: Path = tmp_path_factory.mktemp("auth") / "users"
    path.write_text("# users of the newsroom\n" + "".join(f"{u}:{hash_password(u + '-secret', iterations=1000)}\n"
                                                          for u in ("alice", "bob")))
    app = create_app(dataclasses.replace(catalog_config, users=Users.load(path)))
    with TestClient(app) as client:
        yield client


def basic(user: str, password: str | None = None) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password or user + '-secret'}".encode()).decode()
    return {"Authorization": f"Basic {token}", **SAME_SITE}


def test_each_user_sees_only_their_own_searches(shared):
    r = shared.get("/saved")
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic ")
    assert shared.get("/saved", headers=basic("alice", "wrong")).status_code == 401
    created = shared.post("/api/v1/saved-searches", json={"query": DROWNING_Q, "name": "alice's"}, headers=basic("alice"))
    assert created.status_code == 201
    search_id = created.json()["id"]
    assert [s["name"] for s in shared.get("/api/v1/saved-searches", headers=basic("alice")).json()["searches"]] == ["alice's"]
    assert shared.get("/api/v1/saved-searches", headers=basic("bob")).json() == {"user": "bob", "searches": []}
    assert shared.get(f"/api/v1/saved-searches/{search_id}", headers=basic("bob")).status_code == 404
    assert shared.delete(f"/api/v1/saved-searches/{search_id}", headers=basic("bob")).status_code == 404
    assert "alice&#39;s" in shared.get("/saved", headers=basic("alice")).text
    assert "alice" not in shared.get("/status").text          # /status is public: no names of users' searches


def test_a_shared_install_posts_webhooks_only_to_public_addresses(shared):
    for url in ("http://127.0.0.1:8080/hook", "http://10.0.0.5/hook", "http://[::1]/hook", "http://169.254.169.254/latest"):
        r = shared.post("/api/v1/saved-searches", json={"query": "", "webhook_url": url}, headers=basic("bob"))
        assert r.status_code == 400 and "non-public address" in r.json()["error"], url
