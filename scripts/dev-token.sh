#!/usr/bin/env bash
# Mints an HS256 bearer token for the hub's hs256 mode (development, the embedded default).
#   scripts/dev-token.sh [--subject alice] [--tenant default] [--role compliance-admin]... [--hours 8]
# The secret is JWT_SECRET_KEY, else the one the embedded hub created in ${HUB_DATA_DIR:-./data}/jwt-secret.
# Issuer and audience are HUB_JWT_ISSUER and HUB_JWT_AUDIENCE (both default compliance-hub), as the hub checks them.
# Usage: curl -H "Authorization: Bearer $(scripts/dev-token.sh --subject alice)" localhost:8080/api/v1/guideline-sets
set -euo pipefail
subject=dev tenant=default hours=8 roles=()
while [ $# -gt 0 ]; do
  case "$1" in
    --subject) subject=$2; shift 2 ;;
    --tenant) tenant=$2; shift 2 ;;
    --role) roles+=("$2"); shift 2 ;;
    --hours) hours=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
secret="${JWT_SECRET_KEY:-}"
if [ -z "$secret" ]; then
  file="${HUB_DATA_DIR:-./data}/jwt-secret"
  [ -r "$file" ] || { echo "No JWT_SECRET_KEY and no $file: start the hub once, or set JWT_SECRET_KEY" >&2; exit 1; }
  secret=$(cat "$file")
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
now=$(date +%s)
role_list=""
for r in "${roles[@]+"${roles[@]}"}"; do role_list="${role_list:+$role_list,}$(json_string "$r")"; done
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":%s,"tid":%s,"roles":[%s],"iss":%s,"aud":%s,"iat":%d,"nbf":%d,"exp":%d}' \
  "$(json_string "$subject")" "$(json_string "$tenant")" "$role_list" \
  "$(json_string "${HUB_JWT_ISSUER:-compliance-hub}")" "$(json_string "${HUB_JWT_AUDIENCE:-compliance-hub}")" \
  "$now" "$now" "$((now + hours * 3600))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
