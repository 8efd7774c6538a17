// Calling a non-function names the callee expression, like V8.
// expect: caught TypeError: obj.method is not a function
// expect: caught TypeError: Assignment to constant variable.
// expect: caught ReferenceError: Cannot access 'late' before initialization
// expect: caught ReferenceError: undefinedVariable is not defined
// expect: caught TypeError: Class constructor K cannot be invoked without 'new'
// expect: caught TypeError: Cannot set properties of null (setting 'x')
// expect error: ReferenceError: boom is not defined
const obj = {};
const attempts = [
  () => obj.method(),
  () => { const c = 1; c = 2; },
  () => { late; let late = 1; },
  () => undefinedVariable,
  () => { class K {} K(); },
  () => { const n = null; n.x = 1; },
];
for (const f of attempts) {
  try { f(); } catch (e) { console.log('caught ' + e.name + ': ' + e.message); }
}
boom;
