// encodeURI(Component) / decodeURI(Component) (well-formed UTF-8 only, URIError "URI malformed"),
// URIError / EvalError, Error.captureStackTrace. Output checked against node 20.
console.log(encodeURIComponent('a b&c=d/é€😀'), encodeURI('http://x.y/a b?q=1&r=é#h'), encodeURIComponent("-_.!~*'()"));
// expect: a%20b%26c%3Dd%2F%C3%A9%E2%82%AC%F0%9F%98%80 http://x.y/a%20b?q=1&r=%C3%A9#h -_.!~*'()
console.log(decodeURIComponent('a%20b%26%C3%A9%E2%82%AC%F0%9F%98%80'), decodeURI('%3B%2F%3F%20%23%41'), decodeURIComponent('%3B%2f'));
// expect: a b&é€😀 %3B%2F%3F %23A ;/
for (const s of ['%', '%E', '%ZZ', '%C3', '%C3%28', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%FF', '%80']) {
  try { decodeURIComponent(s); console.log('ok', s) } catch (e) { console.log(s, e.name + ': ' + e.message, e instanceof URIError, e instanceof Error) }
}
// expect: % URIError: URI malformed true true
// expect: %E URIError: URI malformed true true
// expect: %ZZ URIError: URI malformed true true
// expect: %C3 URIError: URI malformed true true
// expect: %C3%28 URIError: URI malformed true true
// expect: %C0%AF URIError: URI malformed true true
// expect: %ED%A0%80 URIError: URI malformed true true
// expect: %F4%90%80%80 URIError: URI malformed true true
// expect: %FF URIError: URI malformed true true
// expect: %80 URIError: URI malformed true true
try { encodeURIComponent('\ud800') } catch (e) { console.log(e.name + ': ' + e.message) }
// expect: URIError: URI malformed
console.log(encodeURIComponent('\ud83d\ude00'), encodeURIComponent(12), decodeURIComponent(''), typeof EvalError, new EvalError('x').name, String(new URIError('bad')));
// expect: %F0%9F%98%80 12  function EvalError URIError: bad
function MyErr(msg) { this.message = msg; this.name = 'MyErr'; Error.captureStackTrace(this, MyErr); }
function f() { return new MyErr('boom'); }
const e = f();
console.log(e.stack.split('\n')[0], e.stack.split('\n').length > 1, Object.keys(e));
// expect: MyErr: boom true [ 'message', 'name' ]
const o = {}; Error.captureStackTrace(o); console.log(o.stack.split('\n')[0], Object.keys(o));
// expect: Error []
try { Error.captureStackTrace(1) } catch (x) { console.log(x.name + ': ' + x.message) }
// expect: TypeError: invalid_argument
console.log(typeof Error.captureStackTrace, Error.captureStackTrace.length);
// expect: function 2
