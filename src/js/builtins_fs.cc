// `require('fs')`, the synchronous subset: a native binding of POSIX calls (this file, C++) and
// a JavaScript layer (kFsModuleSource) with node's signatures. Errors are node's: an Error
// whose message is "<CODE>: <libuv description>, <syscall> '<path>'" with own properties
// errno (negative), code, syscall, path — in that order (checked against node 20).
//
// Binding contract: every native takes already-validated arguments from the JS layer (path
// strings, flags); returns its result or throws the node-style error. File contents cross as
// Buffers (Buffer.alloc + a copy into its backing store) or as UTF-8 strings.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "builtins.h"
#include "modules.h"

namespace tenure::js {
namespace {

struct ErrnoName {
  int number;
  const char* code;
  const char* description;  // libuv's uv_strerror text, as node prints it
};
constexpr ErrnoName kErrnoNames[] = {
    {ENOENT, "ENOENT", "no such file or directory"},
    {EEXIST, "EEXIST", "file already exists"},
    {ENOTDIR, "ENOTDIR", "not a directory"},
    {EISDIR, "EISDIR", "illegal operation on a directory"},
    {EACCES, "EACCES", "permission denied"},
    {EPERM, "EPERM", "operation not permitted"},
    {ENOTEMPTY, "ENOTEMPTY", "directory not empty"},
    {EINVAL, "EINVAL", "invalid argument"},
    {ENAMETOOLONG, "ENAMETOOLONG", "name too long"},
    {ELOOP, "ELOOP", "too many symbolic links encountered"},
    {EMFILE, "EMFILE", "too many open files"},
    {ENOSPC, "ENOSPC", "no space left on device"},
    {EROFS, "EROFS", "read-only file system"},
};

// Throws node's error for `err` from `syscall` on `path` (no path when empty).
Value ThrowErrno(Runtime& rt, int err, const char* syscall, const std::string& path) {
  std::string code = "UNKNOWN";
  std::string description = std::strerror(err);
  for (const ErrnoName& e : kErrnoNames) {
    if (e.number == err) {
      code = e.code;
      description = e.description;
    }
  }
  std::string message = code + ": " + description + ", " + syscall;
  if (!path.empty()) message += " '" + path + "'";
  tenure::HandleScope scope(rt.heap());
  Handle error = Handle::New(rt.heap(), rt.NewError(ErrorType::kError, message));
  SetDataProperty(rt, error, "errno", Value::FromSmi(-err));
  SetDataProperty(rt, error, "code", rt.NewString(code));
  SetDataProperty(rt, error, "syscall", rt.NewString(syscall));
  if (!path.empty()) SetDataProperty(rt, error, "path", rt.NewString(path));
  return rt.Throw(error.value());
}

std::string StringArg(Runtime& rt, Args args, int i) {
  Value v = args.get(i);
  return IsString(v) ? rt.ToStdString(v) : std::string();
}

// The bytes of a Buffer (builtins_buffer.cc keeps the malloc'd store's address as a Smi in
// internal[0] and the byte length in `length`).
std::string BufferBytes(Value buffer) {
  JSObject* b = buffer.As<JSObject>();
  const char* data = reinterpret_cast<const char*>(static_cast<uintptr_t>(b->internal[0].ToSmi()));
  return std::string(data, static_cast<size_t>(b->length.ToSmi()));
}

// A new Buffer holding `bytes`, made with the global Buffer.alloc. Empty on throw.
Value NewBufferWithBytes(Runtime& rt, const std::string& bytes) {
  tenure::HandleScope scope(rt.heap());
  Handle global = Handle::New(rt.heap(), rt.root(kRootGlobal));
  Handle key = Handle::New(rt.heap(), rt.Intern("Buffer"));
  Handle ctor = Handle::New(rt.heap(), rt.GetNamed(global, key));
  Handle alloc_key = Handle::New(rt.heap(), rt.Intern("alloc"));
  Handle alloc = Handle::New(rt.heap(), rt.GetNamed(ctor, alloc_key));
  Value size = Value::FromSmi(static_cast<int64_t>(bytes.size()));
  Value b = rt.Call(alloc, ctor, &size, 1);
  if (b.IsEmpty() || !IsKind(b, Kind::kBuffer)) return b;
  if (!bytes.empty()) {
    char* data = reinterpret_cast<char*>(static_cast<uintptr_t>(b.As<JSObject>()->internal[0].ToSmi()));
    std::memcpy(data, bytes.data(), bytes.size());
  }
  return b;
}

// Replaces every byte sequence that is not UTF-8 with U+FFFD (node's utf8 decoding).
std::string SanitizeUtf8(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n > 0 && i + n <= in.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
    if (ok && n == 2) ok = c >= 0xC2;
    if (ok && n == 3) {
      unsigned char c1 = static_cast<unsigned char>(in[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    }
    if (ok && n == 4) {
      unsigned char c1 = static_cast<unsigned char>(in[i + 1]);
      ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(in, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

// readFile(path, asString): the file's contents as a UTF-8 string or a Buffer.
TENURE_NATIVE(FsReadFile) {
  std::string path = StringArg(rt, args, 0);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ThrowErrno(rt, errno, "open", path);
  std::string bytes;
  char chunk[65536];
  while (true) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return ThrowErrno(rt, err, "read", "");
    }
    if (n == 0) break;
    bytes.append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
  if (Runtime::ToBoolean(args.get(1))) return rt.NewString(SanitizeUtf8(bytes));
  return NewBufferWithBytes(rt, bytes);
}

// writeFile(path, data (string or Buffer), append)
TENURE_NATIVE(FsWriteFile) {
  std::string path = StringArg(rt, args, 0);
  std::string data = IsKind(args.get(1), Kind::kBuffer) ? BufferBytes(args.get(1)) : StringArg(rt, args, 1);
  int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (Runtime::ToBoolean(args.get(2)) ? O_APPEND : O_TRUNC);
  int fd = ::open(path.c_str(), flags, 0666);
  if (fd < 0) return ThrowErrno(rt, errno, "open", path);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return ThrowErrno(rt, err, "write", "");
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  return kUndefined;
}

TENURE_NATIVE(FsExists) {
  struct stat st;
  return FromBool(IsString(args.get(0)) && ::stat(StringArg(rt, args, 0).c_str(), &st) == 0);
}

// readdir(path): entry names sorted by byte value (libuv's scandir order).
TENURE_NATIVE(FsReadDir) {
  std::string path = StringArg(rt, args, 0);
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) return ThrowErrno(rt, errno, "scandir", path);
  std::vector<std::string> names;
  while (struct dirent* entry = ::readdir(dir)) {
    std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  return NewStringArray(rt, names);
}

// mkdir(path, recursive, mode): with `recursive`, the first directory created (or undefined).
TENURE_NATIVE(FsMkdir) {
  std::string path = StringArg(rt, args, 0);
  bool recursive = Runtime::ToBoolean(args.get(1));
  mode_t mode = args.get(2).IsSmi() ? static_cast<mode_t>(args.get(2).ToSmi()) : 0777;
  if (!recursive) {
    if (::mkdir(path.c_str(), mode) != 0) return ThrowErrno(rt, errno, "mkdir", path);
    return kUndefined;
  }
  std::string first;
  for (size_t i = 1; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '/') continue;
    std::string prefix = path.substr(0, i);
    struct stat st;
    if (::stat(prefix.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) return ThrowErrno(rt, i == path.size() ? EEXIST : ENOTDIR, "mkdir", path);
      continue;
    }
    if (::mkdir(prefix.c_str(), mode) != 0 && errno != EEXIST) return ThrowErrno(rt, errno, "mkdir", path);
    if (first.empty()) first = prefix;
  }
  return first.empty() ? kUndefined : rt.NewString(first);
}

TENURE_NATIVE(FsUnlink) {
  std::string path = StringArg(rt, args, 0);
  if (::unlink(path.c_str()) != 0) return ThrowErrno(rt, errno, "unlink", path);
  return kUndefined;
}

TENURE_NATIVE(FsRmdir) {
  std::string path = StringArg(rt, args, 0);
  if (::rmdir(path.c_str()) != 0) return ThrowErrno(rt, errno, "rmdir", path);
  return kUndefined;
}

// mkdtemp(prefix): creates prefix + 6 random characters, returns the path.
TENURE_NATIVE(FsMkdtemp) {
  std::string templ = StringArg(rt, args, 0) + "XXXXXX";
  std::vector<char> buffer(templ.begin(), templ.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) return ThrowErrno(rt, errno, "mkdtemp", templ);
  return rt.NewString(buffer.data());
}

// stat(path, lstat): [mode, size, mtimeMs, kind] with kind 'file' | 'directory' | 'symlink' | 'other'.
TENURE_NATIVE(FsStat) {
  std::string path = StringArg(rt, args, 0);
  bool lstat = Runtime::ToBoolean(args.get(1));
  struct stat st;
  if ((lstat ? ::lstat(path.c_str(), &st) : ::stat(path.c_str(), &st)) != 0) {
    return ThrowErrno(rt, errno, lstat ? "lstat" : "stat", path);
  }
  const char* kind = S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "directory"
                   : S_ISLNK(st.st_mode) ? "symlink" : "other";
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  double mtime_ms = static_cast<double>(st.st_mtim.tv_sec) * 1000.0 + st.st_mtim.tv_nsec / 1e6;
  Value items[] = {Value::FromSmi(st.st_mode), rt.NewNumber(static_cast<double>(st.st_size)),
                   kUndefined, kUndefined};
  Handle mode = Handle::New(rt.heap(), items[0]);
  Handle size = Handle::New(rt.heap(), items[1]);
  Handle mtime = Handle::New(rt.heap(), rt.NewNumber(mtime_ms));
  Handle kind_value = Handle::New(rt.heap(), rt.NewString(kind));
  for (Handle* h : {&mode, &size, &mtime, &kind_value}) rt.ArrayPush(out, *h);
  return out.value();
}

TENURE_NATIVE(FsCwd) {
  char buffer[4096];
  if (::getcwd(buffer, sizeof buffer) == nullptr) return ThrowErrno(rt, errno, "uv_cwd", "");
  return rt.NewString(buffer);
}

}  // namespace

Value NewFsBinding(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle binding = Handle::New(rt.heap(), rt.NewPlainObject());
  rt.DefineNative(binding, "readFile", FsReadFile, 2);
  rt.DefineNative(binding, "writeFile", FsWriteFile, 3);
  rt.DefineNative(binding, "exists", FsExists, 1);
  rt.DefineNative(binding, "readdir", FsReadDir, 1);
  rt.DefineNative(binding, "mkdir", FsMkdir, 3);
  rt.DefineNative(binding, "unlink", FsUnlink, 1);
  rt.DefineNative(binding, "rmdir", FsRmdir, 1);
  rt.DefineNative(binding, "mkdtemp", FsMkdtemp, 1);
  rt.DefineNative(binding, "stat", FsStat, 2);
  rt.DefineNative(binding, "cwd", FsCwd, 0);
  return binding.value();
}

extern const char kFsModuleSource[] = R"JS('use strict';
const binding = require('%fs');
const internal = require('%internal');

function invalidType(name, value, expected) {
  return internal.invalidArgTypeError(name, expected, value);
}

function checkPath(p, name) {
  if (typeof p === 'string') return p;
  if (Buffer.isBuffer && Buffer.isBuffer(p)) return p.toString();
  throw invalidType(name || 'path', p, 'of type string or an instance of Buffer or URL');
}

function encodingOf(options) {
  if (typeof options === 'string') return options;
  if (options !== null && typeof options === 'object' && typeof options.encoding === 'string') return options.encoding;
  return null;
}

function readFileSync(path, options) {
  const encoding = encodingOf(options);
  const text = binding.readFile(checkPath(path), encoding !== null);
  return text;
}

function dataOf(data) {
  if (typeof data === 'string' || Buffer.isBuffer(data)) return data;
  throw invalidType('data', data, 'of type string or an instance of Buffer, TypedArray, or DataView');
}

function writeFileSync(path, data, options) {
  const flag = options !== null && typeof options === 'object' ? options.flag : undefined;
  binding.writeFile(checkPath(path), dataOf(data), flag === 'a');
}

function appendFileSync(path, data) {
  binding.writeFile(checkPath(path), dataOf(data), true);
}

function existsSync(path) {
  if (typeof path !== 'string' && !(Buffer.isBuffer && Buffer.isBuffer(path))) return false;
  return binding.exists(String(path));
}

function readdirSync(path) {
  return binding.readdir(checkPath(path));
}

function mkdirSync(path, options) {
  const recursive = options !== null && typeof options === 'object' && options.recursive === true;
  const mode = typeof options === 'number' ? options
    : options !== null && typeof options === 'object' && typeof options.mode === 'number' ? options.mode : 0o777;
  return binding.mkdir(checkPath(path), recursive, mode);
}

function unlinkSync(path) {
  binding.unlink(checkPath(path));
}

function rmdirSync(path) {
  binding.rmdir(checkPath(path));
}

// rmSync(path, { recursive, force }): files, and directories with `recursive`.
function rmSync(path, options) {
  const p = checkPath(path);
  const recursive = options !== null && typeof options === 'object' && options.recursive === true;
  const force = options !== null && typeof options === 'object' && options.force === true;
  let stats;
  try {
    stats = lstatSync(p);
  } catch (e) {
    if (force && e.code === 'ENOENT') return;
    throw e;
  }
  if (!stats.isDirectory()) return binding.unlink(p);
  if (!recursive) {
    throw internal.nodeError('Error', 'ERR_FS_EISDIR', 'Path is a directory: rm returned EISDIR (is a directory) ' + p);
  }
  for (const name of binding.readdir(p)) rmSync(p + '/' + name, { recursive: true, force });
  binding.rmdir(p);
}

function mkdtempSync(prefix) {
  return binding.mkdtemp(checkPath(prefix, 'prefix'));
}

class Stats {
  constructor(record) {
    this.mode = record[0];
    this.size = record[1];
    this.mtimeMs = record[2];
    this.mtime = new Date(record[2]);
    Object.defineProperty(this, '_kind', { value: record[3], enumerable: false });
  }
  isFile() { return this._kind === 'file'; }
  isDirectory() { return this._kind === 'directory'; }
  isSymbolicLink() { return this._kind === 'symlink'; }
}

function statSync(path, options) {
  try {
    return new Stats(binding.stat(checkPath(path), false));
  } catch (e) {
    if (options && options.throwIfNoEntry === false && e.code === 'ENOENT') return undefined;
    throw e;
  }
}

function lstatSync(path) {
  return new Stats(binding.stat(checkPath(path), true));
}

module.exports = {
  readFileSync, writeFileSync, appendFileSync, existsSync, readdirSync, mkdirSync, unlinkSync,
  rmdirSync, rmSync, mkdtempSync, statSync, lstatSync, Stats,
};
)JS";

}  // namespace tenure::js
