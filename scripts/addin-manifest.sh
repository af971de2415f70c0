#!/usr/bin/env bash
# Writes the Word add-in manifest for a hub from addin/manifest.xml (the development manifest for
# https://localhost:8443):
#   HUB_ADDIN_CLIENT_ID=<client id> scripts/addin-manifest.sh https://hub.example.com > my-manifest.xml
# - every https://localhost:8443 URL becomes the hub's URL;
# - the add-in Id is derived from the hub's URL (a name-based UUID, version 5, in the namespace of the development
#   manifest's Id), so that the manifests of two environments (staging, production) never clash in Office; the
#   development URL keeps the committed Id;
# - WebApplicationInfo names the hub API's Entra ID app registration: its client id (HUB_ADDIN_CLIENT_ID) and the
#   resource in Microsoft's documented form api://<host>/<client id> (the host with its port, without the hub's
#   path). A manifest for any host but localhost needs the client id; for localhost it keeps the all-zero
#   placeholder (no single sign-on) with a warning.
set -euo pipefail
template="$(dirname "$0")/../addin/manifest.xml"
dev_url="https://localhost:8443"
placeholder="00000000-0000-0000-0000-000000000000"
url="${1:?usage: HUB_ADDIN_CLIENT_ID=<client id> scripts/addin-manifest.sh https://hub.example.com}"
url="${url%/}"
[[ "$url" == https://* ]] || { echo "Office loads add-ins over HTTPS only: $url" >&2; exit 2; }
authority="${url#https://}"
authority="${authority%%/*}"
hostname="${authority%:*}"
[[ "$authority" == \[* ]] && hostname="${authority%%]*}]"

client_id="${HUB_ADDIN_CLIENT_ID:-}"
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if [[ -z "$client_id" || "$client_id" == "$placeholder" ]]; then
  if [[ "$hostname" != localhost ]]; then
    echo "HUB_ADDIN_CLIENT_ID is required for a manifest of $url: the client id of the hub API's Entra ID app" \
         "registration (docs/word-addin.md, Sign-in). Only a localhost manifest may go without single sign-on." >&2
    exit 2
  fi
  echo "warning: no HUB_ADDIN_CLIENT_ID: single sign-on is off in this manifest (the all-zero placeholder);" \
       "sign in with a token in the task pane" >&2
  client_id="$placeholder"
elif [[ ! "$client_id" =~ $guid ]]; then
  echo "HUB_ADDIN_CLIENT_ID must be a GUID (the app registration's Application (client) ID): $client_id" >&2
  exit 2
fi

# The committed Id is the namespace; the hub's URL is the name (RFC 9562, UUID version 5).
base_id="$(sed -n 's|.*<Id>\([0-9a-f-]\{36\}\)</Id>.*|\1|p' "$template" | head -1)"
uuid_v5() {
  local namespace="${1//-/}" name="$2" hash
  hash="$({ printf "$(sed 's/../\\x&/g' <<<"$namespace")"; printf '%s' "$name"; } | sha1sum | cut -c1-32)"
  local variant=$(( (16#${hash:16:1} & 3) | 8 ))
  hash="${hash:0:12}5${hash:13:3}$(printf '%x' "$variant")${hash:17:15}"
  echo "${hash:0:8}-${hash:8:4}-${hash:12:4}-${hash:16:4}-${hash:20:12}"
}
if [[ "$url" == "$dev_url" ]]; then
  addin_id="$base_id"
else
  addin_id="$(uuid_v5 "$base_id" "$url")"
fi

sed -e "s|<Id>$base_id</Id>|<Id>$addin_id</Id>|" \
    -e "s|<Resource>api://localhost:8443/$placeholder</Resource>|<Resource>api://$authority/$client_id</Resource>|" \
    -e "s|https://localhost:8443|$url|g" \
    -e "s|$placeholder|$client_id|g" "$template"
