// Expression half of the Parser (statements live in parser.cc).
#include <string>

#include "parser.h"

namespace tenure::js {

namespace {

// Binary operator precedence (higher binds tighter), 0 = not a binary operator here.
// Table: ECMA-262 §13 expression grammar, flattened the usual way.
int BinaryPrecedence(Tok kind, bool allow_in) {
  switch (kind) {
    case Tok::kNullish: return 1;
    case Tok::kOr: return 2;
    case Tok::kAnd: return 3;
    case Tok::kBitOr: return 4;
    case Tok::kBitXor: return 5;
    case Tok::kBitAnd: return 6;
    case Tok::kEq: case Tok::kNe: case Tok::kStrictEq: case Tok::kStrictNe: return 7;
    case Tok::kIn: return allow_in ? 8 : 0;
    case Tok::kLt: case Tok::kGt: case Tok::kLe: case Tok::kGe: case Tok::kInstanceof: return 8;
    case Tok::kShl: case Tok::kSar: case Tok::kShr: return 9;
    case Tok::kAdd: case Tok::kSub: return 10;
    case Tok::kMul: case Tok::kDiv: case Tok::kMod: return 11;
    case Tok::kExp: return 12;
    default: return 0;
  }
}

bool IsSimpleTarget(const Node* n) {
  return n->kind == NodeKind::kIdentifier || n->kind == NodeKind::kMember ||
         n->kind == NodeKind::kIndex;
}

}  // namespace

void Parser::CheckAssignmentTarget(Node* target, const char* message) {
  if (!IsSimpleTarget(target)) FailAt(message, target);
}

Node* Parser::ParseExpression(bool allow_in) {
  Node* first = ParseAssignment(allow_in);
  if (!At(Tok::kComma)) return first;
  std::vector<Node*> items{first};
  Node* seq = NewNode(NodeKind::kSequence, first->offset);
  while (Eat(Tok::kComma)) items.push_back(ParseAssignment(allow_in));
  seq->list = MakeList(items);
  return Finish(seq);
}

Node* Parser::ParseAssignment(bool allow_in) {
  DepthGuard guard(this);
  if (in_generator_ && AtIdentifier("yield")) return ParseYield();
  if (AtIdentifier("async") && !PeekToken().newline_before &&
      (PeekToken().kind == Tok::kIdentifier || PeekToken().kind == Tok::kLParen)) {
    return ParseAsyncArrowOrCall();
  }
  // `x => ...` with a single unparenthesized parameter.
  if (At(Tok::kIdentifier) && PeekToken().kind == Tok::kArrow && !PeekToken().newline_before) {
    Node* fn = NewNode(NodeKind::kFunction, cur_.start);
    fn->flags = kFlagArrow;
    std::vector<Node*> params{NewIdentifier(cur_)};
    fn->list = MakeList(params);
    Advance();
    Advance();
    return ParseArrowBody(fn);
  }
  Node* left = ParseConditional(allow_in);
  if (!IsAssignmentOp(cur_.kind)) return left;
  if (left->kind == NodeKind::kFunction && left->Has(kFlagArrow) && !left->Has(kFlagParenthesized)) {
    return left;  // `() => {} = 1` is `() => ({} = 1)`? no: arrows end the expression
  }
  if (At(Tok::kAssign) && IsPattern(left)) {
    ToPattern(left, PatternKind::kAssignment);
  } else {
    CheckAssignmentTarget(left, "Invalid left-hand side in assignment");
  }
  Node* assign = NewNode(NodeKind::kAssign, left->offset);
  assign->op = cur_.kind;
  Advance();
  assign->a = left;
  assign->b = ParseAssignment(allow_in);
  return Finish(assign);
}

Node* Parser::ParseConditional(bool allow_in) {
  Node* test = ParseBinary(0, allow_in);
  if (!At(Tok::kQuestion)) return test;
  Advance();
  Node* node = NewNode(NodeKind::kConditional, test->offset);
  node->a = test;
  node->b = ParseAssignment(true);
  Expect(Tok::kColon);
  node->c = ParseAssignment(allow_in);
  return Finish(node);
}

// Precedence climbing. Left-deep chains (1+2+3+…) are built iteratively; `chain` bounds their
// length together with depth_ so tree walkers stay within kMaxDepth.
Node* Parser::ParseBinary(int min_precedence, bool allow_in) {
  Node* left = ParseUnary();
  int chain = 0;
  while (true) {
    Tok op = cur_.kind;
    int prec = BinaryPrecedence(op, allow_in);
    if (prec == 0 || prec <= min_precedence) return left;
    if (depth_ + ++chain > kMaxDepth) Fail("Maximum nesting depth exceeded", cur_.start, cur_.end);
    Advance();
    // ** is right-associative: parse its right side at one level lower.
    Node* right = ParseBinary(op == Tok::kExp ? prec - 1 : prec, allow_in);
    bool logical = op == Tok::kAnd || op == Tok::kOr || op == Tok::kNullish;
    Node* node = NewNode(logical ? NodeKind::kLogical : NodeKind::kBinary, left->offset);
    node->op = op;
    node->a = left;
    node->b = right;
    left = Finish(node);
  }
}

Node* Parser::ParseUnary() {
  DepthGuard guard(this);
  Tok op = cur_.kind;
  if (in_async_ && AtIdentifier("await")) {
    Node* node = NewNode(NodeKind::kAwait, cur_.start);
    Advance();
    node->a = ParseUnary();
    return Finish(node);
  }
  if (AtIdentifier("await")) CheckAwaitOperand();
  switch (op) {
    case Tok::kDelete: case Tok::kVoid: case Tok::kTypeof: case Tok::kAdd: case Tok::kSub:
    case Tok::kBitNot: case Tok::kNot: {
      Node* node = NewNode(NodeKind::kUnary, cur_.start);
      Advance();
      node->op = op;
      node->a = ParseUnary();
      if (op == Tok::kDelete) {
        Node* target = node->a;
        while (target->kind == NodeKind::kOptionalChain) target = target->a;
        if (target->kind == NodeKind::kIndex && target->b->kind == NodeKind::kIdentifier && target->b->str[0] == '#') {
          FailAt("Private fields can not be deleted", target->b);
        }
      }
      if (At(Tok::kExp)) {
        Fail("Unary operator used immediately before exponentiation expression. Parenthesis must "
             "be used to disambiguate operator precedence", cur_.start, cur_.end);
      }
      return Finish(node);
    }
    case Tok::kInc: case Tok::kDec: {
      Node* node = NewNode(NodeKind::kUpdate, cur_.start);
      Advance();
      node->op = op;
      node->flags = kFlagPrefix;
      node->a = ParseUnary();
      CheckAssignmentTarget(node->a, "Invalid left-hand side expression in prefix operation");
      return Finish(node);
    }
    default:
      return ParsePostfix();
  }
}

Node* Parser::ParsePostfix() {
  Node* expr = ParseLeftHandSide();
  if ((At(Tok::kInc) || At(Tok::kDec)) && !cur_.newline_before) {
    CheckAssignmentTarget(expr, "Invalid left-hand side expression in postfix operation");
    Node* node = NewNode(NodeKind::kUpdate, expr->offset);
    node->op = cur_.kind;
    node->a = expr;
    Advance();
    return Finish(node);
  }
  return expr;
}

Node* Parser::ParseLeftHandSide() {
  Node* expr = At(Tok::kNew) ? ParseNew() : ParsePrimary();
  return ParseCallTail(expr, /*allow_call=*/true);
}

// Member/call/optional-chain suffixes. Any `?.` link makes the whole chain an OptionalChain, the
// boundary to which a nullish link short-circuits.
Node* Parser::ParseCallTail(Node* expr, bool allow_call) {
  bool optional_chain = false;
  int chain = 0;
  while (true) {
    if (depth_ + ++chain > kMaxDepth) Fail("Maximum nesting depth exceeded", cur_.start, cur_.end);
    uint32_t link_flags = 0;
    if (At(Tok::kQuestionDot)) {
      if (!allow_call) Fail("Invalid optional chain from new expression", cur_.start, cur_.end);
      Advance();
      link_flags = kFlagOptional;
      optional_chain = true;
      if (!At(Tok::kLParen) && !At(Tok::kLBrack) && !At(Tok::kPrivateName)) {
        if (!At(Tok::kIdentifier) && !IsKeyword(cur_.kind)) Unexpected(cur_);
        Node* member = NewNode(NodeKind::kMember, expr->offset);
        member->a = expr;
        member->str = cur_.value.empty() ? TokenText(cur_.kind) : cur_.value;
        member->flags = link_flags;
        Advance();
        expr = Finish(member);
        continue;
      }
    }
    if (At(Tok::kDot) || (link_flags != 0 && At(Tok::kPrivateName))) {
      if (At(Tok::kDot)) Advance();
      if (At(Tok::kPrivateName)) {  // `o.#x`: o[#x] keyed by the private name (parser_classes.cc)
        Node* index = NewNode(NodeKind::kIndex, expr->offset);
        index->a = expr;
        index->b = NewPrivateReference(cur_);
        index->flags = link_flags;
        Advance();
        expr = Finish(index);
        continue;
      }
      if (!At(Tok::kIdentifier) && !IsKeyword(cur_.kind)) Unexpected(cur_);
      Node* member = NewNode(NodeKind::kMember, expr->offset);
      member->a = expr;
      member->str = cur_.value.empty() ? TokenText(cur_.kind) : cur_.value;
      Advance();
      expr = Finish(member);
    } else if (At(Tok::kLBrack)) {
      Advance();
      Node* index = NewNode(NodeKind::kIndex, expr->offset);
      index->a = expr;
      index->b = ParseExpression(true);
      index->flags = link_flags;
      Expect(Tok::kRBrack);
      expr = Finish(index);
    } else if (At(Tok::kLParen) && allow_call) {
      Node* call = NewNode(NodeKind::kCall, expr->offset);
      call->a = expr;
      call->flags = link_flags;
      call->list = MakeList(ParseArguments());
      if (expr->kind == NodeKind::kSuper && super_calls_ != nullptr) super_calls_->push_back(call);
      expr = Finish(call);
    } else if (At(Tok::kTemplateFull) || At(Tok::kTemplateHead)) {
      if (optional_chain) Fail("Invalid tagged template on optional chain", cur_.start, cur_.end);
      expr = ParseTaggedTemplate(expr);
    } else {
      break;
    }
  }
  if (!optional_chain) return expr;
  Node* wrapper = NewNode(NodeKind::kOptionalChain, expr->offset);
  wrapper->a = expr;
  return Finish(wrapper);
}

Node* Parser::ParseNew() {
  DepthGuard guard(this);
  Node* node = NewNode(NodeKind::kNew, cur_.start);
  Expect(Tok::kNew);
  if (At(Tok::kDot)) {
    Advance();
    if (!AtIdentifier("target")) Unexpected(cur_);
    if (new_target_capture_ == nullptr) Fail("new.target expression is not allowed here", node->offset, cur_.end);
    Advance();
    if (!in_arrow_) {
      node->kind = NodeKind::kNewTarget;
      return Finish(node);
    }
    *new_target_capture_ = true;  // the enclosing function declares `var .newtarget = new.target`
    return Finish(NewHiddenIdentifier(".newtarget", node->offset));
  }
  Node* callee = At(Tok::kNew) ? ParseNew() : ParsePrimary();
  node->a = ParseCallTail(callee, /*allow_call=*/false);
  if (At(Tok::kLParen)) node->list = MakeList(ParseArguments());
  return Finish(node);
}

std::vector<Node*> Parser::ParseArguments() {
  Expect(Tok::kLParen);
  std::vector<Node*> args;
  while (!At(Tok::kRParen)) {
    if (At(Tok::kEllipsis)) {
      Node* spread = NewNode(NodeKind::kSpread, cur_.start);
      Advance();
      spread->a = ParseAssignment(true);
      args.push_back(Finish(spread));
    } else {
      args.push_back(ParseAssignment(true));
    }
    if (At(Tok::kRParen)) break;
    if (!At(Tok::kComma)) {
      // V8 underlines the last token of the argument before the stray token (node 20).
      Fail("missing ) after argument list", prev_start_, prev_end_);
    }
    Advance();
  }
  Expect(Tok::kRParen);
  return args;
}

Node* Parser::ParsePrimary() {
  Token tok = cur_;
  switch (tok.kind) {
    case Tok::kIdentifier: {
      if (tok.value == "async" && PeekToken().kind == Tok::kFunction && !PeekToken().newline_before) {
        Advance();
        Node* fn = ParseFunction(/*is_declaration=*/false, kFlagAsync);
        fn->offset = tok.start;
        return fn;
      }
      Advance();
      return NewIdentifier(tok);
    }
    case Tok::kNumber: {
      Node* n = NewNode(NodeKind::kNumber, tok.start);
      n->num = tok.number;
      Advance();
      return Finish(n);
    }
    case Tok::kString: {
      Node* n = NewNode(NodeKind::kString, tok.start);
      n->str = tok.value;
      Advance();
      return Finish(n);
    }
    case Tok::kTemplateFull:
    case Tok::kTemplateHead:
      return ParseTemplate();
    case Tok::kRegExp: {
      Node* n = NewNode(NodeKind::kRegExp, tok.start);
      n->str = tok.value;
      Advance();
      return Finish(n);
    }
    case Tok::kTrue:
    case Tok::kFalse: {
      Node* n = NewNode(NodeKind::kBoolean, tok.start);
      n->flags = tok.kind == Tok::kTrue ? uint32_t{kFlagTrue} : 0u;
      Advance();
      return Finish(n);
    }
    case Tok::kNull: {
      Node* n = NewNode(NodeKind::kNull, tok.start);
      Advance();
      return Finish(n);
    }
    case Tok::kThis: {
      Node* n = NewNode(NodeKind::kThis, tok.start);
      Advance();
      return Finish(n);
    }
    case Tok::kSuper: {
      Node* n = NewNode(NodeKind::kSuper, tok.start);
      Advance();
      if (!At(Tok::kLParen) && !At(Tok::kDot) && !At(Tok::kLBrack)) Fail("'super' keyword unexpected here", tok.start, tok.end);
      return Finish(n);
    }
    case Tok::kPrivateName: {  // `#x in obj`
      Node* id = NewPrivateReference(tok);
      Advance();
      if (!At(Tok::kIn)) Unexpected(cur_);
      return id;
    }
    case Tok::kLBrack: return ParseArrayLiteral();
    case Tok::kLBrace: return ParseObjectLiteral();
    case Tok::kLParen: return ParseParenOrArrow();
    case Tok::kFunction: return ParseFunction(/*is_declaration=*/false, 0);
    case Tok::kClass: return ParseClass(/*is_declaration=*/false);
    case Tok::kDiv:
    case Tok::kDivAssign:
      // An expression starts here, so this '/' begins a regexp literal (the InputElementRegExp
      // goal); the lexer read it as division after `)` or `}`.
      RescanAsRegExp();
      return ParsePrimary();
    default:
      Unexpected(tok);
  }
}

// Cover grammar: `( expr, expr, ...rest )` becomes an arrow parameter list when `=>` follows,
// otherwise a (possibly comma) expression marked kFlagParenthesized.
Node* Parser::ParseParenOrArrow(uint32_t arrow_flags) {
  DepthGuard guard(this);
  uint32_t start = cur_.start;
  Expect(Tok::kLParen);
  std::vector<Node*> items;
  Node* rest = nullptr;
  bool trailing_comma = false;
  while (!At(Tok::kRParen)) {
    if (At(Tok::kEllipsis)) {
      rest = NewNode(NodeKind::kRest, cur_.start);
      Advance();
      rest->a = ParseBindingTarget(Tok::kVar);
      Finish(rest);
      if (!At(Tok::kRParen)) Fail("Rest parameter must be last formal parameter", cur_.start, cur_.end);
      break;
    }
    items.push_back(ParseAssignment(true));
    if (!Eat(Tok::kComma)) break;
    trailing_comma = At(Tok::kRParen);
  }
  Token close = cur_;
  Expect(Tok::kRParen);
  if (At(Tok::kArrow) && !cur_.newline_before) {
    Advance();
    Node* fn = NewNode(NodeKind::kFunction, start);
    fn->flags = kFlagArrow | arrow_flags;
    std::vector<Node*> params;
    for (Node* item : items) {
      if (item->kind == NodeKind::kIdentifier && !item->Has(kFlagParenthesized)) {
        params.push_back(item);
      } else if (IsPattern(item)) {
        ToPattern(item, PatternKind::kBinding);
        params.push_back(item);
      } else if (item->kind == NodeKind::kAssign && item->op == Tok::kAssign &&
                 !item->Has(kFlagParenthesized) &&
                 (item->a->kind == NodeKind::kIdentifier || IsPattern(item->a))) {
        if (IsPattern(item->a)) ToPattern(item->a, PatternKind::kBinding);
        Node* param = NewNode(NodeKind::kDefaultParam, item->offset);
        param->a = item->a;
        param->b = item->b;
        param->end = item->end;
        params.push_back(param);
      } else {
        FailAt("Invalid destructuring assignment target", item);
      }
    }
    if (rest != nullptr) params.push_back(rest);
    fn->list = MakeList(params);
    CheckDuplicateParams(fn);
    return ParseArrowBody(fn);
  }
  if (items.empty() || rest != nullptr || trailing_comma) Unexpected(close);
  Node* expr;
  if (items.size() == 1) {
    expr = items[0];
  } else {
    expr = NewNode(NodeKind::kSequence, items[0]->offset);
    expr->list = MakeList(items);
    expr->end = items.back()->end;
  }
  expr->flags |= kFlagParenthesized;
  return expr;
}

Node* Parser::ParseArrowBody(Node* fn) {
  JumpContext saved = std::move(jumps_);
  jumps_ = JumpContext();
  bool saved_generator = in_generator_, saved_async = in_async_, saved_arrow = in_arrow_;
  in_generator_ = false;
  in_async_ = fn->Has(kFlagAsync);
  in_arrow_ = true;
  if (At(Tok::kLBrace)) {
    fn->a = ParseFunctionBody(fn);
  } else {
    if (strict_) fn->flags |= kFlagStrict;
    fn->flags |= kFlagExprBody;
    fn->a = ParseAssignment(true);
  }
  jumps_ = std::move(saved);
  in_generator_ = saved_generator;
  in_async_ = saved_async;
  in_arrow_ = saved_arrow;
  return Finish(fn);
}

Node* Parser::ParseArrayLiteral() {
  Node* array = NewNode(NodeKind::kArray, cur_.start);
  Expect(Tok::kLBrack);
  std::vector<Node*> elements;
  bool trailing_comma = false;
  while (!At(Tok::kRBrack)) {
    if (At(Tok::kComma)) {
      elements.push_back(Finish(NewNode(NodeKind::kHole, cur_.start)));
      Advance();
      continue;
    }
    if (At(Tok::kEllipsis)) {
      Node* spread = NewNode(NodeKind::kSpread, cur_.start);
      Advance();
      spread->a = ParseAssignment(true);
      elements.push_back(Finish(spread));
    } else {
      elements.push_back(ParseAssignment(true));
    }
    if (!At(Tok::kRBrack)) {
      Expect(Tok::kComma);
      trailing_comma = At(Tok::kRBrack);
    }
  }
  Expect(Tok::kRBrack);
  if (trailing_comma) array->flags |= kFlagTrailingComma;
  array->list = MakeList(elements);
  return Finish(array);
}

// Parses a property name into prop->a (String for names, Number, or a computed expression).
Node* Parser::ParsePropertyKey(Node* prop) {
  Token tok = cur_;
  if (Eat(Tok::kLBrack)) {
    prop->flags |= kFlagComputed;
    prop->a = ParseAssignment(true);
    Expect(Tok::kRBrack);
    return prop->a;
  }
  Node* key;
  if (tok.kind == Tok::kNumber) {
    key = NewNode(NodeKind::kNumber, tok.start);
    key->num = tok.number;
  } else if (tok.kind == Tok::kString || tok.kind == Tok::kIdentifier || IsKeyword(tok.kind)) {
    key = NewNode(NodeKind::kString, tok.start);
    key->str = tok.value.empty() && tok.kind != Tok::kString ? TokenText(tok.kind) : tok.value;
  } else {
    Unexpected(tok);
  }
  Advance();
  prop->a = Finish(key);
  return key;
}

Node* Parser::ParseObjectLiteral() {
  Node* object = NewNode(NodeKind::kObject, cur_.start);
  Expect(Tok::kLBrace);
  std::vector<Node*> props;
  while (!At(Tok::kRBrace)) {
    Node* prop = NewNode(NodeKind::kProperty, cur_.start);
    if (Eat(Tok::kEllipsis)) {
      prop->op = Tok::kEllipsis;
      prop->b = ParseAssignment(true);
    } else {
      Token first = cur_;
      Tok after = PeekToken().kind;
      bool accessor = (AtIdentifier("get") || AtIdentifier("set")) && after != Tok::kComma &&
                      after != Tok::kColon && after != Tok::kLParen && after != Tok::kRBrace;
      if (accessor) {
        Advance();
        prop->flags |= first.value == "get" ? uint32_t{kFlagGetter} : uint32_t{kFlagSetter};
      }
      uint32_t kind_flags = 0;  // `async m() {}`, `*m() {}`
      if (!accessor && AtIdentifier("async") && after != Tok::kComma && after != Tok::kColon &&
          after != Tok::kLParen && after != Tok::kRBrace && after != Tok::kAssign && !PeekToken().newline_before) {
        Advance();
        kind_flags |= kFlagAsync;
      }
      if (!accessor && Eat(Tok::kMul)) kind_flags |= kFlagGenerator;
      ParsePropertyKey(prop);
      if (accessor || kind_flags != 0 || At(Tok::kLParen)) {
        prop->op = Tok::kFunction;
        prop->b = ParseMethod(first.start, kFlagMethod | kind_flags);
      } else if (Eat(Tok::kColon)) {
        prop->op = Tok::kColon;
        prop->b = ParseAssignment(true);
      } else if (first.kind == Tok::kIdentifier && !prop->Has(kFlagComputed) &&
                 (At(Tok::kComma) || At(Tok::kRBrace) || At(Tok::kAssign))) {
        prop->op = Tok::kIdentifier;
        prop->b = NewIdentifier(first);
        if (At(Tok::kAssign)) prop->b = ParseCoverInitializer(prop->b);
      } else {
        Unexpected(cur_);
      }
    }
    props.push_back(Finish(prop));
    if (!At(Tok::kRBrace)) Expect(Tok::kComma);
  }
  Expect(Tok::kRBrace);
  object->list = MakeList(props);
  return Finish(object);
}

Node* Parser::ParseTemplate() {
  Node* tmpl = NewNode(NodeKind::kTemplate, cur_.start);
  std::vector<Node*> parts;
  std::vector<Node*> raw_parts;  // unused: an untagged template needs only cooked values
  ParseTemplateParts(&parts, &raw_parts, /*tagged=*/false);
  tmpl->list = MakeList(parts);
  return Finish(tmpl);
}

// tag`a${x}b` is the call tag(<template object>, x) (ECMA-262 §13.3.11): the Call node's first
// argument is a TemplateObject node, whose list alternates cooked (String, or Hole for a
// malformed escape: undefined) and raw (String) values, one pair per template part.
Node* Parser::ParseTaggedTemplate(Node* tag) {
  Node* call = NewNode(NodeKind::kCall, tag->offset);
  call->a = tag;
  Node* object = NewNode(NodeKind::kTemplateObject, cur_.start);
  std::vector<Node*> parts;
  std::vector<Node*> strings;
  ParseTemplateParts(&parts, &strings, /*tagged=*/true);
  object->list = MakeList(strings);
  Finish(object);
  std::vector<Node*> args{object};
  for (size_t i = 1; i < parts.size(); i += 2) args.push_back(parts[i]);
  call->list = MakeList(args);
  return Finish(call);
}

// Reads a template from its first part to its last: `parts` gets cooked String nodes at even
// indices and substitutions at odd ones; `strings` gets the tagged form (see ParseTaggedTemplate).
// An untagged template reports its first malformed escape.
void Parser::ParseTemplateParts(std::vector<Node*>* parts, std::vector<Node*>* strings, bool tagged) {
  auto add_quasi = [&] {
    if (!tagged && !cur_.escape_error.empty()) {
      Fail(std::string(cur_.escape_error), cur_.escape_error_start, cur_.escape_error_end);
    }
    Node* s = NewNode(NodeKind::kString, cur_.start);
    s->str = cur_.value;
    s->end = cur_.end;
    parts->push_back(s);
    if (!tagged) return;
    strings->push_back(cur_.escape_error.empty() ? s : NewNode(NodeKind::kHole, cur_.start));
    Node* raw = NewNode(NodeKind::kString, cur_.start);
    raw->str = cur_.raw;
    raw->end = cur_.end;
    strings->push_back(raw);
  };
  add_quasi();
  if (At(Tok::kTemplateFull)) {
    Advance();
    return;
  }
  Advance();
  while (true) {
    parts->push_back(ParseExpression(true));
    if (!At(Tok::kTemplateMiddle) && !At(Tok::kTemplateTail)) Unexpected(cur_);
    add_quasi();
    bool tail = At(Tok::kTemplateTail);
    Advance();
    if (tail) break;
  }
}

// function name? (params) { body }. `flags` are extra Function flags (none for plain functions).
Node* Parser::ParseFunction(bool is_declaration, uint32_t flags) {
  uint32_t start = cur_.start;
  Token keyword = cur_;
  Expect(Tok::kFunction);
  if (Eat(Tok::kMul)) flags |= kFlagGenerator;
  std::string_view name;
  if (At(Tok::kIdentifier)) {
    name = cur_.value;
    Advance();
  } else if (is_declaration) {
    if (At(Tok::kLParen)) Fail("Function statements require a function name", keyword.start, keyword.end);
    Unexpected(cur_);
  }
  Node* fn = ParseMethod(start, flags);
  fn->str = name;
  return fn;
}

// The `(params) { body }` part shared by functions, methods, accessors and constructors.
Node* Parser::ParseMethod(uint32_t offset, uint32_t flags) {
  DepthGuard guard(this);
  Node* fn = NewNode(NodeKind::kFunction, offset);
  fn->flags = flags;
  bool saved_generator = in_generator_, saved_async = in_async_;
  in_generator_ = (flags & kFlagGenerator) != 0;
  in_async_ = (flags & kFlagAsync) != 0;
  ParseParams(fn);
  CheckDuplicateParams(fn);
  JumpContext saved = std::move(jumps_);
  jumps_ = JumpContext();
  fn->a = ParseFunctionBody(fn);
  jumps_ = std::move(saved);
  in_generator_ = saved_generator;
  in_async_ = saved_async;
  return Finish(fn);
}

void Parser::ParseParams(Node* fn) {
  Expect(Tok::kLParen);
  std::vector<Node*> params;
  while (!At(Tok::kRParen)) {
    if (At(Tok::kEllipsis)) {
      Node* rest = NewNode(NodeKind::kRest, cur_.start);
      Advance();
      rest->a = ParseBindingTarget(Tok::kVar);
      params.push_back(Finish(rest));
      if (!At(Tok::kRParen)) Fail("Rest parameter must be last formal parameter", cur_.start, cur_.end);
      break;
    }
    Node* id = ParseBindingTarget(Tok::kVar);
    if (At(Tok::kAssign)) {
      Advance();
      Node* param = NewNode(NodeKind::kDefaultParam, id->offset);
      param->a = id;
      param->b = ParseAssignment(true);
      params.push_back(Finish(param));
    } else {
      params.push_back(id);
    }
    if (!At(Tok::kRParen)) Expect(Tok::kComma);
  }
  Expect(Tok::kRParen);
  fn->list = MakeList(params);
}

// The body of `fn`; marks `fn` strict (kFlagStrict) when it is nested in strict code or its body
// starts with a "use strict" directive (nested functions then inherit it through strict_).
Node* Parser::ParseFunctionBody(Node* fn) {
  Node* body = NewNode(NodeKind::kBlock, cur_.start);
  Expect(Tok::kLBrace);
  bool saved_strict = strict_;
  strict_ = strict_ || AtUseStrictDirective();
  if (strict_) fn->flags |= kFlagStrict;
  // new.target: a non-arrow function reads its own; arrows inside use the hidden variable.
  bool arrow = fn->Has(kFlagArrow), captured = false;
  bool* saved_capture = new_target_capture_;
  bool saved_in_arrow = in_arrow_;
  if (!arrow) {
    new_target_capture_ = &captured;
    in_arrow_ = false;
  }
  std::vector<Node*> statements = ParseStatementList(Tok::kRBrace);
  if (captured) statements.insert(statements.begin(), NewTargetDeclaration(body->offset));
  new_target_capture_ = saved_capture;
  in_arrow_ = saved_in_arrow;
  body->list = MakeList(statements);
  strict_ = saved_strict;
  Expect(Tok::kRBrace);
  return Finish(body);
}

// `var .newtarget = new.target;` (read by arrows in the function, which have no own new.target).
Node* Parser::NewTargetDeclaration(uint32_t offset) {
  Node* decl = NewNode(NodeKind::kVarDecl, offset);
  decl->op = Tok::kVar;
  Node* d = NewNode(NodeKind::kDeclarator, offset);
  d->a = NewHiddenIdentifier(".newtarget", offset);
  d->b = NewNode(NodeKind::kNewTarget, offset);
  decl->list = MakeList({d});
  return decl;
}

// The current token is the string literal 'use strict' / "use strict" written without escapes
// (ECMA-262 §11.2.1: a Use Strict Directive is exactly those code points). Only the first
// statement of a prologue is checked: `'a'; 'use strict';` stays sloppy in tenure.
bool Parser::AtUseStrictDirective() const {
  if (!At(Tok::kString) || cur_.end - cur_.start != 12) return false;
  std::string_view raw = std::string_view(source_.text()).substr(cur_.start + 1, 10);
  return raw == "use strict";
}

}  // namespace tenure::js

namespace tenure::js {

// `yield`, `yield expr`, `yield* expr` (in a generator body). A yield without an operand ends at
// a closing token, a comma, a colon, a semicolon or a line break.
Node* Parser::ParseYield() {
  Node* node = NewNode(NodeKind::kYield, cur_.start);
  Advance();
  if (!cur_.newline_before && Eat(Tok::kMul)) {
    node->flags |= kFlagDelegate;
    node->a = ParseAssignment(true);
    return Finish(node);
  }
  bool no_operand = cur_.newline_before || At(Tok::kRParen) || At(Tok::kRBrack) || At(Tok::kRBrace) ||
                    At(Tok::kComma) || At(Tok::kSemicolon) || At(Tok::kColon) || At(Tok::kEof) ||
                    At(Tok::kTemplateMiddle) || At(Tok::kTemplateTail);
  if (!no_operand) node->a = ParseAssignment(true);
  return Finish(node);
}

// `async x => …`, `async (…) => …`, or a call of a function named `async`.
Node* Parser::ParseAsyncArrowOrCall() {
  Token async_tok = cur_;
  Advance();
  if (At(Tok::kIdentifier)) {
    if (PeekToken().kind != Tok::kArrow || PeekToken().newline_before) Unexpected(PeekToken());
    Node* fn = NewNode(NodeKind::kFunction, async_tok.start);
    fn->flags = kFlagArrow | kFlagAsync;
    std::vector<Node*> params{NewIdentifier(cur_)};
    fn->list = MakeList(params);
    Advance();
    Advance();
    return ParseArrowBody(fn);
  }
  Node* inner = ParseParenOrArrow(kFlagAsync);
  if (inner->kind == NodeKind::kFunction && inner->Has(kFlagArrow) && !inner->Has(kFlagParenthesized)) {
    inner->offset = async_tok.start;
    return inner;
  }
  // `async(a, b)`: a call of whatever `async` names.
  Node* call = NewNode(NodeKind::kCall, async_tok.start);
  call->a = NewIdentifier(async_tok);
  std::vector<Node*> args;
  if (inner->kind == NodeKind::kSequence && inner->Has(kFlagParenthesized)) {
    args.assign(inner->list.begin(), inner->list.end());
  } else {
    inner->flags &= ~uint32_t{kFlagParenthesized};
    args.push_back(inner);
  }
  call->list = MakeList(args);
  return Finish(call);
}

}  // namespace tenure::js
