#include "snapshot/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "snapshot/snapshot_error.h"

namespace tenure::snapshot {

MappedFile::MappedFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw SnapshotError(SnapshotError::kNoOffset, path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    throw SnapshotError(SnapshotError::kNoOffset, path + ": " + std::strerror(err));
  }
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      ::madvise(p, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
      data_ = static_cast<const char*>(p);
      size_ = static_cast<size_t>(st.st_size);
      mapped_ = true;
      fd_ = fd;
      return;
    }
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw SnapshotError(SnapshotError::kNoOffset, path + ": is a directory");
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw SnapshotError(SnapshotError::kNoOffset, path + ": " + std::strerror(err));
    }
    if (n == 0) break;
    owned_.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  data_ = owned_.data();
  size_ = owned_.size();
}

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
  if (fd_ >= 0) ::close(fd_);
}

size_t MappedFile::ReadAt(size_t offset, char* out, size_t len) const {
  if (offset >= size_) return 0;
  len = std::min(len, size_ - offset);
  if (fd_ < 0) {
    std::memcpy(out, data_ + offset, len);
    return len;
  }
  size_t done = 0;
  while (done < len) {
    ssize_t n = ::pread(fd_, out + done, len - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw SnapshotError(SnapshotError::kNoOffset, std::string("read failed: ") + std::strerror(errno));
    if (n == 0) break;  // the file shrank; the caller sees a short count
    done += static_cast<size_t>(n);
  }
  return done;
}

}  // namespace tenure::snapshot
