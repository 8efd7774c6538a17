// expect error: SyntaxError: missing ) after argument list
console.log('a' 'b');
