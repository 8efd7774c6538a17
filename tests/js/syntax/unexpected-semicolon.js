// expect error: let x = ;
// expect error:         ^
// expect error: SyntaxError: Unexpected token ';'
let x = ;
