// URL and URLSearchParams (WHATWG URL Standard, as node 20 implements it), global and from
// require('url'): parsing against bases (relative references, dot segments, special schemes and
// their default ports, IPv4 in all its forms, IPv6 compression, IDNA Punycode, percent-encoding sets,
// file: drive letters, opaque paths), setters with their state overrides, searchParams kept in sync
// with the query, node's inspection, ERR_INVALID_URL, fileURLToPath / pathToFileURL.
const url = require('url');
const parts = (u) => [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port,
                      u.pathname, u.search, u.hash].join(' | ');
const cases = [
  ['http://ExAmPle.COM./%7e/../x/./y?q=1#f'], ['../g?y#s', 'http://a/b/c/d;p?q'], ['//other/x', 'https://h/p'],
  ['?only', 'http://a/b?old#frag'], ['#only', 'http://a/b?q'], ['g;x?y#s', 'http://a/b/c/d;p?q'],
  ['http://0x7f.1/'], ['http://4294967295/'], ['http://0177.0.0.1:80/'], ['http://[1:0:0:0:0:0:0:1]:8080/'],
  ['http://[::ffff:1.2.3.4]/'], ['http://[0:0:0:0:0:0:13.1.68.3]'], ['http://münchen.de/straße?ä=ö#ü'],
  ['http://Ａ.com/'], ['HTTP://a:080/'], ['wss://x:443/'], ['ftp://x:21/'], ['http://a/b^c{}|`d'],
  ["http://a/?'x\"<>"], ["foo://a/?'x"], ['http://a/%2e%2E/b/%2e'], ['non-spec:/.//p'], ['mailto:A b@c'],
  ['file:///C:/x/../..'], ['file:c:\\x\\y'], ['file://localhost/etc/hosts'], ['C|/foo', 'file:///D:/base'],
  ['http://user:p@ss@x/'], ['  http:\\\\a\\b\t\n  '], ['sc://ñ.test/p'], ['javascript:alert(1)'],
  ['blob:https://a.com/uuid'], ['data:text/plain,hi there'], ['http://a/p?q=ü&x=%zz#ü `<>'],
];
for (const [input, base] of cases) console.log(parts(new URL(input, base)));
for (const bad of ['nope', 'http://a:99999/', 'http://a b/', 'http://1.2.3.256/', 'http://[1::1.2.3]/', 'http://@/', '//x']) {
  try { new URL(bad); console.log('parsed?', bad); } catch (e) { console.log(e.name, e.code, e.message, JSON.stringify(e.input), Object.keys(e).join()); }
}
try { new URL('/x', 'bad base'); } catch (e) { console.log(e.code, e.input, e.base); }
console.log(URL.canParse('http://x'), URL.canParse('x'), URL.canParse('x', 'http://b/'));

const u = new URL('http://u:p@example.com:8080/a/b?c=1#d');
const setters = [['protocol', 'https'], ['protocol', 'file'], ['username', 'me@x'], ['password', ''], ['host', 'h2:99'],
  ['hostname', 'h3'], ['port', '443'], ['port', 'bad'], ['port', ''], ['pathname', '/p/../q r'], ['search', 'a=b c'],
  ['hash', 'new hash'], ['search', ''], ['hash', ''], ['href', 'http://fresh/?k=v']];
for (const [prop, value] of setters) {
  u[prop] = value;
  console.log(prop, JSON.stringify(value), '->', u.href);
}
try { u.href = 'not a url'; } catch (e) { console.log(e.code, u.href); }

const sp = u.searchParams;
sp.append('n', 'é &+');
sp.append('k', 'w');
console.log(u.search, sp.get('k'), sp.getAll('k'), sp.has('k', 'w'), sp.has('k', 'x'), sp.size);
sp.set('k', 'one');
sp.sort();
console.log(u.href, [...sp.keys()].join(), [...sp.values()].join());
u.search = '?z=9&z=8';
console.log(sp.getAll('z'), sp.toString());
sp.delete('z', '9');
console.log(u.href);
sp.delete('z');
console.log(u.href, JSON.stringify(u.search));
const entries = [];
new URLSearchParams('a=1&b=2&a=3').forEach((v, k) => entries.push(k + '=' + v));
console.log(entries.join(' '), String(new URLSearchParams({ x: 1, y: 'ü' })), String(new URLSearchParams([['p', 'q'], ['p', 'r']])));
console.log(String(new URLSearchParams('?x=%20y+z&&=&q&%F0%9F%92%A9=%zz')), new URLSearchParams('a=b').get('missing'));
try { new URLSearchParams([['only-one']]); } catch (e) { console.log(e.name, e.code); }

console.log(new URL('https://user:pw@example.com:8080/a/b?x=1&y=2#h'));
console.log(require('util').inspect(new URL('http://a/?q=1'), { depth: 0 }));
console.log({ nested: { url: new URL('http://a/') } }, [new URLSearchParams('a=1')], new URLSearchParams());
console.log(JSON.stringify({ u: new URL('http://a/b') }), `${new URL('http://a/b')}`, Object.prototype.toString.call(new URL('http://a')));
console.log(URL === url.URL, URLSearchParams === url.URLSearchParams, Object.keys(URL.prototype).join());
console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/tmp/x y#z%').href);
try { url.fileURLToPath('http://x/'); } catch (e) { console.log(e.code); }
try { url.fileURLToPath('file:///a%2Fb'); } catch (e) { console.log(e.code); }
console.log(url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com') === '' ? 'empty' : 'kept');

// expect: http://example.com./x/y?q=1#f | http://example.com. | http: |  |  | example.com. | example.com. |  | /x/y | ?q=1 | #f
// expect: http://a/b/g?y#s | http://a | http: |  |  | a | a |  | /b/g | ?y | #s
// expect: https://other/x | https://other | https: |  |  | other | other |  | /x |  | 
// expect: http://a/b?only | http://a | http: |  |  | a | a |  | /b | ?only | 
// expect: http://a/b?q#only | http://a | http: |  |  | a | a |  | /b | ?q | #only
// expect: http://a/b/c/g;x?y#s | http://a | http: |  |  | a | a |  | /b/c/g;x | ?y | #s
// expect: http://127.0.0.1/ | http://127.0.0.1 | http: |  |  | 127.0.0.1 | 127.0.0.1 |  | / |  | 
// expect: http://255.255.255.255/ | http://255.255.255.255 | http: |  |  | 255.255.255.255 | 255.255.255.255 |  | / |  | 
// expect: http://127.0.0.1/ | http://127.0.0.1 | http: |  |  | 127.0.0.1 | 127.0.0.1 |  | / |  | 
// expect: http://[1::1]:8080/ | http://[1::1]:8080 | http: |  |  | [1::1]:8080 | [1::1] | 8080 | / |  | 
// expect: http://[::ffff:102:304]/ | http://[::ffff:102:304] | http: |  |  | [::ffff:102:304] | [::ffff:102:304] |  | / |  | 
// expect: http://[::d01:4403]/ | http://[::d01:4403] | http: |  |  | [::d01:4403] | [::d01:4403] |  | / |  | 
// expect: http://xn--mnchen-3ya.de/stra%C3%9Fe?%C3%A4=%C3%B6#%C3%BC | http://xn--mnchen-3ya.de | http: |  |  | xn--mnchen-3ya.de | xn--mnchen-3ya.de |  | /stra%C3%9Fe | ?%C3%A4=%C3%B6 | #%C3%BC
// expect: http://a.com/ | http://a.com | http: |  |  | a.com | a.com |  | / |  | 
// expect: http://a/ | http://a | http: |  |  | a | a |  | / |  | 
// expect: wss://x/ | wss://x | wss: |  |  | x | x |  | / |  | 
// expect: ftp://x/ | ftp://x | ftp: |  |  | x | x |  | / |  | 
// expect: http://a/b^c%7B%7D|%60d | http://a | http: |  |  | a | a |  | /b^c%7B%7D|%60d |  | 
// expect: http://a/?%27x%22%3C%3E | http://a | http: |  |  | a | a |  | / | ?%27x%22%3C%3E | 
// expect: foo://a/?'x | null | foo: |  |  | a | a |  | / | ?'x | 
// expect: http://a/b/ | http://a | http: |  |  | a | a |  | /b/ |  | 
// expect: non-spec:/.//p | null | non-spec: |  |  |  |  |  | //p |  | 
// expect: mailto:A b@c | null | mailto: |  |  |  |  |  | A b@c |  | 
// expect: file:///C:/ | null | file: |  |  |  |  |  | /C:/ |  | 
// expect: file:///c:/x/y | null | file: |  |  |  |  |  | /c:/x/y |  | 
// expect: file:///etc/hosts | null | file: |  |  |  |  |  | /etc/hosts |  | 
// expect: file:///C:/foo | null | file: |  |  |  |  |  | /C:/foo |  | 
// expect: http://user:p%40ss@x/ | http://x | http: | user | p%40ss | x | x |  | / |  | 
// expect: http://a/b | http://a | http: |  |  | a | a |  | /b |  | 
// expect: sc://%C3%B1.test/p | null | sc: |  |  | %C3%B1.test | %C3%B1.test |  | /p |  | 
// expect: javascript:alert(1) | null | javascript: |  |  |  |  |  | alert(1) |  | 
// expect: blob:https://a.com/uuid | https://a.com | blob: |  |  |  |  |  | https://a.com/uuid |  | 
// expect: data:text/plain,hi there | null | data: |  |  |  |  |  | text/plain,hi there |  | 
// expect: http://a/p?q=%C3%BC&x=%zz#%C3%BC%20%60%3C%3E | http://a | http: |  |  | a | a |  | /p | ?q=%C3%BC&x=%zz | #%C3%BC%20%60%3C%3E
// expect: TypeError ERR_INVALID_URL Invalid URL "nope" code,input
// expect: TypeError ERR_INVALID_URL Invalid URL "http://a:99999/" code,input
// expect: TypeError ERR_INVALID_URL Invalid URL "http://a b/" code,input
// expect: TypeError ERR_INVALID_URL Invalid URL "http://1.2.3.256/" code,input
// expect: TypeError ERR_INVALID_URL Invalid URL "http://[1::1.2.3]/" code,input
// expect: TypeError ERR_INVALID_URL Invalid URL "http://@/" code,input
// expect: TypeError ERR_INVALID_URL Invalid URL "//x" code,input
// expect: ERR_INVALID_URL /x bad base
// expect: true false true
// expect: protocol "https" -> https://u:p@example.com:8080/a/b?c=1#d
// expect: protocol "file" -> https://u:p@example.com:8080/a/b?c=1#d
// expect: username "me@x" -> https://me%40x:p@example.com:8080/a/b?c=1#d
// expect: password "" -> https://me%40x@example.com:8080/a/b?c=1#d
// expect: host "h2:99" -> https://me%40x@h2:99/a/b?c=1#d
// expect: hostname "h3" -> https://me%40x@h3:99/a/b?c=1#d
// expect: port "443" -> https://me%40x@h3/a/b?c=1#d
// expect: port "bad" -> https://me%40x@h3/a/b?c=1#d
// expect: port "" -> https://me%40x@h3/a/b?c=1#d
// expect: pathname "/p/../q r" -> https://me%40x@h3/q%20r?c=1#d
// expect: search "a=b c" -> https://me%40x@h3/q%20r?a=b%20c#d
// expect: hash "new hash" -> https://me%40x@h3/q%20r?a=b%20c#new%20hash
// expect: search "" -> https://me%40x@h3/q%20r#new%20hash
// expect: hash "" -> https://me%40x@h3/q%20r
// expect: href "http://fresh/?k=v" -> http://fresh/?k=v
// expect: ERR_INVALID_URL http://fresh/?k=v
// expect: ?k=v&n=%C3%A9+%26%2B&k=w v [ 'v', 'w' ] true false 3
// expect: http://fresh/?k=one&n=%C3%A9+%26%2B k,n one,é &+
// expect: [ '9', '8' ] z=9&z=8
// expect: http://fresh/?z=8
// expect: http://fresh/ ""
// expect: a=1 b=2 a=3 x=1&y=%C3%BC p=q&p=r
// expect: x=+y+z&=&q=&%F0%9F%92%A9=%25zz null
// expect: TypeError ERR_INVALID_TUPLE
// expect: URL {
// expect:   href: 'https://user:pw@example.com:8080/a/b?x=1&y=2#h',
// expect:   origin: 'https://example.com:8080',
// expect:   protocol: 'https:',
// expect:   username: 'user',
// expect:   password: 'pw',
// expect:   host: 'example.com:8080',
// expect:   hostname: 'example.com',
// expect:   port: '8080',
// expect:   pathname: '/a/b',
// expect:   search: '?x=1&y=2',
// expect:   searchParams: URLSearchParams { 'x' => '1', 'y' => '2' },
// expect:   hash: '#h'
// expect: }
// expect: URL {
// expect:   href: 'http://a/?q=1',
// expect:   origin: 'http://a',
// expect:   protocol: 'http:',
// expect:   username: '',
// expect:   password: '',
// expect:   host: 'a',
// expect:   hostname: 'a',
// expect:   port: '',
// expect:   pathname: '/',
// expect:   search: '?q=1',
// expect:   searchParams: [Object],
// expect:   hash: ''
// expect: }
// expect: {
// expect:   nested: {
// expect:     url: URL {
// expect:       href: 'http://a/',
// expect:       origin: 'http://a',
// expect:       protocol: 'http:',
// expect:       username: '',
// expect:       password: '',
// expect:       host: 'a',
// expect:       hostname: 'a',
// expect:       port: '',
// expect:       pathname: '/',
// expect:       search: '',
// expect:       searchParams: URLSearchParams {},
// expect:       hash: ''
// expect:     }
// expect:   }
// expect: } [ URLSearchParams { 'a' => '1' } ] URLSearchParams {}
// expect: {"u":"http://a/b"} http://a/b [object URL]
// expect: true true toString,href,origin,protocol,username,password,host,hostname,port,pathname,search,searchParams,hash,toJSON
// expect: /tmp/a b.txt file:///tmp/x%20y%23z%25
// expect: ERR_INVALID_URL_SCHEME
// expect: ERR_INVALID_FILE_URL_PATH
// expect: xn--espaol-zwa.com empty
