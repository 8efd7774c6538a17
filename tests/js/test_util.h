// Shared helpers for the front-end tests: parse (and optionally analyze) a snippet into an
// S-expression, or capture the SyntaxError it raises.
#pragma once

#include <string>

#include "arena.h"
#include "ast_dump.h"
#include "parser.h"
#include "scope.h"
#include "source.h"
#include "syntax_error.h"

namespace tenure::js::testing {

struct ParseResult {
  bool ok = false;
  std::string dump;     // AST S-expression when ok
  std::string message;  // SyntaxError message otherwise
  uint32_t error_start = 0;
  uint32_t error_end = 0;
};

inline ParseResult Parse(const std::string& text, bool analyze = false) {
  SourceFile source("test.js", text);
  Arena arena;
  ScopeTree scopes;
  ParseResult result;
  try {
    Node* program = ParseScript(source, arena);
    if (analyze) AnalyzeScopes(program, &scopes);
    DumpOptions options;
    options.with_refs = analyze;
    result.dump = DumpAst(program, options);
    result.ok = true;
  } catch (const SyntaxError& e) {
    result.message = e.message;
    result.error_start = e.start;
    result.error_end = e.end;
  }
  return result;
}

// The dump of a single-statement program without the `(Program ...)` wrapper.
inline std::string Stmt(const std::string& text) {
  ParseResult r = Parse(text);
  if (!r.ok) return "ERROR: " + r.message;
  return r.dump.substr(9, r.dump.size() - 10);
}

inline std::string Error(const std::string& text) {
  ParseResult r = Parse(text, /*analyze=*/true);
  return r.ok ? "OK" : r.message;
}

}  // namespace tenure::js::testing
