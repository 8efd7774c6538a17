// Buffer: node's byte array whose bytes live OUTSIDE the managed heap.
//
// A Buffer is a JSObject (Kind::kBuffer) with length = Smi byte count and internal[0] = Smi
// address of a malloc'd backing store (a Smi, so the GC never follows it). Each store has a
// BackingStore record holding a weak Global to its Buffer; the heap's weak-global callback (run
// after the GC that found the Buffer dead, never during it) frees the bytes and lowers the heap's
// external-memory counter. So process.memoryUsage().external / .arrayBuffers rise with live
// Buffers and fall once they die and a GC ran; growing external memory also pushes the heap
// towards a full GC (Heap::AdjustExternalMemory). Encodings: utf8 (the runtime's own string
// encoding), hex, base64 (RFC 4648 §4 alphabet, padding optional on input), latin1/binary, ascii.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "builtins.h"
#include "builtins_typed_array.h"

namespace tenure::js {

struct BackingStore {
  uint8_t* data = nullptr;
  size_t size = 0;
  tenure::Global<> owner;
  BuiltinsState* state = nullptr;
};

namespace {

constexpr size_t kMaxBufferLength = size_t{1} << 32;  // node 20: buffer.constants.MAX_LENGTH
constexpr size_t kInspectMaxBytes = 50;                // node: buffer.INSPECT_MAX_BYTES
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void FreeStore(BackingStore* store) {
  std::free(store->data);
  store->state->store_bytes -= store->size;
  store->state->stores.erase(store);
  store->state->runtime.heap().AdjustExternalMemory(-static_cast<int64_t>(store->size));
  delete store;
}

void OnBufferDead(const tenure::WeakCallbackInfo& info) {
  BackingStore* store = static_cast<BackingStore*>(info.parameter);
  store->owner.Reset();
  FreeStore(store);
}

// A new zero-filled Buffer of `size` bytes over its own ArrayBuffer (may GC).
Value NewBuffer(Runtime& rt, size_t size) {
  if (size > kMaxBufferLength) {
    return rt.ThrowError(ErrorType::kRangeError, "The value of \"size\" is out of range.");
  }
  tenure::HandleScope scope(rt.heap());
  Handle store = Handle::New(rt.heap(), NewArrayBuffer(rt, size));
  if (store.value().IsEmpty()) return Value();
  Handle proto = Handle::New(rt.heap(), rt.root(kRootBufferPrototype));
  return NewView(rt, Kind::kBuffer, proto, store, ElementType::kUint8, 0, size);
}

std::string Encoding(Runtime& rt, Value v, bool* ok) {
  *ok = true;
  if (v == kUndefined) return "utf8";
  std::string e = IsString(v) ? rt.ToStdString(v) : std::string("?");
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (e == "utf-8") e = "utf8";
  if (e == "binary") e = "latin1";
  if (e == "utf8" || e == "hex" || e == "base64" || e == "latin1" || e == "ascii") return e;
  *ok = false;
  rt.ThrowTypeError("Unknown encoding: " + (IsString(v) ? rt.ToStdString(v) : rt.Inspect(Handle::FromSlot(&v))));
  return e;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes `text` (node semantics: hex stops at the first invalid pair; base64 skips characters
// outside the alphabet and stops at '=').
std::string Decode(std::string_view text, const std::string& encoding) {
  std::string out;
  if (encoding == "hex") {
    for (size_t i = 0; i + 1 < text.size(); i += 2) {
      int hi = HexDigit(text[i]), lo = HexDigit(text[i + 1]);
      if (hi < 0 || lo < 0) break;
      out.push_back(static_cast<char>(hi * 16 + lo));
    }
  } else if (encoding == "base64") {
    uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
      if (c == '=') break;
      const char* p = c == '-' ? kBase64 + 62 : c == '_' ? kBase64 + 63 : std::strchr(kBase64, c);
      if (p == nullptr || c == '\0') continue;
      acc = (acc << 6) | static_cast<uint32_t>(p - kBase64);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push_back(static_cast<char>((acc >> bits) & 0xff));
      }
    }
  } else if (encoding == "latin1" || encoding == "ascii") {
    // The runtime's strings are UTF-8: each code point below 256 becomes one byte.
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 0xC0 && c < 0xE0 && i + 1 < text.size()) {
        out.push_back(static_cast<char>(((c & 0x1f) << 6) | (text[++i] & 0x3f)));
      } else {
        out.push_back(static_cast<char>(c));
      }
    }
  } else {
    out.assign(text);
  }
  return out;
}

// Valid UTF-8 copied as is; every byte of an invalid sequence becomes U+FFFD (as node's decoder).
std::string Utf8Sanitized(const uint8_t* p, size_t n) {
  std::string out;
  for (size_t i = 0; i < n;) {
    uint8_t c = p[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool valid = len > 0 && i + len <= n;
    for (size_t k = 1; valid && k < len; ++k) valid = (p[i + k] & 0xC0) == 0x80;
    if (valid && len == 2) valid = c >= 0xC2;
    if (valid && len == 3) valid = !(c == 0xE0 && p[i + 1] < 0xA0) && !(c == 0xED && p[i + 1] >= 0xA0);
    if (valid && len == 4) valid = !(c == 0xF0 && p[i + 1] < 0x90) && !(c == 0xF4 && p[i + 1] >= 0x90) && c <= 0xF4;
    if (!valid) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(reinterpret_cast<const char*>(p + i), len);
    i += len;
  }
  return out;
}

std::string Encode(const uint8_t* p, size_t n, const std::string& encoding) {
  std::string out;
  if (encoding == "hex") {
    static const char kHex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; ++i) {
      out.push_back(kHex[p[i] >> 4]);
      out.push_back(kHex[p[i] & 15]);
    }
  } else if (encoding == "base64") {
    for (size_t i = 0; i < n; i += 3) {
      uint32_t v = static_cast<uint32_t>(p[i]) << 16;
      if (i + 1 < n) v |= static_cast<uint32_t>(p[i + 1]) << 8;
      if (i + 2 < n) v |= p[i + 2];
      out.push_back(kBase64[(v >> 18) & 63]);
      out.push_back(kBase64[(v >> 12) & 63]);
      out.push_back(i + 1 < n ? kBase64[(v >> 6) & 63] : '=');
      out.push_back(i + 2 < n ? kBase64[v & 63] : '=');
    }
  } else if (encoding == "latin1" || encoding == "ascii") {
    for (size_t i = 0; i < n; ++i) {
      uint8_t c = encoding == "ascii" ? (p[i] & 0x7f) : p[i];
      if (c < 0x80) {
        out.push_back(static_cast<char>(c));
      } else {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
      }
    }
  } else {
    out = Utf8Sanitized(p, n);
  }
  return out;
}

Value BufferFromBytes(Runtime& rt, std::string_view bytes) {
  std::string copy(bytes);  // `bytes` may view a heap string; NewBuffer allocates
  Value b = NewBuffer(rt, copy.size());
  if (!b.IsEmpty() && !copy.empty()) std::memcpy(ViewData(b), copy.data(), copy.size());
  return b;
}

bool CheckBuffer(Runtime& rt, Handle self, const char* method) {
  if (IsKind(self.value(), Kind::kBuffer)) return true;
  rt.ThrowTypeError(std::string("argument must be a buffer (Buffer.prototype.") + method + ")");
  return false;
}

// node's errors with a `code` (lib/internal/errors.js): ERR_OUT_OF_RANGE, ERR_INVALID_ARG_TYPE,
// ERR_BUFFER_OUT_OF_BOUNDS.
Value ThrowCoded(Runtime& rt, ErrorType type, const char* code, const std::string& message) {
  return rt.Throw(NewNodeError(rt, type, code, message));
}

// How node's ERR_OUT_OF_RANGE shows the received number: an integer beyond 2^32 with `_`
// between groups of three digits (addNumericalSeparator), anything else as util.inspect does.
std::string OutOfRangeReceived(double d) {
  if (d == 0 && std::signbit(d)) return "-0";
  std::string text = Runtime::NumberToString(d);
  if (d != std::trunc(d) || std::fabs(d) <= 4294967296.0 || text.find_first_of("e.") != std::string::npos) return text;
  size_t digits_start = d < 0 ? 1 : 0;
  for (size_t i = text.size(); i > digits_start + 3; i -= 3) text.insert(i - 3, "_");
  return text;
}

// node's checkBounds for read*/write*: `offset` (default 0) an integer in [0, length - size].
bool CheckOffset(Runtime& rt, Args args, int i, size_t length, size_t size, size_t* out) {
  Value v = args.get(i);
  if (v == kUndefined) v = Value::FromSmi(0);
  if (!IsNumber(v)) {
    ThrowCoded(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
               "The \"offset\" argument must be of type number. " + DescribeReceivedValue(rt, args.at(i)));
    return false;
  }
  double d = NumberValue(v);
  std::string received = OutOfRangeReceived(d);
  if (d != std::trunc(d) || std::isnan(d)) {
    ThrowCoded(rt, ErrorType::kRangeError, "ERR_OUT_OF_RANGE",
               "The value of \"offset\" is out of range. It must be an integer. Received " + received);
    return false;
  }
  if (length < size) {
    ThrowCoded(rt, ErrorType::kRangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds");
    return false;
  }
  if (d < 0 || d > static_cast<double>(length - size)) {
    ThrowCoded(rt, ErrorType::kRangeError, "ERR_OUT_OF_RANGE",
               "The value of \"offset\" is out of range. It must be >= 0 and <= " + std::to_string(length - size) +
                   ". Received " + received);
    return false;
  }
  *out = static_cast<size_t>(d);
  return true;
}

// buf.readUInt8 / readInt16LE / readDoubleBE / ...(offset = 0).
template <ElementType kType, bool kBigEndian>
Value BufferRead(Runtime& rt, Handle self, Args args) {
  if (!CheckBuffer(rt, self, "read")) return Value();
  size_t size = ElementSize(kType), offset = 0;
  if (!CheckOffset(rt, args, 0, ViewLength(self.value()), size, &offset)) return Value();
  uint8_t bytes[8];
  CopyBytesOrdered(bytes, ViewData(self.value()) + offset, size, kBigEndian);
  return rt.NewNumber(ReadElement(bytes, kType));
}

// buf.writeUInt8 / writeInt32LE / writeDoubleLE / ...(value, offset = 0): offset + size.
// Integer types check the value's range as node's checkInt does.
template <ElementType kType, bool kBigEndian>
Value BufferWrite(Runtime& rt, Handle self, Args args) {
  if (!CheckBuffer(rt, self, "write")) return Value();
  double value = 0;
  if (!ArgNumber(rt, args, 0, &value)) return Value();
  size_t size = ElementSize(kType), offset = 0;
  if (!CheckOffset(rt, args, 1, ViewLength(self.value()), size, &offset)) return Value();
  if (kType != ElementType::kFloat32 && kType != ElementType::kFloat64) {
    bool is_signed = kType == ElementType::kInt8 || kType == ElementType::kInt16 || kType == ElementType::kInt32;
    double max = std::ldexp(1.0, static_cast<int>(size * 8) - (is_signed ? 1 : 0)) - 1;
    double min = is_signed ? -max - 1 : 0;
    if (!(value >= min && value <= max)) {
      return ThrowCoded(rt, ErrorType::kRangeError, "ERR_OUT_OF_RANGE",
                        "The value of \"value\" is out of range. It must be >= " + Runtime::NumberToString(min) +
                            " and <= " + Runtime::NumberToString(max) + ". Received " + Runtime::NumberToString(value));
    }
  }
  uint8_t bytes[8];
  WriteElement(bytes, kType, value);
  CopyBytesOrdered(ViewData(self.value()) + offset, bytes, size, kBigEndian);
  return rt.NewNumber(static_cast<double>(offset + size));
}

// An integer argument clamped to [0, length] (toString/copy/fill ranges); `fallback` if undefined.
bool ClampedArg(Runtime& rt, Args args, int i, size_t length, size_t fallback, size_t* out) {
  double d = 0;
  if (args.get(i) == kUndefined) d = static_cast<double>(fallback);
  else if (!ArgInteger(rt, args, i, &d)) return false;
  *out = d <= 0 ? 0 : d >= static_cast<double>(length) ? length : static_cast<size_t>(d);
  return true;
}

// Bytes of a Buffer/Uint8Array argument (copied: the caller may allocate).
bool ViewBytesArg(Value v, std::string* out) {
  if (!IsView(v) || ElementSize(ViewType(v)) != 1) return false;
  out->assign(reinterpret_cast<const char*>(ViewData(v)), ViewLength(v));
  return true;
}

// Buffer.concat(list[, totalLength]): a new Buffer with the bytes of every Buffer/Uint8Array.
TENURE_NATIVE(BufferConcat) {
  if (!IsKind(args.get(0), Kind::kArray)) {
    return ThrowCoded(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                      "The \"list\" argument must be an instance of Array. " + DescribeReceivedValue(rt, args.at(0)));
  }
  std::string bytes;
  for (int64_t i = 0; i < Runtime::ArrayLength(args.get(0)); ++i) {
    std::string part;
    Value item = rt.ArrayGet(args.get(0).As<JSObject>(), i);
    if (!ViewBytesArg(item, &part)) {
      tenure::HandleScope scope(rt.heap());
      Handle h = Handle::New(rt.heap(), item);
      return ThrowCoded(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                        "The \"list[" + std::to_string(i) + "]\" argument must be an instance of Buffer or Uint8Array. " +
                            DescribeReceivedValue(rt, h));
    }
    bytes += part;
  }
  if (args.get(1) != kUndefined) {
    double total = 0;
    if (!ArgInteger(rt, args, 1, &total)) return Value();
    bytes.resize(total > 0 ? static_cast<size_t>(total) : 0, '\0');
  }
  return BufferFromBytes(rt, bytes);
}

// buf.copy(target[, targetStart[, sourceStart[, sourceEnd]]]): bytes copied (overlap-safe).
TENURE_NATIVE(BufferCopy) {
  if (!CheckBuffer(rt, self, "copy")) return Value();
  std::string ignored;
  if (!IsView(args.get(0))) {
    return ThrowCoded(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                      "The \"target\" argument must be an instance of Buffer or Uint8Array. " +
                          DescribeReceivedValue(rt, args.at(0)));
  }
  size_t source_length = ViewLength(self.value());
  size_t target_length = ViewLength(args.get(0)) * ElementSize(ViewType(args.get(0)));
  size_t target_start = 0, source_start = 0, source_end = 0;
  if (!ClampedArg(rt, args, 1, target_length, 0, &target_start) ||
      !ClampedArg(rt, args, 2, source_length, 0, &source_start) ||
      !ClampedArg(rt, args, 3, source_length, source_length, &source_end)) {
    return Value();
  }
  size_t n = source_end > source_start ? source_end - source_start : 0;
  n = std::min(n, target_length - target_start);
  std::memmove(ViewData(args.get(0)) + target_start, ViewData(self.value()) + source_start, n);
  return Value::FromSmi(static_cast<int64_t>(n));
}

// The bytes a fill/indexOf argument stands for: a string in `encoding`, a view's bytes, or a
// number's low byte (node: value & 255).
bool PatternBytes(Runtime& rt, Args args, int value_index, int encoding_index, std::string* out) {
  Value v = args.get(value_index);
  if (IsString(v)) {
    bool ok = true;
    std::string enc = Encoding(rt, args.get(encoding_index), &ok);
    if (!ok) return false;
    *out = Decode(args.get(value_index).As<String>()->view(), enc);
    return true;
  }
  if (ViewBytesArg(v, out)) return true;
  double d = 0;
  if (!ArgNumber(rt, args, value_index, &d)) return false;
  uint8_t byte = 0;
  WriteElement(&byte, ElementType::kUint8, d);
  out->assign(1, static_cast<char>(byte));
  return true;
}

// buf.fill(value[, offset[, end]][, encoding]): repeats the pattern over [offset, end).
TENURE_NATIVE(BufferFill) {
  if (!CheckBuffer(rt, self, "fill")) return Value();
  size_t length = ViewLength(self.value()), start = 0, end = length;
  int encoding_index = IsString(args.get(1)) ? 1 : IsString(args.get(2)) ? 2 : 3;
  if (encoding_index > 1 && !ClampedArg(rt, args, 1, length, 0, &start)) return Value();
  if (encoding_index > 2 && !ClampedArg(rt, args, 2, length, length, &end)) return Value();
  std::string pattern;
  if (!PatternBytes(rt, args, 0, encoding_index, &pattern)) return Value();
  if (pattern.empty()) pattern.assign(1, '\0');
  for (size_t i = start; i < end; ++i) ViewData(self.value())[i] = static_cast<uint8_t>(pattern[(i - start) % pattern.size()]);
  return self.value();
}

// buf.indexOf(value[, byteOffset][, encoding]) (negative offsets count from the end).
int64_t BufferSearch(Runtime& rt, Handle self, Args args, bool* ok) {
  *ok = false;
  size_t length = ViewLength(self.value());
  double from = 0;
  int encoding_index = IsString(args.get(1)) ? 1 : 2;
  if (encoding_index == 2 && args.get(1) != kUndefined && !ArgInteger(rt, args, 1, &from)) return -1;
  if (from < 0) from = std::max(0.0, static_cast<double>(length) + from);
  std::string needle;
  if (!PatternBytes(rt, args, 0, encoding_index, &needle)) return -1;
  *ok = true;
  std::string_view hay(reinterpret_cast<const char*>(ViewData(self.value())), length);
  if (from > static_cast<double>(length)) return needle.empty() ? static_cast<int64_t>(length) : -1;
  size_t at = hay.find(needle, static_cast<size_t>(from));
  return at == std::string_view::npos ? -1 : static_cast<int64_t>(at);
}
TENURE_NATIVE(BufferIndexOf) {
  if (!CheckBuffer(rt, self, "indexOf")) return Value();
  bool ok = false;
  int64_t at = BufferSearch(rt, self, args, &ok);
  return ok ? Value::FromSmi(at) : Value();
}
TENURE_NATIVE(BufferIncludes) {
  if (!CheckBuffer(rt, self, "includes")) return Value();
  bool ok = false;
  int64_t at = BufferSearch(rt, self, args, &ok);
  return ok ? FromBool(at >= 0) : Value();
}

// buf.write(string[, offset[, length]][, encoding]): bytes written; a UTF-8 character that does
// not fit whole is not written (as node).
TENURE_NATIVE(BufferWriteString) {
  if (!CheckBuffer(rt, self, "write")) return Value();
  if (!IsString(args.get(0))) {
    return ThrowCoded(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                      "The \"string\" argument must be of type string. " + DescribeReceivedValue(rt, args.at(0)));
  }
  size_t length = ViewLength(self.value()), offset = 0, max = 0;
  int encoding_index = IsString(args.get(1)) ? 1 : IsString(args.get(2)) ? 2 : 3;
  if (encoding_index > 1 && !ClampedArg(rt, args, 1, length, 0, &offset)) return Value();
  if (!ClampedArg(rt, args, 2, length - offset, length - offset, &max)) return Value();
  if (encoding_index <= 2) max = length - offset;
  bool ok = true;
  std::string enc = Encoding(rt, args.get(encoding_index), &ok);
  if (!ok) return Value();
  std::string bytes = Decode(args.get(0).As<String>()->view(), enc);
  size_t n = std::min(bytes.size(), max);
  if (enc == "utf8") {
    while (n > 0 && n < bytes.size() && (static_cast<uint8_t>(bytes[n]) & 0xC0) == 0x80) --n;
  }
  std::memcpy(ViewData(self.value()) + offset, bytes.data(), n);
  return Value::FromSmi(static_cast<int64_t>(n));
}

}  // namespace

// The one owner of backing stores: ArrayBuffers (and through them typed arrays and Buffers).
Value NewArrayBuffer(Runtime& rt, size_t size) {
  if (size > kMaxBufferLength) return rt.ThrowError(ErrorType::kRangeError, "Array buffer allocation failed");
  tenure::HandleScope scope(rt.heap());
  BuiltinsState& state = EnsureBuiltinsState(rt);
  uint8_t* data = static_cast<uint8_t*>(std::calloc(size == 0 ? 1 : size, 1));
  if (data == nullptr) return rt.ThrowError(ErrorType::kRangeError, "Array buffer allocation failed");
  Handle proto = Handle::New(rt.heap(), rt.root(kRootTypedArrayPrototypes).As<FixedArray>()->items()[kArrayBufferProtoSlot]);
  Handle buffer = Handle::New(rt.heap(), rt.NewObject(proto, Kind::kArrayBuffer));
  JSObject* o = buffer.value().As<JSObject>();
  o->internal[0] = Value::FromSmi(static_cast<int64_t>(reinterpret_cast<uintptr_t>(data)));
  o->length = Value::FromSmi(static_cast<int64_t>(size));
  auto* store = new BackingStore{data, size, tenure::Global<>(rt.heap(), buffer.value()), &state};
  store->owner.SetWeak(store, OnBufferDead);
  state.stores.insert(store);
  state.store_bytes += size;
  rt.heap().AdjustExternalMemory(static_cast<int64_t>(size));  // may run a GC; buffer is rooted
  return buffer.value();
}

std::string InspectBuffer(Value buffer) {
  return "<Buffer " + InspectBytes(ViewData(buffer), ViewLength(buffer), kInspectMaxBytes) + ">";
}

size_t BufferBytesInUse(Runtime& rt) { return EnsureBuiltinsState(rt).store_bytes; }

TENURE_NATIVE(BufferAlloc) {
  double n = 0;
  if (!IsNumber(args.get(0))) {
    return ThrowCoded(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                      "The \"size\" argument must be of type number. " + DescribeReceivedValue(rt, args.at(0)));
  }
  n = NumberValue(args.get(0));
  if (!(n >= 0) || n > static_cast<double>(kMaxBufferLength)) {
    return ThrowCoded(rt, ErrorType::kRangeError, "ERR_OUT_OF_RANGE",
                      "The value of \"size\" is out of range. It must be >= 0 && <= " +
                          std::to_string(kMaxBufferLength) + ". Received " + OutOfRangeReceived(n));
  }
  tenure::HandleScope scope(rt.heap());
  Handle b = Handle::New(rt.heap(), NewBuffer(rt, static_cast<size_t>(n)));
  if (b.value().IsEmpty()) return Value();
  size_t size = ViewLength(b.value());
  Value fill = args.get(1);
  if (IsNumber(fill)) {
    double f = NumberValue(fill);
    int64_t byte = std::isfinite(f) ? static_cast<int64_t>(std::fmod(std::trunc(f), 256.0)) : 0;
    std::memset(ViewData(b.value()), static_cast<int>(byte < 0 ? byte + 256 : byte), size);
  } else if (IsString(fill)) {
    bool ok = true;
    std::string enc = Encoding(rt, args.get(2), &ok);
    if (!ok) return Value();
    std::string pattern = Decode(fill.As<String>()->view(), enc);
    for (size_t i = 0; !pattern.empty() && i < size; ++i) ViewData(b.value())[i] = pattern[i % pattern.size()];
  }
  return b.value();
}

// Buffer.allocUnsafe / allocUnsafeSlow(size): node leaves the bytes uninitialized; tenure's
// buffers are always zero-filled, which is one of the contents node allows.
TENURE_NATIVE(BufferAllocUnsafe) {
  Args size_only{args.base, args.count > 0 ? 1 : 0};
  return BufferAlloc(rt, self, size_only);
}

namespace {

// buf.toJSON(): { type: 'Buffer', data: [bytes...] } (what JSON.stringify shows).
TENURE_NATIVE(BufferToJSON) {
  if (!CheckBuffer(rt, self, "toJSON")) return Value();
  tenure::HandleScope scope(rt.heap());
  Handle data = Handle::New(rt.heap(), rt.NewArray(static_cast<int64_t>(ViewLength(self.value()))));
  for (size_t i = 0; i < ViewLength(self.value()); ++i) {
    Handle byte = Handle::New(rt.heap(), Value::FromSmi(ViewData(self.value())[i]));
    if (!rt.ArrayPush(data, byte)) return Value();
  }
  Handle result = Handle::New(rt.heap(), rt.NewPlainObject());
  SetDataProperty(rt, result, "type", rt.NewString("Buffer"));
  SetDataProperty(rt, result, "data", data.value());
  return result.value();
}

// Buffer.from(arrayBuffer[, byteOffset[, length]]): a Buffer sharing the ArrayBuffer's memory.
Value BufferOverArrayBuffer(Runtime& rt, Args args) {
  size_t buffer_length = ArrayBufferLength(args.get(0));
  double offset = 0;
  if (!ArgInteger(rt, args, 1, &offset)) return Value();
  if (offset < 0 || offset > static_cast<double>(buffer_length)) {
    return ThrowCoded(rt, ErrorType::kRangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "\"offset\" is outside of buffer bounds");
  }
  double length = static_cast<double>(buffer_length) - offset;
  if (args.get(2) != kUndefined) {
    if (!ArgInteger(rt, args, 2, &length)) return Value();
    if (length < 0) length = 0;
    if (offset + length > static_cast<double>(buffer_length)) {
      return ThrowCoded(rt, ErrorType::kRangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "\"length\" is outside of buffer bounds");
    }
  }
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(kRootBufferPrototype));
  return NewView(rt, Kind::kBuffer, proto, args.at(0), ElementType::kUint8, static_cast<size_t>(offset),
                 static_cast<size_t>(length));
}

}  // namespace

TENURE_NATIVE(BufferFrom) {
  Value src = args.get(0);
  tenure::HandleScope scope(rt.heap());
  if (IsString(src)) {
    bool ok = true;
    std::string enc = Encoding(rt, args.get(1), &ok);
    if (!ok) return Value();
    return BufferFromBytes(rt, Decode(src.As<String>()->view(), enc));
  }
  if (IsKind(src, Kind::kArrayBuffer)) return BufferOverArrayBuffer(rt, args);
  if (IsKind(src, Kind::kArray) || IsView(src)) {  // element values modulo 2^8 (views: copied)
    int64_t n = IsView(src) ? static_cast<int64_t>(ViewLength(src)) : Runtime::ArrayLength(src);
    Handle b = Handle::New(rt.heap(), NewBuffer(rt, static_cast<size_t>(n)));
    if (b.value().IsEmpty()) return Value();
    for (int64_t i = 0; i < n; ++i) {
      Value v = args.get(0);
      Handle item = Handle::New(rt.heap(), IsView(v) ? ViewGetIndex(rt, v, i) : rt.ArrayGet(v.As<JSObject>(), i));
      if (!ViewSetIndex(rt, b, i, item)) return Value();
    }
    return b.value();
  }
  return rt.ThrowTypeError(
      "The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an "
      "Array-like Object. Received " + rt.Inspect(args.at(0)));
}

TENURE_NATIVE(BufferByteLength) {
  Value v = args.get(0);
  if (IsView(v)) return rt.NewNumber(static_cast<double>(ViewLength(v) * ElementSize(ViewType(v))));
  if (IsKind(v, Kind::kArrayBuffer)) return rt.NewNumber(static_cast<double>(ArrayBufferLength(v)));
  if (!IsString(v)) {
    return rt.ThrowTypeError("The \"string\" argument must be of type string or an instance of Buffer or "
                             "ArrayBuffer. Received " + rt.Inspect(args.at(0)));
  }
  bool ok = true;
  std::string enc = Encoding(rt, args.get(1), &ok);
  if (!ok) return Value();
  return Value::FromSmi(static_cast<int64_t>(Decode(args.get(0).As<String>()->view(), enc).size()));
}

TENURE_NATIVE(BufferIsBuffer) { return FromBool(IsKind(args.get(0), Kind::kBuffer)); }

TENURE_NATIVE(BufferToString) {
  if (!CheckBuffer(rt, self, "toString")) return Value();
  bool ok = true;
  std::string enc = Encoding(rt, args.get(0), &ok);
  if (!ok) return Value();
  size_t length = ViewLength(self.value()), start = 0, end = 0;
  if (!ClampedArg(rt, args, 1, length, 0, &start) || !ClampedArg(rt, args, 2, length, length, &end)) return Value();
  std::string bytes(reinterpret_cast<const char*>(ViewData(self.value())) + start, end > start ? end - start : 0);
  return rt.NewString(Encode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), enc));
}

TENURE_NATIVE(BufferEquals) {
  if (!CheckBuffer(rt, self, "equals")) return Value();
  Value other = args.get(0);
  std::string theirs;
  if (!ViewBytesArg(other, &theirs)) {
    return ThrowCoded(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                      "The \"otherBuffer\" argument must be an instance of Buffer or Uint8Array. " +
                          DescribeReceivedValue(rt, args.at(0)));
  }
  size_t n = ViewLength(self.value());
  return FromBool(n == theirs.size() && std::memcmp(ViewData(self.value()), theirs.data(), n) == 0);
}

TENURE_NATIVE(BufferConstructor) {
  return rt.ThrowTypeError("tenure: use Buffer.alloc() or Buffer.from() (the Buffer() constructor is deprecated)");
}

void ReleaseBackingStores(BuiltinsState& state) {
  std::unordered_set<BackingStore*> remaining;
  remaining.swap(state.stores);
  for (BackingStore* store : remaining) {
    store->owner.Reset();
    std::free(store->data);
    delete store;
  }
  state.store_bytes = 0;
}

namespace {

// read*/write* for every integer and float width; node has both UInt and Uint spellings.
void InstallBufferAccessors(Runtime& rt, Handle proto) {
  struct Accessor {
    const char* name;
    NativeFn read;
    NativeFn write;
  };
  using T = ElementType;
  static const Accessor kAccessors[] = {
      {"Int8", BufferRead<T::kInt8, false>, BufferWrite<T::kInt8, false>},
      {"UInt8", BufferRead<T::kUint8, false>, BufferWrite<T::kUint8, false>},
      {"Int16LE", BufferRead<T::kInt16, false>, BufferWrite<T::kInt16, false>},
      {"Int16BE", BufferRead<T::kInt16, true>, BufferWrite<T::kInt16, true>},
      {"UInt16LE", BufferRead<T::kUint16, false>, BufferWrite<T::kUint16, false>},
      {"UInt16BE", BufferRead<T::kUint16, true>, BufferWrite<T::kUint16, true>},
      {"Int32LE", BufferRead<T::kInt32, false>, BufferWrite<T::kInt32, false>},
      {"Int32BE", BufferRead<T::kInt32, true>, BufferWrite<T::kInt32, true>},
      {"UInt32LE", BufferRead<T::kUint32, false>, BufferWrite<T::kUint32, false>},
      {"UInt32BE", BufferRead<T::kUint32, true>, BufferWrite<T::kUint32, true>},
      {"FloatLE", BufferRead<T::kFloat32, false>, BufferWrite<T::kFloat32, false>},
      {"FloatBE", BufferRead<T::kFloat32, true>, BufferWrite<T::kFloat32, true>},
      {"DoubleLE", BufferRead<T::kFloat64, false>, BufferWrite<T::kFloat64, false>},
      {"DoubleBE", BufferRead<T::kFloat64, true>, BufferWrite<T::kFloat64, true>},
  };
  for (const Accessor& a : kAccessors) {
    std::string name = a.name;
    rt.DefineNative(proto, "read" + name, a.read, 1);
    rt.DefineNative(proto, "write" + name, a.write, 2);
    if (name.rfind("UInt", 0) == 0) {
      rt.DefineNative(proto, "readUint" + name.substr(4), a.read, 1);
      rt.DefineNative(proto, "writeUint" + name.substr(4), a.write, 2);
    }
  }
}

}  // namespace

void InstallBufferBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  InstallTypedArrayBuiltins(rt, global);
  Handle uint8_proto = Handle::New(heap, TypedArrayPrototype(rt, ElementType::kUint8));
  Handle proto = Handle::New(heap, rt.NewObject(uint8_proto));  // Buffer.prototype -> Uint8Array.prototype
  rt.set_root(kRootBufferPrototype, proto.value());
  Handle ctor = Handle::New(heap, InstallConstructor(rt, global, "Buffer", BufferConstructor, 2, proto));
  rt.DefineNative(ctor, "alloc", BufferAlloc, 3);
  rt.DefineNative(ctor, "allocUnsafe", BufferAllocUnsafe, 1);
  rt.DefineNative(ctor, "allocUnsafeSlow", BufferAllocUnsafe, 1);
  rt.DefineNative(ctor, "from", BufferFrom, 3);
  rt.DefineNative(ctor, "byteLength", BufferByteLength, 2);
  rt.DefineNative(ctor, "isBuffer", BufferIsBuffer, 1);
  rt.DefineNative(ctor, "concat", BufferConcat, 2);
  rt.DefineNative(proto, "toString", BufferToString, 3);
  rt.DefineNative(proto, "equals", BufferEquals, 1);
  rt.DefineNative(proto, "slice", TypedArraySubarray, 2);  // node: shares memory, like subarray
  rt.DefineNative(proto, "copy", BufferCopy, 4);
  rt.DefineNative(proto, "fill", BufferFill, 4);
  rt.DefineNative(proto, "indexOf", BufferIndexOf, 3);
  rt.DefineNative(proto, "includes", BufferIncludes, 3);
  rt.DefineNative(proto, "write", BufferWriteString, 4);
  rt.DefineNative(proto, "toJSON", BufferToJSON, 0);
  InstallBufferAccessors(rt, proto);
}

}  // namespace tenure::js
