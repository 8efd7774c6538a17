// An uncaught error prints as util.inspect shows it in node: the stack's header is rendered when
// it is first shown, so a name set after construction appears, under the constructor's name
// (node's improveStack: `Error [ConfigError]`); frames shared with the `cause`'s stack are
// elided ("... N lines matching cause stack trace ..."); the cause follows with its builtin frame.
function load() {
  try {
    JSON.parse('{bad');
  } catch (e) {
    const err = new Error('config failed', { cause: e });
    err.name = 'ConfigError';
    throw err;
  }
}
load();
// expect error: __FILE__:11
// expect error:     throw err;
// expect error:     ^
// expect error: Error [ConfigError]: config failed
// expect error:     at load (__FILE__:9:17)
// expect error:     at Object.<anonymous> (__FILE__:14:1)
// expect error:     ... 5 lines matching cause stack trace ...
// expect error:     at node:internal/main/run_main_module:28:49 {
// expect error:   [cause]: SyntaxError: Expected property name or '}' in JSON at position 1
// expect error:       at JSON.parse (<anonymous>)
// expect error:       at load (__FILE__:7:10)
// expect error:       at Object.<anonymous> (__FILE__:14:1)
// expect error:       at Module._compile (node:internal/modules/cjs/loader:1521:14)
// expect error:       at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)
// expect error:       at Module.load (node:internal/modules/cjs/loader:1266:32)
// expect error:       at Module._load (node:internal/modules/cjs/loader:1091:12)
// expect error:       at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)
// expect error:       at node:internal/main/run_main_module:28:49
// expect error: }
// expect error: Node.js v20.20.2
// expect exit: 1
