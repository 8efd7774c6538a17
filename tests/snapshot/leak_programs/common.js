// Shared helper for the leak programs: writes the three snapshots memlab's method needs.
// usage: node <program>.js OUTDIR  -> OUTDIR/{baseline,target,final}.heapsnapshot
'use strict';
const v8 = require('v8');
const path = require('path');
const outDir = process.argv[2] || '.';
exports.snapshot = (label) => {
  if (global.gc) global.gc();
  v8.writeHeapSnapshot(path.join(outDir, label + '.heapsnapshot'));
};
