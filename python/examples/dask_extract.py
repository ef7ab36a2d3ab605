"""quarry over JSON Lines articles on a Dask cluster, writing JSON Lines results.

    python3 dask_extract.py articles.jsonl results/                       # a local cluster on 127.0.0.1
    python3 dask_extract.py articles.jsonl results/ --scheduler tcp://10.0.0.5:8786   # an existing cluster

Input lines are {"doc": "id", "text": "...", "date": "YYYY-MM-DD"} ("date" optional), as quarry-extract
--jsonl-input reads them; give every record a "doc", since results are joined back to articles by it.
Output: results/part-00000.jsonl, part-00001.jsonl, ... one per partition, in input order; each line is
what `quarry-extract --jsonl-input --format jsonl` prints for that record. The input path must be readable
by every worker (a shared file system, or an s3:// or hdfs:// URL that Dask reads), and so must the output.
Each worker builds the pipeline once (a worker plugin), then runs it over its partitions with
Pipeline.pipe; the `quarry` module must be importable on every worker. Prints documents per second per
worker on standard error.
"""
import argparse
import os
import sys
import time

import dask.bag as db
from dask.distributed import Client, LocalCluster, WorkerPlugin, get_worker


class QuarryPipeline(WorkerPlugin):
    """Builds the pipeline once per worker process (lexicons load, patterns compile) when the worker starts."""

    name = "quarry-pipeline"

    def __init__(self, options):
        self.options = options

    def setup(self, worker):
        import quarry

        worker.quarry_pipeline = quarry.Pipeline(**self.options)
        worker.quarry_docs = 0
        worker.quarry_seconds = 0.0


def extract_partition(lines, threads):
    """One partition: JSON Lines in, JSON Lines out (one string), one output line per input line."""
    import json

    worker = get_worker()
    start = time.perf_counter()
    records = [json.loads(line) for line in lines if line.strip()]
    out = [doc.to_json() for doc in worker.quarry_pipeline.pipe(records, threads=threads)]
    worker.quarry_docs += len(out)
    worker.quarry_seconds += time.perf_counter() - start
    return ["".join(line + "\n" for line in out)] if out else []


def worker_figures(dask_worker):
    return getattr(dask_worker, "quarry_docs", 0), getattr(dask_worker, "quarry_seconds", 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="JSON Lines articles (a path or URL every worker can read)")
    ap.add_argument("output", help="directory for part-NNNNN.jsonl")
    ap.add_argument("--scheduler", help="address of a running scheduler; default: start a local cluster")
    ap.add_argument("--workers", type=int, default=2, help="local cluster: worker processes (default 2)")
    ap.add_argument("--threads", type=int, default=1, help="threads per worker (default 1)")
    ap.add_argument("--partitions", type=int, default=0, help="cut the input into about this many partitions")
    ap.add_argument("--kinds", default=None, help="comma-separated kinds, as quarry-extract --kinds")
    ap.add_argument("--date", default=None, help="YYYY-MM-DD for records without a date")
    args = ap.parse_args()

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    with client:
        client.register_worker_plugin(QuarryPipeline({"kinds": args.kinds, "date": args.date}))
        blocksize = "64MiB"
        if args.partitions > 0 and os.path.exists(args.input):
            blocksize = max(1, os.path.getsize(args.input) // args.partitions + 1)
        lines = db.read_text(args.input, blocksize=blocksize, encoding="utf-8")
        results = lines.map_partitions(extract_partition, args.threads)
        os.makedirs(args.output, exist_ok=True)
        start = time.perf_counter()
        results.to_textfiles(os.path.join(args.output, "part-*.jsonl"), name_function=lambda i: "%05d" % i,
                             encoding="utf-8", last_endline=False)
        wall = time.perf_counter() - start
        figures = client.run(worker_figures)
        total = sum(docs for docs, _ in figures.values())
        print("quarry on dask: %d documents in %.2f s on %d workers (%.1f documents/s per worker over the run)"
              % (total, wall, len(figures), total / wall / max(1, len(figures))), file=sys.stderr)
        for address, (docs, seconds) in sorted(figures.items()):
            rate = docs / seconds if seconds else 0.0
            print("  worker %s: %d documents, %.2f s extracting, %.1f documents/s" % (address, docs, seconds, rate),
                  file=sys.stderr)
        if not args.scheduler:
            cluster.close()


if __name__ == "__main__":
    main()
