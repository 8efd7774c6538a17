// TextEncoder / TextDecoder (WHATWG Encoding), UTF-8 only: encode gives a Uint8Array, decode
// takes an ArrayBuffer or any view, replaces ill-formed bytes with U+FFFD (or throws when
// fatal), and drops a leading BOM unless ignoreBOM.
const enc = new TextEncoder();
console.log(typeof TextEncoder, typeof TextDecoder, enc.encoding, enc.encode('hé€😀'), enc.encode(), enc.encode('\ud800x'));
console.log(enc.encode(12).join(), enc.encode('abc') instanceof Uint8Array, enc.encodeInto('héllo', new Uint8Array(3)),
            enc.encodeInto('a😀', new Uint8Array(4)), Object.prototype.toString.call(enc));
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM, dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 104, 0xc3, 0xa9])),
            JSON.stringify(dec.decode()), dec.decode(new Uint8Array([104, 105]).buffer));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xff, 65, 0xe2, 0x82, 66, 0xf0, 0x9f, 0x98]))),
            JSON.stringify(dec.decode(new Uint8Array([0xed, 0xa0, 0x80, 0xc0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xe0, 0x80]))),
            dec.decode(new DataView(new Uint8Array([65, 66]).buffer)), dec.decode(Buffer.from('xyz')),
            dec.decode(new Uint8Array([0, 1, 104, 105, 0]).subarray(2, 4)), dec.decode(new Uint16Array([0x6968])));
console.log(new TextDecoder('utf8').encoding, new TextDecoder(' UTF-8 ').encoding,
            new TextDecoder('UTF-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 65])).length,
            new TextDecoder('utf-8', { fatal: true }).fatal, Object.prototype.toString.call(dec));
const all = 'ascii, ünïcödé, 中文, 😀🎉';
console.log(dec.decode(enc.encode(all)) === all, new TextDecoder('utf-8', { fatal: true }).decode(enc.encode(all)) === all);
for (const f of [() => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])),
                 () => new TextDecoder('foo'), () => dec.decode('str')]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}

// expect: function function utf-8 Uint8Array(10) [
// expect:   104, 195, 169, 226,
// expect:   130, 172, 240, 159,
// expect:   152, 128
// expect: ] Uint8Array(0) [] Uint8Array(4) [ 239, 191, 189, 120 ]
// expect: 49,50 true { read: 2, written: 3 } { read: 1, written: 1 } [object TextEncoder]
// expect: utf-8 false false hé "" hi
// expect: "�A�B�" "�����������" AB xyz hi hi
// expect: utf-8 utf-8 2 true [object TextDecoder]
// expect: true true
// expect: TypeError ERR_ENCODING_INVALID_ENCODED_DATA The encoded data was not valid for encoding utf-8
// expect: RangeError ERR_ENCODING_NOT_SUPPORTED The "foo" encoding is not supported
// expect: TypeError ERR_INVALID_ARG_TYPE The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.
