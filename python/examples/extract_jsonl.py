"""JSON Lines in, JSON Lines out, as `quarry-extract --jsonl-input --format jsonl` does, from Python.

    python3 extract_jsonl.py [--threads N] [--date YYYY-MM-DD] < articles.jsonl > findings.jsonl

Memory stays bounded however long the stream: Pipeline.pipe holds at most two batches of about a megabyte
of text per thread. Every record needs "text"; name it with "doc" (the command line names a record without
one by its line number, this program with an empty name).
"""
import argparse
import json
import sys

import quarry


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--date", default=None)
    ap.add_argument("--kinds", default=None)
    args = ap.parse_args()
    pipeline = quarry.Pipeline(kinds=args.kinds, date=args.date)
    src = sys.stdin.buffer
    out = sys.stdout
    records = (json.loads(line) for line in src if line.strip())
    for doc in pipeline.pipe(records, threads=args.threads):
        out.write(doc.to_json())
        out.write("\n")


if __name__ == "__main__":
    main()
