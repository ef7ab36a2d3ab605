"""Tests of the Python module `quarry` (run by ctest: python/CMakeLists.txt sets PYTHONPATH, QUARRY_EXTRACT
and QUARRY_TEST_DATA). The command line is the reference: the module's JSON must equal its output byte for
byte."""
import io
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import unittest

import quarry

CLI = os.environ.get("QUARRY_EXTRACT", "quarry-extract")
DATA = pathlib.Path(os.environ.get("QUARRY_TEST_DATA", pathlib.Path(__file__).resolve().parents[2] / "tests" / "data"))
ARTICLES = sorted((DATA / "unseen").glob("*.txt"))

FLOOD = ("\u201cWe will rebuild,\u201d Mayor Ana Ruiz said on Monday after about 300 homes in Valencia "
         "were flooded.")
TRUCE = ("GENEVA \u2014 Fran\u00e7oise M\u00fcller, the Red Cross envoy, said on Tuesday that more than 1,200 "
         "families had fled Kharkiv since January 3. \u201cThe shelling has not stopped,\u201d she told "
         "reporters in Geneva.")


def cli(*args, stdin=None):
    r = subprocess.run([CLI, *args], input=stdin, capture_output=True, check=False)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def records(texts):
    return [{"doc": "d%03d" % i, "text": t} for i, t in enumerate(texts)]


def paragraphs():
    out = []
    for path in ARTICLES:
        out += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


class FindingsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pipeline = quarry.Pipeline()

    def test_quoted_terms_and_places_in_names_are_told_apart(self):
        text = ("The senator called the deal a \u201cgiveaway\u201d. \u201cWe will block it on the floor,\u201d "
                "Senator Ruth Okafor said. The Ohio Department of Health agreed.")
        statements = quarry.Pipeline()(text)
        self.assertEqual([q.text for q in statements.quotes], ["We will block it on the floor,"])
        self.assertEqual([(p.name, p.role) for p in statements.places], [("Ohio", "in_name")])
        both = quarry.Pipeline(kinds="quotes,quoted_terms")(text)
        self.assertEqual([(q.text, q.statement) for q in both.quotes],
                         [("giveaway", False), ("We will block it on the floor,", True)])

    def test_every_kind_is_found_with_its_fields(self):
        doc = self.pipeline(FLOOD, name="flood")
        self.assertEqual(doc.name, "flood")
        self.assertEqual([(a.name, a.kind, a.title) for a in doc.actors], [("Ana Ruiz", "person", "Mayor")])
        self.assertEqual([(p.name, p.kind) for p in doc.places], [("Valencia", "city")])
        q = doc.quantities[0]
        self.assertEqual((q.text, q.value, q.object, q.approx, q.unit), ("about 300 homes", 300, "homes", "about", None))
        self.assertEqual([(d.text, d.relative) for d in doc.dates], [("Monday", True)])
        quote = doc.quotes[0]
        self.assertEqual((quote.text, quote.speaker, quote.cue, quote.statement), ("We will rebuild,", "Ana Ruiz", "said", True))

    def test_byte_and_character_offsets_both_point_at_the_text(self):
        doc = self.pipeline(TRUCE)
        raw = TRUCE.encode("utf-8")
        found = doc.actors + doc.places + doc.quantities + doc.dates + doc.quotes
        self.assertGreaterEqual(len(found), 6)
        for f in found:
            self.assertEqual(raw[f.begin:f.end].decode("utf-8"), f.text)
            self.assertEqual(TRUCE[f.char_begin:f.char_end], f.text)
        # after the non-ASCII letters, characters and bytes differ
        self.assertTrue(any(f.char_begin < f.begin for f in found))

    def test_bytes_give_the_same_findings_as_str(self):
        from_str = self.pipeline(TRUCE, name="t")
        from_bytes = self.pipeline(TRUCE.encode("utf-8"), name="t")
        self.assertEqual(from_str.to_json(), from_bytes.to_json())
        self.assertEqual([(q.char_begin, q.char_end) for q in from_bytes.quotes],
                         [(q.char_begin, q.char_end) for q in from_str.quotes])

    def test_the_document_keeps_its_text_alive(self):
        doc = self.pipeline("".join(["Prime Minister Keir Starmer visited ", "Kyiv on Friday."]))
        self.assertEqual(doc.text, "Prime Minister Keir Starmer visited Kyiv on Friday.")
        self.assertEqual(doc.places[0].text, "Kyiv")

    def test_to_dict_has_the_schema_of_the_command_line(self):
        d = self.pipeline(FLOOD, name="flood").to_dict()
        self.assertEqual(list(d), ["doc", "actors", "locations", "quantities", "dates", "quotes"])
        self.assertEqual(d["quotes"][0]["speaker"], "Ana Ruiz")

    def test_reprs_name_what_was_found(self):
        doc = self.pipeline(FLOOD, name="flood")
        self.assertIn("1 quotes", repr(doc))
        self.assertIn("Ana Ruiz", repr(doc.quotes[0]))
        self.assertIn("Valencia", repr(doc.places[0]))

    def test_a_date_resolves_relative_dates(self):
        text = "The strike hit the port last Saturday, officials said."
        self.assertEqual([d.value for d in self.pipeline(text).dates], [None])
        self.assertEqual([d.value for d in self.pipeline(text, date="2024-01-31").dates], ["2024-01-27"])
        import datetime
        with_date = quarry.Pipeline(date=datetime.date(2024, 1, 31))
        self.assertEqual([d.value for d in with_date(text).dates], ["2024-01-27"])
        self.assertEqual(with_date(text).date, "2024-01-31")

    def test_kinds_limit_what_is_reported(self):
        only_dates = quarry.Pipeline(kinds=["dates"])
        self.assertEqual(only_dates.kinds, ["dates"])
        doc = only_dates(FLOOD)
        self.assertEqual((len(doc.actors), len(doc.places), len(doc.quantities), len(doc.quotes)), (0, 0, 0, 0))
        self.assertEqual(len(doc.dates), 1)
        quotes_only = quarry.Pipeline(kinds="quotes")(FLOOD)
        self.assertEqual((len(quotes_only.actors), quotes_only.quotes[0].speaker), (0, "Ana Ruiz"))


class CommandLineEqualityTest(unittest.TestCase):
    def test_to_json_equals_the_command_line_byte_for_byte(self):
        pipeline = quarry.Pipeline()
        for path in ARTICLES:
            rc, out, err = cli("--format", "jsonl", str(path))
            self.assertEqual(rc, 0, err)
            doc = pipeline(path.read_text(encoding="utf-8"), name=str(path))
            self.assertEqual(doc.to_json() + "\n", out, path.name)

    def test_pretty_json_equals_the_command_lines_json(self):
        path = ARTICLES[0]
        rc, out, _ = cli("--format", "json", str(path))
        self.assertEqual(rc, 0)
        self.assertEqual(quarry.Pipeline()(path.read_bytes(), name=str(path)).to_json(pretty=True) + "\n", out)

    def test_pipe_equals_the_command_lines_json_lines(self):
        texts = records(paragraphs())
        self.assertGreater(len(texts), 100)
        stdin = "".join(json.dumps(r) + "\n" for r in texts).encode("utf-8")
        rc, out, err = cli("--jsonl-input", "--format", "jsonl", "--date", "2024-05-01", stdin=stdin)
        self.assertEqual(rc, 0, err)
        pipeline = quarry.Pipeline(date="2024-05-01")
        got = [d.to_json() + "\n" for d in pipeline.pipe(iter(texts), threads=2)]
        self.assertEqual(len(got), len(texts))
        self.assertEqual("".join(got), out)

    def test_kinds_equal_the_command_lines_kinds(self):
        path = ARTICLES[1]
        rc, out, _ = cli("--kinds", "quotes,quantities", "--format", "jsonl", str(path))
        self.assertEqual(rc, 0)
        got = quarry.Pipeline(kinds=["quotes", "quantities"])(path.read_text(encoding="utf-8"), name=str(path))
        self.assertEqual(got.to_json() + "\n", out)

    def test_a_long_text_cut_in_segments_equals_the_command_line_and_streams_its_json(self):
        text = "\n\n".join(p for p in paragraphs()) * 3
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "long.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            rc, out, _ = cli("--segment-bytes", "65536", "--format", "jsonl", path)
        self.assertEqual(rc, 0)
        doc = quarry.Pipeline(segment_bytes=65536)(text, name=path)

        class Pieces(io.StringIO):
            writes = 0

            def write(self, s):
                Pieces.writes += 1
                return super().write(s)

        sink = Pieces()
        doc.write_json(sink)
        self.assertEqual(sink.getvalue() + "\n", out)
        self.assertEqual(doc.to_json() + "\n", out)
        self.assertGreater(Pieces.writes, 1)  # in pieces, not one string


class ThreadsTest(unittest.TestCase):
    def test_pipe_keeps_input_order_whatever_the_threads(self):
        texts = paragraphs()
        pipeline = quarry.Pipeline()
        one = [d.to_json() for d in pipeline.pipe(texts, threads=1)]
        for threads in (2, 3, 8):
            self.assertEqual([d.to_json() for d in pipeline.pipe(texts, threads=threads)], one)

    def test_pipe_takes_any_iterable_and_gives_one_document_per_text(self):
        pipeline = quarry.Pipeline()
        gen = (t for t in [FLOOD, TRUCE.encode("utf-8"), {"text": FLOOD, "doc": "named", "date": "2024-03-04"}])
        docs = list(pipeline.pipe(gen, threads=2))
        self.assertEqual([d.name for d in docs], ["", "", "named"])
        self.assertEqual(docs[2].dates[0].value, "2024-03-04")
        self.assertEqual(list(pipeline.pipe([], threads=2)), [])

    def test_python_threads_share_one_pipeline(self):
        pipeline = quarry.Pipeline()
        texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
        expected = [pipeline(t).to_json() for t in texts]
        results = [None] * 4

        def work(k):
            results[k] = [pipeline(t).to_json() for t in texts]

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [expected] * 4)

    def test_the_gil_is_released_while_a_document_is_extracted(self):
        # Another Python thread keeps counting while this one extracts: it could not if the GIL were held.
        pipeline = quarry.Pipeline()
        text = "\n\n".join(paragraphs()) * 20
        state = {"count": 0, "stop": False}

        def count():
            while not state["stop"]:
                state["count"] += 1

        counter = threading.Thread(target=count)
        counter.start()
        try:
            before = state["count"]
            pipeline(text)
            during = state["count"] - before
        finally:
            state["stop"] = True
            counter.join()
        self.assertGreater(during, 1000)


class BadInputTest(unittest.TestCase):
    def test_invalid_utf8_in_strict_mode_raises_with_its_offset(self):
        strict = quarry.Pipeline(strict_utf8=True)
        with self.assertRaises(quarry.Utf8Error) as e:
            strict(b"Officials in Kyiv said \xff on Monday.")
        self.assertEqual(e.exception.offset, 23)
        self.assertIn("byte offset 23", str(e.exception))
        self.assertIsInstance(e.exception, ValueError)

    def test_invalid_utf8_is_kept_with_exact_offsets_otherwise(self):
        raw = b"\xff Officials in Kyiv said on Monday."
        doc = quarry.Pipeline()(raw)
        self.assertEqual(raw[doc.places[0].begin:doc.places[0].end], b"Kyiv")
        self.assertEqual(raw.decode("utf-8", "replace")[doc.places[0].char_begin:doc.places[0].char_end], "Kyiv")
        json.loads(doc.to_json())

    def test_a_bad_item_in_pipe_raises_in_its_place(self):
        pipeline = quarry.Pipeline(strict_utf8=True)
        stream = pipeline.pipe([FLOOD, 42, b"bad \xff byte", TRUCE], threads=2)
        self.assertEqual(next(stream).quotes[0].speaker, "Ana Ruiz")
        with self.assertRaises(TypeError):
            next(stream)
        with self.assertRaises(quarry.Utf8Error):
            next(stream)
        self.assertEqual(len(next(stream).quotes), 1)
        with self.assertRaises(StopIteration):
            next(stream)

    def test_an_error_of_the_iterable_itself_reaches_the_caller(self):
        def broken():
            yield FLOOD
            raise RuntimeError("feed went away")

        stream = quarry.Pipeline().pipe(broken())
        self.assertEqual(len(next(stream).actors), 1)
        with self.assertRaisesRegex(RuntimeError, "feed went away"):
            next(stream)

    def test_a_text_of_another_type_is_a_type_error(self):
        with self.assertRaisesRegex(TypeError, "str or bytes, not int"):
            quarry.Pipeline()(42)
        with self.assertRaisesRegex(KeyError, "text"):
            list(quarry.Pipeline().pipe([{"doc": "no text"}]))

    def test_unknown_kind_and_bad_date_name_the_problem(self):
        with self.assertRaisesRegex(quarry.UsageError, "unknown kind 'weather'"):
            quarry.Pipeline(kinds=["actors", "weather"])
        with self.assertRaisesRegex(quarry.UsageError, "quarry-extract only"):
            quarry.Pipeline(kinds="actors,sentences")
        with self.assertRaisesRegex(quarry.Error, "YYYY-MM-DD"):
            quarry.Pipeline(date="31/01/2024")
        with self.assertRaisesRegex(ValueError, "segment_bytes"):
            quarry.Pipeline(segment_bytes=10)

    def test_a_bad_lexicon_line_names_its_file_and_line(self):
        bad = DATA / "actors_aliases_bad.tsv"
        with self.assertRaises(quarry.LexiconError) as e:
            quarry.Pipeline(aliases=bad)
        self.assertEqual((e.exception.path, e.exception.line), (str(bad), 3))
        self.assertIn("actors_aliases_bad.tsv:3", str(e.exception))
        with self.assertRaises(quarry.LexiconError) as e:
            quarry.Pipeline(places=[DATA / "lexicon" / "bad_kind.tsv"])
        self.assertIn("bad_kind.tsv:", str(e.exception))
        with self.assertRaisesRegex(quarry.LexiconError, "cannot open"):
            quarry.Pipeline(speech_verbs="/no/such/verbs.txt")


class BigTextTest(unittest.TestCase):
    PROGRAM = """
import resource, sys, quarry
pipeline = quarry.Pipeline(segment_bytes=1 << 20)
unit = open(sys.argv[1], "rb").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
data = unit * (int(sys.argv[2]) // len(unit) + 1)
doc = pipeline(data, name="big")

class Count:
    written = 0
    def write(self, s):
        Count.written += len(s)

doc.write_json(Count())
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(len(data), Count.written, peak - base)
"""

    def test_a_big_bytes_text_is_extracted_and_written_in_bounded_memory(self):
        # The command line's documented bound (docs/reliability.md), over what the interpreter and the module
        # held before the text was made: the text is borrowed, and its JSON never sits whole in memory.
        # 1 GiB measured by hand: docs/performance.md.
        with tempfile.TemporaryDirectory() as tmp:
            unit = pathlib.Path(tmp) / "unit.txt"
            unit.write_bytes(b"".join(p.read_bytes() + b"\n\n" for p in ARTICLES))
            r = subprocess.run([sys.executable, "-c", self.PROGRAM, str(unit), str(32 << 20)], capture_output=True,
                               check=False)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        size, written, grown = (int(x) for x in r.stdout.split())
        self.assertGreater(written, 2 * size)
        bound = 2.25 * size + 12 * (1 << 20) + (64 << 20)
        print("\n%d MiB in, %d MiB of JSON, memory grew by %d MiB, bound %d MiB"
              % (size >> 20, written >> 20, grown >> 20, int(bound) >> 20), file=sys.stderr)
        self.assertLess(grown, bound)


class LexiconTest(unittest.TestCase):
    def test_user_aliases_places_and_speech_verbs_reach_the_stages(self):
        with tempfile.TemporaryDirectory() as tmp:
            verbs = pathlib.Path(tmp) / "verbs.txt"
            verbs.write_text("# extra verbs\ngrumbled\n", encoding="utf-8")
            text = ("\u201cThe fund is not for sale,\u201d Blue Heron grumbled in Springfield Heights on Monday.")
            plain = quarry.Pipeline()(text)
            custom = quarry.Pipeline(aliases=str(DATA / "actors_aliases.tsv"), places=DATA / "lexicon" / "places.tsv",
                                     speech_verbs=[verbs])(text)
        self.assertEqual(plain.quotes[0].speaker if plain.quotes else None, None)
        self.assertEqual(custom.quotes[0].speaker, "Blue Heron Capital")
        self.assertIn("Blue Heron Capital", [a.name for a in custom.actors])
        self.assertNotIn("Springfield Heights", [p.name for p in plain.places])
        self.assertEqual([(p.name, p.country) for p in custom.places], [("Springfield Heights", "US")])

    def test_rules_from_a_file_and_as_dicts_add_their_kinds_to_the_document(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "rules.jsonl"
            path.write_text('{"id": "ticker", "kind": "tickers", "regex": "\\\\$[A-Z]{2,5}\\\\b"}\n', encoding="utf-8")
            officials = {"id": "official", "kind": "officials", "name": "",
                         "pattern": [{"class": "title", "op": "+"}, {"class": "first_name"}, {"class": "capitalized"}]}
            text = "Finance Minister Nirmala Sitharaman said shares of Infosys ($INFY) were not at risk."
            pipeline = quarry.Pipeline(rules=[path, officials])
            doc = pipeline(text)
            from_file = quarry.Pipeline(rules=path)(text).to_dict()
        d = doc.to_dict()
        self.assertEqual([(t["text"], t["rule"]) for t in d["tickers"]], [("$INFY", "ticker")])
        self.assertEqual(from_file["tickers"], d["tickers"])
        self.assertNotIn("officials", from_file)
        self.assertEqual([o["text"] for o in d["officials"]], ["Finance Minister Nirmala Sitharaman"])
        t = d["tickers"][0]
        self.assertEqual(text.encode("utf-8")[t["begin"]:t["end"]].decode("utf-8"), "$INFY")
        self.assertIn('"officials": [{"text": "Finance Minister Nirmala Sitharaman"', doc.to_json())

    def test_a_bad_rule_names_its_file_and_line_or_its_place_in_the_list(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "rules.jsonl"
            path.write_text('# tickers\n{"kind": "tickers", "regex": "(?<=\\\\$)[A-Z]+"}\n', encoding="utf-8")
            with self.assertRaises(quarry.LexiconError) as e:
                quarry.Pipeline(rules=path)
            self.assertEqual((e.exception.path, e.exception.line), (str(path), 2))
            self.assertIn("RE2 rejects", str(e.exception))
        with self.assertRaisesRegex(quarry.LexiconError, r"rules\[1\]:1: a rule needs a \"kind\""):
            quarry.Pipeline(rules=[{"kind": "a", "regex": "x"}, {"regex": "y"}])



class ModelTest(unittest.TestCase):
    def test_the_builtin_model_gives_the_command_lines_output(self):
        path = ARTICLES[2]
        for model, flags in ((None, ["--no-model"]), ("builtin", ["--model", "builtin"])):
            rc, out, err = cli(*flags, "--format", "jsonl", str(path))
            self.assertEqual(rc, 0, err)
            doc = quarry.Pipeline(model=model)(path.read_text(encoding="utf-8"), name=str(path))
            self.assertEqual(doc.to_json() + "\n", out, model)

    def test_a_bad_model_file_raises_naming_the_file(self):
        with self.assertRaises(quarry.ModelError) as e:
            quarry.Pipeline(model="/no/such/names.model")
        self.assertEqual(e.exception.path, "/no/such/names.model")
        self.assertIn("/no/such/names.model", str(e.exception))
        self.assertIn("cannot open", str(e.exception))
        with tempfile.TemporaryDirectory() as tmp:
            short = pathlib.Path(tmp) / "short.model"
            short.write_bytes(b"QTAGGER\x00\x01\x00")
            with self.assertRaises(quarry.Error) as e:
                quarry.Pipeline(model=short)  # a path object, as for the lexicons
        self.assertIsInstance(e.exception, quarry.ModelError)
        self.assertIn("short.model", str(e.exception))
        self.assertIn("truncated", str(e.exception))


def python_block(path, heading):
    """The first ```python block after heading in a Markdown file, and the block that follows it."""
    text = (pathlib.Path(__file__).resolve().parents[2] / path).read_text(encoding="utf-8")
    rest = text[text.index(heading):]
    code = rest[rest.index("```python\n") + len("```python\n"):]
    after = code[code.index("```\n") + 4:]
    return code[:code.index("```\n")], after


def printed(code):
    out = io.StringIO()
    import contextlib
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<doc>", "exec"), {})
    return out.getvalue()


class DocsTest(unittest.TestCase):
    def test_the_readme_example_prints_what_the_readme_says(self):
        code, after = python_block("README.md", "## From Python")
        out = printed(code).splitlines()
        for line in out:
            self.assertIn("`%s`" % line, after[:after.index("\n\n")].replace("\n", " "))
        self.assertEqual(len(out), 2)

    def test_the_short_version_of_the_python_page_prints_what_it_says(self):
        code, after = python_block("docs/python.md", "## The short version")
        expected = after[after.index("```text\n") + 8:]
        expected = expected[:expected.index("```")].splitlines()
        out = printed(code).splitlines()
        self.assertEqual(len(out), len(expected))
        for got, want in zip(out, expected):
            self.assertTrue(got.startswith(want.replace("...", "")), (got, want))


if __name__ == "__main__":
    unittest.main()
