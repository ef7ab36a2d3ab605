// One reader, N workers, one ordered writer: the reading thread submits jobs in input order, workers run
// them in any order, and a writer thread hands the results on in input order. Reading, parsing and
// writing stay off the workers' critical path; the only shared state is the two queues below.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace quarry_cli {

// Job: what a worker takes; Result: what it gives the writer. Work is called as work(job, state) with
// one State per worker thread (a reusable quarry::document, say), so steady-state work allocates little.
template <class Job, class Result, class State>
class ordered_workers {
 public:
  using work_fn = std::function<Result(Job&, State&)>;
  using write_fn = std::function<void(Result&)>;

  // At most max_jobs jobs and max_bytes of job weight (input bytes) are between submit and write at any
  // time: the reader waits beyond that, which bounds memory whatever the input's size.
  ordered_workers(unsigned workers, std::size_t max_jobs, std::size_t max_bytes, work_fn work, write_fn write)
      : max_jobs_(max_jobs < 1 ? 1 : max_jobs), max_bytes_(max_bytes), work_(std::move(work)), write_(std::move(write)) {
    for (unsigned i = 0; i < (workers < 1 ? 1 : workers); ++i) workers_.emplace_back([this] { work_loop(); });
    writer_ = std::thread([this] { write_loop(); });
  }
  ordered_workers(const ordered_workers&) = delete;
  ordered_workers& operator=(const ordered_workers&) = delete;
  ~ordered_workers() { finish(); }

  // Queues job (of the given weight); waits while too much is in flight.
  void submit(Job job, std::size_t weight) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] {
      return in_flight_jobs_ == 0 || (in_flight_jobs_ < max_jobs_ && in_flight_bytes_ + weight <= max_bytes_);
    });
    ++in_flight_jobs_;
    in_flight_bytes_ += weight;
    jobs_.push_back(pending{submitted_++, weight, std::move(job)});
    job_ready_.notify_one();
  }

  // Waits until everything submitted so far has been written.
  void drain() {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return in_flight_jobs_ == 0; });
  }

  // Writes what is left and stops the threads.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      if (closed_) return;
      closed_ = true;
    }
    job_ready_.notify_all();
    for (auto& t : workers_) t.join();
    {
      std::lock_guard lock(mutex_);
      workers_done_ = true;
    }
    result_ready_.notify_all();
    writer_.join();
  }

 private:
  struct pending {
    std::size_t seq;
    std::size_t weight;
    Job job;
  };
  struct done {
    std::size_t weight;
    Result result;
  };

  void work_loop() {
    State state{};
    for (;;) {
      std::unique_lock lock(mutex_);
      job_ready_.wait(lock, [&] { return closed_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      pending p = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      done d{p.weight, work_(p.job, state)};
      lock.lock();
      results_.emplace(p.seq, std::move(d));
      if (p.seq == written_) result_ready_.notify_one();
    }
  }

  void write_loop() {
    for (;;) {
      std::unique_lock lock(mutex_);
      result_ready_.wait(lock, [&] { return workers_done_ || (!results_.empty() && results_.begin()->first == written_); });
      if (results_.empty() || results_.begin()->first != written_) return;  // workers done, all written
      auto node = results_.extract(results_.begin());
      lock.unlock();
      write_(node.mapped().result);
      lock.lock();
      ++written_;
      --in_flight_jobs_;
      in_flight_bytes_ -= node.mapped().weight;
      space_.notify_all();
    }
  }

  const std::size_t max_jobs_, max_bytes_;
  work_fn work_;
  write_fn write_;
  std::mutex mutex_;
  std::condition_variable job_ready_, result_ready_, space_;
  std::deque<pending> jobs_;
  std::map<std::size_t, done> results_;  // finished out of order, waiting for their turn
  std::size_t submitted_ = 0, written_ = 0, in_flight_jobs_ = 0, in_flight_bytes_ = 0;
  bool closed_ = false, workers_done_ = false;
  std::vector<std::thread> workers_;
  std::thread writer_;
};

}  // namespace quarry_cli
