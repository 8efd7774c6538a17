// encodeURIComponent, encodeURI, decodeURIComponent, decodeURI (ECMA-262 §19.2.6).
//
// Strings are canonical WTF-8 (objects.h), so a code point's UTF-8 bytes are already the bytes
// Encode percent-escapes; the only code points WTF-8 has and UTF-8 lacks are lone surrogates
// (ED A0..BF xx), which make Encode throw. Decode accepts exactly the well-formed UTF-8
// sequences (no overlong forms, no surrogates, nothing above U+10FFFF) and throws otherwise.
// Both throw node's `URIError: URI malformed`.
//
// Also Annex B's escape and unescape (§B.2.1), which node has as globals: they work on UTF-16
// code units ("%XX" below 256, "%uXXXX" above) and never throw.
#include <cstdio>
#include <string>
#include <string_view>

#include "builtins.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

constexpr std::string_view kUriUnreserved =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
// uriReserved plus "#": what encodeURI leaves alone and decodeURI leaves escaped.
constexpr std::string_view kUriReservedAndHash = ";/?:@&=+$,#";

bool InSet(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }

Value UriMalformed(Runtime& rt) { return rt.ThrowError(ErrorType::kURIError, "URI malformed"); }

// Encode (§19.2.6.5): bytes of ASCII characters in `keep` are copied, every other code point is
// written as %XX escapes of its UTF-8 bytes.
Value Encode(Runtime& rt, Args args, std::string_view keep_extra) {
  Value s = ArgString(rt, args, 0);
  if (s.IsEmpty()) return Value();
  std::string_view in = s.As<String>()->view();
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80 && (InSet(kUriUnreserved, static_cast<char>(c)) || InSet(keep_extra, static_cast<char>(c)))) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (c == 0xED && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) >= 0xA0) {
      return UriMalformed(rt);  // a lone surrogate has no UTF-8 form
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return rt.NewString(out);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The byte of the escape "%XY" at in[i], or -1.
int EscapedByte(std::string_view in, size_t i) {
  if (i + 2 >= in.size() || in[i] != '%') return -1;
  int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

// Decode (§19.2.6.6): escapes of ASCII characters in `keep_escaped` stay as written (decodeURI
// keeps reserved characters escaped); multi-byte sequences must be well-formed UTF-8.
Value Decode(Runtime& rt, Args args, std::string_view keep_escaped) {
  Value s = ArgString(rt, args, 0);
  if (s.IsEmpty()) return Value();
  std::string_view in = s.As<String>()->view();
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    int b = EscapedByte(in, i);
    if (b < 0) return UriMalformed(rt);
    if (b < 0x80) {
      if (InSet(keep_escaped, static_cast<char>(b))) out.append(in.substr(i, 3));
      else out.push_back(static_cast<char>(b));
      i += 2;
      continue;
    }
    int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (n == 0 || b > 0xF4) return UriMalformed(rt);
    uint32_t cp = static_cast<uint32_t>(b) & (0x7F >> n);
    std::string bytes(1, static_cast<char>(b));
    for (int k = 1; k < n; ++k) {
      int cont = EscapedByte(in, i + 3 * k);
      if (cont < 0 || (cont & 0xC0) != 0x80) return UriMalformed(rt);
      cp = (cp << 6) | (static_cast<uint32_t>(cont) & 0x3F);
      bytes.push_back(static_cast<char>(cont));
    }
    static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return UriMalformed(rt);
    out += bytes;
    i += 3 * n - 1;
  }
  return rt.NewString(out);
}

}  // namespace

TENURE_NATIVE(EncodeUriComponent) { return Encode(rt, args, ""); }
TENURE_NATIVE(EncodeUri) { return Encode(rt, args, kUriReservedAndHash); }
TENURE_NATIVE(DecodeUriComponent) { return Decode(rt, args, ""); }
TENURE_NATIVE(DecodeUri) { return Decode(rt, args, kUriReservedAndHash); }

// §B.2.1.1 escape(string): A–Z a–z 0–9 @*_+-./ stay, other units become %XX or %uXXXX.
TENURE_NATIVE(Escape) {
  Value s = ArgString(rt, args, 0);
  if (s.IsEmpty()) return Value();
  constexpr std::string_view kUnescaped = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./";
  std::string out;
  for (char16_t unit : ToUtf16(rt.ToStdString(s))) {
    char buf[8];
    if (unit < 128 && kUnescaped.find(static_cast<char>(unit)) != std::string_view::npos) {
      out += static_cast<char>(unit);
    } else {
      std::snprintf(buf, sizeof buf, unit < 256 ? "%%%02X" : "%%u%04X", static_cast<unsigned>(unit));
      out += buf;
    }
  }
  return rt.NewString(out);
}

// §B.2.1.2 unescape(string): %uXXXX and %XX (hex digits either case) become the unit; any other
// '%' stays as it is.
TENURE_NATIVE(Unescape) {
  Value s = ArgString(rt, args, 0);
  if (s.IsEmpty()) return Value();
  std::u16string in = ToUtf16(rt.ToStdString(s)), out;
  auto hex = [&](size_t at, size_t digits, char16_t* unit) {
    if (at + digits > in.size()) return false;
    unsigned value = 0;
    for (size_t i = at; i < at + digits; ++i) {
      char16_t c = in[i];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      value = value * 16 + static_cast<unsigned>(d);
    }
    *unit = static_cast<char16_t>(value);
    return true;
  };
  for (size_t k = 0; k < in.size(); ++k) {
    char16_t unit = in[k];
    if (in[k] == '%' && k + 1 < in.size() && in[k + 1] == 'u' && hex(k + 2, 4, &unit)) {
      k += 5;
    } else if (in[k] == '%' && hex(k + 1, 2, &unit)) {
      k += 2;
    }
    out += unit;
  }
  return rt.NewString(ToWtf8(out));
}

void InstallUriBuiltins(Runtime& rt, Handle global) {
  rt.DefineNative(global, "escape", Escape, 1);
  rt.DefineNative(global, "unescape", Unescape, 1);
  rt.DefineNative(global, "encodeURIComponent", EncodeUriComponent, 1);
  rt.DefineNative(global, "encodeURI", EncodeUri, 1);
  rt.DefineNative(global, "decodeURIComponent", DecodeUriComponent, 1);
  rt.DefineNative(global, "decodeURI", DecodeUri, 1);
}

}  // namespace tenure::js
