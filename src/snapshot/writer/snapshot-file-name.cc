// Copyright the tenure authors.
// snapshot-file-name.cc — node's default heap snapshot file name.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <ctime>

#include "tenure/heap-snapshot.h"

namespace tenure {

// Mirrors node's DiagnosticFilename::MakeFilename (src/util.cc): "<prefix>.<YYYYMMDD>.<HHMMSS>.
// <pid>.<thread_id>.<seq>.<ext>" in local time, seq from a process-wide counter starting at 1,
// printed with at least 3 digits. Checked against node 20:
// `node -e "console.log(require('v8').writeHeapSnapshot())"` -> Heap.20261125.150600.19851.0.001.heapsnapshot
std::string DefaultHeapSnapshotFileName(uint64_t thread_id) {
  static std::atomic<unsigned> sequence{0};
  const unsigned seq = ++sequence;
  const time_t now = time(nullptr);
  struct tm local;
  localtime_r(&now, &local);
  char name[128];
  snprintf(name, sizeof(name), "Heap.%04d%02d%02d.%02d%02d%02d.%ld.%llu.%03u.heapsnapshot",
           local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min,
           local.tm_sec, static_cast<long>(getpid()), static_cast<unsigned long long>(thread_id), seq);
  return name;
}

}  // namespace tenure
