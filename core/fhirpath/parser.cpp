#include "fhirpath/parser.h"

#include "fhirpath/functions/registry.h"
#include "fhirpath/lexer.h"

#include <algorithm>

namespace pdex::fhirpath {
namespace {

using ExprPtr = std::unique_ptr<Expr>;

struct OperatorInfo {
  BinaryOp op;
  int precedence;  // higher binds tighter (FHIRPath §6.x / Appendix A)
};

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  ExprPtr ParseAll() {
    ExprPtr root = ParseExpression(0);
    if (!failed_ && Peek().kind != TokenKind::kEnd) Fail("unexpected '" + Peek().text + "'", Peek().position);
    return failed_ ? nullptr : std::move(root);
  }

  const Error& error() const { return error_; }

 private:
  const Token& Peek(std::size_t ahead = 0) const { return tokens_[std::min(index_ + ahead, tokens_.size() - 1)]; }
  const Token& Next() { return tokens_[std::min(index_++, tokens_.size() - 1)]; }
  bool IsOp(const Token& t, std::string_view text) const { return t.kind == TokenKind::kOperator && t.text == text; }

  ExprPtr Fail(std::string message, std::size_t position, ErrorKind kind = ErrorKind::kSyntax) {
    if (!failed_) error_ = Error{kind, std::move(message), position};
    failed_ = true;
    return nullptr;
  }

  ExprPtr Make(ExprKind kind, std::size_t position) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->position = position;
    return e;
  }

  // Sets the node's depth from its children; fails past the nesting limit.
  ExprPtr Finish(ExprPtr e) {
    int depth = 0;
    if (e->focus) depth = e->focus->depth;
    for (const auto& a : e->args) depth = std::max(depth, a->depth);
    e->depth = depth + 1;
    if (e->depth > kMaxNestingDepth)
      return Fail("expression nests deeper than " + std::to_string(kMaxNestingDepth) + " levels", e->position);
    MarkFixed(*e);
    return e;
  }

  // Sets Expr::fixed, and Expr::memoize on the children worth remembering of a node that is not fixed.
  static void MarkFixed(Expr& e) {
    bool children_fixed = true;
    if (e.focus) children_fixed = e.focus->fixed;
    // The argument of is()/as()/ofType() is a type name, not an expression.
    const bool type_argument = e.function != nullptr && e.function->type_argument;
    for (const auto& a : e.args) children_fixed = children_fixed && (type_argument || a->fixed);
    switch (e.kind) {
      case ExprKind::kLiteral:
      case ExprKind::kEmpty: e.fixed = true; break;
      // Other variables may be redefined by defineVariable() during the evaluation.
      case ExprKind::kVariable: e.fixed = e.name == "resource" || e.name == "rootResource"; break;
      case ExprKind::kThis:
      case ExprKind::kIndex:
      case ExprKind::kTotal: e.fixed = false; break;
      // Without a focus a path or function applies to $this; trace() and defineVariable() have effects;
      // memberOf() and conformsTo() answer through callbacks of the environment.
      case ExprKind::kMember: e.fixed = e.focus != nullptr && children_fixed; break;
      case ExprKind::kFunction:
        e.fixed = e.focus != nullptr && children_fixed && e.name != "trace" && e.name != "defineVariable" &&
                  e.name != "memberOf" && e.name != "conformsTo";
        break;
      default: e.fixed = children_fixed; break;
    }
    if (e.fixed) return;
    auto mark = [](Expr& child) {
      child.memoize = child.fixed && child.kind != ExprKind::kLiteral && child.kind != ExprKind::kEmpty &&
                      child.kind != ExprKind::kVariable;
    };
    if (e.focus) mark(*e.focus);
    if (!type_argument) {
      for (const auto& a : e.args) mark(*a);
    }
  }

  std::optional<OperatorInfo> BinaryOperator(const Token& t) const {
    if (t.kind == TokenKind::kOperator) {
      static const std::pair<const char*, OperatorInfo> kOps[] = {
          {"*", {BinaryOp::kMul, 10}},   {"/", {BinaryOp::kDiv, 10}},      {"+", {BinaryOp::kAdd, 9}},
          {"-", {BinaryOp::kSub, 9}},    {"&", {BinaryOp::kConcat, 9}},    {"|", {BinaryOp::kUnion, 7}},
          {"<", {BinaryOp::kLt, 6}},     {">", {BinaryOp::kGt, 6}},        {"<=", {BinaryOp::kLe, 6}},
          {">=", {BinaryOp::kGe, 6}},    {"=", {BinaryOp::kEq, 5}},        {"!=", {BinaryOp::kNe, 5}},
          {"~", {BinaryOp::kEquiv, 5}},  {"!~", {BinaryOp::kNotEquiv, 5}},
      };
      for (const auto& [text, info] : kOps) {
        if (t.text == text) return info;
      }
    } else if (t.kind == TokenKind::kIdentifier) {
      static const std::pair<const char*, OperatorInfo> kWords[] = {
          {"div", {BinaryOp::kIntDiv, 10}}, {"mod", {BinaryOp::kMod, 10}},       {"is", {BinaryOp::kIs, 8}},
          {"as", {BinaryOp::kAs, 8}},       {"in", {BinaryOp::kIn, 4}},          {"contains", {BinaryOp::kContains, 4}},
          {"and", {BinaryOp::kAnd, 3}},     {"or", {BinaryOp::kOr, 2}},          {"xor", {BinaryOp::kXor, 2}},
          {"implies", {BinaryOp::kImplies, 1}},
      };
      for (const auto& [text, info] : kWords) {
        if (t.text == text) return info;
      }
    }
    return std::nullopt;
  }

  ExprPtr ParseExpression(int min_precedence) {
    if (++depth_ > kMaxNestingDepth) return Fail("expression nests too deeply", Peek().position);
    ExprPtr lhs = ParseUnary();
    while (lhs && !failed_) {
      const Token& t = Peek();
      auto info = BinaryOperator(t);
      if (!info || info->precedence < min_precedence) break;
      Next();
      if (info->op == BinaryOp::kIs || info->op == BinaryOp::kAs) {
        auto e = Make(ExprKind::kTypeOp, t.position);
        e->op = info->op;
        e->name = t.text;
        if (!ParseTypeSpecifier(e->type_name)) return nullptr;
        e->args.push_back(std::move(lhs));
        lhs = Finish(std::move(e));
        continue;
      }
      ExprPtr rhs = ParseExpression(info->precedence + 1);
      if (!rhs) return nullptr;
      auto e = Make(ExprKind::kBinary, t.position);
      e->op = info->op;
      e->name = t.text;
      e->args.push_back(std::move(lhs));
      e->args.push_back(std::move(rhs));
      lhs = Finish(std::move(e));
    }
    --depth_;
    return failed_ ? nullptr : std::move(lhs);
  }

  bool ParseTypeSpecifier(std::string& out) {
    const Token& t = Next();
    if (t.kind != TokenKind::kIdentifier && t.kind != TokenKind::kDelimitedIdentifier) {
      Fail("expected a type name", t.position);
      return false;
    }
    out = t.text;
    if (IsOp(Peek(), ".") && (Peek(1).kind == TokenKind::kIdentifier || Peek(1).kind == TokenKind::kDelimitedIdentifier)) {
      Next();
      out += "." + Next().text;
    }
    return true;
  }

  ExprPtr ParseUnary() {
    const Token& t = Peek();
    if (IsOp(t, "+") || IsOp(t, "-")) {
      Next();
      if (++depth_ > kMaxNestingDepth) return Fail("expression nests too deeply", t.position);
      ExprPtr operand = ParseUnary();
      --depth_;
      if (!operand) return nullptr;
      auto e = Make(ExprKind::kUnary, t.position);
      e->negate = t.text == "-";
      e->name = t.text;
      e->args.push_back(std::move(operand));
      return Finish(std::move(e));
    }
    return ParsePostfix();
  }

  ExprPtr ParsePostfix() {
    ExprPtr e = ParseTerm();
    while (e && !failed_) {
      const Token& t = Peek();
      if (IsOp(t, ".")) {
        Next();
        const Token& name = Next();
        if (name.kind != TokenKind::kIdentifier && name.kind != TokenKind::kDelimitedIdentifier)
          return Fail("expected a name after '.'", name.position);
        e = ParseInvocation(name, std::move(e));
      } else if (IsOp(t, "[")) {
        Next();
        ExprPtr index = ParseExpression(0);
        if (!index) return nullptr;
        if (!IsOp(Next(), "]")) return Fail("expected ']'", tokens_[index_ - 1].position);
        auto ix = Make(ExprKind::kIndexer, t.position);
        ix->args.push_back(std::move(e));
        ix->args.push_back(std::move(index));
        e = Finish(std::move(ix));
      } else {
        break;
      }
    }
    return e;
  }

  // name or name(args) applied to `focus` (nullptr: the start of a path).
  ExprPtr ParseInvocation(const Token& name, ExprPtr focus) {
    if (!IsOp(Peek(), "(") || name.kind == TokenKind::kDelimitedIdentifier) {
      auto e = Make(ExprKind::kMember, name.position);
      e->name = name.text;
      e->focus = std::move(focus);
      return Finish(std::move(e));
    }
    Next();  // (
    auto e = Make(ExprKind::kFunction, name.position);
    e->name = name.text;
    e->focus = std::move(focus);
    if (!IsOp(Peek(), ")")) {
      while (true) {
        ExprPtr arg = ParseExpression(0);
        if (!arg) return nullptr;
        e->args.push_back(std::move(arg));
        if (IsOp(Peek(), ",")) {
          Next();
          continue;
        }
        break;
      }
    }
    if (!IsOp(Next(), ")")) return Fail("expected ')' to close the arguments of " + e->name + "()", tokens_[index_ - 1].position);
    const FunctionDef* def = FindFunction(e->name);
    if (def == nullptr) return Fail("unknown function '" + e->name + "'", e->position, ErrorKind::kSemantic);
    const int count = static_cast<int>(e->args.size());
    if (count < def->min_args || count > def->max_args)
      return Fail("wrong number of arguments for " + e->name + "(): " + std::to_string(count), e->position, ErrorKind::kSemantic);
    e->function = def;
    if (def->type_argument) {
      const Expr* arg = e->args[0].get();
      if (arg->kind == ExprKind::kMember && arg->focus == nullptr) {
        e->type_name = arg->name;
      } else if (arg->kind == ExprKind::kMember && arg->focus->kind == ExprKind::kMember && arg->focus->focus == nullptr) {
        e->type_name = arg->focus->name + "." + arg->name;
      } else {
        return Fail(e->name + "() expects a type name", arg->position, ErrorKind::kSemantic);
      }
    }
    return Finish(std::move(e));
  }

  ExprPtr ParseTerm() {
    const Token& t = Next();
    switch (t.kind) {
      case TokenKind::kNumber: return ParseNumber(t);
      case TokenKind::kString: {
        auto e = Make(ExprKind::kLiteral, t.position);
        e->literal = Value::String(t.text);
        return Finish(std::move(e));
      }
      case TokenKind::kDateTime:
      case TokenKind::kTime: {
        auto kind = t.kind == TokenKind::kTime ? DateTimeValue::Kind::kTime
                    : (t.text.find('T') != std::string::npos ? DateTimeValue::Kind::kDateTime : DateTimeValue::Kind::kDate);
        auto value = ParseTemporal(t.text, kind);
        if (!value) return Fail("invalid date/time literal '@" + t.text + "'", t.position);
        auto e = Make(ExprKind::kLiteral, t.position);
        e->literal = Value::Temporal(*value);
        return Finish(std::move(e));
      }
      case TokenKind::kVariable: {
        auto e = Make(ExprKind::kVariable, t.position);
        e->name = t.text;
        return Finish(std::move(e));
      }
      case TokenKind::kSpecial: {
        auto e = Make(t.text == "$this" ? ExprKind::kThis : t.text == "$index" ? ExprKind::kIndex : ExprKind::kTotal,
                      t.position);
        return Finish(std::move(e));
      }
      case TokenKind::kIdentifier:
        if (t.text == "true" || t.text == "false") {
          auto e = Make(ExprKind::kLiteral, t.position);
          e->literal = Value::Boolean(t.text == "true");
          return Finish(std::move(e));
        }
        return ParseInvocation(t, nullptr);
      case TokenKind::kDelimitedIdentifier: return ParseInvocation(t, nullptr);
      case TokenKind::kOperator:
        if (t.text == "(") {
          ExprPtr inner = ParseExpression(0);
          if (!inner) return nullptr;
          if (!IsOp(Next(), ")")) return Fail("expected ')'", tokens_[index_ - 1].position);
          return inner;
        }
        if (t.text == "{" && IsOp(Peek(), "}")) {
          Next();
          return Finish(Make(ExprKind::kEmpty, t.position));
        }
        return Fail("unexpected '" + t.text + "'", t.position);
      case TokenKind::kEnd: return Fail("unexpected end of expression", t.position);
    }
    return Fail("unexpected token", t.position);
  }

  ExprPtr ParseNumber(const Token& t) {
    auto e = Make(ExprKind::kLiteral, t.position);
    const bool is_decimal = t.text.find('.') != std::string::npos;
    // A quantity: number followed by a unit string or a calendar duration keyword (§4.1.8).
    const Token& next = Peek();
    if (next.kind == TokenKind::kString || (next.kind == TokenKind::kIdentifier && IsCalendarUnit(next.text))) {
      Next();
      auto d = ParseDecimal(t.text);
      if (!d) return Fail("invalid number", t.position);
      e->literal = Value::MakeQuantity(Quantity{*d, next.text});
      return Finish(std::move(e));
    }
    if (is_decimal) {
      auto d = ParseDecimal(t.text);
      if (!d) return Fail("invalid number", t.position);
      e->literal = Value{*d};
    } else if (auto i = ParseInteger(t.text)) {
      e->literal = Value::Integer(*i);
    } else {
      auto d = ParseDecimal(t.text);  // integer literal beyond 64 bits: keep it as a decimal
      if (!d) return Fail("invalid number", t.position);
      e->literal = Value{*d};
    }
    return Finish(std::move(e));
  }

  std::vector<Token> tokens_;
  std::size_t index_ = 0;
  int depth_ = 0;
  bool failed_ = false;
  Error error_;
};

}  // namespace

Result<std::unique_ptr<Expr>> Parse(std::string_view text) {
  if (text.size() > kMaxExpressionLength)
    return Error{ErrorKind::kSyntax, "expression longer than " + std::to_string(kMaxExpressionLength) + " characters", 0};
  LexError lex_error;
  auto tokens = Tokenize(text, lex_error);
  if (!tokens) return Error{ErrorKind::kSyntax, lex_error.message, lex_error.position};
  Parser parser(std::move(*tokens));
  ExprPtr root = parser.ParseAll();
  if (!root) return parser.error();
  return root;
}

}  // namespace pdex::fhirpath
