// Seed leak 4, "Growing Arrays / Maps": const store = []; app.get('/', () => store.push(req)),
// plus a Map of sessions that only grows.
'use strict';
const {snapshot} = require('./common');
class Request { constructor(i) { this.url = '/item/' + i; this.headers = {accept: '*/*', n: i}; this.body = new Array(250).fill(i); } }  // ~2 KB per request
const app = {routes: [], get(path, fn) { this.routes.push({path, fn}); }, serve(req) { for (const r of this.routes) r.fn(req); }};
global.app = app;
const store = [];
app.get('/', (req) => store.push(req));
snapshot('baseline');
for (let i = 0; i < 500; i++) app.serve(new Request(i));
snapshot('target');
for (let i = 500; i < 600; i++) app.serve(new Request(i));
snapshot('final');
