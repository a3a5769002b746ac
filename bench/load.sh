#!/usr/bin/env bash
# Load test of a running Credence server from a second process on loopback (issue 3):
# POST /credentials/verify (VC-API) and GET /credentials/{id} (public page) at a fixed rate,
# with throughput, p50/p90/p99/max latency, error count and the server's memory.
#
#   bench/load.sh [rate=500] [seconds=30]
#
# Builds what it needs (mvn package, skipping tests), starts `credence serve --demo` on a
# fresh data directory, runs the open-loop generator (credence-bench's LoadMain), stops it.
# All requests come from one address, so the per-address limit of public verification
# (CREDENCE_VERIFY_PER_SECOND, 10 by default) is raised for the run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${1:-500}"
seconds="${2:-30}"
port="${CREDENCE_LOAD_PORT:-18095}"
cd "$root"

if [[ ! -f credence-cli/target/credence-cli-all.jar || ! -f credence-bench/target/credence-bench.jar ]]; then
    mvn -q -B -DskipTests -Dinterop.skip -pl credence-cli,credence-bench -am package
fi

data="$(mktemp -d)"
log="$data/serve.log"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
CREDENCE_VERIFY_PER_SECOND=100000 java -Xmx512m -jar credence-cli/target/credence-cli-all.jar serve --demo --port "$port" \
    --data-dir "$data" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    grep -q "Demo credential:" "$log" && break
    sleep 0.5
done
credential_url="$(grep -o 'Demo credential: .*' "$log" | head -1 | sed 's/Demo credential: //')"
credential_path="/credentials/${credential_url##*/credentials/}"
echo "server pid $server, JVM -Xmx512m; credential $credential_path"

curl -sf "http://127.0.0.1:$port$credential_path.json" -o "$data/credential.json"
printf '{"verifiableCredential": %s}' "$(cat "$data/credential.json")" >"$data/verify.json"
curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$data/verify.json" \
    "http://127.0.0.1:$port/credentials/verify" | head -c 200; echo

gen() {
    java -cp credence-bench/target/credence-bench.jar org.credence.bench.load.LoadMain \
        --rate "$rate" --seconds "$seconds" --pid "$server" "$@"
}
echo "== POST /credentials/verify at $rate/s for $seconds s"
gen --url "http://127.0.0.1:$port/credentials/verify" --body "$data/verify.json"
echo "== GET $credential_path (public page) at $rate/s for $seconds s"
gen --url "http://127.0.0.1:$port$credential_path"
