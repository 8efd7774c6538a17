// process.env holds the environment as strings (was an empty object): the runner sets
// TENURE_ENV_PROBE for this file; a missing variable reads undefined; the object can be
// extended and deleted from like node's.
// env: TENURE_ENV_PROBE=probe-value
console.log(process.env.TENURE_ENV_PROBE, typeof process.env.PATH, process.env.NO_SUCH_VARIABLE_X);
console.log(Object.keys(process.env).includes('TENURE_ENV_PROBE'), 'TENURE_ENV_PROBE' in process.env);
const mode = process.env.NODE_ENV_NOT_SET || 'development';
console.log(mode);
process.env.ADDED = 'yes';
console.log(process.env.ADDED, delete process.env.ADDED, process.env.ADDED);

// expect: probe-value string undefined
// expect: true true
// expect: development
// expect: yes true undefined
