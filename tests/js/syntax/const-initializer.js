// expect error: SyntaxError: Missing initializer in const declaration
const limit;
