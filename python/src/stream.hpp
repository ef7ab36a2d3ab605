// python/src/stream.hpp: Pipeline.pipe(texts, threads=N), an iterator of Documents in input order.
// Texts are taken from the Python iterable in batches (with the GIL); N threads extract a batch without
// the GIL while Python reads the results of the batch before it, so extraction, Python's own work and
// reading the input overlap. At most two batches are held at a time, however long the input.
#pragma once

#include "document.hpp"

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace quarry_python {

// A built pipeline and how Pipeline's arguments configure each run. Immutable, shared by threads.
struct configured_pipeline {
  quarry::any_pipeline pipeline;
  unsigned kinds = quarry::all_kinds;
  std::size_t segment_bytes = std::size_t{32} << 20;
  std::optional<quarry::calendar_date> date;  // when a text comes without one
};

// None, "YYYY-MM-DD" or a datetime.date. Needs the GIL.
[[nodiscard]] inline std::optional<quarry::calendar_date> to_date(py::handle d) {
  if (d.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(d)) return quarry::parse_iso_date(d.cast<std::string>());
  if (py::hasattr(d, "year") && py::hasattr(d, "month") && py::hasattr(d, "day")) {
    return quarry::calendar_date{d.attr("year").cast<int>(), d.attr("month").cast<int>(), d.attr("day").cast<int>()};
  }
  throw py::type_error("quarry: a date must be None, a str YYYY-MM-DD or a datetime.date");
}

// A text, or a mapping in the shape of a JSON Lines record: {"doc": name, "text": text, "date": "YYYY-MM-DD"}.
[[nodiscard]] inline std::shared_ptr<py_document> make_document(const configured_pipeline& p, py::handle item) {
  if (PyUnicode_Check(item.ptr()) || PyBytes_Check(item.ptr())) {
    return std::make_shared<py_document>(borrow_text(item), std::string(), p.date);
  }
  if (!PyMapping_Check(item.ptr()) || !py::hasattr(item, "get")) {
    throw py::type_error("quarry: pipe() takes str, bytes or dicts with \"text\" (and \"doc\", \"date\"), not " +
                         std::string(py::str(py::type::handle_of(item).attr("__name__"))));
  }
  const py::object text = item.attr("get")("text");
  if (text.is_none()) throw py::key_error("quarry: a record without \"text\"");
  const py::object name = item.attr("get")("doc");
  const py::object date = item.attr("get")("date");
  return std::make_shared<py_document>(borrow_text(text), name.is_none() ? std::string() : py::str(name).cast<std::string>(),
                                       date.is_none() ? p.date : to_date(date));
}

class document_stream {
 public:
  document_stream(std::shared_ptr<const configured_pipeline> pipeline, py::object source, unsigned threads)
      : pipeline_(std::move(pipeline)), source_(py::iter(source)), threads_(threads == 0 ? 1 : threads) {}
  document_stream(const document_stream&) = delete;
  document_stream& operator=(const document_stream&) = delete;
  ~document_stream() {
    if (ahead_) ahead_->join();
  }

  // The next Document; raises what its extraction raised, StopIteration at the end. Needs the GIL.
  py::object next() {
    if (!current_ || pos_ == current_->docs.size()) {
      if (!started_) {
        started_ = true;
        ahead_ = start(read_batch());
      }
      current_ = std::move(ahead_);
      if (!current_) throw py::stop_iteration();
      {
        py::gil_scoped_release unlocked;
        current_->join();
      }
      ahead_ = start(read_batch());
      pos_ = 0;
    }
    std::shared_ptr<py_document> doc = current_->docs[pos_++];
    doc->check();
    return py::cast(std::move(doc));
  }

 private:
  struct batch {
    std::vector<std::shared_ptr<py_document>> docs;
    std::vector<std::thread> workers;
    std::atomic<std::size_t> next{0};

    void join() {
      for (auto& w : workers) w.join();
      workers.clear();
    }
  };

  // Up to about a megabyte of text per thread: enough to keep the threads busy, little to hold.
  std::vector<std::shared_ptr<py_document>> read_batch() {
    std::vector<std::shared_ptr<py_document>> docs;
    std::size_t bytes = 0;
    const std::size_t max_bytes = std::size_t{threads_} << 20, max_docs = std::size_t{threads_} * 64;
    while (!done_ && bytes < max_bytes && docs.size() < max_docs) {
      std::shared_ptr<py_document> doc;
      try {
        const py::object item = py::reinterpret_steal<py::object>(PyIter_Next(source_.ptr()));
        if (!item) {
          done_ = true;
          if (!PyErr_Occurred()) break;
          throw py::error_already_set();  // the iterable's own error, in its place: it ends the stream
        }
        doc = make_document(*pipeline_, item);
      } catch (...) {  // a bad item fails at its place in the output, after the documents before it
        doc = std::make_shared<py_document>(borrowed_text{py::str(""), {}, true}, std::string(), std::nullopt);
        doc->fail(std::current_exception());
      }
      bytes += doc->doc().text().size();
      docs.push_back(std::move(doc));
    }
    return docs;
  }

  // Starts threads_ threads on the documents (no more threads than documents); nullptr when there are none.
  std::unique_ptr<batch> start(std::vector<std::shared_ptr<py_document>> docs) {
    if (docs.empty()) return nullptr;
    auto b = std::make_unique<batch>();
    b->docs = std::move(docs);
    const std::size_t n = std::min<std::size_t>(threads_, b->docs.size());
    const configured_pipeline& p = *pipeline_;
    batch& work = *b;
    for (std::size_t t = 0; t < n; ++t) {
      b->workers.emplace_back([&p, &work] {
        for (std::size_t i; (i = work.next.fetch_add(1, std::memory_order_relaxed)) < work.docs.size();) {
          work.docs[i]->extract(p.pipeline, p.kinds, p.segment_bytes);
        }
      });
    }
    return b;
  }

  std::shared_ptr<const configured_pipeline> pipeline_;
  py::object source_;  // an iterator
  unsigned threads_;
  bool started_ = false, done_ = false;
  std::unique_ptr<batch> current_, ahead_;
  std::size_t pos_ = 0;
};

}  // namespace quarry_python
