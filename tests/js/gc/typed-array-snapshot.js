// Heap snapshots show views as V8 does: a typed array or Buffer node has an internal `buffer`
// edge to its ArrayBuffer node, so a leaked ArrayBuffer's retainer path runs through its views.
const fs = require('fs');
const v8 = require('v8');
globalThis.keptViews = { words: new Uint16Array(new ArrayBuffer(64), 8, 4), bytes: Buffer.from('hello') };
const file = `/tmp/typed-array-snapshot-${process.pid}.heapsnapshot`;
v8.writeHeapSnapshot(file);
const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
fs.unlinkSync(file);
const { node_fields: nodeFields, edge_fields: edgeFields, node_types: nodeTypes, edge_types: edgeTypes } =
  snapshot.snapshot.meta;
const nf = nodeFields.length, ef = edgeFields.length;
const nodeName = (n) => snapshot.strings[snapshot.nodes[n * nf + 1]];
const nodeType = (n) => nodeTypes[0][snapshot.nodes[n * nf]];
// Names of the internal edges of every `object` node called `name`, with their target names.
function internalEdges(name) {
  const found = [];
  let edge = 0;
  for (let n = 0; n < snapshot.nodes.length / nf; n++) {
    const count = snapshot.nodes[n * nf + 4];
    if (nodeType(n) === 'object' && nodeName(n) === name) {
      for (let k = edge; k < edge + count; k++) {
        if (edgeTypes[0][snapshot.edges[k * ef]] !== 'internal') continue;
        const label = snapshot.strings[snapshot.edges[k * ef + 1]];
        if (label === 'buffer') found.push(label + ' -> ' + nodeName(snapshot.edges[k * ef + 2] / nf));
      }
    }
    edge += count;
  }
  return found;
}
console.log(internalEdges('Uint16Array'));  // expect: [ 'buffer -> ArrayBuffer' ]
console.log(internalEdges('Buffer').length >= 1, [...new Set(internalEdges('Buffer'))]);  // expect: true [ 'buffer -> ArrayBuffer' ]
