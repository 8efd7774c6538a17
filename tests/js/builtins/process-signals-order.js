// When signal events run, as in node: not at all when the loop has nothing to do (the first
// SIGUSR2 is never emitted), and one event per kill, each followed by its own microtasks.
process.on('SIGUSR2', () => console.log('never: the loop is empty when SIGUSR2 is pending'));
process.kill(process.pid, 'SIGUSR2');
process.on('beforeExit', () => {
  if (process.listenerCount('SIGUSR1') > 0) return;
  process.removeAllListeners('SIGUSR2');
  let count = 0;
  process.on('SIGUSR1', (name) => {
    console.log('signal', name, ++count);
    process.nextTick(() => console.log('nextTick of signal', count));
    Promise.resolve().then(() => console.log('promise job of signal', count));
    if (count === 2) clearTimeout(keepAlive);
  });
  process.kill(process.pid, 'SIGUSR1');
  process.kill(process.pid, 'SIGUSR1');
  const keepAlive = setTimeout(() => console.log('never: two SIGUSR1 clear this'), 30000);
});
console.log('end of script');
// expect: end of script
// expect: signal SIGUSR1 1
// expect: nextTick of signal 1
// expect: promise job of signal 1
// expect: signal SIGUSR1 2
// expect: nextTick of signal 2
// expect: promise job of signal 2
