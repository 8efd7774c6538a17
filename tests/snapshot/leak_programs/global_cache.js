// Seed leak 1, "Global Variables": global.cache = [] that is never released.
'use strict';
const {snapshot} = require('./common');
class LeakyRecord {
  constructor(i) { this.id = i; this.body = new Array(500).fill(i); }  // ~4 KB per record
}
global.cache = [];
function handleRequest(i) { global.cache.push(new LeakyRecord(i)); }
snapshot('baseline');
for (let i = 0; i < 300; i++) handleRequest(i);
snapshot('target');
for (let i = 300; i < 400; i++) handleRequest(i);
snapshot('final');
