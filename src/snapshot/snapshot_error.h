// SnapshotError: the one exception type the reader and the CLI use for bad input.
//
// Invariant: every SnapshotError thrown while reading a file carries the byte offset of the
// offending input (or kNoOffset when the problem is not tied to one position, e.g. an unreadable
// file). what() already contains "at byte N" so callers can print it verbatim.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace tenure::snapshot {

class SnapshotError : public std::runtime_error {
 public:
  static constexpr uint64_t kNoOffset = ~uint64_t{0};

  SnapshotError(uint64_t offset, const std::string& message)
      : std::runtime_error(offset == kNoOffset ? message
                                               : message + " (at byte " + std::to_string(offset) + ")"),
        offset_(offset) {}

  uint64_t offset() const { return offset_; }

 private:
  uint64_t offset_;
};

}  // namespace tenure::snapshot
