# Shared set-up of the agent benchmarks: sourced, not run.
#
#   NEARNATIVE_AGENT=/path/to/nearnative   use this agent build (default: a fresh Release build)
#   BENCH_KEEP=1                           keep the work directory (documents, logs) and print its path
set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$BENCH_ROOT/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nearnative-bench.XXXXXX")"
if [[ "${BENCH_KEEP:-}" == "1" ]]; then
  trap 'echo "kept $WORK" >&2' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi

# Parses [--quick] [-- extra run arguments]; sets QUICK (0/1) and RUN_ARGS.
parse_args() {
  QUICK=0
  RUN_ARGS=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --quick) QUICK=1; shift ;;
      --) shift; RUN_ARGS=("$@"); break ;;
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) echo "unknown argument $1 (use --quick, or -- followed by extra 'nearnative run' arguments)" >&2; exit 2 ;;
    esac
  done
  if [[ $QUICK == 1 ]]; then
    RUN_ARGS=(--quick "${RUN_ARGS[@]}")
  fi
}

# Sets AGENT to a runnable agent: $NEARNATIVE_AGENT, or a Release build into the work directory.
build_agent() {
  if [[ -n "${NEARNATIVE_AGENT:-}" ]]; then
    AGENT="$NEARNATIVE_AGENT"
  else
    echo "building the agent (Release)..." >&2
    dotnet build "$REPO_ROOT/src/Agent" -c Release -o "$WORK/agent" --nologo -v quiet >&2
    AGENT="$WORK/agent/nearnative"
  fi
}

# The input size of the runs: quick or full.
size() { [[ $QUICK == 1 ]] && echo quick || echo full; }

# run_agent NAME ARGS...: one `nearnative run` with its own home (WORK/home-NAME); document in WORK/NAME.json,
# table in WORK/NAME.txt, wall and CPU time in WORK/NAME.cost.json. Fails when the agent fails.
run_agent() {
  local name="$1"; shift
  python3 "$BENCH_ROOT/lib/run_agent.py" "$WORK" "$name" "$AGENT" "$@" "${RUN_ARGS[@]}"
}

# claim NAME ARGS...: judges one claim from the work directory (bench/lib/claims.py); 0 on PASS.
claim() {
  python3 "$BENCH_ROOT/lib/claims.py" "$@"
}
