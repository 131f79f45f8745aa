#!/usr/bin/env bash
# Fetch axe-core (the accessibility engine the browser tests inject into each page) from the npm
# registry into ~/.cache/gonggao/axe-core-VERSION/axe.min.js, checked against its pinned integrity.
# Test-only: axe-core is MPL-2.0 and is never copied into the repository or the installed app.
set -euo pipefail
VERSION=4.11.4
INTEGRITY="sha512-KunSNx+TVpkAw/6ULfhnx+HWRecjqZGTOyquAoWHYLRSdK1tB5Ihce1ZW+UY3fj33bYAFWPu7W/GRSmmrCGuxA=="
DEST="${GONGGAO_CACHE:-$HOME/.cache/gonggao}/axe-core-$VERSION"
[ -f "$DEST/axe.min.js" ] && exit 0
command -v npm >/dev/null || { echo "install-axe-core: npm is needed to fetch axe-core $VERSION" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --loglevel=error "axe-core@$VERSION" >/dev/null)
tgz="$tmp/axe-core-$VERSION.tgz"
got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
[ "$got" = "$INTEGRITY" ] || { echo "install-axe-core: axe-core-$VERSION.tgz does not match its pinned integrity ($got)" >&2; exit 1; }
tar -xzf "$tgz" -C "$tmp" package/axe.min.js
mkdir -p "$DEST"
mv "$tmp/package/axe.min.js" "$DEST/axe.min.js"
echo "install-axe-core: axe-core $VERSION in $DEST" >&2
