// `require('path')`: node's POSIX path functions, as JavaScript compiled on first require
// (modules.cc, LoadJsBuiltin). Written from the node 20 documentation (nodejs.org/api/path.html)
// and node's observed results; segments are processed left to right, "." dropped, ".." pops.
#include "modules.h"

namespace tenure::js {

extern const char kPathModuleSource[] = R"JS('use strict';
const internal = require('%internal');

function checkString(value, name) {
  if (typeof value !== 'string') throw internal.invalidArgTypeError(name, 'of type string', value);
}

// The segments of `p` after resolving "." and ".."; ".." above the start is kept unless
// `absolute` (nothing is above the root).
function normalizeSegments(p, absolute) {
  const out = [];
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(segment);
    }
  }
  return out;
}

function normalize(p) {
  checkString(p, 'path');
  if (p.length === 0) return '.';
  const absolute = p[0] === '/';
  const trailing = p[p.length - 1] === '/';
  let body = normalizeSegments(p, absolute).join('/');
  if (body.length === 0) return absolute ? '/' : (trailing ? './' : '.');
  if (trailing) body += '/';
  return absolute ? '/' + body : body;
}

function join(...parts) {
  let joined = '';
  for (const part of parts) {
    checkString(part, 'path');
    if (part.length > 0) joined = joined.length === 0 ? part : joined + '/' + part;
  }
  return joined.length === 0 ? '.' : normalize(joined);
}

function resolve(...parts) {
  let resolved = '';
  let absolute = false;
  for (let i = parts.length - 1; i >= -1 && !absolute; i--) {
    const part = i >= 0 ? parts[i] : internal.cwd();
    checkString(part, 'paths[' + i + ']');
    if (part.length === 0) continue;
    resolved = resolved.length === 0 ? part : part + '/' + resolved;
    absolute = part[0] === '/';
  }
  const body = normalizeSegments(resolved, true).join('/');
  return '/' + body;
}

function isAbsolute(p) {
  checkString(p, 'path');
  return p.length > 0 && p[0] === '/';
}

function relative(from, to) {
  checkString(from, 'from');
  checkString(to, 'to');
  if (from === to) return '';
  const a = normalizeSegments(resolve(from), true);
  const b = normalizeSegments(resolve(to), true);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = [];
  for (let i = common; i < a.length; i++) up.push('..');
  return up.concat(b.slice(common)).join('/');
}

// `p` without trailing slashes (a lone root stays "/").
function trimTrailing(p) {
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  return p.slice(0, end);
}

// The text before the last slash that follows a non-slash character ("/a//b" -> "/a/").
function dirname(p) {
  checkString(p, 'path');
  if (p.length === 0) return '.';
  const absolute = p[0] === '/';
  let end = -1;
  let inTrailingSlashes = true;
  for (let i = p.length - 1; i >= 1; i--) {
    if (p[i] !== '/') {
      inTrailingSlashes = false;
    } else if (!inTrailingSlashes) {
      end = i;
      break;
    }
  }
  if (end === -1) return absolute ? '/' : '.';
  if (absolute && end === 1) return '//';
  return p.slice(0, end);
}

function basename(p, ext) {
  checkString(p, 'path');
  if (ext !== undefined) checkString(ext, 'ext');
  const trimmed = trimTrailing(p);
  let base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (ext !== undefined && ext.length > 0 && base.endsWith(ext)) {
    if (base !== ext) base = base.slice(0, base.length - ext.length);
    else base = '';
  }
  return base;
}

// The extension of a last segment: from its last "." unless that dot starts the name or the
// name is "..".
function extOf(base) {
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || base === '..') return '';
  return base.slice(dot);
}

function extname(p) {
  checkString(p, 'path');
  return extOf(basename(p));
}

function parse(p) {
  checkString(p, 'path');
  const result = { root: '', dir: '', base: '', ext: '', name: '' };
  if (p.length === 0) return result;
  if (p[0] === '/') result.root = '/';
  const trimmed = trimTrailing(p);
  const slash = trimmed.lastIndexOf('/');
  result.base = trimmed === '/' ? '' : trimmed.slice(slash + 1);
  if (slash > 0) {
    result.dir = trimmed.slice(0, slash);
  } else if (slash === 0) {
    result.dir = '/';
  }
  result.ext = extOf(result.base);
  result.name = result.base.slice(0, result.base.length - result.ext.length);
  return result;
}

function format(object) {
  if (object === null || typeof object !== 'object') {
    throw internal.invalidArgTypeError('pathObject', 'of type object', object);
  }
  const dir = object.dir || object.root;
  let ext = object.ext || '';
  if (ext.length > 0 && ext[0] !== '.') ext = '.' + ext;
  const base = object.base || ((object.name || '') + ext);
  if (!dir) return base;
  return dir === object.root ? dir + base : dir + '/' + base;
}

module.exports = {
  resolve, normalize, isAbsolute, join, relative, dirname, basename, extname, format, parse,
  toNamespacedPath(p) { return p; },
  sep: '/',
  delimiter: ':',
};
module.exports.posix = module.exports;
)JS";

}  // namespace tenure::js
