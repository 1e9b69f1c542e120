#!/usr/bin/env bash
# Wrap "dist/Kokoon Desktop.app" in a compressed disk image with a link to /Applications:
#   packaging/macos/make_dmg.sh VERSION [APP] [OUT]
set -euo pipefail

version="${1:?usage: make_dmg.sh VERSION [APP] [OUT]}"
app="${2:-dist/Kokoon Desktop.app}"
out="${3:-dist/KokoonDesktop-${version}-macos.dmg}"

if [[ ! -d "$app" ]]; then
    echo "make_dmg.sh: $app is missing (build it with pyinstaller packaging/kokoon-desktop.spec)" >&2
    exit 1
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$out"
hdiutil create -volname "Kokoon Desktop ${version}" -srcfolder "$staging" \
    -fs HFS+ -format UDZO -imagekey zlib-level=9 "$out"
echo "made $out"
