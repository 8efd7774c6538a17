// A non-Error rejection reason is reported as node's UnhandledPromiseRejection.
new Promise((resolve, reject) => setTimeout(() => reject(42), 1));
// expect error: UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "42".
// expect error:   code: 'ERR_UNHANDLED_REJECTION'
// expect exit: 1
