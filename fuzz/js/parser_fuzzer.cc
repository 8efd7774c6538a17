// libFuzzer target: the front end (lexer, parser, scope analysis) must turn any input into an AST
// or a SyntaxError — never crash, hang or overflow the stack (Parser::kMaxDepth).
// Build (clang): clang++ -std=c++20 -fsanitize=fuzzer,address -Isrc/js fuzz/js/parser_fuzzer.cc
//                src/js/{arena,ast,lexer,parser,parser_expressions,scope,source,syntax_error,token}.cc
#include <cstddef>
#include <cstdint>
#include <string>

#include "arena.h"
#include "parser.h"
#include "scope.h"
#include "source.h"
#include "syntax_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tenure::js::SourceFile source("fuzz.js", std::string(reinterpret_cast<const char*>(data), size));
  tenure::js::Arena arena;
  tenure::js::ScopeTree scopes;
  try {
    tenure::js::Node* program = tenure::js::ParseScript(source, arena);
    tenure::js::AnalyzeScopes(program, &scopes);
  } catch (const tenure::js::SyntaxError& error) {
    (void)tenure::js::FormatSyntaxError(source, error);
  }
  return 0;
}
