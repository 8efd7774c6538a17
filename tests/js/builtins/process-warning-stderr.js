// The stderr text of process warnings in node's format — checked by the js.process-warning ctest
// (the "(node:PID)" prefix varies), and with --no-warnings by js.process-warning-silent.
process.emitWarning('plain');
process.emitWarning('coded', 'CustomWarning', 'C001');
process.emitWarning('opts', { type: 'OptWarning', code: 'O1', detail: 'some detail' });
process.emitWarning('dep', 'DeprecationWarning', 'DEP0999');
const e = new Error('an error');
e.name = 'ErrWarning';
process.emitWarning(e);
