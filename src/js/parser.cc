#include "parser.h"

#include <string>

namespace tenure::js {

Parser::DepthGuard::DepthGuard(Parser* parser) : parser_(parser) {
  if (++parser_->depth_ > kMaxDepth) {
    --parser_->depth_;
    parser_->Fail("Maximum nesting depth exceeded", parser_->cur_.start, parser_->cur_.end);
  }
}

Parser::Parser(const SourceFile& source, Arena& arena)
    : source_(source), arena_(arena), lexer_(source, arena) {
  cur_ = lexer_.Next();
}

Node* ParseScript(const SourceFile& source, Arena& arena) {
  Parser parser(source, arena);
  return parser.ParseProgram();
}

// ---------------------------------------------------------------------------------------------
// Tokens

void Parser::Advance() {
  prev_start_ = cur_.start;
  prev_end_ = cur_.end;
  if (has_next_) {
    cur_ = next_;
    has_next_ = false;
  } else {
    cur_ = lexer_.Next();
  }
}

void Parser::RescanAsRegExp() {
  bool newline = cur_.newline_before;
  has_next_ = false;
  cur_ = lexer_.RescanAsRegExp(cur_.start);
  cur_.newline_before = newline;
}

// `await x` outside an async function (a CommonJS script has no top-level await): V8's early
// error at `await` when an operand follows on the same line; `await (x)`, `await.x`, `await\n x`
// keep `await` an identifier.
void Parser::CheckAwaitOperand() {
  const Token& next = PeekToken();
  if (next.newline_before) return;
  switch (next.kind) {
    case Tok::kIdentifier: case Tok::kNumber: case Tok::kString: case Tok::kNull: case Tok::kTrue:
    case Tok::kFalse: case Tok::kThis: case Tok::kFunction: case Tok::kClass: case Tok::kNew:
      Fail("await is only valid in async functions and the top level bodies of modules", cur_.start, cur_.end);
    default:
      return;
  }
}

const Token& Parser::PeekToken() {
  if (!has_next_) {
    next_ = lexer_.Next();
    has_next_ = true;
  }
  return next_;
}

bool Parser::Eat(Tok kind) {
  if (cur_.kind != kind) return false;
  Advance();
  return true;
}

void Parser::Expect(Tok kind) {
  if (cur_.kind != kind) Unexpected(cur_);
  Advance();
}

void Parser::ConsumeSemicolon() {
  if (Eat(Tok::kSemicolon)) return;
  if (At(Tok::kRBrace) || At(Tok::kEof) || cur_.newline_before) return;
  Unexpected(cur_);
}

// Messages follow V8's (messages.h kUnexpectedToken* family) as printed by node 20.
void Parser::Unexpected(const Token& tok) {
  switch (tok.kind) {
    case Tok::kEof:
      Fail("Unexpected end of input", tok.start, tok.start);
    case Tok::kIdentifier:
      Fail("Unexpected identifier '" + std::string(tok.value) + "'", tok.start, tok.end);
    case Tok::kNumber:
      Fail("Unexpected number", tok.start, tok.end);
    case Tok::kString:
      Fail("Unexpected string", tok.start, tok.end);
    case Tok::kTemplateFull:
    case Tok::kTemplateHead:
    case Tok::kTemplateMiddle:
    case Tok::kTemplateTail:
      Fail("Unexpected template string", tok.start, tok.end);
    default:
      Fail("Unexpected token '" + std::string(TokenText(tok.kind)) + "'", tok.start, tok.end);
  }
}

void Parser::Fail(std::string message, uint32_t start, uint32_t end) {
  throw SyntaxError{std::move(message), start, end};
}

void Parser::FailAt(std::string message, const Node* node) {
  Fail(std::move(message), node->offset, node->end);
}

// ---------------------------------------------------------------------------------------------
// Nodes

Node* Parser::NewNode(NodeKind kind, uint32_t offset) {
  Node* node = arena_.New<Node>();
  node->kind = kind;
  node->offset = offset;
  node->end = offset;
  LineColumn at = source_.Locate(offset);
  node->line = at.line;
  node->column = at.column;
  return node;
}

Node* Parser::Finish(Node* node) {
  node->end = prev_end_ > node->offset ? prev_end_ : node->offset;
  return node;
}

Node* Parser::NewIdentifier(const Token& tok) {
  Node* id = NewNode(NodeKind::kIdentifier, tok.start);
  id->str = tok.value;
  id->end = tok.end;
  return id;
}

// ---------------------------------------------------------------------------------------------
// Statements

Node* Parser::ParseProgram() {
  Node* program = NewNode(NodeKind::kProgram, 0);
  strict_ = AtUseStrictDirective();
  if (strict_) program->flags |= kFlagStrict;
  // A script is a CommonJS module body (a function in node): new.target is allowed, undefined.
  bool captured = false;
  new_target_capture_ = &captured;
  std::vector<Node*> statements = ParseStatementList(Tok::kEof);
  if (captured) statements.insert(statements.begin(), NewTargetDeclaration(0));
  program->list = MakeList(statements);
  return Finish(program);
}

std::vector<Node*> Parser::ParseStatementList(Tok terminator) {
  std::vector<Node*> items;
  while (!At(terminator)) {
    if (At(Tok::kEof)) Unexpected(cur_);
    size_t mark = cover_initializers_.size();
    items.push_back(ParseStatementListItem());
    CheckCoverInitializers(mark);
  }
  return items;
}

Node* Parser::ParseStatementListItem() {
  if (AtIdentifier("async") && PeekToken().kind == Tok::kFunction && !PeekToken().newline_before) {
    Node* decl = NewNode(NodeKind::kFunctionDecl, cur_.start);
    Advance();
    decl->a = ParseFunction(/*is_declaration=*/true, kFlagAsync);
    decl->a->offset = decl->offset;  // the function's text starts at `async` (as for expressions)
    return Finish(decl);
  }
  switch (cur_.kind) {
    case Tok::kFunction: {
      Node* decl = NewNode(NodeKind::kFunctionDecl, cur_.start);
      decl->a = ParseFunction(/*is_declaration=*/true, 0);
      return Finish(decl);
    }
    case Tok::kClass: {
      Node* decl = NewNode(NodeKind::kClassDecl, cur_.start);
      decl->a = ParseClass(/*is_declaration=*/true);
      return Finish(decl);
    }
    case Tok::kConst:
      return ParseVarDecl(false);
    case Tok::kIdentifier:
      if (cur_.value == "let") {
        Tok next = PeekToken().kind;
        if (next == Tok::kIdentifier || next == Tok::kLBrack || next == Tok::kLBrace ||
            IsKeyword(next)) {
          return ParseVarDecl(false);
        }
      }
      return ParseStatement();
    default:
      return ParseStatement();
  }
}

Node* Parser::ParseStatement() {
  DepthGuard guard(this);
  switch (cur_.kind) {
    case Tok::kLBrace: return ParseBlock();
    case Tok::kVar: return ParseVarDecl(false);
    case Tok::kSemicolon: {
      Node* empty = NewNode(NodeKind::kEmpty, cur_.start);
      Advance();
      return Finish(empty);
    }
    case Tok::kIf: return ParseIf();
    case Tok::kFor: return ParseFor();
    case Tok::kWhile: return ParseWhile();
    case Tok::kDo: return ParseDoWhile();
    case Tok::kBreak:
    case Tok::kContinue: return ParseBreakContinue();
    case Tok::kReturn: return ParseReturn();
    case Tok::kThrow: return ParseThrow();
    case Tok::kSwitch: return ParseSwitch();
    case Tok::kTry: return ParseTry();
    case Tok::kDebugger: {
      Node* node = NewNode(NodeKind::kDebugger, cur_.start);
      Advance();
      ConsumeSemicolon();
      return Finish(node);
    }
    case Tok::kFunction:
      Fail("In strict mode code, functions can only be declared at top level or inside a block.",
           cur_.start, cur_.end);
    case Tok::kClass:
    case Tok::kConst:
      Fail("Lexical declaration cannot appear in a single-statement context", cur_.start, cur_.end);
    case Tok::kIdentifier:
      if (PeekToken().kind == Tok::kColon) return ParseLabeled();
      break;
    default:
      break;
  }
  Node* stmt = NewNode(NodeKind::kExprStmt, cur_.start);
  stmt->a = ParseExpression(true);
  ConsumeSemicolon();
  return Finish(stmt);
}

Node* Parser::ParseBlock() {
  Node* block = NewNode(NodeKind::kBlock, cur_.start);
  Expect(Tok::kLBrace);
  block->list = MakeList(ParseStatementList(Tok::kRBrace));
  Expect(Tok::kRBrace);
  return Finish(block);
}

Node* Parser::ParseBindingIdentifier(Tok decl_kind) {
  if (!At(Tok::kIdentifier)) Unexpected(cur_);
  if (decl_kind != Tok::kVar && cur_.value == "let") {
    Fail("let is disallowed as a lexically bound name", cur_.start, cur_.end);
  }
  Node* id = NewIdentifier(cur_);
  Advance();
  return id;
}

// `in_for`: the head of a for statement — initializers may not contain a bare `in`, and a
// const without initializer is left for the caller to judge (legal in for-in/of).
Node* Parser::ParseVarDecl(bool in_for) {
  Node* decl = NewNode(NodeKind::kVarDecl, cur_.start);
  decl->op = AtIdentifier("let") ? Tok::kIdentifier : cur_.kind;  // kIdentifier marks `let`
  Advance();
  std::vector<Node*> declarators;
  do {
    Node* d = NewNode(NodeKind::kDeclarator, cur_.start);
    d->a = ParseBindingTarget(decl->op);
    if (Eat(Tok::kAssign)) {
      d->b = ParseAssignment(!in_for);
    } else if (d->a->kind != NodeKind::kIdentifier && !in_for) {
      FailAt("Missing initializer in destructuring declaration", d->a);
    } else if (decl->op == Tok::kConst && !in_for) {
      FailAt("Missing initializer in const declaration", d->a);
    }
    declarators.push_back(Finish(d));
  } while (Eat(Tok::kComma));
  decl->list = MakeList(declarators);
  if (!in_for) ConsumeSemicolon();
  return Finish(decl);
}

Node* Parser::ParseIf() {
  Node* node = NewNode(NodeKind::kIf, cur_.start);
  Advance();
  Expect(Tok::kLParen);
  node->a = ParseExpression(true);
  Expect(Tok::kRParen);
  node->b = ParseStatement();
  if (Eat(Tok::kElse)) node->c = ParseStatement();
  return Finish(node);
}

Node* Parser::ParseLoopBody() {
  ++jumps_.loop_depth;
  ++jumps_.breakable_depth;
  Node* body = ParseStatement();
  --jumps_.loop_depth;
  --jumps_.breakable_depth;
  return body;
}

Node* Parser::ParseFor() {
  Node* node = NewNode(NodeKind::kFor, cur_.start);
  Advance();
  bool is_await = false;
  if (AtIdentifier("await")) {  // `for await` (§14.7.5): only in async functions and generators
    if (!in_async_) Fail("Unexpected reserved word", cur_.start, cur_.end);
    is_await = true;
    Advance();
  }
  Expect(Tok::kLParen);
  Node* result = ParseForHead(node, is_await);
  if (is_await) result->flags |= kFlagAwait;
  return result;
}

// The head and body of a `for` after its `(`: a plain for, for-in or for-of node (only for-of
// when `is_await`, with V8's errors for the others).
Node* Parser::ParseForHead(Node* node, bool is_await) {
  if (is_await && At(Tok::kSemicolon)) Unexpected(cur_);
  Node* init = nullptr;
  if (At(Tok::kVar) || At(Tok::kConst) ||
      (AtIdentifier("let") && (PeekToken().kind == Tok::kIdentifier || IsKeyword(PeekToken().kind) ||
                               PeekToken().kind == Tok::kLBrack || PeekToken().kind == Tok::kLBrace))) {
    init = ParseVarDecl(/*in_for=*/true);
    if (is_await && !AtIdentifier("of")) {
      Node* d = init->list[0];
      if (d->b != nullptr) Fail("for-await-of loop variable declaration may not have an initializer.", d->offset, d->end);
      Unexpected(cur_);
    }
    if ((At(Tok::kIn) || AtIdentifier("of")) ) {
      if (init->list.size() != 1) {
        Fail("Invalid left-hand side in for-" + std::string(At(Tok::kIn) ? "in" : "of") +
                 " loop: Must have a single binding.", init->offset, init->end);
      }
      if (init->list[0]->b != nullptr) {
        Fail("for-" + std::string(At(Tok::kIn) ? "in" : "of") +
                 " loop variable declaration may not have an initializer.", init->offset, init->end);
      }
      return ParseForInOf(node, init);
    }
    for (Node* d : init->list) {
      if (d->a->kind != NodeKind::kIdentifier && d->b == nullptr) {
        FailAt("Missing initializer in destructuring declaration", d->a);
      }
      if (init->op == Tok::kConst && d->b == nullptr) {
        FailAt("Missing initializer in const declaration", d->a);
      }
    }
  } else if (!At(Tok::kSemicolon)) {
    init = ParseExpression(/*allow_in=*/false);
    if (is_await && !AtIdentifier("of")) Unexpected(cur_);
    if (At(Tok::kIn) || AtIdentifier("of")) {
      if (IsPattern(init)) {
        ToPattern(init, PatternKind::kAssignment);
      } else {
        CheckAssignmentTarget(init, At(Tok::kIn) ? "Invalid left-hand side in for-in loop"
                                                 : "Invalid left-hand side in for-of loop");
      }
      return ParseForInOf(node, init);
    }
    Node* stmt = NewNode(NodeKind::kExprStmt, init->offset);
    stmt->a = init;
    init = Finish(stmt);
  }
  node->a = init;
  Expect(Tok::kSemicolon);
  if (!At(Tok::kSemicolon)) node->b = ParseExpression(true);
  Expect(Tok::kSemicolon);
  if (!At(Tok::kRParen)) node->c = ParseExpression(true);
  Expect(Tok::kRParen);
  node->d = ParseLoopBody();
  return Finish(node);
}

Node* Parser::ParseForInOf(Node* node, Node* left) {
  bool is_of = !At(Tok::kIn);
  node->kind = is_of ? NodeKind::kForOf : NodeKind::kForIn;
  Advance();
  node->a = left;
  node->b = is_of ? ParseAssignment(true) : ParseExpression(true);
  Expect(Tok::kRParen);
  node->d = ParseLoopBody();
  return Finish(node);
}

Node* Parser::ParseWhile() {
  Node* node = NewNode(NodeKind::kWhile, cur_.start);
  Advance();
  Expect(Tok::kLParen);
  node->a = ParseExpression(true);
  Expect(Tok::kRParen);
  node->d = ParseLoopBody();
  return Finish(node);
}

Node* Parser::ParseDoWhile() {
  Node* node = NewNode(NodeKind::kDoWhile, cur_.start);
  Advance();
  node->d = ParseLoopBody();
  Expect(Tok::kWhile);
  Expect(Tok::kLParen);
  node->a = ParseExpression(true);
  Expect(Tok::kRParen);
  Eat(Tok::kSemicolon);  // ASI always applies after do-while (ECMA-262 §12.10.1)
  return Finish(node);
}

Node* Parser::ParseBreakContinue() {
  bool is_break = At(Tok::kBreak);
  Token keyword = cur_;
  Node* node = NewNode(is_break ? NodeKind::kBreak : NodeKind::kContinue, cur_.start);
  Advance();
  if (At(Tok::kIdentifier) && !cur_.newline_before) {
    Token label = cur_;
    const Label* found = nullptr;
    for (const Label& l : jumps_.labels) {
      if (l.name == label.value) found = &l;
    }
    if (found == nullptr) {
      Fail("Undefined label '" + std::string(label.value) + "'", label.start, label.end);
    }
    if (!is_break && !found->is_loop) {
      Fail("Illegal continue statement: '" + std::string(label.value) +
               "' does not denote an iteration statement", label.start, label.end);
    }
    node->str = label.value;
    Advance();
  } else if (is_break && jumps_.breakable_depth == 0) {
    Fail("Illegal break statement", keyword.start, keyword.end);
  } else if (!is_break && jumps_.loop_depth == 0) {
    Fail("Illegal continue statement: no surrounding iteration statement", keyword.start, keyword.end);
  }
  ConsumeSemicolon();
  return Finish(node);
}

Node* Parser::ParseReturn() {
  Node* node = NewNode(NodeKind::kReturn, cur_.start);
  Advance();
  if (!At(Tok::kSemicolon) && !At(Tok::kRBrace) && !At(Tok::kEof) && !cur_.newline_before) {
    node->a = ParseExpression(true);
  }
  ConsumeSemicolon();
  return Finish(node);
}

Node* Parser::ParseThrow() {
  Node* node = NewNode(NodeKind::kThrow, cur_.start);
  Token keyword = cur_;
  Advance();
  if (cur_.newline_before) Fail("Illegal newline after throw", keyword.start, keyword.end);
  node->a = ParseExpression(true);
  ConsumeSemicolon();
  return Finish(node);
}

Node* Parser::ParseSwitch() {
  Node* node = NewNode(NodeKind::kSwitch, cur_.start);
  Advance();
  Expect(Tok::kLParen);
  node->a = ParseExpression(true);
  Expect(Tok::kRParen);
  Expect(Tok::kLBrace);
  ++jumps_.breakable_depth;
  std::vector<Node*> cases;
  bool seen_default = false;
  while (!Eat(Tok::kRBrace)) {
    Node* clause = NewNode(NodeKind::kCase, cur_.start);
    if (Eat(Tok::kCase)) {
      clause->a = ParseExpression(true);
    } else if (At(Tok::kDefault)) {
      if (seen_default) {
        Fail("More than one default clause in switch statement", cur_.start, cur_.end);
      }
      seen_default = true;
      Advance();
    } else {
      Unexpected(cur_);
    }
    Expect(Tok::kColon);
    std::vector<Node*> body;
    while (!At(Tok::kCase) && !At(Tok::kDefault) && !At(Tok::kRBrace)) {
      if (At(Tok::kEof)) Unexpected(cur_);
      body.push_back(ParseStatementListItem());
    }
    clause->list = MakeList(body);
    cases.push_back(Finish(clause));
  }
  --jumps_.breakable_depth;
  node->list = MakeList(cases);
  return Finish(node);
}

Node* Parser::ParseTry() {
  Node* node = NewNode(NodeKind::kTry, cur_.start);
  Advance();
  node->a = ParseBlock();
  if (Eat(Tok::kCatch)) {
    if (Eat(Tok::kLParen)) {
      node->b = ParseBindingTarget(Tok::kIdentifier);
      Expect(Tok::kRParen);
    }
    node->c = ParseBlock();
  }
  if (Eat(Tok::kFinally)) node->d = ParseBlock();
  if (node->c == nullptr && node->d == nullptr) {
    Fail("Missing catch or finally after try", prev_start_, prev_end_);  // V8 marks the block's '}'

  }
  return Finish(node);
}

Node* Parser::ParseLabeled() {
  Node* node = NewNode(NodeKind::kLabeled, cur_.start);
  Token label = cur_;
  for (const Label& l : jumps_.labels) {
    if (l.name == label.value) {
      Fail("Label '" + std::string(label.value) + "' has already been declared", label.start, label.end);
    }
  }
  node->str = label.value;
  Advance();
  Expect(Tok::kColon);
  bool is_loop = At(Tok::kFor) || At(Tok::kWhile) || At(Tok::kDo);
  jumps_.labels.push_back({label.value, is_loop});
  // A labeled non-loop block is a break target for its label only (no unlabeled break).
  node->a = At(Tok::kFunction) ? ParseStatementListItem() : ParseStatement();
  jumps_.labels.pop_back();
  return Finish(node);
}

}  // namespace tenure::js
