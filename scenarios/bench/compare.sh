#!/usr/bin/env bash
# Side by side: the same workloads, with the same load generator (apartium bench), against
# apartium server, InspIRCd and ngircd, one server after the other, in one run, on loopback.
# Prints the table with ratios and writes reports/bench/<UTC timestamp>/ (results.json,
# results.md, charts).
#
#   scenarios/bench/compare.sh                 # the full run (about 10 minutes)
#   scenarios/bench/compare.sh --quick         # short and small, to try the script (about 3 minutes)
#   SERVERS="apartium inspircd" scenarios/bench/compare.sh
#
# Installs the peers from Debian's packages when they are missing. Every server runs with its
# flood protection lifted (see peers/ and the apartium settings below). Take figures only on a
# quiet machine: the script prints the load average before and after, and warns when another
# process took more than a tenth of a core during any workload (each workload measures it).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
peers="$root/scenarios/bench/peers"
servers=${SERVERS:-"apartium inspircd ngircd"}
quick=false
[[ "${1:-}" == "--quick" ]] && quick=true

if $quick; then
  duration=4s; warm=2s; idle_clients=2000; storm_clients=1000; pairs=100; hb_clients=300; hb_duration=6s; hb_warm=2s
else
  duration=${DURATION:-10s}; warm=${WARM_UP:-3s}; idle_clients=${IDLE_CLIENTS:-10000}; storm_clients=${STORM_CLIENTS:-2000}
  pairs=${PAIRS:-200}; hb_clients=${HB_CLIENTS:-1000}; hb_duration=${HB_DURATION:-20s}; hb_warm=${HB_WARM_UP:-10s}
fi

# Peers from Debian's packages, installed when missing.
if ! command -v inspircd >/dev/null || ! command -v ngircd >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq ngircd inspircd >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq ngircd inspircd >/dev/null; fi
fi
# Debian installs them as services too: the packaged instances (port 6667) are not ours to measure.
export PATH="$PATH:/usr/sbin"

echo "building apartium (Release) ..."
dotnet build "$root/src/ApartiumChat.Cli" -c Release -v quiet -nologo >/dev/null
apartium="$root/src/ApartiumChat.Cli/bin/Release/net10.0/apartium"

# 10,000 idle clients need as many descriptors in the generator and in the server.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

out="$root/reports/bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
echo "results: $out"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A port=([apartium]=16667 [inspircd]=16668 [ngircd]=16669)
pid=""

start() {
  local name=$1
  case $name in
    apartium)
      "$apartium" server --listen 127.0.0.1:${port[apartium]} --log-level Warning \
        --set Limits:FloodLinesPerSecond=0 --set Limits:MaxConnections=20000 \
        --set Limits:SendQueueBytes=16777216 >"$out/apartium.log" 2>&1 &
      ;;
    inspircd)
      local asroot=""; [[ $(id -u) -eq 0 ]] && asroot="--runasroot"
      inspircd --nofork $asroot --config "$peers/inspircd.conf" >"$out/inspircd.log" 2>&1 &
      ;;
    ngircd)
      ngircd -n -f "$peers/ngircd.conf" >"$out/ngircd.log" 2>&1 &
      ;;
  esac
  pid=$!
  for _ in $(seq 1 100); do
    if (exec 3<>/dev/tcp/127.0.0.1/${port[$name]}) 2>/dev/null; then sleep 0.5; return 0; fi
    sleep 0.1
  done
  echo "$name did not start; see $out/$name.log" >&2
  exit 1
}

stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  sleep 1
}
trap 'if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; fi' EXIT

bench() {
  local name=$1 workload=$2; shift 2
  echo "== $workload on $name"
  "$apartium" bench "$workload" --target 127.0.0.1:${port[$name]} --label "$name" --server-pid "$pid" --out "$out" "$@" \
    | grep -E "^- |results:" | tee -a "$out/summary.txt" || echo "   ($workload on $name failed)"
}

for name in $servers; do
  # Memory first, on a fresh process: what a server freed earlier would hide its growth.
  start "$name"
  bench "$name" idle --clients "$idle_clients" --settle 5s
  stop

  start "$name"
  bench "$name" storm --clients "$storm_clients" --concurrency 64
  bench "$name" fanout --clients 50 --window 100 --duration "$duration" --warm-up "$warm"
  bench "$name" chatter --clients 50 --window 20 --duration "$duration" --warm-up "$warm"
  bench "$name" channels --clients "$pairs" --window 50 --duration "$duration" --warm-up "$warm"
  if [[ $name == apartium ]]; then
    # What the HA client's heartbeats cost the server (our client; peers do not speak it). A longer
    # warm-up: the JIT tiering up the heartbeat path in the first seconds is not a heartbeat's cost.
    bench "$name" heartbeat --clients "$hb_clients" --intervals 1s,100ms --duration "$hb_duration" --warm-up "$hb_warm"
  fi
  stop
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (the workloads' own load included)"
# The load average after the run counts the run itself; what tells whether the machine was
# quiet is the CPU other processes took while each workload was measured.
busy=$(grep -o "other processes [0-9.]*%" "$out/summary.txt" 2>/dev/null | tr -dc '0-9.\n' | sort -g | tail -1)
if [[ -n "$busy" ]] && awk "BEGIN { exit !($busy > 10) }"; then
  echo "WARNING: other processes took up to $busy % of a core during a workload: the machine was not quiet; run again before quoting these figures."
fi
echo
"$apartium" bench report "$out"
echo
echo "reproduce: scenarios/bench/compare.sh"
