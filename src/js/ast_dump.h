// DumpAst: a compact S-expression rendering of an AST, used by tests and `tenure --print-ast`.
//
// Shape: `(Kind [op] [name] children...)`; identifiers print as their name, numbers in shortest
// round-trip form, strings quoted with C escapes, absent optional children as `_`. With
// `with_refs`, resolved identifiers gain a suffix: `x@L3` (register 3), `x@C1.2` (context slot 2,
// one hop out), `x@G` (global); a trailing `!` marks a TDZ check.
#pragma once

#include <string>

#include "ast.h"

namespace tenure::js {

struct DumpOptions {
  bool with_refs = false;
};

std::string DumpAst(const Node* node, const DumpOptions& options = {});

}  // namespace tenure::js
