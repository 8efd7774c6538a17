// A SyntaxError in a required file is reported at that file's line, like node.
require('./fixtures/bad-syntax');
// expect error: let broken = ;
// expect error:              ^
// expect error: SyntaxError: Unexpected token ';'
// expect exit: 1
