// Timing and the machine-readable result lines shared by every C++ workload executable.
//
// Output contract (parsed by bench/harness/bench.py; keep the keys stable):
//   PHASE name=<phase> ms=<float> minflt=<n> one per timed phase, in order; minflt = minor page
//                                            faults since the previous PHASE line (the first
//                                            one: since process start, so start-up included)
//   RESULT key=value ...                     exactly one, last line of stdout, on success
// RESULT keys: workload, allocator, version (spaces replaced by '_'), init_ms (start-up: heap
// reservation / GC_INIT, not part of run_ms), run_ms (workload only), gc_count, gc_total_ms,
// gc_p50_ms, gc_p99_ms, gc_max_ms ("na" for allocators without a collector), peak_rss_kb
// (getrusage ru_maxrss), then any policy detail.
#ifndef TENURE_BENCH_CPP_RUN_REPORT_H_
#define TENURE_BENCH_CPP_RUN_REPORT_H_

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "allocator_policy.h"

namespace bench {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double ElapsedMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
        .count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// Nearest-rank percentile (p in [0, 100]) of an unsorted sample; 0 for an empty sample.
inline double Percentile(std::vector<double> sample, double p) {
  if (sample.empty()) return 0;
  std::sort(sample.begin(), sample.end());
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sample.size())));
  return sample[std::clamp<std::size_t>(rank, 1, sample.size()) - 1];
}

inline void PrintPhase(const std::string& name, double ms) {
  static long previous_minflt = 0;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("PHASE name=%s ms=%.3f minflt=%ld\n", name.c_str(), ms,
              usage.ru_minflt - previous_minflt);
  previous_minflt = usage.ru_minflt;
}

inline std::string NoSpaces(std::string s) {
  std::replace(s.begin(), s.end(), ' ', '_');
  return s;
}

inline long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // Kilobytes on Linux.
}

struct RunTimes {
  double init_ms = 0;
  double run_ms = 0;
};

inline void PrintResult(const char* workload, const char* allocator, const std::string& version,
                        const RunTimes& times, const GcStats& stats) {
  std::printf("RESULT workload=%s allocator=%s version=%s init_ms=%.3f run_ms=%.3f", workload,
              allocator, NoSpaces(version).c_str(), times.init_ms, times.run_ms);
  if (stats.has_gc) {
    double total = 0;
    for (double p : stats.pauses_ms) total += p;
    double max = stats.pauses_ms.empty()
                     ? 0
                     : *std::max_element(stats.pauses_ms.begin(), stats.pauses_ms.end());
    std::printf(" gc_count=%zu gc_total_ms=%.3f gc_p50_ms=%.3f gc_p99_ms=%.3f gc_max_ms=%.3f",
                stats.pauses_ms.size(), total, Percentile(stats.pauses_ms, 50),
                Percentile(stats.pauses_ms, 99), max);
  } else {
    std::printf(" gc_count=na gc_total_ms=na gc_p50_ms=na gc_p99_ms=na gc_max_ms=na");
  }
  std::printf(" peak_rss_kb=%ld", PeakRssKb());
  if (!stats.detail.empty()) std::printf(" %s", stats.detail.c_str());
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace bench

#endif  // TENURE_BENCH_CPP_RUN_REPORT_H_
