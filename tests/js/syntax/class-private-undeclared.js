// expect error: SyntaxError: Private field '#y' must be declared in an enclosing class
// A private name used in a class body that declares no such name (nor does an enclosing class).
class A {
  #x = 1;
  m() { return this.#y; }
}
