// expect error: SyntaxError: Invalid or unexpected token
let s = 'abc

