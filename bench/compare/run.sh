#!/usr/bin/env bash
# Whole-program speed, quarry-extract against wink-nlp (JavaScript), on the same N MB of news JSON Lines
# written from ../shared's public suites; prints each program's time and MB/s and the ratios.
#   bench/compare/run.sh [QUARRY_EXTRACT] [--mb 10] [--runs 3]
# wink-nlp is a development-only yardstick: it is installed with npm into build/compare (never a
# dependency of quarry). The texts stay in build/compare, out of the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
quarry=build/gcc/examples/quarry-extract
mb=10
runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --mb) mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) quarry=$1; shift ;;
  esac
done
[ -x "$quarry" ] || { echo "run.sh: no quarry-extract at $quarry (build it first)" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "run.sh: needs node and npm" >&2; exit 1; }

work=build/compare
mkdir -p "$work"
if [ ! -d "$work/node_modules/wink-eng-lite-web-model" ]; then
  (cd "$work" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund wink-nlp@2 wink-eng-lite-web-model@1 >/dev/null)
fi
input="$work/news-${mb}mb.jsonl"
[ -f "$input" ] || python3 bench/compare/make_news_jsonl.py "$input" --mb "$mb"
cp bench/compare/wink.js "$work/wink.js"

calc() { awk "BEGIN { print $1 }"; }

# best of $runs wall-clock seconds of a command whose output goes to /dev/null
best_of() {
  local best=""
  for _ in $(seq "$runs"); do
    local start end t
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    t=$(calc "$end - $start")
    if [ -z "$best" ] || [ "$(calc "($t < $best) ? 1 : 0")" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

text_mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]) if l.strip())/1e6)" "$input")
echo "input: $input, $text_mb MB of text; best of $runs runs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
wink=$(best_of node "$work/wink.js" "$input")
q1=$(best_of "$quarry" --jsonl-input --format jsonl --threads 1 "$input")
q2=$(best_of "$quarry" --jsonl-input --format jsonl --threads 2 "$input")
printf '%-28s %8s %8s\n' program seconds "MB/s"
for row in "wink-nlp:$wink" "quarry-extract --threads 1:$q1" "quarry-extract --threads 2:$q2"; do
  name=${row%%:*}; t=${row##*:}
  printf '%-28s %8.2f %8.1f\n' "$name" "$t" "$(calc "$text_mb / $t")"
done
printf 'quarry 1 thread / wink-nlp: %.1fx faster; 2 threads / 1 thread: %.2fx\n' \
  "$(calc "$wink / $q1")" "$(calc "$q1 / $q2")"
