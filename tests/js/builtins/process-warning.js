// process.emitWarning and the 'warning' event: node's argument forms (type, code, ctor, options
// with detail), node's ERR_INVALID_ARG_TYPE checks, emission on the next tick, and the warnings
// the events and util modules raise through the same path. (The stderr text: js.process-warning.)
process.on('warning', (w) => {
  console.log('warning event:', w.name, '|', w.message, '|', w.code, '|', w.detail, '|', w instanceof Error, Object.keys(w));
});
console.log('listeners', process.listenerCount('warning'), process.eventNames().includes('warning'));
process.emitWarning('plain');
process.emitWarning('typed', 'CustomWarning');
process.emitWarning('coded', 'CustomWarning', 'C001');
process.emitWarning('with ctor', 'CustomWarning', function ctor() {});
process.emitWarning('ctor as type', function ctor() {});
process.emitWarning('opts', { type: 'OptWarning', code: 'O1', detail: 'some detail' });
process.emitWarning('opts without type', { code: 'O2' });
process.emitWarning('dep', 'DeprecationWarning', 'DEP0999');
const e = new Error('an error');
e.name = 'ErrWarning';
process.emitWarning(e);
for (const args of [[42], ['x', 42], ['x', 'T', 42], [{}], []]) {
  try {
    process.emitWarning(...args);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
const EventEmitter = require('events');
const bus = new EventEmitter();
process.on('warning', (w) => {
  if (w.name === 'MaxListenersExceededWarning') console.log('leak warning:', w.type, w.count, w.emitter === bus);
});
for (let i = 0; i < 11; i++) bus.on('tick', () => {});
const old = require('util').deprecate(() => 'old result', 'old() is deprecated', 'DEP0998');
console.log(old(), old());
console.log('end of script', process.emitWarning('last'));
// expect: listeners 2 true
// expect: TypeError ERR_INVALID_ARG_TYPE The "warning" argument must be of type string or an instance of Error. Received type number (42)
// expect: TypeError ERR_INVALID_ARG_TYPE The "type" argument must be of type string. Received type number (42)
// expect: TypeError ERR_INVALID_ARG_TYPE The "code" argument must be of type string. Received type number (42)
// expect: TypeError ERR_INVALID_ARG_TYPE The "warning" argument must be of type string or an instance of Error. Received an instance of Object
// expect: TypeError ERR_INVALID_ARG_TYPE The "warning" argument must be of type string or an instance of Error. Received undefined
// expect: old result old result
// expect: end of script undefined
// expect: warning event: Warning | plain | undefined | undefined | true [ 'name' ]
// expect: warning event: CustomWarning | typed | undefined | undefined | true [ 'name' ]
// expect: warning event: CustomWarning | coded | C001 | undefined | true [ 'name', 'code' ]
// expect: warning event: CustomWarning | with ctor | undefined | undefined | true [ 'name' ]
// expect: warning event: Warning | ctor as type | undefined | undefined | true [ 'name' ]
// expect: warning event: OptWarning | opts | O1 | some detail | true [ 'name', 'code', 'detail' ]
// expect: warning event: Warning | opts without type | O2 | undefined | true [ 'name', 'code' ]
// expect: warning event: DeprecationWarning | dep | DEP0999 | undefined | true [ 'name', 'code' ]
// expect: warning event: ErrWarning | an error | undefined | undefined | true [ 'name' ]
// expect: warning event: MaxListenersExceededWarning | Possible EventEmitter memory leak detected. 11 tick listeners added to [EventEmitter]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit | undefined | undefined | true [ 'name', 'emitter', 'type', 'count' ]
// expect: leak warning: tick 11 true
// expect: warning event: DeprecationWarning | old() is deprecated | DEP0998 | undefined | true [ 'name', 'code' ]
// expect: warning event: Warning | last | undefined | undefined | true [ 'name' ]
