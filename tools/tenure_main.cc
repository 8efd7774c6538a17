// tenure: the command-line front door of the JavaScript runtime (`tenure [flags] file.js [args]`).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "arena.h"
#include "ast_dump.h"
#include "options.h"
#include "parser.h"
#include "runtime.h"
#include "scope.h"
#include "source.h"
#ifdef TENURE_CLI_HEAP_COMMAND
#include "snapshot/heap_command.h"
#endif
#include "syntax_error.h"

namespace {

using tenure::js::RuntimeOptions;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

// Parses and analyzes `source`; prints node's SyntaxError report and returns false on error.
bool Compile(const tenure::js::SourceFile& source, tenure::js::Arena& arena,
             tenure::js::ScopeTree& scopes, tenure::js::Node** program) {
  try {
    *program = tenure::js::ParseScript(source, arena);
    tenure::js::AnalyzeScopes(*program, &scopes);
    return true;
  } catch (const tenure::js::SyntaxError& error) {
    std::cerr << tenure::js::FormatSyntaxError(source, error);
    return false;
  }
}

int RunSource(const RuntimeOptions& options, const std::string& name, std::string text) {
  tenure::js::SourceFile source(name, std::move(text));
  tenure::js::Arena arena;
  tenure::js::ScopeTree scopes;
  tenure::js::Node* program = nullptr;
  if (!Compile(source, arena, scopes, &program)) return 1;
  if (options.print_ast) {
    tenure::js::DumpOptions dump;
    dump.with_refs = options.print_scopes;
    std::cout << tenure::js::DumpAst(program, dump) << "\n";
    return 0;
  }
  return 0;
}

int Execute(const RuntimeOptions& options, const std::string& name, std::string text) {
  if (options.check_only || options.print_ast) return RunSource(options, name, std::move(text));
  tenure::js::Runtime runtime(options);
  runtime.script_args() = options.script_args;
  return runtime.RunMain(name, std::move(text));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "heap") {  // `tenure heap <command>`: the analyzer
#ifdef TENURE_CLI_HEAP_COMMAND
    return tenure::snapshot::HeapCommandMain(argc - 1, argv + 1);
#else
    std::cerr << "tenure heap: this build has no snapshot analyzer (TENURE_WITH_SNAPSHOT=OFF)\n";
    return 2;
#endif
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  RuntimeOptions options;
  tenure::js::ParseOutcome parsed = tenure::js::ParseCommandLine(args, &options);
  if (!parsed.ok) {
    std::cerr << parsed.error << "\n";
    return parsed.exit_code;
  }
  if (options.show_help) {
    std::cout << tenure::js::UsageText();
    return 0;
  }
  if (options.show_version) {
    std::cout << "v0.1.0\n";
    return 0;
  }
  if (options.has_eval) return Execute(options, "[eval]", options.eval_source);
  if (options.script_path.empty()) {
    std::cerr << "tenure: no script given (REPL is not supported); try --help\n";
    return 9;
  }
  std::error_code ec;
  std::string path = std::filesystem::absolute(options.script_path, ec).lexically_normal().string();
  std::string text;
  if (!ReadFile(path, &text) || std::filesystem::is_directory(path, ec)) {
    std::cerr << "Error: Cannot find module '" << path << "'\n";
    return 1;
  }
  return Execute(options, path, std::move(text));
}
