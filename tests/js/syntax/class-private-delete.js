// expect error: SyntaxError: Private fields can not be deleted
class A {
  #x = 1;
  m() { delete this.#x; }
}
