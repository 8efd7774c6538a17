// `require('assert')` and `require('assert/strict')`: JavaScript compiled on first require
// (modules.cc) over one native helper ('%assert'.inspect: util.inspect with the options node's
// assertion messages use — compact: false, sorted: true, unlimited depth and array length).
//
// Written from the node 20 documentation (nodejs.org/api/assert.html, "Comparison details" for
// the deep-equality rules) and node 20.20's observed output, which every message here was
// checked against (tests/js/modules/assert.js):
// - AssertionError: own enumerable generatedMessage, code 'ERR_ASSERTION', actual, expected,
//   operator; the stack header reads "AssertionError [ERR_ASSERTION]: …" and starts at the caller
//   of the assert function.
// - strictEqual / deepStrictEqual failures show a line diff of the two values ("+ actual
//   - expected"): lines are compared position by position (not a minimal diff), identical
//   trailing lines are folded into the tail, runs of more than a few identical lines are elided
//   with "...", like node's assertion_error.js; short primitives print as `1 !== 2`.
// - assert(value) with a falsy value quotes the call from the caller's source file ("The
//   expression evaluated to a falsy value:"), falling back to `value == true` when the source
//   cannot be read (eval code).
#include <climits>
#include <cstdint>

#include "builtins.h"
#include "modules.h"

namespace tenure::js {

namespace {

TENURE_NATIVE(AssertInspect) {
  Runtime::InspectOptions options;
  options.depth = INT_MAX / 2;
  options.compact = 0;
  options.sorted = true;
  options.max_array_length = INT64_MAX;
  return rt.NewString(rt.Inspect(args.at(0), options));
}

}  // namespace

Value NewAssertBinding(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle binding = Handle::New(rt.heap(), rt.NewPlainObject());
  rt.DefineNative(binding, "inspect", AssertInspect, 1);
  return binding.value();
}

extern const char kAssertModuleSource[] = R"JS('use strict';
const binding = require('%assert');
const internal = require('%internal');
const util = require('util');
const { inspect, types } = util;

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};
const kMaxShortLength = 12;
const isObjectLike = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';
const inspectValue = (v) => binding.inspect(v);

// At most 50 lines of one value: node cuts longer ones to 46 and a '...' line.
function clipLines(lines) {
  if (lines.length > 50) {
    lines.length = 47;
    lines[46] = '...';
  }
  return lines;
}

// The lines that precede a diverging line: up to two identical lines are shown as they come;
// of a longer run only its last two (three when exactly five were identical), after '...'.
function identicalRun(lines, i, identical, state) {
  let out = '';
  if (identical > 2) {
    if (identical > 3) {
      if (identical > 4) {
        if (identical === 5) { out += '\n  ' + lines[i - 3]; state.printed++; }
        else { out += '\n...'; state.skipped = true; }
      }
      out += '\n  ' + lines[i - 2]; state.printed++;
    }
    out += '\n  ' + lines[i - 1]; state.printed++;
  }
  return out;
}

// The message of a failed strictEqual / deepStrictEqual: `header` (the operator's text or the
// caller's message), then either `a !== b` for short primitives or a line diff.
function createErrDiff(actual, expected, operator, header) {
  if (operator === 'strictEqual' && ((isObjectLike(actual) && isObjectLike(expected) &&
      typeof actual === typeof expected))) {
    operator = 'strictEqualObject';
  }
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  if (header === undefined) header = kReadableOperator[operator];
  let i = 0;
  let indicator = '';
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const inputLength = actualLines[0].length + expectedLines[0].length;
    if (inputLength <= kMaxShortLength) {
      if (!isObjectLike(actual) && !isObjectLike(expected) && (actual !== 0 || expected !== 0)) {
        return header + '\n\n' + actualLines[0] + ' !== ' + expectedLines[0] + '\n';
      }
    } else if (operator !== 'strictEqualObject' && inputLength < 80) {
      while (actualLines[0][i] === expectedLines[0][i]) i++;
      if (i > 2) indicator = '\n  ' + ' '.repeat(i) + '^';  // the first differing column
      i = 0;
    }
  }
  // Identical last lines become the tail (the first three shown, the rest as one line).
  let end = '';
  let other = '';
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (i++ < 3) end = '\n  ' + line + end;
    else other = line;
  }
  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    return kReadableOperator.notIdentical + '\n\n' + clipLines(actualInspected.split('\n')).join('\n') + '\n';
  }
  const state = { printed: 0, skipped: false };
  if (i >= 5) { end = '\n...' + end; state.skipped = true; }
  if (other !== '') { end = '\n  ' + other + end; other = ''; }
  const msg = header + '\n+ actual - expected';
  const skippedMsg = ' ... Lines skipped';
  let res = '';
  let identical = 0;
  const longer = actualLines.length < maxLines ? expectedLines : actualLines;
  const sign = longer === actualLines ? '+' : '-';
  const shorterLength = longer === actualLines ? expectedLines.length : actualLines.length;
  for (i = 0; i < maxLines; i++) {
    if (i >= shorterLength) {  // only the longer side has lines left
      res += identicalRun(longer, i, identical, state);
      identical = 0;
      if (longer === actualLines) res += '\n' + sign + ' ' + longer[i];
      else other += '\n' + sign + ' ' + longer[i];
      state.printed++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      // A line that differs only by its trailing comma counts as identical.
      let diverging = actualLine !== expectedLine &&
          (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
      if (diverging && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
        diverging = false;
        actualLine += ',';
      }
      if (diverging) {
        res += identicalRun(actualLines, i, identical, state);
        identical = 0;
        res += '\n+ ' + actualLine;
        other += '\n- ' + expectedLine;  // so consecutive changes read +++--- and not +-+-
        state.printed += 2;
      } else {
        res += other;
        other = '';
        identical++;
        if (identical <= 2) { res += '\n  ' + actualLine; state.printed++; }
      }
    }
    if (state.printed > 50 && i < maxLines - 2) {
      return msg + skippedMsg + '\n' + res + '\n...' + other + '\n...';
    }
  }
  return msg + (state.skipped ? skippedMsg : '') + '\n' + res + other + end + indicator;
}

// The message when no caller message was given and the operator is not a strict one.
function generatedMessage(actual, expected, operator) {
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let base = kReadableOperator[operator];
    const lines = clipLines(inspectValue(actual).split('\n'));
    if (operator === 'notStrictEqual' && isObjectLike(actual)) base = kReadableOperator.notStrictEqualObject;
    if (lines.length === 1) return base + (lines[0].length > 5 ? '\n\n' : ' ') + lines[0];
    return base + '\n\n' + lines.join('\n') + '\n';
  }
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const known = kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = known + '\n\n' + res;
    return res.length > 1024 ? res.slice(0, 1021) + '...' : res;
  }
  if (res.length > 512) res = res.slice(0, 509) + '...';
  if (other.length > 512) other = other.slice(0, 509) + '...';
  if (operator === 'deepEqual') {
    res = known + '\n\n' + res + '\n\nshould loosely deep-equal\n\n';
  } else if (kReadableOperator[operator + 'Unequal']) {
    res = kReadableOperator[operator + 'Unequal'] + '\n\n' + res + '\n\nshould not loosely deep-equal\n\n';
  } else {
    other = ' ' + operator + ' ' + other;
  }
  return res + other;
}

// An error like `source` (same prototype, own enumerable properties, message) without a stack.
function copyError(source) {
  const copy = new Error();
  delete copy.stack;
  Object.setPrototypeOf(copy, Object.getPrototypeOf(source));
  Object.assign(copy, source);
  Object.defineProperty(copy, 'message', { value: source.message, writable: true, configurable: true });
  return copy;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw internal.invalidArgTypeError('options', 'of type object', options);
    }
    const { message, operator, stackStartFn, actual, expected } = options;
    const strict = operator === 'deepStrictEqual' || operator === 'strictEqual';
    // Two errors are shown without their stacks (node's copyError): "[Error: a]".
    const bothErrors = isError(actual) && isError(expected) && 'stack' in actual && 'stack' in expected;
    const shownActual = bothErrors ? copyError(actual) : actual;
    const shownExpected = bothErrors ? copyError(expected) : expected;
    if (message != null && !strict) super(String(message));
    else if (strict) super(createErrDiff(shownActual, shownExpected, operator, message == null ? undefined : String(message)));
    else super(generatedMessage(shownActual, shownExpected, operator));
    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', enumerable: false,
                                          writable: true, configurable: true });
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    Error.captureStackTrace(this, stackStartFn || AssertionError);  // header names the code
    this.name = 'AssertionError';
  }
  toString() { return this.name + ' [' + this.code + ']: ' + this.message; }
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function missingArgs() {
  return internal.nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified');
}

const { isDeepEqual, isDeepStrictEqual, isError } = require('%comparisons');

// ---- assert(value) / assert.ok: the message quotes the failing call from the caller's source ----
function callSource(fn) {
  const holder = {};
  Error.captureStackTrace(holder, fn);
  const frame = String(holder.stack).split('\n')[1] || '';
  const m = /at (?:.*\()?(\/.*):(\d+):(\d+)\)?$/.exec(frame);
  if (!m) return undefined;
  let text;
  try { text = require('fs').readFileSync(m[1], 'utf8'); } catch { return undefined; }
  const lines = text.split('\n');
  const line = Number(m[2]) - 1, column = Number(m[3]) - 1;
  if (line >= lines.length) return undefined;
  let offset = column;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  let start = offset;
  while (start > 0 && /[\w$.]/.test(text[start - 1])) start--;
  const end = callEnd(text, offset);
  if (end < 0) return undefined;
  const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
  const [first, ...rest] = text.slice(start, end).split('\n');
  let message = first;
  for (const l of rest) {  // node re-indents continuation lines relative to the call
    let pos = 0;
    while (pos < indent && (l[pos] === ' ' || l[pos] === '\t')) pos++;
    message += '\n  ' + l.slice(pos);
  }
  return message;
}

// The offset just past the argument list of the call whose callee starts at `i`; -1 if the
// parentheses do not balance. Strings, template literals and comments are skipped.
function callEnd(text, i) {
  while (i < text.length && /[\w$.\s]/.test(text[i])) i++;
  if (text[i] !== '(') return -1;
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) return -1;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      if (i <= 0) return -1;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generated = false;
  if (argLen === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generated = true;
    const source = callSource(fn);
    if (source !== undefined) message = 'The expression evaluated to a falsy value:\n\n  ' + source + '\n';
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

function ok(...args) { innerOk(ok, args.length, ...args); }
const assert = ok;

assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (argsLen === 0) {
    internalMessage = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    process.emitWarning('assert.fail() with more than one argument is deprecated. ' +
                        'Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({ actual, expected, operator: operator === undefined ? 'fail' : operator,
                                   stackStartFn: stackStartFn || fail, message: internalMessage || message });
  if (internalMessage) err.generatedMessage = true;
  throw err;
};

assert.AssertionError = AssertionError;
assert.ok = ok;

assert.equal = function equal(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (actual != expected && (actual === actual || expected === expected)) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
};
assert.notEqual = function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (actual == expected || (actual !== actual && expected !== expected)) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
};
assert.deepEqual = function deepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
};
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
};
assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
};
assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
};
assert.strictEqual = function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
};
assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
};

// ---- throws / doesNotThrow / rejects / doesNotReject ----
const NO_EXCEPTION = {};

function invalidArg(name, text, value) {
  return internal.invalidArgTypeError(name, text, value);
}
const kErrorTypes = 'of type function or an instance of Error, RegExp, or Object';

function getActual(fn) {
  if (typeof fn !== 'function') throw invalidArg('fn', 'of type function', fn);
  try { fn(); } catch (e) { return e; }
  return NO_EXCEPTION;
}

async function waitForActual(promiseFn) {
  let promise;
  if (typeof promiseFn === 'function') {
    promise = promiseFn();
    if (!types.isPromise(promise)) {
      // node's determineSpecificType: null, an instance of X, function f, or type t (value).
      const got = promise == null ? String(promise)
          : typeof promise === 'function' ? 'function ' + promise.name
          : typeof promise === 'object' ? 'an instance of ' + promise.constructor.name
          : 'type ' + typeof promise + ' (' + inspect(promise) + ')';
      throw internal.nodeError('TypeError', 'ERR_INVALID_RETURN_VALUE',
                               'Expected instance of Promise to be returned from the "promiseFn" function but got ' + got + '.');
    }
  } else if (types.isPromise(promiseFn)) {
    promise = promiseFn;
  } else {
    throw invalidArg('promiseFn', 'of type function or an instance of Promise', promiseFn);
  }
  try { await promise; } catch (e) { return e; }
  return NO_EXCEPTION;
}

class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (!(key in obj)) continue;
      if (actual !== undefined && typeof actual[key] === 'string' && types.isRegExp(obj[key]) &&
          obj[key].exec(actual[key]) !== null) {
        this[key] = actual[key];
      } else {
        this[key] = obj[key];
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (key in actual && isDeepStrictEqual(actual[key], expected[key])) return;
  if (!message) {
    const err = new AssertionError({ actual: new Comparison(actual, keys), expected: new Comparison(expected, keys, actual),
                                     operator: 'deepStrictEqual', stackStartFn: fn });
    err.actual = actual;
    err.expected = expected;
    err.operator = fn.name;
    throw err;
  }
  innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
}

// Checks the thrown `actual` against a RegExp, an Error class, a validation function or an
// object of expected properties; throws an AssertionError when it does not match.
function expectedException(actual, expected, message, fn) {
  let generated = false;
  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) {
      const str = String(actual);
      if (expected.exec(str) !== null) return;
      if (!message) {
        generated = true;
        message = 'The input did not match the regular expression ' + inspect(expected) + '. Input:\n\n' + inspect(str) + '\n';
      }
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) {
        throw internal.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE', "The argument 'error' may not be an empty object. Received {}");
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && types.isRegExp(expected[key]) && expected[key].exec(actual[key]) !== null) continue;
        compareExceptionKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Error.isPrototypeOf(expected) || expected === Error) {
    if (!message) {
      generated = true;
      message = 'The error is expected to be an instance of "' + expected.name + '". Received ';
      if (isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        message += expected.name === name ? 'an error with identical name but a different prototype.' : '"' + name + '"';
        if (actual.message) message += '\n\nError message:\n\n' + actual.message;
      } else {
        message += '"' + inspect(actual, { depth: -1 }) + '"';
      }
    }
  } else {
    const res = Reflect.apply(expected, {}, [actual]);
    if (res === true) return;
    if (!message) {
      generated = true;
      message = 'The ' + (expected.name ? '"' + expected.name + '" ' : '') + 'validation function is expected to return "true". Received ' + inspect(res);
      if (isError(actual)) message += '\n\nCaught error:\n\n' + actual;
    }
  }
  const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

// `rest`: the arguments after the function (or promise): [error, message].
function expectsError(fn, actual, rest) {
  let [error, message] = rest;
  if (typeof error === 'string') {
    if (rest.length > 1) throw invalidArg('error', kErrorTypes, error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) throw ambiguous('The error message "' + actual.message + '" is identical to the message.');
    } else if (actual === error) {
      throw ambiguous('The error "' + actual + '" is identical to the message.');
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw invalidArg('error', kErrorTypes, error);
  }
  if (actual === NO_EXCEPTION) {
    let details = error && error.name ? ' (' + error.name + ')' : '';
    details += message ? ': ' + message : '.';
    const kind = fn === assert.rejects ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: fn.name, message: 'Missing expected ' + kind + details, stackStartFn: fn });
  }
  if (error) expectedException(actual, error, message, fn);
}

function ambiguous(text) {
  return internal.nodeError('TypeError', 'ERR_AMBIGUOUS_ARGUMENT', 'The "error/message" argument is ambiguous. ' + text);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) return expected.exec(String(actual)) !== null;
    throw invalidArg('expected', 'of type function or an instance of RegExp', expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Error.isPrototypeOf(expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(fn, actual, rest) {
  let [error, message] = rest;
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? ': ' + message : '.';
    const kind = fn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({ actual, expected: error, operator: fn.name, stackStartFn: fn,
                message: 'Got unwanted ' + kind + details + '\nActual message: "' + (actual && actual.message) + '"' });
  }
  throw actual;
}

assert.throws = function throws(fn, ...rest) { expectsError(throws, getActual(fn), rest); };
assert.rejects = async function rejects(promiseFn, ...rest) {
  expectsError(rejects, await waitForActual(promiseFn), rest);
};
assert.doesNotThrow = function doesNotThrow(fn, ...rest) { expectsNoError(doesNotThrow, getActual(fn), rest); };
assert.doesNotReject = async function doesNotReject(promiseFn, ...rest) {
  expectsNoError(doesNotReject, await waitForActual(promiseFn), rest);
};

assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    message += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
  } else {
    message += inspect(err);
  }
  const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
  // The new error's frames down to the first one the original shares, then the original's frames.
  const origStack = err.stack;
  if (typeof origStack === 'string') {
    const at = origStack.indexOf('\n    at');
    if (at !== -1) {
      const originalFrames = origStack.slice(at + 1).split('\n');
      let newFrames = newErr.stack.split('\n');
      for (const frame of originalFrames) {
        const pos = newFrames.indexOf(frame);
        if (pos !== -1) {
          newFrames = newFrames.slice(0, pos);
          break;
        }
      }
      newErr.stack = newFrames.join('\n') + '\n' + originalFrames.join('\n');
    }
  }
  throw newErr;
};

function internalMatch(string, regexp, message, fn) {
  if (!types.isRegExp(regexp)) throw invalidArg('regexp', 'an instance of RegExp', regexp);
  const match = fn === assert.match;
  if (typeof string === 'string' && (regexp.exec(string) !== null) === match) return;
  if (message instanceof Error) throw message;
  const generated = !message;
  message = message || (typeof string !== 'string'
    ? 'The "string" argument must be of type string. Received type ' + typeof string + ' (' + inspect(string) + ')'
    : (match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression ') +
      inspect(regexp) + '. Input:\n\n' + inspect(string) + '\n');
  const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}
assert.match = function match(string, regexp, message) { internalMatch(string, regexp, message, match); };
assert.doesNotMatch = function doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, doesNotMatch); };

function strict(...args) { innerOk(strict, args.length, ...args); }
assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual, deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual, notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
module.exports = assert;
)JS";

// The deep equality of assert.deepEqual / deepStrictEqual and util.isDeepStrictEqual ('%comparisons';
// node 20 docs, assert "Comparison details"): loose mode compares primitives with == (NaN equals
// NaN) and ignores prototypes; strict mode uses Object.is, compares [[Prototype]]s and enumerable
// own symbol keys. Both compare type tags, only enumerable own properties, Error name and message,
// Date times, RegExp source/flags/lastIndex, boxed values, Map/Set contents unordered, and stop at
// cycles when both sides meet the same pair at the same depth.
extern const char kComparisonsModuleSource[] = R"JS('use strict';
const { types } = require('util');
const isObjectLike = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';
// ---- Deep equality (node's "Comparison details": loose and strict modes) ----
const kNoIterator = 0, kIsArray = 1, kIsSet = 2, kIsMap = 3;
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const tagOf = (v) => Object.prototype.toString.call(v);
const isError = (v) => types.isNativeError(v) || v instanceof Error;

function primitiveEqual(a, b, strict) {
  if (strict) return Object.is(a, b);
  return a == b || (a !== a && b !== b);  // loose: == except that NaN equals NaN
}

function sameBoxedValue(a, b) {
  const x = a.valueOf(), y = b.valueOf();
  return typeof x === typeof y && Object.is(x, y);
}

function sameRegExp(a, b) {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

// Enumerable own keys of an array that are not indices.
function nonIndexKeys(a) {
  return Object.keys(a).filter((k) => String(k >>> 0) !== k || (k >>> 0) === 4294967295);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    if (isObjectLike(a) || isObjectLike(b)) return false;
    return primitiveEqual(a, b, strict);
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tagOf(a) !== tagOf(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const ka = nonIndexKeys(a), kb = nonIndexKeys(b);
    if (ka.length !== kb.length) return false;
    return keyCheck(a, b, strict, memos, kIsArray, ka);
  }
  if (types.isDate(a)) {
    if (!types.isDate(b) || a.getTime() !== b.getTime()) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || !sameRegExp(a, b)) return false;
  } else if (isError(a)) {
    if (!isError(b) || a.message !== b.message || a.name !== b.name) return false;
  } else if (types.isTypedArray(a)) {
    if (!types.isTypedArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!primitiveEqual(a[i], b[i], strict)) return false;
    const ka = nonIndexKeys(a), kb = nonIndexKeys(b);
    if (ka.length !== kb.length) return false;
    return keyCheck(a, b, strict, memos, kNoIterator, ka);
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, kIsSet);
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, kIsMap);
  } else if (types.isBoxedPrimitive(a)) {
    if (!types.isBoxedPrimitive(b) || !sameBoxedValue(a, b)) return false;
  } else if (Array.isArray(b) || types.isDate(b) || types.isRegExp(b) || isError(b) || types.isTypedArray(b) ||
             types.isSet(b) || types.isMap(b) || types.isBoxedPrimitive(b)) {
    return false;
  }
  return keyCheck(a, b, strict, memos, kNoIterator);
}

function keyCheck(a, b, strict, memos, iteration, keys) {
  if (keys === undefined) {
    keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
  }
  for (const k of keys) if (!isEnumerable(b, k)) return false;
  if (strict) {  // enumerable own symbol keys count in strict mode
    let count = 0;
    for (const s of Object.getOwnPropertySymbols(a)) {
      if (isEnumerable(a, s)) {
        if (!isEnumerable(b, s)) return false;
        keys.push(s);
        count++;
      }
    }
    if (Object.getOwnPropertySymbols(b).filter((s) => isEnumerable(b, s)).length !== count) return false;
  }
  if (keys.length === 0 && (iteration === kNoIterator || (iteration === kIsArray && a.length === 0) ||
                            ((iteration === kIsSet || iteration === kIsMap) && a.size === 0))) {
    return true;
  }
  // Cycles: a pair met again while it is being compared is equal if both sides met it at the same depth.
  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), position: 0 };
  } else {
    const ma = memos.a.get(a);
    if (ma !== undefined) {
      const mb = memos.b.get(b);
      if (mb !== undefined) return ma === mb;
    }
    memos.position++;
  }
  memos.a.set(a, memos.position);
  memos.b.set(b, memos.position);
  const equal = objectEquivalent(a, b, strict, keys, memos, iteration);
  memos.a.delete(a);
  memos.b.delete(b);
  return equal;
}

function objectEquivalent(a, b, strict, keys, memos, iteration) {
  if (iteration === kIsSet) {
    if (!setEquivalent(a, b, strict, memos)) return false;
  } else if (iteration === kIsMap) {
    if (!mapEquivalent(a, b, strict, memos)) return false;
  } else if (iteration === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i) !== hasOwn(b, i)) return false;  // a hole on one side only
      if (hasOwn(a, i) && !innerDeepEqual(a[i], b[i], strict, memos)) return false;
    }
  }
  for (const k of keys) if (!innerDeepEqual(a[k], b[k], strict, memos)) return false;
  return true;
}

// Greedy one-to-one matching of the entries that could not be found by identity.
function matchRest(left, right, equal) {
  for (const x of left) {
    const j = right.findIndex((y) => equal(x, y));
    if (j < 0) return false;
    right.splice(j, 1);
  }
  return true;
}

function setEquivalent(a, b, strict, memos) {
  const left = [];
  for (const v of a) if (isObjectLike(v) || !b.has(v)) left.push(v);
  if (left.length === 0) return true;
  const right = [];
  for (const v of b) if (isObjectLike(v) || !a.has(v)) right.push(v);
  return left.length === right.length && matchRest(left, right, (x, y) => innerDeepEqual(x, y, strict, memos));
}

function mapEquivalent(a, b, strict, memos) {
  const left = [];
  for (const [k, v] of a) {
    if (!isObjectLike(k) && b.has(k) && innerDeepEqual(v, b.get(k), strict, memos)) continue;
    if (!isObjectLike(k) && strict) return false;
    left.push([k, v]);
  }
  if (left.length === 0) return true;
  const right = [];
  for (const [k, v] of b) {
    if (!isObjectLike(k) && a.has(k) && innerDeepEqual(a.get(k), v, strict, memos)) continue;
    right.push([k, v]);
  }
  return left.length === right.length &&
         matchRest(left, right, (x, y) => innerDeepEqual(x[0], y[0], strict, memos) &&
                                          innerDeepEqual(x[1], y[1], strict, memos));
}

module.exports = {
  isDeepEqual: (a, b) => innerDeepEqual(a, b, false),
  isDeepStrictEqual: (a, b) => innerDeepEqual(a, b, true),
  isError,
};

)JS";

}  // namespace tenure::js
