// require('path') (posix): every function over edge cases; node 20 printed the expectations.
const path = require('path');
const show = (name, args) => {
  let result;
  try {
    result = JSON.stringify(path[name](...args));
  } catch (e) {
    result = e.name + ': ' + e.message;
  }
  console.log(name + '(' + args.map((a) => JSON.stringify(a)).join(', ') + ') = ' + result);
};
for (const p of ['', '.', '..', '/', '//', '///', 'a', 'a/', '/a', '/a/', '//a', '//a/b', '/a//b', 'a/b//',
                 '/a/b/c.txt', 'a/b.tar.gz', '.bashrc', '..x', 'x..', 'x.', '/a/.b', 'a/./b/../c', '../../x',
                 './a/../../b/', '/../a', 'a/..', 'a/../']) {
  for (const name of ['normalize', 'dirname', 'basename', 'extname', 'isAbsolute', 'parse']) show(name, [p]);
}
show('basename', ['/a/b.html', '.html']);
show('basename', ['/a/b.html', 'html']);
show('basename', ['aaa', 'a']);
show('basename', ['.js', '.js']);
show('basename', ['/a/b.js/', '.js']);
show('join', []);
show('join', ['']);
show('join', ['/a', 'b', '../c', './d/']);
show('join', ['a', '', 'b']);
show('join', ['..', '..', 'x']);
show('join', ['a', 1]);
show('resolve', ['/a/b', './c']);
show('resolve', ['/a/b', '/c', 'd/', '..']);
show('resolve', ['/']);
show('resolve', ['/a/../..']);
show('relative', ['/a/b/c', '/a/d']);
show('relative', ['/a/b', '/a/b/c/d']);
show('relative', ['/a/b', '/a/b']);
show('relative', ['/', '/x/y']);
show('relative', ['/x/y', '/']);
show('relative', ['/ab/c', '/a/c']);
show('format', [{ root: '/', dir: '/home/u', base: 'f.txt' }]);
show('format', [{ root: '/', base: 'f.txt', ext: 'ignored' }]);
show('format', [{ name: 'f', ext: 'txt' }]);
show('format', [{ dir: 'd', name: 'f', ext: '.x' }]);
show('format', [{ root: '/', name: 'f' }]);
show('format', [null]);
show('dirname', [5]);
console.log(path.sep, path.delimiter, path.posix === path, path.isAbsolute(path.resolve()),
            path.resolve('x') === path.join(path.resolve(), 'x'), path.relative('x', 'y'));
console.log(path.format(path.parse('/home/user/file.txt')));
// expect: normalize("") = "."
// expect: dirname("") = "."
// expect: basename("") = ""
// expect: extname("") = ""
// expect: isAbsolute("") = false
// expect: parse("") = {"root":"","dir":"","base":"","ext":"","name":""}
// expect: normalize(".") = "."
// expect: dirname(".") = "."
// expect: basename(".") = "."
// expect: extname(".") = ""
// expect: isAbsolute(".") = false
// expect: parse(".") = {"root":"","dir":"","base":".","ext":"","name":"."}
// expect: normalize("..") = ".."
// expect: dirname("..") = "."
// expect: basename("..") = ".."
// expect: extname("..") = ""
// expect: isAbsolute("..") = false
// expect: parse("..") = {"root":"","dir":"","base":"..","ext":"","name":".."}
// expect: normalize("/") = "/"
// expect: dirname("/") = "/"
// expect: basename("/") = ""
// expect: extname("/") = ""
// expect: isAbsolute("/") = true
// expect: parse("/") = {"root":"/","dir":"/","base":"","ext":"","name":""}
// expect: normalize("//") = "/"
// expect: dirname("//") = "/"
// expect: basename("//") = ""
// expect: extname("//") = ""
// expect: isAbsolute("//") = true
// expect: parse("//") = {"root":"/","dir":"/","base":"","ext":"","name":""}
// expect: normalize("///") = "/"
// expect: dirname("///") = "/"
// expect: basename("///") = ""
// expect: extname("///") = ""
// expect: isAbsolute("///") = true
// expect: parse("///") = {"root":"/","dir":"/","base":"","ext":"","name":""}
// expect: normalize("a") = "a"
// expect: dirname("a") = "."
// expect: basename("a") = "a"
// expect: extname("a") = ""
// expect: isAbsolute("a") = false
// expect: parse("a") = {"root":"","dir":"","base":"a","ext":"","name":"a"}
// expect: normalize("a/") = "a/"
// expect: dirname("a/") = "."
// expect: basename("a/") = "a"
// expect: extname("a/") = ""
// expect: isAbsolute("a/") = false
// expect: parse("a/") = {"root":"","dir":"","base":"a","ext":"","name":"a"}
// expect: normalize("/a") = "/a"
// expect: dirname("/a") = "/"
// expect: basename("/a") = "a"
// expect: extname("/a") = ""
// expect: isAbsolute("/a") = true
// expect: parse("/a") = {"root":"/","dir":"/","base":"a","ext":"","name":"a"}
// expect: normalize("/a/") = "/a/"
// expect: dirname("/a/") = "/"
// expect: basename("/a/") = "a"
// expect: extname("/a/") = ""
// expect: isAbsolute("/a/") = true
// expect: parse("/a/") = {"root":"/","dir":"/","base":"a","ext":"","name":"a"}
// expect: normalize("//a") = "/a"
// expect: dirname("//a") = "//"
// expect: basename("//a") = "a"
// expect: extname("//a") = ""
// expect: isAbsolute("//a") = true
// expect: parse("//a") = {"root":"/","dir":"/","base":"a","ext":"","name":"a"}
// expect: normalize("//a/b") = "/a/b"
// expect: dirname("//a/b") = "//a"
// expect: basename("//a/b") = "b"
// expect: extname("//a/b") = ""
// expect: isAbsolute("//a/b") = true
// expect: parse("//a/b") = {"root":"/","dir":"//a","base":"b","ext":"","name":"b"}
// expect: normalize("/a//b") = "/a/b"
// expect: dirname("/a//b") = "/a/"
// expect: basename("/a//b") = "b"
// expect: extname("/a//b") = ""
// expect: isAbsolute("/a//b") = true
// expect: parse("/a//b") = {"root":"/","dir":"/a/","base":"b","ext":"","name":"b"}
// expect: normalize("a/b//") = "a/b/"
// expect: dirname("a/b//") = "a"
// expect: basename("a/b//") = "b"
// expect: extname("a/b//") = ""
// expect: isAbsolute("a/b//") = false
// expect: parse("a/b//") = {"root":"","dir":"a","base":"b","ext":"","name":"b"}
// expect: normalize("/a/b/c.txt") = "/a/b/c.txt"
// expect: dirname("/a/b/c.txt") = "/a/b"
// expect: basename("/a/b/c.txt") = "c.txt"
// expect: extname("/a/b/c.txt") = ".txt"
// expect: isAbsolute("/a/b/c.txt") = true
// expect: parse("/a/b/c.txt") = {"root":"/","dir":"/a/b","base":"c.txt","ext":".txt","name":"c"}
// expect: normalize("a/b.tar.gz") = "a/b.tar.gz"
// expect: dirname("a/b.tar.gz") = "a"
// expect: basename("a/b.tar.gz") = "b.tar.gz"
// expect: extname("a/b.tar.gz") = ".gz"
// expect: isAbsolute("a/b.tar.gz") = false
// expect: parse("a/b.tar.gz") = {"root":"","dir":"a","base":"b.tar.gz","ext":".gz","name":"b.tar"}
// expect: normalize(".bashrc") = ".bashrc"
// expect: dirname(".bashrc") = "."
// expect: basename(".bashrc") = ".bashrc"
// expect: extname(".bashrc") = ""
// expect: isAbsolute(".bashrc") = false
// expect: parse(".bashrc") = {"root":"","dir":"","base":".bashrc","ext":"","name":".bashrc"}
// expect: normalize("..x") = "..x"
// expect: dirname("..x") = "."
// expect: basename("..x") = "..x"
// expect: extname("..x") = ".x"
// expect: isAbsolute("..x") = false
// expect: parse("..x") = {"root":"","dir":"","base":"..x","ext":".x","name":"."}
// expect: normalize("x..") = "x.."
// expect: dirname("x..") = "."
// expect: basename("x..") = "x.."
// expect: extname("x..") = "."
// expect: isAbsolute("x..") = false
// expect: parse("x..") = {"root":"","dir":"","base":"x..","ext":".","name":"x."}
// expect: normalize("x.") = "x."
// expect: dirname("x.") = "."
// expect: basename("x.") = "x."
// expect: extname("x.") = "."
// expect: isAbsolute("x.") = false
// expect: parse("x.") = {"root":"","dir":"","base":"x.","ext":".","name":"x"}
// expect: normalize("/a/.b") = "/a/.b"
// expect: dirname("/a/.b") = "/a"
// expect: basename("/a/.b") = ".b"
// expect: extname("/a/.b") = ""
// expect: isAbsolute("/a/.b") = true
// expect: parse("/a/.b") = {"root":"/","dir":"/a","base":".b","ext":"","name":".b"}
// expect: normalize("a/./b/../c") = "a/c"
// expect: dirname("a/./b/../c") = "a/./b/.."
// expect: basename("a/./b/../c") = "c"
// expect: extname("a/./b/../c") = ""
// expect: isAbsolute("a/./b/../c") = false
// expect: parse("a/./b/../c") = {"root":"","dir":"a/./b/..","base":"c","ext":"","name":"c"}
// expect: normalize("../../x") = "../../x"
// expect: dirname("../../x") = "../.."
// expect: basename("../../x") = "x"
// expect: extname("../../x") = ""
// expect: isAbsolute("../../x") = false
// expect: parse("../../x") = {"root":"","dir":"../..","base":"x","ext":"","name":"x"}
// expect: normalize("./a/../../b/") = "../b/"
// expect: dirname("./a/../../b/") = "./a/../.."
// expect: basename("./a/../../b/") = "b"
// expect: extname("./a/../../b/") = ""
// expect: isAbsolute("./a/../../b/") = false
// expect: parse("./a/../../b/") = {"root":"","dir":"./a/../..","base":"b","ext":"","name":"b"}
// expect: normalize("/../a") = "/a"
// expect: dirname("/../a") = "/.."
// expect: basename("/../a") = "a"
// expect: extname("/../a") = ""
// expect: isAbsolute("/../a") = true
// expect: parse("/../a") = {"root":"/","dir":"/..","base":"a","ext":"","name":"a"}
// expect: normalize("a/..") = "."
// expect: dirname("a/..") = "a"
// expect: basename("a/..") = ".."
// expect: extname("a/..") = ""
// expect: isAbsolute("a/..") = false
// expect: parse("a/..") = {"root":"","dir":"a","base":"..","ext":"","name":".."}
// expect: normalize("a/../") = "./"
// expect: dirname("a/../") = "a"
// expect: basename("a/../") = ".."
// expect: extname("a/../") = ""
// expect: isAbsolute("a/../") = false
// expect: parse("a/../") = {"root":"","dir":"a","base":"..","ext":"","name":".."}
// expect: basename("/a/b.html", ".html") = "b"
// expect: basename("/a/b.html", "html") = "b."
// expect: basename("aaa", "a") = "aa"
// expect: basename(".js", ".js") = ""
// expect: basename("/a/b.js/", ".js") = "b"
// expect: join() = "."
// expect: join("") = "."
// expect: join("/a", "b", "../c", "./d/") = "/a/c/d/"
// expect: join("a", "", "b") = "a/b"
// expect: join("..", "..", "x") = "../../x"
// expect: join("a", 1) = TypeError: The "path" argument must be of type string. Received type number (1)
// expect: resolve("/a/b", "./c") = "/a/b/c"
// expect: resolve("/a/b", "/c", "d/", "..") = "/c"
// expect: resolve("/") = "/"
// expect: resolve("/a/../..") = "/"
// expect: relative("/a/b/c", "/a/d") = "../../d"
// expect: relative("/a/b", "/a/b/c/d") = "c/d"
// expect: relative("/a/b", "/a/b") = ""
// expect: relative("/", "/x/y") = "x/y"
// expect: relative("/x/y", "/") = "../.."
// expect: relative("/ab/c", "/a/c") = "../../a/c"
// expect: format({"root":"/","dir":"/home/u","base":"f.txt"}) = "/home/u/f.txt"
// expect: format({"root":"/","base":"f.txt","ext":"ignored"}) = "/f.txt"
// expect: format({"name":"f","ext":"txt"}) = "f.txt"
// expect: format({"dir":"d","name":"f","ext":".x"}) = "d/f.x"
// expect: format({"root":"/","name":"f"}) = "/f"
// expect: format(null) = TypeError: The "pathObject" argument must be of type object. Received null
// expect: dirname(5) = TypeError: The "path" argument must be of type string. Received type number (5)
// expect: / : true true true ../y
// expect: /home/user/file.txt
