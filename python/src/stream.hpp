// python/src/stream.hpp: Pipeline.pipe(texts, threads=N), an iterator of Documents in input order.
// N threads extract without the GIL from a window of documents taken ahead from the Python iterable (about
// a megabyte of text per thread), while Python reads the results in order; each call tops the window up, so
// the threads stay fed and memory stays bounded however long the input is.
#pragma once

#include "document.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
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
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    work_ready_.notify_all();
    for (auto& w : workers_) w.join();  // a worker finishes the document it holds; the window outlives them
  }

  // The next Document; raises what its extraction raised, StopIteration at the end. Needs the GIL.
  py::object next() {
    fill();
    if (window_.empty()) throw py::stop_iteration();
    std::shared_ptr<py_document> doc = window_.front().doc;
    if (!finished(window_.front())) {
      py::gil_scoped_release unlocked;
      std::unique_lock<std::mutex> lock(mutex_);
      job_done_.wait(lock, [&] { return window_.front().finished; });
    }
    window_bytes_ -= doc->doc().text().size();
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      window_.pop_front();
    }
    doc->check();
    return py::cast(std::move(doc));
  }

 private:
  struct slot {
    std::shared_ptr<py_document> doc;
    bool finished = false;  // guarded by mutex_
  };

  bool finished(const slot& s) {
    const std::lock_guard<std::mutex> lock(mutex_);
    return s.finished;
  }

  // Takes texts from the iterable until the window holds about a megabyte per thread (or 64 documents per
  // thread), and hands them to the workers.
  void fill() {
    const std::size_t max_bytes = std::size_t{threads_} << 20, max_docs = std::size_t{threads_} * 64;
    std::size_t added = 0;
    while (!done_ && window_bytes_ < max_bytes && window_.size() < max_docs) {
      std::shared_ptr<py_document> doc;
      bool bad = false;
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
        bad = true;
      }
      window_bytes_ += doc->doc().text().size();
      const std::lock_guard<std::mutex> lock(mutex_);
      window_.push_back(slot{std::move(doc), bad});
      if (!bad) queue_.push_back(&window_.back());
      ++added;
    }
    if (added == 0) return;
    if (workers_.empty()) start();
    work_ready_.notify_all();
  }

  void start() {
    for (unsigned t = 0; t < threads_; ++t) {
      workers_.emplace_back([this] {
        const configured_pipeline& p = *pipeline_;
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
          work_ready_.wait(lock, [&] { return stop_ || !queue_.empty(); });
          if (stop_) return;
          slot* s = queue_.front();
          queue_.pop_front();
          lock.unlock();
          s->doc->extract(p.pipeline, p.kinds, p.segment_bytes);  // no Python object is touched
          lock.lock();
          s->finished = true;
          job_done_.notify_all();
        }
      });
    }
  }

  std::shared_ptr<const configured_pipeline> pipeline_;
  py::object source_;  // an iterator
  unsigned threads_;
  bool done_ = false;
  std::deque<slot> window_;  // in input order; a deque keeps the slots' addresses while it grows at the back
  std::size_t window_bytes_ = 0;

  std::mutex mutex_;
  std::condition_variable work_ready_, job_done_;
  std::deque<slot*> queue_;  // slots still to extract
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace quarry_python
