#!/usr/bin/env bash
# Starts IB Gateway (default) or TWS under IBC with ibc/config.ini, taking credentials from the
# environment only. Usage:
#   IB_LOGIN_ID=... IB_PASSWORD=... ibc/start-ibc.sh [gateway|tws]
# Settings (environment):
#   IBC_PATH      IBC install folder, containing scripts/ibcstart.sh   (default /opt/ibc)
#   TWS_PATH      folder holding the IB Gateway / TWS installs          (default ~/Jts)
#   TWS_VERSION   major version of the installed IB Gateway / TWS, e.g. 1037 (required)
#   IBC_INI       config template to use                                (default: config.ini beside this)
#   IBC_LOG_PATH  where IBC writes its logs                             (default ~/ibc/logs)
set -euo pipefail

app="${1:-gateway}"
case "$app" in
  gateway) app_flag=(--gateway) ;;
  tws) app_flag=() ;;
  *) echo "usage: $0 [gateway|tws]" >&2; exit 64 ;;
esac

: "${IB_LOGIN_ID:?IB_LOGIN_ID is not set: credentials come from the environment only}"
: "${IB_PASSWORD:?IB_PASSWORD is not set: credentials come from the environment only}"
: "${TWS_VERSION:?TWS_VERSION is not set (major version of the installed IB Gateway/TWS, e.g. 1037)}"

here="$(cd "$(dirname "$0")" && pwd)"
ibc_path="${IBC_PATH:-/opt/ibc}"
tws_path="${TWS_PATH:-$HOME/Jts}"
template="${IBC_INI:-$here/config.ini}"
log_path="${IBC_LOG_PATH:-$HOME/ibc/logs}"

[[ -r "$template" ]] || { echo "config template not readable: $template" >&2; exit 66; }
[[ -x "$ibc_path/scripts/ibcstart.sh" ]] || { echo "IBC not found: $ibc_path/scripts/ibcstart.sh" >&2; exit 69; }

# A private copy with the credentials filled in: readable by this user only, removed on exit. The
# credentials never appear on a command line (visible in ps) or in the committed template.
umask 077
private_dir="$(mktemp -d)"
trap 'rm -rf "$private_dir"' EXIT
ini="$private_dir/config.ini"
grep -v -E '^(IbLoginId|IbPassword)=' "$template" > "$ini"
printf 'IbLoginId=%s\nIbPassword=%s\n' "$IB_LOGIN_ID" "$IB_PASSWORD" >> "$ini"

mkdir -p "$log_path"
echo "starting IBC ($app $TWS_VERSION, $(grep -E '^TradingMode=' "$ini")); logs in $log_path"
# Not exec: the EXIT trap must still remove the private copy when IBC ends.
"$ibc_path/scripts/ibcstart.sh" "$TWS_VERSION" "${app_flag[@]}" \
  "--tws-path=$tws_path" "--ibc-path=$ibc_path" "--ibc-ini=$ini" \
  >> "$log_path/ibc-console.log" 2>&1
