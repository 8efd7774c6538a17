// flags: --random-seed=12345
// Math.random with a fixed seed (the sequence itself is checked by js.random-seed, which runs this
// file twice); here: values are numbers in [0, 1) and not constant.
const values = [];
for (let i = 0; i < 1000; i++) values.push(Math.random());
console.log(values.every((v) => typeof v === 'number' && v >= 0 && v < 1));  // expect: true
console.log(new Set(values).size > 990);  // expect: true
const mean = values.reduce((a, b) => a + b, 0) / values.length;
console.log(mean > 0.4 && mean < 0.6);  // expect: true
if (process.argv[2] === 'print') console.log(values.slice(0, 5).join(' '));
