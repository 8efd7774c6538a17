// Seed leak 4: a Map of sessions that is added to on every request and never pruned.
const v8 = require('v8');
class Session {
  constructor(id) {
    this.id = id;
    this.history = new Array(48).fill(id);
  }
}
function createServer() {
  const sessions = new Map();
  return { handle(id) { sessions.set(id, new Session(id)); return sessions.size; } };
}
global.server = createServer();
let next = 0;
function serve(n) { for (let i = 0; i < n; i++) server.handle('s' + next++); }
v8.writeHeapSnapshot('A.heapsnapshot');
serve(400);
v8.writeHeapSnapshot('B.heapsnapshot');
serve(400);
console.log(v8.writeHeapSnapshot('C.heapsnapshot'));
