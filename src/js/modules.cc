// CommonJS modules (modules.h): resolution, the cache, loading .js/.json files and the builtin
// modules. Behaviour follows node 20's documentation (nodejs.org/api/modules.html, "All
// together": LOAD_AS_FILE, LOAD_AS_DIRECTORY, LOAD_NODE_MODULES) and its observed output.
#include "modules.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "builtins.h"
#include "compiler.h"
#include "parser.h"
#include "private_names.h"
#include "scope.h"
#include "syntax_error.h"

namespace tenure::js {
namespace {

namespace fs = std::filesystem;

// kStateModuleKey..kStateArrowKey hold private symbols (kSymbolPrivate): keys of the internal
// properties below, which no enumeration, Reflect.ownKeys or inspection shows.
enum ModuleStateSlot : int {
  kStateCache, kStateBuiltins, kStateArgs, kStateMain,
  kStateModuleKey,  // require / require.resolve -> their module
  kStateParentKey,  // module -> the module that required it first (the "Require stack")
  kStateArrowKey,   // a SyntaxError thrown by require -> its "file:line / source / caret" header
  kStateSlots
};
constexpr int kWrapperArgCount = 5;
constexpr const char* kWrapperNames[kWrapperArgCount] = {"exports", "require", "module", "__filename",
                                                         "__dirname"};

FixedArray* State(Runtime& rt) { return rt.root(kRootModuleState).As<FixedArray>(); }
Value StateSlot(Runtime& rt, int slot) { return State(rt)->items()[slot]; }
void SetStateSlot(Runtime& rt, int slot, Value v) {
  FixedArray* state = State(rt);
  tenure::Store(state, &state->items()[slot], v);
}

// The private-symbol key in state slot `slot` (kStateModuleKey, kStateParentKey, kStateArrowKey).
Handle InternalKey(Runtime& rt, int slot) { return Handle::New(rt.heap(), StateSlot(rt, slot)); }

void SetInternal(Runtime& rt, Handle object, int key_slot, Value value) {
  tenure::HandleScope scope(rt.heap());
  Handle v = Handle::New(rt.heap(), value);
  rt.DefineOwn(object, InternalKey(rt, key_slot), v, kShapeHidden);
}

// The internal property's value, undefined when the object has none.
Value GetInternal(Runtime& rt, Handle object, int key_slot) {
  tenure::HandleScope scope(rt.heap());
  Handle key = InternalKey(rt, key_slot);
  int64_t index = Runtime::FindOwn(object.value().As<JSObject>(), key.value());
  return index < 0 ? kUndefined : Runtime::ReadSlot(object.value().As<JSObject>(), index);
}

Value Get(Runtime& rt, Handle object, std::string_view key) {
  tenure::HandleScope scope(rt.heap());
  Handle k = Handle::New(rt.heap(), rt.Intern(key));
  return rt.GetNamed(object, k);
}

std::string GetStdString(Runtime& rt, Handle object, std::string_view key) {
  Value v = Get(rt, object, key);
  return !v.IsEmpty() && IsString(v) ? rt.ToStdString(v) : std::string();
}

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

// ---- Resolution (node's LOAD_AS_FILE / LOAD_AS_DIRECTORY / LOAD_NODE_MODULES) --------------

bool IsFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

bool LoadAsFile(const fs::path& p, std::string* out) {
  for (const char* ext : {"", ".js", ".json"}) {
    fs::path candidate = p.string() + ext;
    if (IsFile(candidate)) {
      *out = candidate.lexically_normal().string();
      return true;
    }
  }
  return false;
}

bool LoadIndex(const fs::path& dir, std::string* out) {
  for (const char* name : {"index.js", "index.json"}) {
    if (IsFile(dir / name)) {
      *out = (dir / name).lexically_normal().string();
      return true;
    }
  }
  return false;
}

// The global JSON.parse applied to `text`: the value, or empty with the exception pending.
Value CallJsonParse(Runtime& rt, const std::string& text) {
  tenure::HandleScope scope(rt.heap());
  Handle global = Handle::New(rt.heap(), rt.root(kRootGlobal));
  Handle json = Handle::New(rt.heap(), Get(rt, global, "JSON"));
  Handle parse = Handle::New(rt.heap(), Get(rt, json, "parse"));
  Value arg = rt.NewString(text);
  return rt.Call(parse, json, &arg, 1);
}

// The "main" field of dir/package.json, found with a JSON.parse call (empty when absent).
std::string PackageMain(Runtime& rt, const fs::path& dir) {
  std::string text;
  if (!ReadWholeFile((dir / "package.json").string(), &text)) return {};
  tenure::HandleScope scope(rt.heap());
  Handle parsed = Handle::New(rt.heap(), CallJsonParse(rt, text));
  if (parsed.value().IsEmpty()) {
    rt.TakeException();  // node reports an invalid package.json differently; treat as absent
    return {};
  }
  if (!IsJSObject(parsed.value())) return {};
  return GetStdString(rt, parsed, "main");
}

bool LoadAsDirectory(Runtime& rt, const fs::path& dir, std::string* out) {
  std::string main = PackageMain(rt, dir);
  if (!main.empty()) {
    fs::path m = dir / main;
    if (LoadAsFile(m, out) || LoadIndex(m, out)) return true;
  }
  return LoadIndex(dir, out);
}

bool IsPathRequest(const std::string& request) {
  return request.rfind("./", 0) == 0 || request.rfind("../", 0) == 0 || request.rfind('/', 0) == 0 ||
         request == "." || request == "..";
}

// node_modules directories from `dir` up to the root, nearest first (module.paths).
std::vector<std::string> NodeModulePaths(const std::string& dir) {
  std::vector<std::string> paths;
  fs::path p = fs::path(dir).lexically_normal();
  while (true) {
    if (p.filename() != "node_modules") paths.push_back((p / "node_modules").string());
    if (p == p.root_path() || p.parent_path() == p) break;
    p = p.parent_path();
  }
  if (!paths.empty() && paths.back() == "//node_modules") paths.back() = "/node_modules";
  return paths;
}

// Absolute filename for `request` from a module in `base_dir`; false when nothing matches.
bool ResolveFilename(Runtime& rt, const std::string& request, const std::string& base_dir, std::string* out) {
  if (IsPathRequest(request)) {
    fs::path p = request[0] == '/' ? fs::path(request) : fs::path(base_dir) / request;
    p = p.lexically_normal();
    bool dir_only = !request.empty() && request.back() == '/';
    if (!dir_only && LoadAsFile(p, out)) return true;
    return LoadAsDirectory(rt, p, out);
  }
  for (const std::string& dir : NodeModulePaths(base_dir)) {
    fs::path p = fs::path(dir) / request;
    if (LoadAsFile(p, out) || LoadAsDirectory(rt, p, out)) return true;
  }
  return false;
}

// ---- Module objects ---------------------------------------------------------------------------

std::string DirName(const std::string& filename) {
  if (filename.empty() || filename[0] != '/') return ".";  // "[eval]", "node:x"
  return fs::path(filename).parent_path().string();
}

// A module object with node's own properties: id, path, exports, filename, loaded, children,
// paths (node prints `Module {...}`; this one is a plain object).
Value NewModuleObject(Runtime& rt, const std::string& id, const std::string& filename, Handle parent) {
  tenure::HandleScope scope(rt.heap());
  bool absolute = !filename.empty() && filename[0] == '/';
  bool eval = filename == "[eval]";
  std::string cwd = fs::current_path().string();
  Handle module = Handle::New(rt.heap(), rt.NewPlainObject(8));
  SetDataProperty(rt, module, "id", rt.NewString(id));
  SetDataProperty(rt, module, "path", rt.NewString(absolute ? DirName(filename) : "."));
  SetDataProperty(rt, module, "exports", rt.NewPlainObject());
  SetDataProperty(rt, module, "filename", rt.NewString(eval ? (fs::path(cwd) / filename).string() : filename));
  SetDataProperty(rt, module, "loaded", kFalse);
  SetDataProperty(rt, module, "children", rt.NewArray());
  std::vector<std::string> paths;
  if (absolute || eval) paths = NodeModulePaths(absolute ? DirName(filename) : cwd);
  SetDataProperty(rt, module, "paths", NewStringArray(rt, paths));
  SetInternal(rt, module, kStateParentKey, parent.value());
  return module.value();
}

// "Cannot find module 'x'\nRequire stack:\n- /a.js\n- /main.js" with code and requireStack.
Value ThrowModuleNotFound(Runtime& rt, const std::string& request, Handle parent) {
  tenure::HandleScope scope(rt.heap());
  std::vector<std::string> stack;
  Handle m = Handle::New(rt.heap(), parent.value());
  while (IsJSObject(m.value()) && stack.size() < 100) {
    std::string f = GetStdString(rt, m, "filename");
    if (f.rfind("node:", 0) != 0) stack.push_back(f);
    m = Handle::New(rt.heap(), GetInternal(rt, m, kStateParentKey));
  }
  std::string message = "Cannot find module '" + request + "'";
  if (!stack.empty()) message += "\nRequire stack:";
  for (const std::string& s : stack) message += "\n- " + s;
  Handle error = Handle::New(rt.heap(), rt.NewError(ErrorType::kError, message));
  SetDataProperty(rt, error, "code", rt.NewString("MODULE_NOT_FOUND"));
  SetDataProperty(rt, error, "requireStack", NewStringArray(rt, stack));
  return rt.Throw(error.value());
}

// ---- Compiling a module ------------------------------------------------------------------------

Node* SyntheticNode(Arena& arena, NodeKind kind) {
  Node* node = arena.New<Node>();
  node->kind = kind;
  node->line = 1;
  node->column = 1;
  return node;
}

bool DeclaresFunction(Node* program, std::string_view name) {
  for (Node* s : program->list) {
    if (s->kind == NodeKind::kFunctionDecl && s->a != nullptr && s->a->str == name) return true;
  }
  return false;
}

// Prepends `var exports = <wrapper arg 0>, require = <1>, ...;` to the program (see modules.h):
// IntrinsicCall nodes, so the arguments come from the runtime, not from any global a script sees.
void InjectWrapperBindings(Node* program, Arena& arena) {
  std::vector<Node*> declarators;
  for (int i = 0; i < kWrapperArgCount; ++i) {
    if (DeclaresFunction(program, kWrapperNames[i])) continue;
    Node* id = SyntheticNode(arena, NodeKind::kIdentifier);
    id->str = kWrapperNames[i];
    Node* index = SyntheticNode(arena, NodeKind::kNumber);
    index->num = i;
    Node* call = SyntheticNode(arena, NodeKind::kIntrinsicCall);
    call->num = kIntrinsicModuleWrapperArg;
    call->list = arena.CopySpan(std::vector<Node*>{index});
    Node* d = SyntheticNode(arena, NodeKind::kDeclarator);
    d->a = id;
    d->b = call;
    declarators.push_back(d);
  }
  Node* decl = SyntheticNode(arena, NodeKind::kVarDecl);
  decl->op = Tok::kVar;
  decl->list = arena.CopySpan(declarators);
  std::vector<Node*> statements{decl};
  statements.insert(statements.end(), program->list.begin(), program->list.end());
  program->list = arena.CopySpan(statements);
}

// The SyntaxError a failed compile of a required file throws: node's message, and the
// "file:line / source / caret" header for the uncaught report.
Value ThrowCompileError(Runtime& rt, const SourceFile& source, const SyntaxError& error) {
  tenure::HandleScope scope(rt.heap());
  std::string report = FormatSyntaxError(source, error);
  std::string header = report.substr(0, report.find("\n\nSyntaxError: ") + 1);
  Handle e = Handle::New(rt.heap(), rt.NewError(ErrorType::kSyntaxError, error.message));
  SetInternal(rt, e, kStateArrowKey, rt.NewString(header));
  return rt.Throw(e.value());
}

// Compiles `text` as module `filename`. False: a SyntaxError (printed when `report`, else thrown).
bool CompileModule(Runtime& rt, const std::string& filename, std::string text, bool report, int* id) {
  const SourceFile& source = rt.AddSource(std::make_unique<SourceFile>(filename, std::move(text)));
  Arena arena;
  ScopeTree scopes;
  try {
    Node* program = ParseScript(source, arena);
    InjectWrapperBindings(program, arena);
    AnalyzeScopes(program, &scopes);
    Compiler compiler(rt, source);
    *id = compiler.CompileScript(program);
    return true;
  } catch (const SyntaxError& error) {
    if (report) {
      std::cerr << FormatSyntaxError(source, error);
    } else {
      ThrowCompileError(rt, source, error);
    }
    return false;
  }
}

// Calls compiled module code `id` with the wrapper arguments of `module`. Empty on throw.
Value ExecuteModule(Runtime& rt, int id, Handle module, Handle require) {
  tenure::HandleScope scope(rt.heap());
  Handle exports = Handle::New(rt.heap(), Get(rt, module, "exports"));
  Handle args = Handle::New(rt.heap(), rt.NewFixedArray(kWrapperArgCount));
  std::string filename = GetStdString(rt, module, "filename");
  std::string id_text = GetStdString(rt, module, "id");
  if (id_text == "[eval]") filename = "[eval]";
  Handle name = Handle::New(rt.heap(), rt.NewString(filename));
  Handle dir = Handle::New(rt.heap(), rt.NewString(DirName(filename)));
  Value values[kWrapperArgCount] = {exports.value(), require.value(), module.value(), name.value(), dir.value()};
  FixedArray* a = args.value().As<FixedArray>();
  for (int i = 0; i < kWrapperArgCount; ++i) tenure::Store(a, &a->items()[i], values[i]);
  SetStateSlot(rt, kStateArgs, args.value());
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  Handle closure = Handle::New(rt.heap(), rt.NewFunction(id, undefined));
  return rt.Call(closure, exports, nullptr, 0);
}

Value NewRequireFunction(Runtime& rt, Handle module);

// Loads `filename` (absolute) as a child of `parent`: cache lookup, then .json or JS.
Value LoadFile(Runtime& rt, const std::string& filename, Handle parent) {
  tenure::HandleScope scope(rt.heap());
  Handle cache = Handle::New(rt.heap(), StateSlot(rt, kStateCache));
  Handle key = Handle::New(rt.heap(), rt.NewString(filename));
  Handle cached = Handle::New(rt.heap(), rt.GetProperty(cache, key));
  if (cached.value().IsEmpty()) return Value();
  if (IsJSObject(cached.value())) return Get(rt, cached, "exports");
  std::string text;
  if (!ReadWholeFile(filename, &text)) return ThrowModuleNotFound(rt, filename, parent);
  Handle module = Handle::New(rt.heap(), NewModuleObject(rt, filename, filename, parent));
  rt.SetProperty(cache, key, module);
  bool ok = true;
  if (filename.size() > 5 && filename.compare(filename.size() - 5, 5, ".json") == 0) {
    Handle value = Handle::New(rt.heap(), CallJsonParse(rt, text));
    if (value.value().IsEmpty()) {
      // node: "SyntaxError: /abs/x.json: <JSON.parse's message>"
      Handle e = Handle::New(rt.heap(), rt.TakeException());
      if (IsKind(e.value(), Kind::kError)) {
        Handle msg = Handle::New(rt.heap(), rt.NewString(filename + ": " + GetStdString(rt, e, "message")));
        Handle mk = Handle::New(rt.heap(), rt.Intern("message"));
        rt.SetNamed(e, mk, msg);
      }
      rt.Throw(e.value());
      ok = false;
    } else {
      SetDataProperty(rt, module, "exports", value.value());
    }
  } else {
    Handle require = Handle::New(rt.heap(), NewRequireFunction(rt, module));
    int id = 0;
    ok = CompileModule(rt, filename, std::move(text), false, &id) &&
         !ExecuteModule(rt, id, module, require).IsEmpty();
  }
  if (!ok) {
    Handle pending = Handle::New(rt.heap(), rt.TakeException());
    rt.DeleteProperty(cache, key);
    return rt.Throw(pending.value());
  }
  SetDataProperty(rt, module, "loaded", kTrue);
  // node adds the child when it starts loading and takes it out again if it threw; adding it
  // on success gives the same list.
  if (IsJSObject(parent.value())) {
    Handle children = Handle::New(rt.heap(), Get(rt, parent, "children"));
    if (rt.IsArray(children.value())) rt.ArrayPush(children, module);
  }
  return Get(rt, module, "exports");
}

// A builtin written in JS: compiled and run once from its embedded source as `node:<name>`.
Value LoadJsBuiltin(Runtime& rt, const std::string& name, const char* source) {
  tenure::HandleScope scope(rt.heap());
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  Handle module = Handle::New(rt.heap(), NewModuleObject(rt, name, "node:" + name, undefined));
  Handle require = Handle::New(rt.heap(), NewRequireFunction(rt, module));
  int id = 0;
  if (!CompileModule(rt, "node:" + name, source, false, &id)) return Value();
  if (ExecuteModule(rt, id, module, require).IsEmpty()) return Value();
  return Get(rt, module, "exports");
}

// Every builtin module: JavaScript compiled on first require, or exports made in C++. Names
// starting with '%' are bindings only builtins may require.
struct BuiltinModule {
  std::string_view name;
  const char* source;           // JavaScript, or nullptr
  Value (*make)(Runtime& rt);   // C++ exports, or nullptr
};
const BuiltinModule kBuiltinModules[] = {
    {"path", kPathModuleSource, nullptr},
    {"events", kEventsModuleSource, nullptr},
    {"fs", kFsModuleSource, nullptr},
    {"util", kUtilModuleSource, nullptr},
    {"assert", kAssertModuleSource, nullptr},
    {"assert/strict", "module.exports = require('assert').strict;", nullptr},
    {"os", nullptr, NewOsModule},  // builtins_os.cc
    {"buffer", kBufferModuleSource, nullptr},
    {"timers", kTimersModuleSource, nullptr},
    {"timers/promises", kTimersPromisesModuleSource, nullptr},
    {"perf_hooks", kPerfHooksModuleSource, nullptr},
    {"url", kUrlModuleSource, nullptr},
    {"v8", kV8ModuleSource, nullptr},  // builtins_v8.cc
    {"%assert", nullptr, NewAssertBinding},
    {"%comparisons", kComparisonsModuleSource, nullptr},
    {"%util", nullptr, NewUtilBinding},
    {"%fs", nullptr, NewFsBinding},
    {"%internal", nullptr, NewInternalBinding},
    {"%v8", nullptr, NewV8Binding},
    {"%process", kProcessModuleSource, nullptr},
    {"%signals", nullptr, NewProcessSignalsBinding},
    {"%web", kWebModuleSource, nullptr},
    {"%event_target", kEventTargetModuleSource, nullptr},
};

const BuiltinModule* FindBuiltinModule(std::string_view name, bool internal) {
  if (name.empty() || (name[0] == '%' && !internal)) return nullptr;
  for (const BuiltinModule& m : kBuiltinModules) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

// A builtin module by name (without "node:"), created on first use; empty Value + no exception
// when there is no such builtin. `internal`: the requiring module is itself a builtin, which
// may also ask for the hidden bindings.
Value LoadBuiltin(Runtime& rt, const std::string& name, bool internal, bool* found) {
  tenure::HandleScope scope(rt.heap());
  Handle builtins = Handle::New(rt.heap(), StateSlot(rt, kStateBuiltins));
  Handle key = Handle::New(rt.heap(), rt.Intern(name));
  Handle existing = Handle::New(rt.heap(), rt.GetNamed(builtins, key));
  *found = true;
  if (!existing.value().IsEmpty() && existing.value() != kUndefined) return existing.value();
  const BuiltinModule* m = FindBuiltinModule(name, internal);
  if (m == nullptr) {
    *found = false;
    return Value();
  }
  Value v = m->source != nullptr ? LoadJsBuiltin(rt, name, m->source) : m->make(rt);
  if (v.IsEmpty()) return Value();
  Handle exports = Handle::New(rt.heap(), v);
  rt.DefineOwn(builtins, key, exports, kShapeHidden);
  return exports.value();
}

Value RequireFrom(Runtime& rt, Handle module, const std::string& request) {
  std::string filename = GetStdString(rt, module, "filename");
  bool internal = filename.rfind("node:", 0) == 0;
  std::string name = request.rfind("node:", 0) == 0 ? request.substr(5) : request;
  bool found = false;
  Value builtin = LoadBuiltin(rt, name, internal, &found);
  if (found || request.rfind("node:", 0) == 0) {
    if (!found) {
      return rt.Throw(NewNodeError(rt, ErrorType::kError, "ERR_UNKNOWN_BUILTIN_MODULE",
                                   "No such built-in module: " + request));
    }
    return builtin;
  }
  std::string base = filename == "[eval]" || filename.rfind('/', 0) != 0 ? fs::current_path().string()
                                                                         : DirName(filename);
  if (GetStdString(rt, module, "id") == "[eval]") base = fs::current_path().string();
  std::string resolved;
  if (!ResolveFilename(rt, request, base, &resolved)) {
    if (rt.has_exception()) return Value();
    return ThrowModuleNotFound(rt, request, module);
  }
  return LoadFile(rt, resolved, module);
}

// The request argument of require/require.resolve, with node's TypeErrors. Empty on throw.
bool RequestArg(Runtime& rt, Args args, std::string* out) {
  Value v = args.get(0);
  if (!IsString(v)) {
    rt.Throw(NewNodeError(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                          "The \"id\" argument must be of type string. " + DescribeReceivedValue(rt, args.at(0))));
    return false;
  }
  *out = rt.ToStdString(v);
  if (out->empty()) {
    rt.Throw(NewNodeError(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_VALUE",
                          "The argument 'id' must be a non-empty string. Received ''"));
    return false;
  }
  return true;
}

TENURE_NATIVE(ModuleRequire) {
  Handle callee = Handle::New(rt.heap(), rt.current_callee());
  Handle module = Handle::New(rt.heap(), GetInternal(rt, callee, kStateModuleKey));
  std::string request;
  if (!RequestArg(rt, args, &request)) return Value();
  return RequireFrom(rt, module, request);
}

TENURE_NATIVE(ModuleRequireResolve) {
  Handle callee = Handle::New(rt.heap(), rt.current_callee());
  Handle module = Handle::New(rt.heap(), GetInternal(rt, callee, kStateModuleKey));
  std::string request;
  if (!RequestArg(rt, args, &request)) return Value();
  std::string name = request.rfind("node:", 0) == 0 ? request.substr(5) : request;
  if (name == "v8" || FindBuiltinModule(name, /*internal=*/false) != nullptr) {
    return rt.NewString(request);
  }
  std::string filename = GetStdString(rt, module, "filename");
  std::string base = GetStdString(rt, module, "id") == "[eval]" || filename.rfind('/', 0) != 0
                         ? fs::current_path().string() : DirName(filename);
  std::string resolved;
  if (!ResolveFilename(rt, request, base, &resolved)) {
    if (rt.has_exception()) return Value();
    return ThrowModuleNotFound(rt, request, module);
  }
  return rt.NewString(resolved);
}

// require with .resolve, .cache and .main (node's `require` also has .extensions).
Value NewRequireFunction(Runtime& rt, Handle module) {
  tenure::HandleScope scope(rt.heap());
  Handle require = Handle::New(rt.heap(), rt.NewNativeFunction("require", ModuleRequire, 1));
  SetInternal(rt, require, kStateModuleKey, module.value());
  Handle resolve = Handle::New(rt.heap(), rt.NewNativeFunction("resolve", ModuleRequireResolve, 1));
  SetInternal(rt, resolve, kStateModuleKey, module.value());
  SetDataProperty(rt, require, "resolve", resolve.value());
  SetDataProperty(rt, require, "main", StateSlot(rt, kStateMain));
  // require.extensions is deprecated in node; here its keys exist but loaders are built in.
  Handle extensions = Handle::New(rt.heap(), rt.NewPlainObject());
  for (const char* ext : {".js", ".json", ".node"}) SetDataProperty(rt, extensions, ext, kUndefined);
  SetDataProperty(rt, require, "extensions", extensions.value());
  SetDataProperty(rt, require, "cache", StateSlot(rt, kStateCache));
  return require.value();
}

TENURE_NATIVE(InternalEmitWarning) {
  // (node:PID) <Name>: <message>, then node's one-time hint (printed for the first warning).
  static bool hint_printed = false;
  std::string text = IsString(args.get(0)) ? rt.ToStdString(args.get(0)) : std::string();
  std::string out = "(node:" + std::to_string(getpid()) + ") " + text + "\n";
  if (!hint_printed) {  // node names --trace-deprecation when the first warning is a deprecation
    bool deprecation = text.find("DeprecationWarning: ") != std::string::npos;
    out += std::string("(Use `node ") + (deprecation ? "--trace-deprecation" : "--trace-warnings") +
           " ...` to show where the warning was created)\n";
    hint_printed = true;
  }
  std::fflush(stdout);
  std::fputs(out.c_str(), stderr);
  return kUndefined;
}

}  // namespace

Value NewStringArray(Runtime& rt, const std::vector<std::string>& items) {
  tenure::HandleScope scope(rt.heap());
  Handle array = Handle::New(rt.heap(), rt.NewArray());
  for (const std::string& s : items) {
    Handle item = Handle::New(rt.heap(), rt.NewString(s));
    rt.ArrayPush(array, item);
  }
  return array.value();
}

std::string DescribeReceivedValue(Runtime& rt, Handle value) {
  Value v = value.value();
  if (IsNullish(v)) return "Received " + std::string(v == kNull ? "null" : "undefined");
  if (rt.IsCallable(v)) {
    std::string name = rt.FunctionName(v);
    return "Received function " + (name.empty() ? std::string("<anonymous>") : name);
  }
  if (IsJSObject(v)) {
    tenure::HandleScope scope(rt.heap());
    Handle ctor = Handle::New(rt.heap(), Get(rt, value, "constructor"));
    std::string name = !ctor.value().IsEmpty() && rt.IsCallable(ctor.value()) ? rt.FunctionName(ctor.value()) : "";
    if (ctor.value().IsEmpty()) rt.TakeException();
    return name.empty() ? "Received " + rt.Inspect(value) : "Received an instance of " + name;
  }
  return "Received type " + rt.ToStdString(rt.TypeOf(v)) + " (" + rt.Inspect(value) + ")";
}

Value LoadInternalBuiltin(Runtime& rt, const std::string& name) {
  bool found = false;
  Value exports = LoadBuiltin(rt, name, /*internal=*/true, &found);
  if (!found && !rt.has_exception()) return rt.ThrowError(ErrorType::kError, "No such internal module: " + name);
  return exports;
}

// internal.invalidArgTypeError(name, expected, value): node's ERR_INVALID_ARG_TYPE TypeError,
// 'The "<name>" argument must be <expected>. Received …' (DescribeReceivedValue), not thrown.
// The one formatter the embedded path, events and fs modules share.
static Value InternalInvalidArgTypeError(Runtime& rt, Handle self, Args args) {
  (void)self;
  tenure::HandleScope scope(rt.heap());
  Handle value = Handle::New(rt.heap(), args.get(2));
  std::string name = IsString(args.get(0)) ? rt.ToStdString(args.get(0)) : "";
  std::string expected = IsString(args.get(1)) ? rt.ToStdString(args.get(1)) : "";
  // node says "property" for a dotted name (options.ref), "argument" otherwise.
  const char* what = name.find('.') == std::string::npos ? "argument" : "property";
  std::string message = "The \"" + name + "\" " + what + " must be " + expected + ". " + DescribeReceivedValue(rt, value);
  return NewNodeError(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE", message);
}

// internal.nodeError(type, code, message): NewNodeError for the embedded JS modules, not thrown;
// `type` is "Error", "TypeError" or "RangeError".
static Value InternalNodeError(Runtime& rt, Handle self, Args args) {
  (void)self;
  std::string type = IsString(args.get(0)) ? rt.ToStdString(args.get(0)) : "";
  ErrorType kind = type == "TypeError" ? ErrorType::kTypeError : type == "RangeError" ? ErrorType::kRangeError
                                                                                     : ErrorType::kError;
  std::string code = IsString(args.get(1)) ? rt.ToStdString(args.get(1)) : "";
  Value message = rt.ToString(args.at(2));
  if (message.IsEmpty()) return Value();
  return NewNodeError(rt, kind, code, rt.ToStdString(message));
}

Value NewInternalBinding(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle binding = Handle::New(rt.heap(), rt.NewPlainObject());
  SetDataProperty(rt, binding, "pid", Value::FromSmi(getpid()));
  rt.DefineNative(binding, "emitWarning", InternalEmitWarning, 1);
  rt.DefineNative(binding, "invalidArgTypeError", InternalInvalidArgTypeError, 3);
  rt.DefineNative(binding, "nodeError", InternalNodeError, 3);
  rt.DefineNative(binding, "makeProcessEmitter", MakeProcessEmitter, 1);
  Handle fs = Handle::New(rt.heap(), NewFsBinding(rt));
  Handle cwd_key = Handle::New(rt.heap(), rt.Intern("cwd"));
  Handle cwd = Handle::New(rt.heap(), rt.GetNamed(fs, cwd_key));
  SetDataProperty(rt, binding, "cwd", cwd.value());
  return binding.value();
}

void InstallModuleSystem(Runtime& rt, Handle global) {
  tenure::HandleScope scope(rt.heap());
  Handle state = Handle::New(rt.heap(), rt.NewFixedArray(kStateSlots));
  rt.set_root(kRootModuleState, state.value());
  Value cache = rt.NewPlainObject();
  SetStateSlot(rt, kStateCache, cache);
  Handle null_proto = Handle::New(rt.heap(), kNull);
  Value builtins = rt.NewObject(null_proto);
  SetStateSlot(rt, kStateBuiltins, builtins);
  for (int slot : {kStateModuleKey, kStateParentKey, kStateArrowKey}) {
    tenure::HandleScope item_scope(rt.heap());
    Handle description = Handle::New(rt.heap(), rt.NewString("module internal"));
    SetStateSlot(rt, slot, NewSymbol(rt, description, /*is_private=*/true));
  }
  (void)global;
}

bool RunMainModule(Runtime& rt, const std::string& filename, std::string text, Value* result) {
  tenure::HandleScope scope(rt.heap());
  bool is_eval = filename == "[eval]";
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  Handle module = Handle::New(rt.heap(), NewModuleObject(rt, is_eval ? "[eval]" : ".", filename, undefined));
  if (!is_eval) SetStateSlot(rt, kStateMain, module.value());
  Handle require = Handle::New(rt.heap(), NewRequireFunction(rt, module));
  if (!is_eval) {
    Handle cache = Handle::New(rt.heap(), StateSlot(rt, kStateCache));
    Handle key = Handle::New(rt.heap(), rt.NewString(filename));
    rt.SetProperty(cache, key, module);
  }
  int id = 0;
  if (!CompileModule(rt, filename, std::move(text), true, &id)) return false;
  if (std::getenv("TENURE_PRINT_BYTECODE") != nullptr) {
    for (const auto& fn : rt.functions()) std::cerr << Disassemble(*fn);
  }
  *result = ExecuteModule(rt, id, module, require);
  if (!result->IsEmpty()) SetDataProperty(rt, module, "loaded", kTrue);
  return true;
}

Value ModuleWrapperArg(Runtime& rt, Handle receiver, Args args) {
  (void)receiver;
  Value args_value = StateSlot(rt, kStateArgs);
  int64_t i = args.get(0).IsSmi() ? args.get(0).ToSmi() : -1;
  if (!IsKind(args_value, Kind::kFixedArray) || i < 0 || i >= kWrapperArgCount) return kUndefined;
  return args_value.As<FixedArray>()->items()[i];
}

std::string UncaughtArrowHeader(Runtime& rt, Handle exception) {
  if (!IsKind(exception.value(), Kind::kError) || !IsKind(rt.root(kRootModuleState), Kind::kFixedArray)) return {};
  tenure::HandleScope scope(rt.heap());
  Value header = GetInternal(rt, exception, kStateArrowKey);
  return IsString(header) ? rt.ToStdString(header) : std::string();
}

}  // namespace tenure::js
