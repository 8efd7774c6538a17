// expect error: x = 5 @ 3
// expect error:       ^
// expect error: SyntaxError: Invalid or unexpected token
x = 5 @ 3
