// expect error: SyntaxError: Identifier '#x' has already been declared
// Two declarations of one private name (a getter/setter pair would be allowed).
class A {
  #x;
  get #x() { return 1; }
}
