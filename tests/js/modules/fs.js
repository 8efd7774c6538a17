// require('fs'), the sync subset, inside a temp directory this test creates and removes.
const fs = require('fs');
const path = require('path');
const dir = fs.mkdtempSync('/tmp/tenure-fs-test-');
const rel = (p) => p.replace(dir, '<tmp>');
try {
  const file = path.join(dir, 'a.txt');
  console.log(fs.existsSync(dir), fs.existsSync(file), fs.statSync(dir).isDirectory());
  console.log(fs.writeFileSync(file, 'héllo\n'), fs.readFileSync(file, 'utf8'), fs.readFileSync(file, { encoding: 'utf8' }).length);
  fs.appendFileSync(file, 'more');
  const buf = fs.readFileSync(file);
  console.log(Buffer.isBuffer(buf), buf.length, buf[0], buf.toString());
  const st = fs.statSync(file);
  console.log(st.isFile(), st.isDirectory(), st.size, typeof st.mtimeMs, st instanceof fs.Stats);
  fs.writeFileSync(file, buf);
  console.log(fs.readFileSync(file, 'utf8') === buf.toString());
  fs.writeFileSync(file, 'x', { flag: 'a' });
  console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));

  console.log(rel(fs.mkdirSync(path.join(dir, 'p/q/r'), { recursive: true })));
  console.log(fs.mkdirSync(path.join(dir, 'p/q'), { recursive: true }));
  console.log(fs.mkdirSync(path.join(dir, 'solo')));
  fs.writeFileSync(path.join(dir, 'p', 'z.js'), 'module.exports = 40 + 2;');
  console.log(fs.readdirSync(dir).join(), fs.readdirSync(path.join(dir, 'p')).join());
  console.log(require(path.join(dir, 'p', 'z')));
  fs.unlinkSync(path.join(dir, 'p', 'z.js'));
  console.log(fs.existsSync(path.join(dir, 'p', 'z.js')), fs.statSync(path.join(dir, 'nope'), { throwIfNoEntry: false }));

  const show = (f) => {
    try {
      f();
    } catch (e) {
      console.log(e.name, rel(e.message), e.code, e.errno, e.syscall, rel(String(e.path)), Object.keys(e).join());
    }
  };
  show(() => fs.readFileSync(path.join(dir, 'missing.txt')));
  show(() => fs.readFileSync('relative-missing.txt', 'utf8'));
  show(() => fs.readdirSync(path.join(dir, 'missing')));
  show(() => fs.readdirSync(file));
  show(() => fs.mkdirSync(path.join(dir, 'solo')));
  show(() => fs.mkdirSync(path.join(dir, 'x/y')));
  show(() => fs.unlinkSync(path.join(dir, 'missing')));
  show(() => fs.statSync(path.join(dir, 'missing')));
  show(() => fs.writeFileSync(path.join(dir, 'missing', 'f'), 'x'));
  show(() => fs.readFileSync({}));
  show(() => fs.statSync(null));
  show(() => fs.writeFileSync(file, 42));
  console.log(fs.existsSync(42), fs.existsSync(undefined));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(fs.existsSync(dir));
// expect: true false true
// expect: undefined héllo
// expect:  6
// expect: true 11 104 héllo
// expect: more
// expect: true false 11 number true
// expect: true
// expect: "héllo\nmorex"
// expect: <tmp>/p
// expect: undefined
// expect: undefined
// expect: a.txt,p,solo q,z.js
// expect: 42
// expect: false undefined
// expect: Error ENOENT: no such file or directory, open '<tmp>/missing.txt' ENOENT -2 open <tmp>/missing.txt errno,code,syscall,path
// expect: Error ENOENT: no such file or directory, open 'relative-missing.txt' ENOENT -2 open relative-missing.txt errno,code,syscall,path
// expect: Error ENOENT: no such file or directory, scandir '<tmp>/missing' ENOENT -2 scandir <tmp>/missing errno,code,syscall,path
// expect: Error ENOTDIR: not a directory, scandir '<tmp>/a.txt' ENOTDIR -20 scandir <tmp>/a.txt errno,code,syscall,path
// expect: Error EEXIST: file already exists, mkdir '<tmp>/solo' EEXIST -17 mkdir <tmp>/solo errno,code,syscall,path
// expect: Error ENOENT: no such file or directory, mkdir '<tmp>/x/y' ENOENT -2 mkdir <tmp>/x/y errno,code,syscall,path
// expect: Error ENOENT: no such file or directory, unlink '<tmp>/missing' ENOENT -2 unlink <tmp>/missing errno,code,syscall,path
// expect: Error ENOENT: no such file or directory, stat '<tmp>/missing' ENOENT -2 stat <tmp>/missing errno,code,syscall,path
// expect: Error ENOENT: no such file or directory, open '<tmp>/missing/f' ENOENT -2 open <tmp>/missing/f errno,code,syscall,path
// expect: TypeError The "path" argument must be of type string or an instance of Buffer or URL. Received an instance of Object ERR_INVALID_ARG_TYPE undefined undefined undefined code
// expect: TypeError The "path" argument must be of type string or an instance of Buffer or URL. Received null ERR_INVALID_ARG_TYPE undefined undefined undefined code
// expect: TypeError The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (42) ERR_INVALID_ARG_TYPE undefined undefined undefined code
// expect: false false
// expect: false
