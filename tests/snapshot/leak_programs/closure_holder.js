// Seed leak 3, "Closures Holding References": the returned closure keeps `big` alive.
'use strict';
const {snapshot} = require('./common');
function heavy() {
  const big = new Array(1e6).fill('*');
  return () => big.length;
}
const app = {handlers: {}};
global.app = app;
snapshot('baseline');
app.handlers.onSize = heavy();
snapshot('target');
snapshot('final');
