"""The Dask example (python/examples/dask_extract.py) on a local cluster of two worker processes on
127.0.0.1: every document has exactly one result, and the results equal quarry-extract's, in order."""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("QUARRY_EXTRACT", "quarry-extract")
ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(os.environ.get("QUARRY_TEST_DATA", ROOT / "tests" / "data"))
EXAMPLE = ROOT / "python" / "examples" / "dask_extract.py"


def corpus():
    """A few hundred documents: the test articles whole and paragraph by paragraph, twice."""
    texts = []
    for path in sorted((DATA / "unseen").glob("*.txt")):
        article = path.read_text(encoding="utf-8")
        texts.append(article)
        texts += [p for p in article.split("\n\n") if p.strip()]
    records = []
    for round_ in range(2):
        for i, t in enumerate(texts):
            r = {"doc": "r%d-%04d" % (round_, i), "text": t}
            if round_ == 1:
                r["date"] = "2024-02-%02d" % (1 + i % 28)
            records.append(r)
    return records


class DaskTest(unittest.TestCase):
    def test_a_local_dask_cluster_gives_one_result_per_document_equal_to_the_command_line(self):
        records = corpus()
        self.assertGreater(len(records), 250)
        with tempfile.TemporaryDirectory() as tmp:
            articles = pathlib.Path(tmp) / "articles.jsonl"
            articles.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            expected = subprocess.run([CLI, "--jsonl-input", "--format", "jsonl", "--date", "2024-06-01", str(articles)],
                                      capture_output=True, check=True).stdout.decode("utf-8")
            out = pathlib.Path(tmp) / "results"
            run = subprocess.run([sys.executable, str(EXAMPLE), str(articles), str(out), "--workers", "2",
                                  "--partitions", "8", "--date", "2024-06-01"],
                                 capture_output=True, timeout=600, check=False)
            report = run.stderr.decode("utf-8", "replace")
            self.assertEqual(run.returncode, 0, report)
            parts = sorted(out.glob("part-*.jsonl"))
            self.assertGreaterEqual(len(parts), 4)
            got = "".join(p.read_text(encoding="utf-8") for p in parts)
        figures = [line for line in report.splitlines() if "quarry on dask" in line or "worker " in line]
        print("\n".join(figures), file=sys.stderr)
        self.assertEqual(len(figures), 3, report)  # the total and one line per worker

        lines = got.splitlines()
        docs = [json.loads(line)["doc"] for line in lines]
        self.assertEqual(sorted(docs), sorted(r["doc"] for r in records))  # exactly one result each
        self.assertEqual(docs, [r["doc"] for r in records])                # in input order
        self.assertEqual(got, expected)                                     # byte for byte


if __name__ == "__main__":
    unittest.main()
