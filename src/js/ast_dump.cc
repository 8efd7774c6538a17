#include "ast_dump.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace tenure::js {

namespace {

class Dumper {
 public:
  explicit Dumper(const DumpOptions& options) : options_(options) {}

  void Dump(const Node* n) {
    if (n == nullptr) {
      out_ += "_";
      return;
    }
    switch (n->kind) {
      case NodeKind::kIdentifier: DumpName(n, n->str); return;
      case NodeKind::kThis: DumpName(n, "this"); return;
      case NodeKind::kNewTarget: DumpName(n, "new.target"); return;
      case NodeKind::kNumber: DumpNumber(n->num); return;
      case NodeKind::kString: DumpString(n->str); return;
      case NodeKind::kBoolean: out_ += n->Has(kFlagTrue) ? "true" : "false"; return;
      case NodeKind::kNull: out_ += "null"; return;
      case NodeKind::kHole: out_ += "(Hole)"; return;
      default: break;
    }
    out_ += "(";
    out_ += NodeKindName(n->kind);
    DumpHeader(n);
    if (n->kind == NodeKind::kFunction) {  // (Function [arrow] [name] (params...) body)
      out_ += " (";
      for (size_t i = 0; i < n->list.size(); ++i) {
        if (i) out_ += " ";
        Dump(n->list[i]);
      }
      out_ += ") ";
      Dump(n->a);
      out_ += ")";
      return;
    }
    int positional = PositionalSlots(n);
    int slot = 0;
    for (const Node* child : {n->a, n->b, n->c, n->d}) {
      if (child != nullptr || slot < positional) {
        out_ += " ";
        Dump(child);
      }
      ++slot;
    }
    for (const Node* item : n->list) {
      out_ += " ";
      Dump(item);
    }
    out_ += ")";
  }

  std::string Take() { return std::move(out_); }

 private:
  // Kinds whose optional children print as `_` so their position stays readable.
  static int PositionalSlots(const Node* n) {
    switch (n->kind) {
      case NodeKind::kFor: case NodeKind::kTry: return 4;
      case NodeKind::kIf: return 3;
      case NodeKind::kClass: return 2;
      default: return 0;
    }
  }

  void DumpHeader(const Node* n) {
    switch (n->kind) {
      case NodeKind::kVarDecl:
        out_ += n->op == Tok::kIdentifier ? " let" : n->op == Tok::kConst ? " const" : " var";
        break;
      case NodeKind::kUnary: case NodeKind::kBinary: case NodeKind::kLogical:
      case NodeKind::kAssign: case NodeKind::kUpdate:
        out_ += " ";
        out_ += TokenText(n->op);
        if (n->kind == NodeKind::kUpdate) out_ += n->Has(kFlagPrefix) ? "prefix" : "postfix";
        break;
      case NodeKind::kProperty:
        out_ += n->Has(kFlagStatic) ? " static" : "";
        out_ += n->Has(kFlagGetter) ? " get" : n->Has(kFlagSetter) ? " set" : "";
        out_ += n->Has(kFlagComputed) ? " computed" : "";
        out_ += n->op == Tok::kIdentifier ? " shorthand" : n->op == Tok::kFunction ? " method"
              : n->op == Tok::kEllipsis ? " spread" : "";
        break;
      case NodeKind::kFunction:
        out_ += n->Has(kFlagArrow) ? " arrow" : "";
        out_ += n->Has(kFlagClassCtor) ? " ctor" : "";
        if (!n->str.empty()) { out_ += " "; out_ += n->str; }
        break;
      case NodeKind::kMember:
        out_ += n->Has(kFlagOptional) ? " ?." : " .";
        out_ += n->str;
        break;
      case NodeKind::kCall: case NodeKind::kIndex:
        out_ += n->Has(kFlagOptional) ? " ?." : "";
        break;
      case NodeKind::kBreak: case NodeKind::kContinue: case NodeKind::kLabeled:
      case NodeKind::kClass:
        if (!n->str.empty()) { out_ += " "; out_ += n->str; }
        break;
      default:
        break;
    }
  }

  void DumpName(const Node* n, std::string_view name) {
    out_ += name;
    if (!options_.with_refs) return;
    const Ref& r = n->ref;
    char buf[32];
    switch (r.kind) {
      case RefKind::kUnresolved: return;
      case RefKind::kLocal: std::snprintf(buf, sizeof buf, "@L%u", r.index); break;
      case RefKind::kContext: std::snprintf(buf, sizeof buf, "@C%u.%u", r.depth, r.index); break;
      case RefKind::kGlobal: std::snprintf(buf, sizeof buf, "@G"); break;
    }
    out_ += buf;
    if (r.needs_tdz_check) out_ += "!";
  }

  void DumpNumber(double v) {
    char buf[32];
    if (v == static_cast<double>(static_cast<int64_t>(v)) && v > -1e15 && v < 1e15) {
      std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
      out_ += buf;
      return;
    }
    for (int precision = 1; precision <= 17; ++precision) {
      std::snprintf(buf, sizeof buf, "%.*g", precision, v);
      if (std::strtod(buf, nullptr) == v) break;
    }
    out_ += buf;
  }

  void DumpString(std::string_view s) {
    out_ += '"';
    for (char c : s) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\t': out_ += "\\t"; break;
        case '\0': out_ += "\\0"; break;
        default: out_ += c;
      }
    }
    out_ += '"';
  }

  const DumpOptions& options_;
  std::string out_;
};

}  // namespace

std::string DumpAst(const Node* node, const DumpOptions& options) {
  Dumper dumper(options);
  dumper.Dump(node);
  return dumper.Take();
}

}  // namespace tenure::js
