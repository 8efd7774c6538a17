// Errors and strings the way node 20 prints and builds them: a subclass's stack starts below its
// constructor, method calls report the property name's column, NativeError constructors inherit
// from Error, nested errors indent their stacks, errors with extra properties list them after the
// stack (even when it has no frames) except a name/message the stack already shows, and long
// strings with newlines print one line per piece. A header reflects a name set by the constructor.
class AppError extends Error {}
class DbError extends AppError { constructor(m) { super(m); this.code = 'E_DB'; } }
function open() { return new DbError('no db'); }
const e = open();
console.log(e.stack.split('\n').slice(0, 3).join('\n').replaceAll(__filename, 'FILE'));
const o = { method() { return new Error('m').stack.split('\n')[2].replaceAll(__filename, 'FILE'); } };
function caller() { return o.method(); }
console.log(caller());
console.log(Object.getPrototypeOf(RangeError) === Error, Error.isPrototypeOf(SyntaxError),
            Object.getPrototypeOf(URIError.prototype) === Error.prototype);
console.log({}.propertyIsEnumerable('x'), [1].propertyIsEnumerable(0), [1].propertyIsEnumerable('length'),
            'ab'.propertyIsEnumerable(1), 'ab'.propertyIsEnumerable(2), { a: 1 }.propertyIsEnumerable('a'),
            Object.defineProperty({}, 'h', { value: 1 }).propertyIsEnumerable('h'),
            Object.prototype.propertyIsEnumerable.call(Math, 'PI'));
const noFrames = new TypeError('t');
noFrames.stack = 'custom stack';
noFrames.code = 1;
console.log(noFrames);
const withProp = new Error('p');
withProp.stack = withProp.stack.split('\n')[0] + '\n    at somewhere (x.js:1:1)';
withProp.detail = 'v';
console.log(withProp);
console.log({ nested: withProp });
const bare = new RangeError('no stack');
delete bare.stack;
console.log(bare, [bare]);
console.log({ a: 'x'.repeat(50) + '\n' + 'y'.repeat(50) });
console.log(['a\nb'.repeat(12)]);
console.log([{ s: 'k'.repeat(40) + '\nz'.repeat(5) }]);
console.log({ short: 'a\nb', trailing: 'q'.repeat(90) + '\n' });
class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } }
class Deeper extends ValidationError { constructor() { super('deep'); this.message = 'changed'; } }
console.log(new ValidationError('bad input').stack.split('\n')[0], '|', new Deeper().stack.split('\n')[0]);
class Keep extends Error { constructor() { super('k'); this.stack = 'mine'; this.name = 'N'; } }
console.log(new Keep().stack);
class Getter extends Error { get name() { return 'FromGetter'; } }
class Proto extends Error {}
Proto.prototype.name = 'ProtoName';
console.log(new Getter('g').stack.split('\n')[0], '|', new Proto('x').stack.split('\n')[0]);
const shown = new ValidationError('shown');
shown.stack = shown.stack.split('\n')[0] + '\n    at f (y.js:2:2)';
console.log(shown);
shown.name = 'Renamed';
console.log(shown);

// expect: Error: no db
// expect:     at open (FILE:8:26)
// expect:     at Object.<anonymous> (FILE:9:11)
// expect:     at caller (FILE:12:30)
// expect: true true true
// expect: false true false true false true false false
// expect: [custom stack] { code: 1 }
// expect: Error: p
// expect:     at somewhere (x.js:1:1) {
// expect:   detail: 'v'
// expect: }
// expect: {
// expect:   nested: Error: p
// expect:       at somewhere (x.js:1:1) {
// expect:     detail: 'v'
// expect:   }
// expect: }
// expect: [RangeError: no stack] [ [RangeError: no stack] ]
// expect: {
// expect:   a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n' +
// expect:     'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'
// expect: }
// expect: [ 'a\nba\nba\nba\nba\nba\nba\nba\nba\nba\nba\nba\nb' ]
// expect: [ { s: 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\nz\nz\nz\nz\nz' } ]
// expect: {
// expect:   short: 'a\nb',
// expect:   trailing: 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\n'
// expect: }
// expect: ValidationError: bad input | ValidationError: changed
// expect: mine
// expect: FromGetter: g | ProtoName: x
// expect: ValidationError: shown
// expect:     at f (y.js:2:2)
// expect: ValidationError: shown
// expect:     at f (y.js:2:2) {
// expect:   name: 'Renamed'
// expect: }
