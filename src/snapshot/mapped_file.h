// MappedFile: a read-only view of a whole file, mmap'ed when possible.
//
// Invariant: data() stays valid and unchanged for the lifetime of the object; size() is the file
// size at open time. Non-regular inputs (pipes) are read into an owned buffer instead.
// ReadAt() copies bytes with pread() for mapped files, so a pass over a range does not fault the
// mapping's pages into this process (on VMs a page fault costs tens of microseconds; a pread of
// page-cached data is a memcpy).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tenure::snapshot {

class MappedFile {
 public:
  // Opens `path`; throws SnapshotError (no offset) naming the path when it cannot be read.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view view() const { return {data_, size_}; }
  // True when view() is a private read-only file mapping: its pages may be dropped with
  // MADV_DONTNEED once read (they are re-read from the file if touched again).
  bool mapped() const { return mapped_; }
  // Copies up to `len` bytes at `offset` into `out`; returns the count (short only at the end of
  // the file). Throws SnapshotError (no offset) if the read fails.
  size_t ReadAt(size_t offset, char* out, size_t len) const;

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  int fd_ = -1;  // kept open while mapped, for ReadAt
  std::string owned_;
};

}  // namespace tenure::snapshot
