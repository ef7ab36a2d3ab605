// python/src/module.cpp: the Python module `quarry`: Pipeline, Document, the findings' classes and the
// exceptions. A Pipeline is built once and may be called from many Python threads: extraction runs without
// the GIL. See docs/python.md.
#include "document.hpp"
#include "stream.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <vector>

namespace py = pybind11;
using namespace quarry_python;

namespace {

// None, one path, or a list of paths (str or os.PathLike).
std::vector<std::string> paths(const py::object& arg) {
  std::vector<std::string> out;
  if (arg.is_none()) return out;
  const py::module_ os = py::module_::import("os");
  if (py::isinstance<py::str>(arg) || py::hasattr(arg, "__fspath__")) {
    out.push_back(os.attr("fspath")(arg).cast<std::string>());
    return out;
  }
  for (const py::handle p : arg) out.push_back(os.attr("fspath")(p).cast<std::string>());
  return out;
}

// model=: None for the rules alone (the command line's default), "builtin", or a model file's path.
std::shared_ptr<const quarry::tagger_model> model_of(const py::object& model) {
  if (model.is_none()) return nullptr;
  const std::string path = py::module_::import("os").attr("fspath")(model).cast<std::string>();
  if (path == "builtin") return quarry::builtin_tagger_model();
  py::gil_scoped_release unlocked;  // a model file is megabytes
  return std::make_shared<const quarry::tagger_model>(quarry::tagger_model::from_file(path));
}

unsigned kinds_of(const py::object& kinds) {
  if (kinds.is_none()) return quarry::all_kinds;
  unsigned out = 0;
  if (py::isinstance<py::str>(kinds)) {
    out = quarry::parse_kinds(kinds.cast<std::string>());
  } else {
    for (const py::handle k : kinds) out |= quarry::parse_kind(py::str(k).cast<std::string>());
  }
  // a Document drops its tokens after extraction, so it has no sentences to give
  if (out & (quarry::output_kind::sentences | quarry::output_kind::paragraphs)) {
    throw quarry::usage_error("the kinds 'sentences' and 'paragraphs' are written by quarry-extract only");
  }
  return out;
}

// Pattern rules: None, a path, or a list of paths and rules written as dicts (the JSON Lines file's objects).
quarry::rule_set rules_of(const py::object& arg, std::vector<std::string>& files) {
  quarry::rule_set rules;
  if (arg.is_none()) return rules;
  if (py::isinstance<py::str>(arg) || py::hasattr(arg, "__fspath__")) {
    files = paths(arg);
    return rules;
  }
  const py::object dumps = py::module_::import("json").attr("dumps");
  std::size_t i = 0;
  for (const py::handle item : arg) {
    ++i;
    if (py::isinstance<py::dict>(item)) {
      rules.add_jsonl(dumps(item).cast<std::string>(), "rules[" + std::to_string(i - 1) + "]");
    } else {
      files.push_back(py::module_::import("os").attr("fspath")(item).cast<std::string>());
    }
  }
  return rules;
}

std::shared_ptr<const configured_pipeline> make_pipeline(const py::object& kinds, const py::object& date,
                                                         bool strict_utf8, std::size_t segment_bytes,
                                                         const py::object& aliases, const py::object& places,
                                                         const py::object& speech_verbs, const py::object& rules_arg,
                                                         const py::object& model) {
  if (segment_bytes < 4096) throw py::value_error("quarry: segment_bytes must be at least 4096");
  auto p = std::make_shared<configured_pipeline>();
  p->kinds = kinds_of(kinds);
  p->date = to_date(date);
  p->segment_bytes = segment_bytes;
  quarry::kinds_options options;
  options.tokenize.strict_utf8 = strict_utf8;
  options.model = model_of(model);
  const std::vector<std::string> place_files = paths(places), alias_files = paths(aliases),
                                 verb_files = paths(speech_verbs);
  std::vector<std::string> rule_files;
  quarry::rule_set rules = rules_of(rules_arg, rule_files);
  const bool any_rules = !rules_arg.is_none();
  py::gil_scoped_release unlocked;  // loading lexicons and compiling patterns takes a while
  if (!place_files.empty()) {
    quarry::gazetteer_options g;
    g.files = place_files;
    options.places = std::make_shared<const quarry::gazetteer>(g);
  }
  if (!alias_files.empty()) {
    options.aliases = quarry::alias_table::with_builtin();
    for (const auto& f : alias_files) options.aliases->add_tsv(f);
  }
  if (!verb_files.empty()) {
    options.speech_verbs.emplace();
    for (const auto& f : verb_files) options.speech_verbs->add_file(f);
  }
  if (any_rules) {
    for (const auto& f : rule_files) rules.add_file(f);
    options.rules.emplace(rules);
  }
  p->pipeline = quarry::make_kinds_pipeline(p->kinds, std::move(options));
  return p;
}

std::shared_ptr<py_document> extract_one(const configured_pipeline& p, const py::object& text, const std::string& name,
                                         const py::object& date) {
  auto doc = std::make_shared<py_document>(borrow_text(text), name, date.is_none() ? p.date : to_date(date));
  {
    py::gil_scoped_release unlocked;
    doc->extract(p.pipeline, p.kinds, p.segment_bytes);
  }
  doc->check();
  return doc;
}

// Writes the document's JSON to file (anything with write(str)) in pieces of about 64 KiB: a large
// document's output never sits whole in memory.
void write_json(const py_document& d, const py::object& file, bool pretty) {
  const py::object write = file.attr("write");
  quarry::stream_json([&](std::string_view piece) { write(py::str(piece.data(), piece.size())); }, d.doc(),
                      quarry::json_options{pretty});
}

std::string to_json(const py_document& d, bool pretty) {
  std::string out;
  py::gil_scoped_release unlocked;
  quarry::write_json(out, d.doc(), quarry::json_options{pretty});
  return out;
}

std::string span_repr(const char* type, const finding& f, const std::string& extra) {
  return std::string("quarry.") + type + "(" + std::string(py::repr(py::str(f.text))) + ", " + extra +
         std::to_string(f.begin) + ":" + std::to_string(f.end) + ")";
}

template <class Finding, class Class>
Class& bind_span(Class& c) {
  return c.def_readonly("text", &Finding::text, "the words as in the text")
      .def_readonly("begin", &Finding::begin, "byte offset in the UTF-8 text")
      .def_readonly("end", &Finding::end, "byte offset just past the finding")
      .def_readonly("char_begin", &Finding::char_begin, "index into the str")
      .def_readonly("char_end", &Finding::char_end, "index into the str just past the finding");
}

// quarry::error and its kinds as Python exceptions carrying the same facts (offset; path and line).
void bind_errors(py::module_& m) {
  static py::exception<quarry::error> error(m, "Error", PyExc_ValueError);
  static py::exception<quarry::utf8_error> utf8(m, "Utf8Error", error.ptr());
  static py::exception<quarry::lexicon_error> lexicon(m, "LexiconError", error.ptr());
  static py::exception<quarry::usage_error> usage(m, "UsageError", error.ptr());
  static py::exception<quarry::model_error> model(m, "ModelError", error.ptr());
  py::register_exception_translator([](std::exception_ptr p) {
    auto raise = [](const py::object& type, const char* what, auto set_attributes) {
      py::object instance = type(what);
      set_attributes(instance);
      PyErr_SetObject(type.ptr(), instance.ptr());
    };
    try {
      if (p) std::rethrow_exception(p);
    } catch (const quarry::utf8_error& e) {
      raise(utf8, e.what(),
            [&](py::object& i) { i.attr("offset") = e.offset(); });
    } catch (const quarry::lexicon_error& e) {
      raise(lexicon, e.what(), [&](py::object& i) {
        i.attr("path") = e.path();
        i.attr("line") = e.line();
      });
    } catch (const quarry::model_error& e) {
      raise(model, e.what(), [&](py::object& i) {
        i.attr("path") = e.path();
        i.attr("offset") = e.offset();
      });
    } catch (const quarry::usage_error& e) {
      PyErr_SetString(usage.ptr(), e.what());
    } catch (const quarry::error& e) {
      PyErr_SetString(error.ptr(), e.what());
    }
  });
}

}  // namespace

PYBIND11_MODULE(quarry, m) {
  m.doc() = "quarry: actors, places, quantities, dates and quotes from English news text, with byte and "
            "character offsets. See docs/python.md.";
  m.attr("__version__") = quarry::version_string;
  m.attr("KINDS") = py::make_tuple("actors", "locations", "quantities", "dates", "quotes");
  bind_errors(m);

  auto actor = py::class_<actor_finding>(m, "Actor", "A mention of a person, organization, country or group");
  bind_span<actor_finding>(actor)
      .def_readonly("name", &actor_finding::name, "canonical name: the fullest form in the document")
      .def_readonly("kind", &actor_finding::kind, "person, organization, country or group")
      .def_readonly("title", &actor_finding::title)
      .def_readonly("country", &actor_finding::country, "ISO 3166-1 alpha-2")
      .def_readonly("role", &actor_finding::role, "\"credit\" for bylines and photo credits")
      .def("__repr__", [](const actor_finding& f) { return span_repr("Actor", f, f.name + ", " + f.kind + ", "); });

  auto place = py::class_<place_finding>(m, "Place", "A mention of a place");
  bind_span<place_finding>(place)
      .def_readonly("name", &place_finding::name)
      .def_readonly("kind", &place_finding::kind, "country, city, region, facility or other")
      .def_readonly("country", &place_finding::country)
      .def_readonly("lat", &place_finding::lat)
      .def_readonly("lon", &place_finding::lon)
      .def_readonly("role", &place_finding::role,
                    "place, or in_name for a place inside an organization's name (\"Ohio Department of Health\")")
      .def("__repr__", [](const place_finding& f) { return span_repr("Place", f, f.name + ", " + f.kind + ", "); });

  auto quantity = py::class_<quantity_finding>(m, "Quantity", "An amount: value, what is counted, unit");
  bind_span<quantity_finding>(quantity)
      .def_readonly("value", &quantity_finding::value)
      .def_readonly("value_max", &quantity_finding::value_max)
      .def_readonly("object", &quantity_finding::object)
      .def_readonly("approx", &quantity_finding::approx)
      .def_readonly("unit", &quantity_finding::unit)
      .def("__repr__", [](const quantity_finding& f) { return span_repr("Quantity", f, ""); });

  auto date = py::class_<date_finding>(m, "Date", "A date or year; value in ISO 8601 as far as the text gives it");
  bind_span<date_finding>(date)
      .def_readonly("value", &date_finding::value)
      .def_readonly("relative", &date_finding::relative)
      .def("__repr__", [](const date_finding& f) { return span_repr("Date", f, f.value.value_or("None") + ", "); });

  auto quote = py::class_<quote_finding>(m, "Quote", "A direct quotation and who said it");
  bind_span<quote_finding>(quote)
      .def_readonly("speaker", &quote_finding::speaker, "the speaker's canonical name, else the attribution's words")
      .def_readonly("speaker_text", &quote_finding::speaker_text)
      .def_readonly("cue", &quote_finding::cue, "the speech verb")
      .def_readonly("statement", &quote_finding::statement, "False for scare quotes and quoted names")
      .def_readonly("closed_by_rule", &quote_finding::closed_by_rule)
      .def("__repr__", [](const quote_finding& f) {
        return span_repr("Quote", f, f.speaker.value_or("None") + ", ");
      });

  py::class_<py_document, std::shared_ptr<py_document>>(m, "Document", "One text and what was found in it")
      .def_property_readonly("name", [](const py_document& d) { return d.doc().name(); })
      .def_property_readonly("text", &py_document::text, "the str or bytes given")
      .def_property_readonly("date", &py_document::date, "the date relative dates resolve against, or None")
      .def_property_readonly("actors", &py_document::actors)
      .def_property_readonly("places", &py_document::places)
      .def_property_readonly("quantities", &py_document::quantities)
      .def_property_readonly("dates", &py_document::dates)
      .def_property_readonly("quotes", &py_document::quotes)
      .def("to_json", &to_json, py::arg("pretty") = false,
           "The findings as quarry-extract prints them: one JSON object, one line unless pretty")
      .def("to_dict", [](const py_document& d) {
        return py::module_::import("json").attr("loads")(to_json(d, false));
      }, "to_json() as a dict")
      .def("write_json", &write_json, py::arg("file"), py::arg("pretty") = false,
           "Writes to_json() to a text file in pieces, for documents whose JSON is too big to hold")
      .def("__repr__", [](const py_document& d) {
        const quarry::document& x = d.doc();
        return "<quarry.Document " + std::string(py::repr(py::str(x.name()))) + ": " +
               std::to_string(x.text().size()) + " bytes, " + std::to_string(x.actor_mentions().size()) +
               " actors, " + std::to_string(x.place_mentions().size()) + " places, " +
               std::to_string(x.quantities().size()) + " quantities, " + std::to_string(x.dates().size()) +
               " dates, " + std::to_string(x.quotes().size()) + " quotes>";
      });

  py::class_<document_stream>(m, "DocumentStream", "Documents of Pipeline.pipe(), in input order")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &document_stream::next);

  py::class_<configured_pipeline, std::shared_ptr<configured_pipeline>>(m, "Pipeline",
      "Built once (lexicons load, patterns compile), then called from any number of threads.")
      .def(py::init([](const py::object& kinds, const py::object& date, bool strict_utf8, std::size_t segment_bytes,
                       const py::object& aliases, const py::object& places, const py::object& speech_verbs,
                       const py::object& rules, const py::object& model) {
             return std::const_pointer_cast<configured_pipeline>(make_pipeline(
                 kinds, date, strict_utf8, segment_bytes, aliases, places, speech_verbs, rules, model));
           }),
           py::kw_only(), py::arg("kinds") = py::none(), py::arg("date") = py::none(), py::arg("strict_utf8") = false,
           py::arg("segment_bytes") = std::size_t{32} << 20, py::arg("aliases") = py::none(),
           py::arg("places") = py::none(), py::arg("speech_verbs") = py::none(), py::arg("rules") = py::none(),
           py::arg("model") = py::none())
      .def("__call__", [](const configured_pipeline& p, const py::object& text, const std::string& name,
                          const py::object& date) { return extract_one(p, text, name, date); },
           py::arg("text"), py::kw_only(), py::arg("name") = "", py::arg("date") = py::none(),
           "Extracts from one str or bytes; the GIL is released meanwhile")
      .def("pipe", [](const std::shared_ptr<configured_pipeline>& p, const py::object& texts, unsigned threads) {
             return std::make_unique<document_stream>(p, texts, threads);
           }, py::arg("texts"), py::kw_only(), py::arg("threads") = 1,
           "Documents for an iterable of texts (str, bytes, or dicts with \"text\", \"doc\", \"date\"), in order, "
           "extracted on `threads` threads")
      .def_property_readonly("kinds", [](const configured_pipeline& p) {
        py::list out;
        for (const auto& [name, bit] : quarry::kind_names) {
          if (p.kinds & bit) out.append(py::str(name.data(), name.size()));
        }
        return out;
      });
}
