// expect error: foo bar
// expect error:     ^^^
// expect error: SyntaxError: Unexpected identifier 'bar'
foo bar
