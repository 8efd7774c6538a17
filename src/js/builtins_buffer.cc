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
    return rt.ThrowTypeError("The \"size\" argument must be of type number. Received " + rt.Inspect(args.at(0)));
  }
  n = NumberValue(args.get(0));
  if (!(n >= 0) || n > static_cast<double>(kMaxBufferLength)) {
    return rt.ThrowError(ErrorType::kRangeError, "The value of \"size\" is out of range.");
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

TENURE_NATIVE(BufferFrom) {
  Value src = args.get(0);
  tenure::HandleScope scope(rt.heap());
  if (IsString(src)) {
    bool ok = true;
    std::string enc = Encoding(rt, args.get(1), &ok);
    if (!ok) return Value();
    return BufferFromBytes(rt, Decode(src.As<String>()->view(), enc));
  }
  if (IsKind(src, Kind::kBuffer)) {
    std::string bytes(reinterpret_cast<const char*>(ViewData(src)), ViewLength(src));
    return BufferFromBytes(rt, bytes);
  }
  if (IsKind(src, Kind::kArray)) {
    int64_t n = Runtime::ArrayLength(src);
    Handle b = Handle::New(rt.heap(), NewBuffer(rt, static_cast<size_t>(n)));
    if (b.value().IsEmpty()) return Value();
    for (int64_t i = 0; i < n; ++i) {
      Handle item = Handle::New(rt.heap(), rt.ArrayGet(args.at(0).value().As<JSObject>(), i));
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
  if (IsKind(v, Kind::kBuffer)) return Value::FromSmi(static_cast<int64_t>(ViewLength(v)));
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
  return rt.NewString(Encode(ViewData(self.value()), ViewLength(self.value()), enc));
}

TENURE_NATIVE(BufferEquals) {
  if (!CheckBuffer(rt, self, "equals")) return Value();
  Value other = args.get(0);
  if (!IsKind(other, Kind::kBuffer)) {
    return rt.ThrowTypeError("The \"otherBuffer\" argument must be an instance of Buffer or Uint8Array. Received " +
                             rt.Inspect(args.at(0)));
  }
  size_t n = ViewLength(self.value());
  return FromBool(n == ViewLength(other) && std::memcmp(ViewData(self.value()), ViewData(other), n) == 0);
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

void InstallBufferBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  InstallTypedArrayBuiltins(rt, global);
  Handle uint8_proto = Handle::New(heap, TypedArrayPrototype(rt, ElementType::kUint8));
  Handle proto = Handle::New(heap, rt.NewObject(uint8_proto));  // Buffer.prototype -> Uint8Array.prototype
  rt.set_root(kRootBufferPrototype, proto.value());
  Handle ctor = Handle::New(heap, InstallConstructor(rt, global, "Buffer", BufferConstructor, 2, proto));
  rt.DefineNative(ctor, "alloc", BufferAlloc, 3);
  rt.DefineNative(ctor, "from", BufferFrom, 3);
  rt.DefineNative(ctor, "byteLength", BufferByteLength, 2);
  rt.DefineNative(ctor, "isBuffer", BufferIsBuffer, 1);
  rt.DefineNative(proto, "toString", BufferToString, 3);
  rt.DefineNative(proto, "equals", BufferEquals, 1);
}

}  // namespace tenure::js
