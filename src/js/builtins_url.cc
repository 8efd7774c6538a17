// node's `url` module and the URL / URLSearchParams globals: the WHATWG URL Standard's parser,
// serializer, URL class and URLSearchParams, in JavaScript compiled on first use (modules.cc).
// The source cites the standard's sections; docs/runtime.md lists what differs from node.
#include "modules.h"

namespace tenure::js {

extern const char kUrlModuleSource[] = R"JS('use strict';
// The WHATWG URL Standard (https://url.spec.whatwg.org/): the basic URL parser (§4.4) with state
// overrides for the setters, host parsing (§3.5: domains, IPv4, IPv6, opaque hosts), URL
// serializing (§4.5), the URL class (§6.1) and URLSearchParams (§6.2) over the
// application/x-www-form-urlencoded parser/serializer (§5). Written from the standard's prose;
// behaviour checked against node 20. Domains are lowercased and non-ASCII labels Punycode-encoded
// (RFC 3492) without UTS #46 mapping or normalisation (see docs/runtime.md).
const { inspect } = require('util');
const internal = require('%internal');

const kSpecialPorts = { __proto__: null, ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };
const isSpecialScheme = (scheme) => scheme in kSpecialPorts;

// ---- Code points and percent-encoding (§1.3) -------------------------------------------------
const EOF = -1;
const isAsciiDigit = (c) => c >= 0x30 && c <= 0x39;
const isAsciiHexDigit = (c) => isAsciiDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isAsciiAlpha = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiAlphanumeric = (c) => isAsciiAlpha(c) || isAsciiDigit(c);

// A string as code points, lone surrogates replaced by U+FFFD (a USVString).
function codePoints(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) {
        out.push(0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00));
        i++;
        continue;
      }
    }
    out.push(u >= 0xd800 && u <= 0xdfff ? 0xfffd : u);
  }
  return out;
}
const toUSVString = (s) => String.fromCodePoint(...codePoints(s));

function utf8Bytes(c) {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
}
const hex2 = (b) => '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();

// The percent-encode sets of §1.3, as predicates on a code point.
const inC0ControlSet = (c) => c < 0x20 || c > 0x7e;
const oneOf = (chars) => { const set = codePoints(chars); return (c) => set.includes(c); };
const fragmentExtra = oneOf(' "<>`'), queryExtra = oneOf(' "#<>'), pathExtra = oneOf('?`{}');
const userinfoExtra = oneOf('/:;=@[\\]^|'), componentExtra = oneOf('$%&+,'), formExtra = oneOf("!'()~");
const inFragmentSet = (c) => inC0ControlSet(c) || fragmentExtra(c);
const inQuerySet = (c) => inC0ControlSet(c) || queryExtra(c);
const inSpecialQuerySet = (c) => inQuerySet(c) || c === 0x27;
const inPathSet = (c) => inQuerySet(c) || pathExtra(c);
const inUserinfoSet = (c) => inPathSet(c) || userinfoExtra(c);
const inComponentSet = (c) => inUserinfoSet(c) || componentExtra(c);
const inFormSet = (c) => inComponentSet(c) || formExtra(c);

function percentEncode(c, inSet) {
  if (!inSet(c)) return String.fromCodePoint(c);
  let out = '';
  for (const b of utf8Bytes(c)) out += hex2(b);
  return out;
}
function percentEncodeString(s, inSet, spaceAsPlus = false) {
  let out = '';
  for (const c of codePoints(s)) out += spaceAsPlus && c === 0x20 ? '+' : percentEncode(c, inSet);
  return out;
}

function utf8Encode(s) {
  const bytes = [];
  for (const c of codePoints(s)) bytes.push(...utf8Bytes(c));
  return bytes;
}
// UTF-8 decode without BOM, replacing invalid sequences by U+FFFD (the Encoding Standard's decoder).
function utf8Decode(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let need = 0, c = 0, lower = 0x80, upper = 0xbf;
    if (b < 0x80) { out += String.fromCharCode(b); i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; c = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; c = b & 0xf; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; c = b & 0x7; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
    else { out += '\ufffd'; i++; continue; }
    let j = i + 1;
    for (; j <= i + need; j++) {
      if (j >= bytes.length || bytes[j] < lower || bytes[j] > upper) break;
      c = (c << 6) | (bytes[j] & 0x3f);
      lower = 0x80; upper = 0xbf;
    }
    if (j === i + need + 1) { out += String.fromCodePoint(c); i = j; } else { out += '\ufffd'; i = j === i + 1 ? i + 1 : j; }
  }
  return out;
}
// Percent-decode (§1.3) of a string's UTF-8 bytes; '+' as space when `plusAsSpace`.
function percentDecodeBytes(s, plusAsSpace = false) {
  const bytes = utf8Encode(s), out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length && isAsciiHexDigit(bytes[i + 1]) && isAsciiHexDigit(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else {
      out.push(plusAsSpace && b === 0x2b ? 0x20 : b);
    }
  }
  return out;
}

// ---- Hosts (§3.5) -----------------------------------------------------------------------------
const isForbiddenHostCodePoint = oneOf('\0\t\n\r #/:<>?@[\\]^|');
const isForbiddenDomainCodePoint = (c) => isForbiddenHostCodePoint(c) || (c >= 0 && c <= 0x1f) ||
    c === 0x25 || c === 0x7f;

// Punycode (RFC 3492 §6.3) of one label's code points.
function punycodeEncode(input) {
  const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
  const digit = (d) => String.fromCharCode(d < 26 ? 0x61 + d : 0x16 + d);
  const adapt = (delta, numPoints, first) => {
    delta = first ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / numPoints);
    let k = 0;
    for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
    return k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
  };
  let output = input.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basic = output.length;
  let handled = basic, n = 0x80, delta = 0, bias = 72;
  if (basic > 0) output += '-';
  while (handled < input.length) {
    const m = Math.min(...input.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of input) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = base; ; k += base) {
        const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (base - t)));
        q = Math.floor((q - t) / (base - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

// domain to ASCII, reduced: ASCII lowercased; a label with non-ASCII code points becomes "xn--" +
// Punycode of its lowercased code points. Null on failure.
function domainToASCII(domain) {
  const labels = domain.split(/[.\u3002\uff0e\uff61]/);
  const out = [];
  for (const label of labels) {
    // UTS #46 maps fullwidth ASCII (U+FF01..U+FF5E) to ASCII; the rest of its mapping is not done.
    const cps = codePoints(label.toLowerCase()).map((c) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c))
        .map((c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c));
    if (cps.every((c) => c < 0x80)) { out.push(String.fromCharCode(...cps)); continue; }
    if (label.slice(0, 4).toLowerCase() === 'xn--') return null;  // an A-label must be ASCII
    out.push('xn--' + punycodeEncode(cps));
  }
  const result = out.join('.');
  return result.length === 0 ? null : result;
}

// IPv4 number parser (§3.5): { value, validationError } or null.
function parseIPv4Number(s) {
  if (s === '') return null;
  let radix = 10;
  if (s.length >= 2 && (s.startsWith('0x') || s.startsWith('0X'))) { s = s.slice(2); radix = 16; }
  else if (s.length >= 2 && s[0] === '0') { s = s.slice(1); radix = 8; }
  if (s === '') return 0;
  const valid = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!valid.test(s)) return null;
  return parseInt(s, radix);
}
function endsInANumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== null;
}
// The IPv4 parser: the address as a number, or null (failure).
function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === null) return null;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return null;
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return null;
  let ipv4 = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}
function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) { out.unshift(String(n % 256)); n = Math.floor(n / 256); }
  return out.join('.');
}
// The IPv6 parser: eight 16-bit pieces, or null.
function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  const c = codePoints(input);
  let pieceIndex = 0, compress = null, p = 0;
  const at = (i) => (i < c.length ? c[i] : EOF);
  if (at(p) === 0x3a) {
    if (at(p + 1) !== 0x3a) return null;
    p += 2;
    compress = ++pieceIndex;
  }
  while (at(p) !== EOF) {
    if (pieceIndex === 8) return null;
    if (at(p) === 0x3a) {
      if (compress !== null) return null;
      p++;
      compress = ++pieceIndex;
      continue;
    }
    let value = 0, length = 0;
    while (length < 4 && isAsciiHexDigit(at(p))) { value = value * 16 + parseInt(String.fromCharCode(at(p)), 16); p++; length++; }
    if (at(p) === 0x2e) {
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (at(p) !== EOF) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(p) === 0x2e && numbersSeen < 4) p++; else return null;
        }
        if (!isAsciiDigit(at(p))) return null;
        while (isAsciiDigit(at(p))) {
          const number = at(p) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (at(p) === 0x3a) {
      p++;
      if (at(p) === EOF) return null;
    } else if (at(p) !== EOF) {
      return null;
    }
    address[pieceIndex++] = value;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const t = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = t;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}
// IPv6 serializer: the first longest run (length >= 2) of zero pieces compressed to "::".
function serializeIPv6(address) {
  let best = -1, bestLength = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) { best = i; bestLength = j - i; }
    i = j;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) { out += i === 0 ? '::' : ':'; i += bestLength - 1; continue; }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}
// The host parser: a serialized host string, or null (failure).
function parseHost(input, isOpaque) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return null;
    const address = parseIPv6(input.slice(1, -1));
    return address === null ? null : '[' + serializeIPv6(address) + ']';
  }
  if (isOpaque) {
    for (const c of codePoints(input)) if (isForbiddenHostCodePoint(c)) return null;
    return percentEncodeString(input, inC0ControlSet);
  }
  const domain = utf8Decode(percentDecodeBytes(input));
  const asciiDomain = domainToASCII(domain);
  if (asciiDomain === null) return null;
  for (const c of codePoints(asciiDomain)) if (isForbiddenDomainCodePoint(c)) return null;
  if (endsInANumber(asciiDomain)) {
    const ipv4 = parseIPv4(asciiDomain);
    return ipv4 === null ? null : serializeIPv4(ipv4);
  }
  return asciiDomain;
}

// ---- The URL record and the basic URL parser (§4.1, §4.4) -------------------------------------
function newRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
}
const hasOpaquePath = (url) => typeof url.path === 'string';
const includesCredentials = (url) => url.username !== '' || url.password !== '';
const isWindowsDriveLetter = (s, normalizedOnly) => s.length === 2 && isAsciiAlpha(s.charCodeAt(0)) &&
    (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
function startsWithWindowsDriveLetter(c, p) {
  if (c.length - p < 2) return false;
  if (!isAsciiAlpha(c[p]) || (c[p + 1] !== 0x3a && c[p + 1] !== 0x7c)) return false;
  if (c.length - p === 2) return true;
  const n = c[p + 2];
  return n === 0x2f || n === 0x5c || n === 0x3f || n === 0x23;
}
// The relative states take the base URL's whole authority.
function copyAuthority(url, base) {
  url.username = base.username;
  url.password = base.password;
  url.host = base.host;
  url.port = base.port;
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true)) return;
  path.pop();
}
const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => ['..', '.%2e', '%2e.', '%2e%2e'].includes(s.toLowerCase());

const S = {
  SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4, PATH_OR_AUTHORITY: 5,
  RELATIVE: 6, RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8, SPECIAL_AUTHORITY_IGNORE_SLASHES: 9,
  AUTHORITY: 10, HOST: 11, HOSTNAME: 12, PORT: 13, FILE: 14, FILE_SLASH: 15, FILE_HOST: 16,
  PATH_START: 17, PATH: 18, OPAQUE_PATH: 19, QUERY: 20, FRAGMENT: 21,
};
const FAILURE = null;

// The basic URL parser. Without `url`: a new record or FAILURE. With `url` and `stateOverride`
// (the setters): modifies `url` in place; returns FAILURE when the input is rejected.
function basicParse(input, base, url, stateOverride) {
  if (!url) {
    url = newRecord();
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  let state = stateOverride || S.SCHEME_START;
  const c = codePoints(input);
  let buffer = '', atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
  const at = (i) => (i < c.length ? c[i] : EOF);
  for (let p = 0; ; p++) {
    const ch = at(p);
    switch (state) {
      case S.SCHEME_START:
        if (isAsciiAlpha(ch)) { buffer += String.fromCharCode(ch).toLowerCase(); state = S.SCHEME; }
        else if (!stateOverride) { state = S.NO_SCHEME; p--; }
        else return FAILURE;
        break;
      case S.SCHEME:
        if (isAsciiAlphanumeric(ch) || ch === 0x2b || ch === 0x2d || ch === 0x2e) {
          buffer += String.fromCharCode(ch).toLowerCase();
        } else if (ch === 0x3a) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === kSpecialPorts[url.scheme]) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = S.FILE;
          } else if (isSpecialScheme(url.scheme) && base && base.scheme === url.scheme) {
            state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = S.SPECIAL_AUTHORITY_SLASHES;
          } else if (at(p + 1) === 0x2f) {
            state = S.PATH_OR_AUTHORITY;
            p++;
          } else {
            url.path = '';
            state = S.OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = S.NO_SCHEME;
          p = -1;
        } else {
          return FAILURE;
        }
        break;
      case S.NO_SCHEME:
        if (!base || (hasOpaquePath(base) && ch !== 0x23)) return FAILURE;
        if (hasOpaquePath(base) && ch === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = S.RELATIVE;
          p--;
        } else {
          state = S.FILE;
          p--;
        }
        break;
      case S.SPECIAL_RELATIVE_OR_AUTHORITY:
        if (ch === 0x2f && at(p + 1) === 0x2f) { state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES; p++; }
        else { state = S.RELATIVE; p--; }
        break;
      case S.PATH_OR_AUTHORITY:
        if (ch === 0x2f) state = S.AUTHORITY;
        else { state = S.PATH; p--; }
        break;
      case S.RELATIVE:
        url.scheme = base.scheme;
        if (ch === 0x2f) {
          state = S.RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme) && ch === 0x5c) {
          state = S.RELATIVE_SLASH;
        } else {
          copyAuthority(url, base);
          url.path = base.path.slice();
          url.query = base.query;
          if (ch === 0x3f) { url.query = ''; state = S.QUERY; }
          else if (ch === 0x23) { url.fragment = ''; state = S.FRAGMENT; }
          else if (ch !== EOF) {
            url.query = null;
            shortenPath(url);
            state = S.PATH;
            p--;
          }
        }
        break;
      case S.RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (ch === 0x2f || ch === 0x5c)) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (ch === 0x2f) {
          state = S.AUTHORITY;
        } else {
          copyAuthority(url, base);
          state = S.PATH;
          p--;
        }
        break;
      case S.SPECIAL_AUTHORITY_SLASHES:
        if (ch === 0x2f && at(p + 1) === 0x2f) { state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES; p++; }
        else { state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES; p--; }
        break;
      case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (ch !== 0x2f && ch !== 0x5c) { state = S.AUTHORITY; p--; }
        break;
      case S.AUTHORITY:
        if (ch === 0x40) {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          for (const bc of codePoints(buffer)) {
            if (bc === 0x3a && !passwordTokenSeen) { passwordTokenSeen = true; continue; }
            const encoded = percentEncode(bc, inUserinfoSet);
            if (passwordTokenSeen) url.password += encoded; else url.username += encoded;
          }
          buffer = '';
        } else if (ch === EOF || ch === 0x2f || ch === 0x3f || ch === 0x23 ||
                   (isSpecialScheme(url.scheme) && ch === 0x5c)) {
          if (atSignSeen && buffer === '') return FAILURE;
          p -= codePoints(buffer).length + 1;
          buffer = '';
          state = S.HOST;
        } else {
          buffer += String.fromCodePoint(ch);
        }
        break;
      case S.HOST:
      case S.HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = S.FILE_HOST;
        } else if (ch === 0x3a && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === S.HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === null) return FAILURE;
          url.host = host;
          buffer = '';
          state = S.PORT;
        } else if (ch === EOF || ch === 0x2f || ch === 0x3f || ch === 0x23 ||
                   (isSpecialScheme(url.scheme) && ch === 0x5c)) {
          p--;
          if (isSpecialScheme(url.scheme) && buffer === '') return FAILURE;
          if (stateOverride && buffer === '' && (includesCredentials(url) || url.port !== null)) return FAILURE;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === null) return FAILURE;
          url.host = host;
          buffer = '';
          state = S.PATH_START;
          if (stateOverride) return url;
        } else {
          if (ch === 0x5b) insideBrackets = true;
          if (ch === 0x5d) insideBrackets = false;
          buffer += String.fromCodePoint(ch);
        }
        break;
      case S.PORT:
        if (isAsciiDigit(ch)) {
          buffer += String.fromCharCode(ch);
        } else if (ch === EOF || ch === 0x2f || ch === 0x3f || ch === 0x23 ||
                   (isSpecialScheme(url.scheme) && ch === 0x5c) || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = port === kSpecialPorts[url.scheme] ? null : port;
            buffer = '';
          }
          if (stateOverride) return url;
          state = S.PATH_START;
          p--;
        } else {
          return FAILURE;
        }
        break;
      case S.FILE:
        url.scheme = 'file';
        url.host = '';
        if (ch === 0x2f || ch === 0x5c) {
          state = S.FILE_SLASH;
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (ch === 0x3f) { url.query = ''; state = S.QUERY; }
          else if (ch === 0x23) { url.fragment = ''; state = S.FRAGMENT; }
          else if (ch !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(c, p)) shortenPath(url);
            else url.path = [];
            state = S.PATH;
            p--;
          }
        } else {
          state = S.PATH;
          p--;
        }
        break;
      case S.FILE_SLASH:
        if (ch === 0x2f || ch === 0x5c) {
          state = S.FILE_HOST;
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(c, p) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = S.PATH;
          p--;
        }
        break;
      case S.FILE_HOST:
        if (ch === EOF || ch === 0x2f || ch === 0x5c || ch === 0x3f || ch === 0x23) {
          p--;
          if (!stateOverride && isWindowsDriveLetter(buffer, false)) {
            state = S.PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = S.PATH_START;
          } else {
            let host = parseHost(buffer, false);
            if (host === null) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = S.PATH_START;
          }
        } else {
          buffer += String.fromCodePoint(ch);
        }
        break;
      case S.PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = S.PATH;
          if (ch !== 0x2f && ch !== 0x5c) p--;
        } else if (!stateOverride && ch === 0x3f) {
          url.query = '';
          state = S.QUERY;
        } else if (!stateOverride && ch === 0x23) {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (ch !== EOF) {
          state = S.PATH;
          if (ch !== 0x2f) p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;
      case S.PATH:
        if (ch === EOF || ch === 0x2f || (isSpecialScheme(url.scheme) && ch === 0x5c) ||
            (!stateOverride && (ch === 0x3f || ch === 0x23))) {
          const slash = ch === 0x2f || (isSpecialScheme(url.scheme) && ch === 0x5c);
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(buffer) && !slash) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer, false)) {
              buffer = buffer[0] + ':';
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (ch === 0x3f) { url.query = ''; state = S.QUERY; }
          if (ch === 0x23) { url.fragment = ''; state = S.FRAGMENT; }
        } else {
          buffer += percentEncode(ch, inPathSet);
        }
        break;
      case S.OPAQUE_PATH:
        if (ch === 0x3f) { url.query = ''; state = S.QUERY; }
        else if (ch === 0x23) { url.fragment = ''; state = S.FRAGMENT; }
        else if (ch !== EOF) url.path += percentEncode(ch, inC0ControlSet);
        break;
      case S.QUERY:
        if ((!stateOverride && ch === 0x23) || ch === EOF) {
          url.query += percentEncodeString(buffer, isSpecialScheme(url.scheme) ? inSpecialQuerySet : inQuerySet);
          buffer = '';
          if (ch === 0x23) { url.fragment = ''; state = S.FRAGMENT; }
        } else {
          buffer += String.fromCodePoint(ch);
        }
        break;
      case S.FRAGMENT:
        if (ch !== EOF) url.fragment += percentEncode(ch, inFragmentSet);
        break;
    }
    if (p >= c.length) break;  // the pointer is at EOF after this run
  }
  return url;
}

// ---- Serializing (§4.5) ------------------------------------------------------------------------
function serializePath(url) {
  if (hasOpaquePath(url)) return url.path;
  let out = '';
  for (const segment of url.path) out += '/' + segment;
  return out;
}
function serializeURL(url, excludeFragment = false) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  }
  if (url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '') out += '/.';
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}
function serializeOrigin(url) {
  if (url.scheme === 'blob') {
    const inner = hasOpaquePath(url) ? basicParse(url.path) : null;
    return inner && (inner.scheme === 'http' || inner.scheme === 'https') ? serializeOrigin(inner) : 'null';
  }
  if (!['ftp', 'http', 'https', 'ws', 'wss'].includes(url.scheme)) return 'null';
  return url.scheme + '://' + url.host + (url.port !== null ? ':' + url.port : '');
}

// ---- application/x-www-form-urlencoded (§5) ----------------------------------------------------
function parseUrlencoded(input) {
  const list = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq < 0 ? sequence : sequence.slice(0, eq);
    const value = eq < 0 ? '' : sequence.slice(eq + 1);
    list.push(utf8Decode(percentDecodeBytes(name, true)), utf8Decode(percentDecodeBytes(value, true)));
  }
  return list;
}
function serializeUrlencoded(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i) out += '&';
    out += percentEncodeString(list[i], inFormSet, true) + '=' + percentEncodeString(list[i + 1], inFormSet, true);
  }
  return out;
}

// ---- URLSearchParams (§6.2) --------------------------------------------------------------------
function invalidThis(type) {
  return internal.nodeError('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}
function missingArgs(...names) {
  return internal.nodeError('TypeError', 'ERR_MISSING_ARGS',
      `The ${names.map((n) => `"${n}"`).join(' and ')} argument${names.length > 1 ? 's' : ''} must be specified`);
}

class URLSearchParams {
  #list = [];    // name, value, name, value, ...
  #url = null;   // the URL object whose query this is, or null

  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method !== undefined && method !== null) {
        if (typeof method !== 'function') {
          throw internal.nodeError('TypeError', 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
        }
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw internal.nodeError('TypeError', 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          const items = [...pair];
          if (items.length !== 2) {
            throw internal.nodeError('TypeError', 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          this.#list.push(toUSVString(`${items[0]}`), toUSVString(`${items[1]}`));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          if (typeof key !== 'string') continue;
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(key), value = toUSVString(`${init[key]}`);
          const i = this.#list.findIndex((n, k) => k % 2 === 0 && n === name);
          if (i >= 0) this.#list[i + 1] = value; else this.#list.push(name, value);
        }
      }
    } else {
      let text = `${init}`;
      if (text[0] === '?') text = text.slice(1);
      this.#list = parseUrlencoded(toUSVString(text));
    }
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#list in self)) throw invalidThis('URLSearchParams');
  }
  // The URL's query follows the list (§6.2 "update").
  #update() {
    if (this.#url === null) return;
    const text = serializeUrlencoded(this.#list);
    setUrlQuery(this.#url, text === '' ? null : text);
  }
  static attach(params, url, query) {
    params.#url = url;
    params.#list = query === null ? [] : parseUrlencoded(query);
  }
  static reset(params, query) {
    params.#list = query === null || query === '' ? [] : parseUrlencoded(query);
  }

  get size() { URLSearchParams.#check(this); return this.#list.length / 2; }
  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw missingArgs('name', 'value');
    this.#list.push(toUSVString(`${name}`), toUSVString(`${value}`));
    this.#update();
  }
  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw missingArgs('name');
    name = toUSVString(`${name}`);
    const v = value === undefined ? undefined : toUSVString(`${value}`);
    const list = this.#list, kept = [];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (v === undefined || list[i + 1] === v)) continue;
      kept.push(list[i], list[i + 1]);
    }
    this.#list = kept;
    this.#update();
  }
  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw missingArgs('name');
    name = toUSVString(`${name}`);
    for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === name) return this.#list[i + 1];
    return null;
  }
  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw missingArgs('name');
    name = toUSVString(`${name}`);
    const out = [];
    for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === name) out.push(this.#list[i + 1]);
    return out;
  }
  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw missingArgs('name');
    name = toUSVString(`${name}`);
    const v = value === undefined ? undefined : toUSVString(`${value}`);
    for (let i = 0; i < this.#list.length; i += 2) {
      if (this.#list[i] === name && (v === undefined || this.#list[i + 1] === v)) return true;
    }
    return false;
  }
  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw missingArgs('name', 'value');
    name = toUSVString(`${name}`);
    value = toUSVString(`${value}`);
    const list = this.#list, out = [];
    let found = false;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] !== name) { out.push(list[i], list[i + 1]); continue; }
      if (!found) out.push(name, value);
      found = true;
    }
    if (!found) out.push(name, value);
    this.#list = out;
    this.#update();
  }
  // A stable sort of the pairs by name in code-unit order.
  sort() {
    URLSearchParams.#check(this);
    const pairs = [];
    for (let i = 0; i < this.#list.length; i += 2) pairs.push([this.#list[i], this.#list[i + 1]]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#list = pairs.flat();
    this.#update();
  }
  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    if (typeof callback !== 'function') {
      throw internal.invalidArgTypeError('callback', 'of type function', callback);
    }
    for (let i = 0; i < this.#list.length; i += 2) callback.call(thisArg, this.#list[i + 1], this.#list[i], this);
  }
  *#pairs(kind) {
    for (let i = 0; i < this.#list.length; i += 2) {
      yield kind === 'keys' ? this.#list[i] : kind === 'values' ? this.#list[i + 1] : [this.#list[i], this.#list[i + 1]];
    }
  }
  entries() { URLSearchParams.#check(this); return this.#pairs('entries'); }
  keys() { URLSearchParams.#check(this); return this.#pairs('keys'); }
  values() { URLSearchParams.#check(this); return this.#pairs('values'); }
  [Symbol.iterator]() { URLSearchParams.#check(this); return this.#pairs('entries'); }
  toString() { URLSearchParams.#check(this); return serializeUrlencoded(this.#list); }

  // node's URLSearchParams inspection: `URLSearchParams { 'a' => '1', 'b' => '2' }`.
  [inspect.custom](recurseTimes, ctx) {
    URLSearchParams.#check(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const output = [];
    for (let i = 0; i < this.#list.length; i += 2) {
      output.push(`${inspect(this.#list[i], innerOpts)} => ${inspect(this.#list[i + 1], innerOpts)}`);
    }
    const length = output.reduce((sum, s) => sum + s.length + 2, -2);
    const name = this.constructor.name;
    if (length > ctx.breakLength) return `${name} {\n  ${output.join(',\n  ')} }`;
    return output.length ? `${name} { ${output.join(', ')} }` : `${name} {}`;
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

// ---- URL (§6.1) --------------------------------------------------------------------------------
// node's invalid-URL error: a plain TypeError (no code in its name) with `code` and `input`
// (and `base`) properties; made at the throw site so the stack starts there.
function urlError(error, input, base) {
  error.code = 'ERR_INVALID_URL';
  error.input = input;
  if (base !== undefined) error.base = base;
  return error;
}

class URL {
  #url;
  #params = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    input = toUSVString(`${input}`);
    let parsedBase = null;
    if (base !== undefined) {
      base = toUSVString(`${base}`);
      parsedBase = basicParse(base, null);
      if (parsedBase === FAILURE) throw urlError(new TypeError('Invalid URL'), input, base);
    }
    const url = basicParse(input, parsedBase);
    if (url === FAILURE) throw urlError(new TypeError('Invalid URL'), input, base);
    this.#url = url;
  }
  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    let parsedBase = null;
    if (base !== undefined) {
      parsedBase = basicParse(toUSVString(`${base}`), null);
      if (parsedBase === FAILURE) return false;
    }
    return basicParse(toUSVString(`${input}`), parsedBase) !== FAILURE;
  }
  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#url in self)) throw invalidThis('URL');
  }
  static setQueryFromParams(self, query) {
    self.#url.query = query;
  }
  // The query changed through a setter: searchParams follows it.
  #queryChanged() {
    if (this.#params !== null) resetParams(this.#params, this.#url.query);
  }

  toString() { URL.#check(this); return serializeURL(this.#url); }  // first: node's key order
  get href() { URL.#check(this); return serializeURL(this.#url); }
  set href(value) {
    URL.#check(this);
    value = toUSVString(`${value}`);
    const url = basicParse(value, null);
    if (url === FAILURE) throw urlError(new TypeError('Invalid URL'), value);
    this.#url = url;
    this.#queryChanged();
  }
  get origin() { URL.#check(this); return serializeOrigin(this.#url); }
  get protocol() { URL.#check(this); return this.#url.scheme + ':'; }
  set protocol(value) {
    URL.#check(this);
    basicParse(toUSVString(`${value}`) + ':', null, this.#url, S.SCHEME_START);
  }
  get username() { URL.#check(this); return this.#url.username; }
  set username(value) {
    URL.#check(this);
    const url = this.#url;
    if (url.host === null || url.host === '' || url.scheme === 'file') return;
    url.username = percentEncodeString(toUSVString(`${value}`), inUserinfoSet);
  }
  get password() { URL.#check(this); return this.#url.password; }
  set password(value) {
    URL.#check(this);
    const url = this.#url;
    if (url.host === null || url.host === '' || url.scheme === 'file') return;
    url.password = percentEncodeString(toUSVString(`${value}`), inUserinfoSet);
  }
  get host() {
    URL.#check(this);
    const url = this.#url;
    if (url.host === null) return '';
    return url.port === null ? url.host : url.host + ':' + url.port;
  }
  set host(value) {
    URL.#check(this);
    if (hasOpaquePath(this.#url)) return;
    this.#setWithOverride(`${value}`, S.HOST);
  }
  get hostname() { URL.#check(this); return this.#url.host === null ? '' : this.#url.host; }
  set hostname(value) {
    URL.#check(this);
    if (hasOpaquePath(this.#url)) return;
    this.#setWithOverride(`${value}`, S.HOSTNAME);
  }
  get port() { URL.#check(this); return this.#url.port === null ? '' : String(this.#url.port); }
  set port(value) {
    URL.#check(this);
    const url = this.#url;
    if (url.host === null || url.host === '' || url.scheme === 'file') return;
    value = `${value}`;
    if (value === '') url.port = null;
    else this.#setWithOverride(value, S.PORT);
  }
  get pathname() { URL.#check(this); return serializePath(this.#url); }
  set pathname(value) {
    URL.#check(this);
    const url = this.#url;
    if (hasOpaquePath(url)) return;
    const saved = url.path;
    url.path = [];
    if (basicParse(toUSVString(`${value}`), null, url, S.PATH_START) === FAILURE) url.path = saved;
  }
  get search() {
    URL.#check(this);
    const q = this.#url.query;
    return q === null || q === '' ? '' : '?' + q;
  }
  set search(value) {
    URL.#check(this);
    const url = this.#url;
    value = toUSVString(`${value}`);
    if (value === '') {
      url.query = null;
    } else {
      if (value[0] === '?') value = value.slice(1);
      url.query = '';
      basicParse(value, null, url, S.QUERY);
    }
    this.#queryChanged();
  }
  get searchParams() {
    URL.#check(this);
    if (this.#params === null) {
      this.#params = new URLSearchParams();
      attachParams(this.#params, this, this.#url.query);
    }
    return this.#params;
  }
  get hash() {
    URL.#check(this);
    const f = this.#url.fragment;
    return f === null || f === '' ? '' : '#' + f;
  }
  set hash(value) {
    URL.#check(this);
    const url = this.#url;
    value = toUSVString(`${value}`);
    if (value === '') { url.fragment = null; return; }
    if (value[0] === '#') value = value.slice(1);
    url.fragment = '';
    basicParse(value, null, url, S.FRAGMENT);
  }
  // Runs the parser with a state override on a copy, so a rejected value leaves the URL as it was.
  #setWithOverride(value, state) {
    const copy = { ...this.#url, path: hasOpaquePath(this.#url) ? this.#url.path : this.#url.path.slice() };
    if (basicParse(toUSVString(value), null, copy, state) !== FAILURE) this.#url = copy;
  }
  toJSON() { URL.#check(this); return serializeURL(this.#url); }

  // node's URL inspection: `URL { href: …, origin: …, …, searchParams: URLSearchParams {…}, hash: … }`.
  [inspect.custom](depth, opts) {
    URL.#check(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
      password: this.password, host: this.host, hostname: this.hostname, port: this.port,
      pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
    };
    return `${this.constructor.name} ${inspect(obj, opts)}`;
  }
}
for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
                    'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  Object.defineProperty(URL.prototype, name, { enumerable: true });
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries', 'forEach',
                    'keys', 'values', 'toString', 'size']) {
  Object.defineProperty(URLSearchParams.prototype, name, { enumerable: true });
}
// The links between a URL and its searchParams, taken off the classes (node's have no such statics).
const setUrlQuery = URL.setQueryFromParams;
const attachParams = URLSearchParams.attach, resetParams = URLSearchParams.reset;
delete URL.setQueryFromParams;
delete URLSearchParams.attach;
delete URLSearchParams.reset;

// ---- node's url module helpers -----------------------------------------------------------------
function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (path === null || typeof path !== 'object' || !(path instanceof URL)) {
    throw internal.invalidArgTypeError('path', 'of type string or an instance of URL', path);
  }
  if (path.protocol !== 'file:') throw internal.nodeError('TypeError', 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (path.hostname !== '') {
    throw internal.nodeError('TypeError', 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  }
  const pathname = path.pathname;
  if (/%2f/i.test(pathname)) {
    throw internal.nodeError('TypeError', 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}
function pathToFileURL(filepath) {
  const path = require('path');
  let resolved = path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const url = new URL('file://');
  url.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A')
      .replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return url;
}

module.exports = {
  URL, URLSearchParams, fileURLToPath, pathToFileURL,
  domainToASCII(domain) {
    const host = parseHost(`${domain}`, false);
    return host === null || host.startsWith('[') ? '' : host;
  },
  domainToUnicode(domain) {
    const host = parseHost(`${domain}`, false);
    return host === null ? '' : host;
  },
};
)JS";

}  // namespace tenure::js
