#!/usr/bin/env bash
# Python against the command line on the same N MB of news JSON Lines (written from ../shared's public suites
# by make_news_jsonl.py; the texts stay in build/compare): quarry-extract --jsonl-input --format jsonl
# --threads T, and python/examples/extract_jsonl.py --threads T (Pipeline.pipe, to_json per document), run
# in turn so that both meet the same load; prints the best of each and their ratio.
#   bench/compare/python.sh [BUILD_DIR] [--mb 10] [--runs 5] [--threads 2]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/gcc
mb=10
runs=5
threads=2
while [ $# -gt 0 ]; do
  case $1 in
    --mb) mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) build=$1; shift ;;
  esac
done
quarry=$build/examples/quarry-extract
[ -x "$quarry" ] || { echo "python.sh: no quarry-extract at $quarry (build it first)" >&2; exit 1; }
ls "$build"/python/quarry.*.so >/dev/null 2>&1 ||
  { echo "python.sh: no Python module in $build/python (configure with -DQUARRY_BUILD_PYTHON=ON)" >&2; exit 1; }

work=build/compare
mkdir -p "$work"
input="$work/news-${mb}mb.jsonl"
[ -f "$input" ] || python3 bench/compare/make_news_jsonl.py "$input" --mb "$mb"

calc() { awk "BEGIN { print $1 }"; }
# "wall cpu" seconds of a command reading the input, its output thrown away
seconds() {
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" <"$input" >/dev/null
  awk '{ print $1, $2 + $3 }' "$work/time.txt"
}
min() { if [ -z "$1" ] || [ "$(calc "($2 < $1) ? 1 : 0")" = 1 ]; then echo "$2"; else echo "$1"; fi; }

# the same output, or the comparison means nothing
cmp <("$quarry" --jsonl-input --format jsonl --threads "$threads" <"$input" | sed 's/"doc": "stdin:[0-9]*"/"doc": ""/') \
    <(PYTHONPATH=$build/python /usr/bin/python3 python/examples/extract_jsonl.py --threads "$threads" <"$input") ||
  { echo "python.sh: the outputs differ" >&2; exit 1; }

text_mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]) if l.strip())/1e6)" "$input")
cli="" py="" cli_cpu="" py_cpu=""
for _ in $(seq "$runs"); do
  read -r wall cpu < <(seconds "$quarry" --jsonl-input --format jsonl --threads "$threads")
  cli=$(min "$cli" "$wall"); cli_cpu=$(min "$cli_cpu" "$cpu")
  read -r wall cpu < <(seconds env PYTHONPATH="$build/python" /usr/bin/python3 python/examples/extract_jsonl.py --threads "$threads")
  py=$(min "$py" "$wall"); py_cpu=$(min "$py_cpu" "$cpu")
done
echo "input: $input, $text_mb MB of text; $threads threads; best of $runs runs each, in turn; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %8.2f s wall %8.1f MB/s %8.2f s cpu\n' "quarry-extract --threads $threads" "$cli" "$(calc "$text_mb / $cli")" "$cli_cpu"
printf '%-44s %8.2f s wall %8.1f MB/s %8.2f s cpu\n' "python extract_jsonl.py --threads $threads" "$py" "$(calc "$text_mb / $py")" "$py_cpu"
printf 'python / command line: %.2fx the wall time, %.2fx the cpu time\n' "$(calc "$py / $cli")" "$(calc "$py_cpu / $cli_cpu")"
