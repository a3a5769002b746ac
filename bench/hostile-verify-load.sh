#!/usr/bin/env bash
# Ordinary verification latency while hostile wide credentials arrive (issue 9, point 1):
# POST /credentials/verify of the demo credential at a fixed rate, first alone (the baseline),
# then again while ${senders} clients send, back to back, the same credential made wide
# (30,000 Result objects, about 1.2 MB, under the 4 MiB size limit). Before the complexity limits
# each wide request held a server thread for minutes; now each is answered TOO_COMPLEX.
#
#   bench/hostile-verify-load.sh [rate=50] [seconds=30] [senders=4]
#
# Loopback only: starts `credence serve --demo` on a fresh data directory and stops it after.
# Builds the jars when missing. Needs curl and python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${1:-50}"
seconds="${2:-30}"
senders="${3:-4}"
port="${CREDENCE_LOAD_PORT:-18097}"
base="http://127.0.0.1:$port"
cd "$root"

if [[ ! -f credence-cli/target/credence-cli-all.jar || ! -f credence-bench/target/credence-bench.jar ]]; then
    mvn -o -q -B -DskipTests -Dinterop.skip -pl credence-cli,credence-bench -am package
fi

work="$(mktemp -d)"
log="$work/serve.log"
hostile_pids=()
cleanup() {
    for pid in "${hostile_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
CREDENCE_VERIFY_PER_SECOND=100000 java -Xmx512m -jar credence-cli/target/credence-cli-all.jar serve --demo \
    --port "$port" --data-dir "$work/data" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    grep -q "Demo credential:" "$log" && break
    sleep 0.5
done
credential_url="$(grep -o 'Demo credential: .*' "$log" | head -1 | sed 's/Demo credential: //')"
credential_path="/credentials/${credential_url##*/credentials/}"
echo "server pid $server, JVM -Xmx512m; credential $credential_path"

curl -sf "$base$credential_path.json" -o "$work/credential.json"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
credential = json.load(open(f"{work}/credential.json"))
json.dump({"verifiableCredential": credential}, open(f"{work}/verify.json", "w"))
wide = dict(credential)
subject = dict(wide["credentialSubject"])
subject["result"] = [{"type": ["Result"], "value": f"v{i}"} for i in range(30000)]
wide["credentialSubject"] = subject
json.dump({"verifiableCredential": wide}, open(f"{work}/hostile.json", "w"))
PY
echo "hostile body: $(wc -c <"$work/hostile.json") bytes; ordinary body: $(wc -c <"$work/verify.json") bytes"
echo "one hostile answer:"
curl -s -o "$work/hostile-answer.json" -w 'HTTP %{http_code} in %{time_total} s\n' -X POST \
    -H 'Content-Type: application/json' --data-binary @"$work/hostile.json" "$base/credentials/verify"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(' ', d['errors'][0]['code'], '-', d['errors'][0].get('detail', d['errors'][0].get('title')))" \
    "$work/hostile-answer.json"

gen() {
    java -cp credence-bench/target/credence-bench.jar org.credence.bench.load.LoadMain \
        --url "$base/credentials/verify" --body "$work/verify.json" --rate "$rate" --seconds "$seconds" \
        --warmup-seconds 10 --pid "$server"
}
echo "== baseline: ordinary POST /credentials/verify at $rate/s for $seconds s, nothing else"
gen

echo "== the same while $senders clients send hostile wide credentials back to back"
for i in $(seq 1 "$senders"); do
    (
        end=$((SECONDS + seconds + 12))
        while ((SECONDS < end)); do
            curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' \
                --data-binary @"$work/hostile.json" "$base/credentials/verify" >>"$work/hostile-$i.txt" || true
        done
    ) &
    hostile_pids+=($!)
done
gen
for pid in "${hostile_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
hostile_pids=()
cat "$work"/hostile-*.txt | python3 -c '
import sys, statistics
rows = [line.split() for line in sys.stdin if line.strip()]
codes = {}
for code, _ in rows:
    codes[code] = codes.get(code, 0) + 1
times = sorted(float(t) for _, t in rows)
print(f"hostile requests: {len(rows)} answered, HTTP codes {codes}; "
      f"time per answer p50 {statistics.median(times):.3f} s, max {times[-1]:.3f} s")
'
