// Seed: "Stack (Fast & Small)" and "Heap (Big & Flexible)". Primitives and calls live on the
// interpreter's register stack; the object lives in libtenure's heap.
// Run: tenure 01-stack-and-heap.js
function add(a, b) {
  return a + b; // stack
}
const user = { name: "Kaush", age: 21 };
console.log(add(2, 3), user);
console.log(process.memoryUsage());
