#!/usr/bin/env bash
# Verification throughput of a running Credence server (issue 4): POST /credentials/verify
# (VC-API) with wrk from a second process on loopback, closed loop, several connections.
#
#   bench/verify-load.sh [seconds=30] [distinct=5000] [connections=4]
#
# Three runs in the same server, after a warm-up:
#   baseline  GET /credentials/{id}.json  (HTTP + a database read: the floor the ratios refer to)
#   warm      the same credential verified again and again (its canonical form and schema verdict
#             are remembered by content hash; signature, key, dates and status are checked each time)
#   distinct  ${distinct} different credentials in turn, more than the 2,048 remembered: every
#             verification canonicalizes and evaluates the schema afresh
# Needs wrk, curl and python3 (for JSON glue). Builds the jars when missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"
distinct="${2:-5000}"
connections="${3:-4}"
port="${CREDENCE_LOAD_PORT:-18096}"
base="http://127.0.0.1:$port"
cd "$root"
command -v wrk >/dev/null || { echo "wrk is required (Debian: apt-get install wrk)"; exit 2; }

if [[ ! -f credence-cli/target/credence-cli-all.jar ]]; then
    mvn -q -B -DskipTests -Dinterop.skip -pl credence-cli -am package
fi

work="$(mktemp -d)"
log="$work/serve.log"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
CREDENCE_VERIFY_PER_SECOND=1000000 java -Xmx1g -jar credence-cli/target/credence-cli-all.jar serve --demo \
    --port "$port" --data-dir "$work/data" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    grep -q "Demo credential:" "$log" && break
    sleep 0.5
done
token="$(grep -o 'Demo API token (owner): .*' "$log" | sed 's/.*: //')"
credential_url="$(grep -o 'Demo credential: .*' "$log" | head -1 | sed 's/Demo credential: //')"
credential_path="/credentials/${credential_url##*/credentials/}"
auth=(-H "Authorization: Bearer $token")
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

echo "== issuing $distinct credentials through the bulk API"
issuer="$(curl -sf "${auth[@]}" "$base/api/v1/issuers" | json 'd[0]["id"]')"
achievement="$(curl -sf "${auth[@]}" "$base/api/v1/achievements" | json 'd[0]["id"]')"
{ echo "email,name"; for i in $(seq 1 "$distinct"); do echo "learner$i@load.example,Learner $i"; done; } >"$work/recipients.csv"
bulk="$(curl -sf "${auth[@]}" -H 'Content-Type: text/csv' --data-binary @"$work/recipients.csv" \
    "$base/api/v1/bulk-issues?issuerId=$issuer&achievementId=$achievement&sendEmail=false" | json 'd["id"]')"
curl -sf "${auth[@]}" -X POST "$base/api/v1/bulk-issues/$bulk/confirm" >/dev/null
for _ in $(seq 1 600); do
    state="$(curl -sf "${auth[@]}" "$base/api/v1/bulk-issues/$bulk" | json 'd["state"]')"
    [[ "$state" == "completed" || "$state" == "failed" || "$state" == "cancelled" ]] && break
    sleep 1
done
echo "bulk issue $bulk: $state"
mkdir -p "$work/bodies"
pages=$(( (distinct + 199) / 200 + 1 ))
for page in $(seq 0 "$pages"); do
    curl -sf "${auth[@]}" "$base/api/v1/credentials?pageSize=200&page=$page" \
        | json '"\n".join(i["documentUrl"] for i in d["items"])'
done | grep -v '^$' >"$work/urls.txt" || true
n=0
while read -r url; do
    n=$((n + 1))
    doc="$(curl -sf "${url/http:\/\/localhost:$port/$base}")"
    printf '{"verifiableCredential": %s}' "$doc" >"$work/bodies/$n.json"
done <"$work/urls.txt"
echo "downloaded $n credentials"
cp "$work/bodies/1.json" "$work/one.json"

cat >"$work/bodies.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies = {}
local count = tonumber(os.getenv("BODIES"))
local dir = os.getenv("DIR")
for i = 1, count do
  local f = io.open(dir .. "/" .. i .. ".json", "r")
  bodies[i] = f:read("*a")
  f:close()
end
local next = math.random(count)
request = function()
  next = next % count + 1
  return wrk.format(nil, nil, nil, bodies[next])
end
-- Tally answers: 400 is a credential that does not verify (the demo's revoked one), anything
-- else that is not 200 is an error.
ok, refused, other = 0, 0, 0
response = function(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 400 then refused = refused + 1 else other = other + 1 end
end
local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  for _, t in ipairs(threads) do
    io.write(string.format("answers: %d x 200, %d x 400 (a credential that does not verify), %d other\n",
      t:get("ok"), t:get("refused"), t:get("other")))
  end
end
LUA

run() { # name count dir url seconds
    BODIES="$2" DIR="$3" wrk -t1 -c"$connections" -d"$5s" --latency -s "$work/bodies.lua" "$4" >"$work/$1.txt"
    rps="$(grep Requests/sec "$work/$1.txt" | awk '{print $2}')"
    p50="$(grep -E '^ +50%' "$work/$1.txt" | awk '{print $2}')"
    p99="$(grep -E '^ +99%' "$work/$1.txt" | awk '{print $2}')"
    errors="$(grep -E '^answers|Socket errors' "$work/$1.txt" | tr '\n' ' ' || true)"
    printf '%-9s %10s req/s   p50 %8s   p99 %8s   %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0 errors}"
    echo "$rps" >"$work/$1.rps"
}
mkdir -p "$work/one"
cp "$work/one.json" "$work/one/1.json"
echo "== warm-up ($seconds s, distinct then same credential)"
BODIES="$n" DIR="$work/bodies" wrk -t1 -c"$connections" -d"${seconds}s" -s "$work/bodies.lua" "$base/credentials/verify" >/dev/null
BODIES=1 DIR="$work/one" wrk -t1 -c"$connections" -d"${seconds}s" -s "$work/bodies.lua" "$base/credentials/verify" >/dev/null
echo "== measured, $seconds s each, $connections connections, server -Xmx1g, embedded H2"
wrk -t1 -c"$connections" -d"${seconds}s" --latency "$base$credential_path.json" >"$work/baseline.txt"
printf '%-9s %10s req/s   p50 %8s   p99 %8s\n' baseline "$(grep Requests/sec "$work/baseline.txt" | awk '{print $2}')" \
    "$(grep -E '^ +50%' "$work/baseline.txt" | awk '{print $2}')" "$(grep -E '^ +99%' "$work/baseline.txt" | awk '{print $2}')"
grep Requests/sec "$work/baseline.txt" | awk '{print $2}' >"$work/baseline.rps"
run warm 1 "$work/one" "$base/credentials/verify" "$seconds"
run distinct "$n" "$work/bodies" "$base/credentials/verify" "$seconds"
verdict="$(curl -s -X POST -H 'Content-Type: application/json' --data-binary @"$work/one.json" "$base/credentials/verify" | json 'd["verified"]')"
echo "verified: $verdict"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
rps = {n: float(open(f"{w}/{n}.rps").read()) for n in ("baseline", "warm", "distinct")}
print(f"warm / baseline     = {rps['warm'] / rps['baseline']:.3f}")
print(f"distinct / baseline = {rps['distinct'] / rps['baseline']:.3f}")
PY
echo "server RSS: $(ps -o rss= -p "$server" | awk '{printf "%.0f MB", $1/1024}')"
