#!/usr/bin/env bash
# Writes the Word add-in manifest for a hub: every https://localhost:8443 URL of addin/manifest.xml becomes the
# hub's URL, and the Entra ID app registration's client id (HUB_ADDIN_CLIENT_ID) replaces the placeholder.
#   scripts/addin-manifest.sh https://hub.example.com > my-manifest.xml
set -euo pipefail
url="${1:?usage: scripts/addin-manifest.sh https://hub.example.com}"
url="${url%/}"
[[ "$url" == https://* ]] || { echo "Office loads add-ins over HTTPS only: $url" >&2; exit 2; }
client_id="${HUB_ADDIN_CLIENT_ID:-00000000-0000-0000-0000-000000000000}"
host="${url#https://}"
sed -e "s|api://localhost:8443/|api://$host/|g" -e "s|https://localhost:8443|$url|g" \
    -e "s|00000000-0000-0000-0000-000000000000|$client_id|g" "$(dirname "$0")/../addin/manifest.xml"
