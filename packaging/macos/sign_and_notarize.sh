#!/usr/bin/env bash
# Sign the app (hardened runtime), then notarize and staple it, driven by the runner's secrets:
#   packaging/macos/sign_and_notarize.sh [APP]
#
#   MACOS_CERTIFICATE_P12_BASE64, MACOS_CERTIFICATE_PASSWORD, MACOS_CODESIGN_IDENTITY  signing
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD                                       notarizing
#
# A step whose secrets are absent is skipped with a note (exit 0): forks and pull requests
# build unsigned apps, which macOS opens after a right-click > Open.
set -euo pipefail

app="${1:-dist/Kokoon Desktop.app}"
here="$(cd "$(dirname "$0")" && pwd)"

if [[ -z "${MACOS_CERTIFICATE_P12_BASE64:-}" || -z "${MACOS_CODESIGN_IDENTITY:-}" ]]; then
    echo "No signing certificate in the environment: the app stays unsigned."
    exit 0
fi

keychain="$RUNNER_TEMP/kokoon-signing.keychain-db"
keychain_password="$(uuidgen)"
certificate="$RUNNER_TEMP/certificate.p12"
trap 'security delete-keychain "$keychain" 2>/dev/null || true; rm -f "$certificate"' EXIT

echo "$MACOS_CERTIFICATE_P12_BASE64" | base64 --decode > "$certificate"
security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
security import "$certificate" -k "$keychain" -P "${MACOS_CERTIFICATE_PASSWORD:-}" \
    -T /usr/bin/codesign
security set-key-partition-list -S apple-tool:,apple: -s -k "$keychain_password" "$keychain"
# Add ours to the search list, keeping the user's own keychains in it.
readarray -t existing < <(security list-keychains -d user | tr -d '" ')
security list-keychains -d user -s "$keychain" "${existing[@]}"

codesign --force --deep --options runtime --timestamp \
    --entitlements "$here/entitlements.plist" \
    --sign "$MACOS_CODESIGN_IDENTITY" "$app"
codesign --verify --deep --strict --verbose=2 "$app"

if [[ -z "${APPLE_ID:-}" || -z "${APPLE_TEAM_ID:-}" || -z "${APPLE_APP_PASSWORD:-}" ]]; then
    echo "No notarization credentials in the environment: signed, not notarized."
    exit 0
fi

archive="$RUNNER_TEMP/kokoon-desktop-notarize.zip"
ditto -c -k --keepParent "$app" "$archive"
xcrun notarytool submit "$archive" --wait \
    --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD"
xcrun stapler staple "$app"
rm -f "$archive"
echo "signed, notarized and stapled: $app"
