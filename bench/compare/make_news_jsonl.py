#!/usr/bin/env python3
"""Writes about N megabytes of news articles as JSON Lines ({"doc", "text"[, "date"]}) from the public
suites in ../shared/suites (PolNeAR, LGL, CoNLL-2003, TimeBank), repeating them when they hold less.

    python3 bench/compare/make_news_jsonl.py OUT.jsonl [--mb 10] [--shared ../shared]

The texts belong to their publishers: the output goes to a build folder, never into the project.
"""
import argparse
import json
import pathlib
import sys


def articles(shared):
    suites = shared / "suites"
    for path in [suites / "polnear/data/polnear-dev.jsonl", suites / "lgl/data/lgl.jsonl",
                 suites / "conll2003/train.jsonl", suites / "timebank/data/timebank.jsonl",
                 suites / "timebank/data/aquaint.jsonl"]:
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                o = json.loads(line)
                if isinstance(o.get("text"), str) and o["text"].strip():
                    yield {k: o[k] for k in ("doc", "date") if isinstance(o.get(k), str)} | {"text": o["text"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[3] / "shared"))
    a = ap.parse_args()
    docs = list(articles(pathlib.Path(a.shared)))
    if not docs:
        sys.exit(f"no articles found under {a.shared}/suites")
    goal, size, n = a.mb * 1e6, 0, 0
    with open(a.out, "w", encoding="utf-8") as out:
        while size < goal:
            d = dict(docs[n % len(docs)])
            d["doc"] = f"{d.get('doc', 'doc')}#{n // len(docs)}"
            size += len(d["text"].encode("utf-8"))
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    print(f"{a.out}: {n} articles, {size / 1e6:.1f} MB of text", file=sys.stderr)


if __name__ == "__main__":
    main()
