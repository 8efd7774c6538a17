// Many pending promises, reactions and queued jobs survive collections while the program
// allocates heavily between settling them (also run under the stress labels' moving GCs).
const resolvers = [];
const chains = [];
for (let i = 0; i < 150; i++) {
  const p = new Promise((resolve) => resolvers.push(resolve));
  chains.push(p.then((v) => ({ v, pad: new Array(8).fill(v) })).then((o) => o.v + o.pad.length));
}
let garbage = [];
for (let i = 0; i < 1500; i++) garbage.push({ i, s: 'x' + i });
garbage = null;
setTimeout(() => {
  for (let i = 0; i < resolvers.length; i++) resolvers[i](i);
  let churn = [];
  for (let i = 0; i < 1500; i++) churn.push([i, i + 1]);
  Promise.all(chains).then((values) => {
    let sum = 0;
    for (const v of values) sum += v;
    console.log('settled', values.length, 'sum', sum, 'churn', churn.length);
  });
}, 1);
// expect: settled 150 sum 12375 churn 1500
