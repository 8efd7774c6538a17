// Seed leak 3: a closure that keeps a `big` object alive after the work that needed it is done.
const v8 = require('v8');
global.app = { handlers: {} };
function install() {
  const big = new Array(100000).fill('x');  // ~800 KB, only needed for its size
  const size = big.length;
  app.handlers.onSize = function onSize() { return big.length === size; };
}
v8.writeHeapSnapshot('A.heapsnapshot');
install();
v8.writeHeapSnapshot('B.heapsnapshot');
for (let i = 0; i < 1000; i++) ({ temp: 'garbage' + i });
console.log(v8.writeHeapSnapshot('C.heapsnapshot'), app.handlers.onSize());
