// Evaluation of unary and binary operators (FHIRPath §6.1-6.6), on top of operators.cpp.
#include "fhirpath/evaluator.h"

#include <cmath>
#include <limits>

namespace pdex::fhirpath {
namespace {

// Boolean view of an operand for and/or/xor/implies (§6.5, §4.5 singleton evaluation):
// 0 false, 1 true, -1 empty. A single non-Boolean item counts as true.
bool Logical(Evaluator& ev, const Collection& c, std::size_t position, int& out) {
  if (c.empty()) {
    out = -1;
    return true;
  }
  if (c.size() > 1) return ev.Fail("a logical operator expects a single item, got " + std::to_string(c.size()), position);
  auto v = ToSystem(c[0]);
  out = (v && v->kind() == ValueKind::kBoolean) ? (v->boolean() ? 1 : 0) : 1;
  return true;
}

void PushBool(Collection& out, int v) {
  if (v >= 0) out.push_back(Value::Boolean(v == 1));
}

bool Is(const Value& v, ValueKind k) { return v.kind() == k; }
bool IsNumber(const Value& v) { return Is(v, ValueKind::kInteger) || Is(v, ValueKind::kDecimal); }
Decimal AsDecimal(const Value& v) {
  return Is(v, ValueKind::kInteger) ? Decimal{static_cast<double>(v.integer()), 0} : v.decimal();
}

std::string MultiplyUnits(const std::string& a, const std::string& b, bool divide) {
  if (divide && a == b) return "1";
  if (b == "1") return a;
  if (a == "1") return divide ? "/" + b : b;
  return a + (divide ? "/" : ".") + b;
}

// Math on two single System values (§6.6). Returns false on a type error.
bool Arithmetic(Evaluator& ev, BinaryOp op, const Value& a, const Value& b, const Expr& expr, Collection& out) {
  if (Is(a, ValueKind::kInteger) && Is(b, ValueKind::kInteger) && op != BinaryOp::kDiv) {
    std::int64_t x = a.integer(), y = b.integer(), r = 0;
    switch (op) {
      case BinaryOp::kAdd: if (__builtin_add_overflow(x, y, &r)) return true; break;
      case BinaryOp::kSub: if (__builtin_sub_overflow(x, y, &r)) return true; break;
      case BinaryOp::kMul: if (__builtin_mul_overflow(x, y, &r)) return true; break;
      case BinaryOp::kIntDiv: if (y == 0) return true; r = x / y; break;
      case BinaryOp::kMod: if (y == 0) return true; r = x % y; break;
      default: break;
    }
    out.push_back(Value::Integer(r));
    return true;
  }
  if (IsNumber(a) && IsNumber(b)) {
    Decimal x = AsDecimal(a), y = AsDecimal(b);
    switch (op) {
      case BinaryOp::kAdd: out.push_back(Value::MakeDecimal(x.value + y.value, std::max(x.scale, y.scale))); return true;
      case BinaryOp::kSub: out.push_back(Value::MakeDecimal(x.value - y.value, std::max(x.scale, y.scale))); return true;
      case BinaryOp::kMul:
        out.push_back(Value::MakeDecimal(x.value * y.value, x.scale < 0 || y.scale < 0 ? -1 : x.scale + y.scale));
        return true;
      case BinaryOp::kDiv:
        if (y.value == 0) return true;
        out.push_back(Value::MakeDecimal(x.value / y.value, -1));
        return true;
      case BinaryOp::kIntDiv:
        if (y.value == 0) return true;
        out.push_back(Value::Integer(static_cast<std::int64_t>(std::trunc(x.value / y.value))));
        return true;
      case BinaryOp::kMod:
        if (y.value == 0) return true;
        out.push_back(Value::MakeDecimal(std::fmod(x.value, y.value), std::max(x.scale, y.scale)));
        return true;
      default: break;
    }
  }
  if (op == BinaryOp::kAdd && Is(a, ValueKind::kString) && Is(b, ValueKind::kString)) {
    out.push_back(Value::String(a.string() + b.string()));
    return true;
  }
  const bool temporal = Is(a, ValueKind::kDate) || Is(a, ValueKind::kDateTime) || Is(a, ValueKind::kTime);
  if (temporal && Is(b, ValueKind::kQuantity) && (op == BinaryOp::kAdd || op == BinaryOp::kSub)) {
    std::string error;
    auto r = AddDuration(a.temporal(), b.quantity(), op == BinaryOp::kAdd ? 1 : -1, error);
    if (!r) return ev.Fail(error, expr.position);
    out.push_back(Value::Temporal(*r));
    return true;
  }
  if (Is(a, ValueKind::kQuantity) && Is(b, ValueKind::kQuantity)) {
    const Quantity& x = a.quantity();
    const Quantity& y = b.quantity();
    if (op == BinaryOp::kAdd || op == BinaryOp::kSub) {
      auto v = ConvertUnit(y.value.value, y.unit, x.unit);
      if (!v) return true;  // incompatible dimensions: empty (FHIRPath §6.6)
      double r = op == BinaryOp::kAdd ? x.value.value + *v : x.value.value - *v;
      out.push_back(Value::MakeQuantity(Quantity{Decimal{r, x.unit == y.unit ? std::max(x.value.scale, y.value.scale) : -1}, x.unit}));
      return true;
    }
    if (op == BinaryOp::kMul || op == BinaryOp::kDiv) {
      if (op == BinaryOp::kDiv && y.value.value == 0) return true;
      double r = op == BinaryOp::kMul ? x.value.value * y.value.value : x.value.value / y.value.value;
      out.push_back(Value::MakeQuantity(Quantity{Decimal{r, -1}, MultiplyUnits(x.unit, y.unit, op == BinaryOp::kDiv)}));
      return true;
    }
  }
  if (Is(a, ValueKind::kQuantity) && IsNumber(b) && (op == BinaryOp::kMul || op == BinaryOp::kDiv)) {
    Decimal y = AsDecimal(b);
    if (op == BinaryOp::kDiv && y.value == 0) return true;
    double r = op == BinaryOp::kMul ? a.quantity().value.value * y.value : a.quantity().value.value / y.value;
    out.push_back(Value::MakeQuantity(Quantity{Decimal{r, -1}, a.quantity().unit}));
    return true;
  }
  if (IsNumber(a) && Is(b, ValueKind::kQuantity) && op == BinaryOp::kMul) {
    out.push_back(Value::MakeQuantity(Quantity{Decimal{AsDecimal(a).value * b.quantity().value.value, -1}, b.quantity().unit}));
    return true;
  }
  return ev.Fail("operator '" + expr.name + "' cannot be applied to " + TypeName(a) + " and " + TypeName(b), expr.position);
}

}  // namespace

bool EvalUnary(Evaluator& ev, const Expr& expr, const Scope& scope, Collection& out) {
  ScratchCollection operand_scratch;
  Collection& operand = operand_scratch.get();
  if (!ev.Eval(*expr.args[0], scope, operand)) return false;
  bool ok = true;
  auto v = ev.Singleton(operand, expr.position, ok, "unary operator");
  if (!ok) return false;
  if (!v) return true;
  if (!expr.negate) {
    if (!IsNumber(*v) && !Is(*v, ValueKind::kQuantity)) return ev.Fail("unary '+' needs a number", expr.position);
    out.push_back(*v);
    return true;
  }
  if (Is(*v, ValueKind::kInteger)) {
    out.push_back(Value::Integer(-v->integer()));
  } else if (Is(*v, ValueKind::kDecimal)) {
    Decimal d = v->decimal();
    d.value = d.value == 0 ? 0.0 : -d.value;
    out.push_back(Value{d});
  } else if (Is(*v, ValueKind::kQuantity)) {
    Quantity q = v->quantity();
    q.value.value = -q.value.value;
    out.push_back(Value::MakeQuantity(std::move(q)));
  } else {
    return ev.Fail("unary '-' cannot be applied to " + TypeName(*v), expr.position);
  }
  return true;
}

bool EvalBinary(Evaluator& ev, const Expr& expr, const Scope& scope, Collection& out) {
  const BinaryOp op = expr.op;
  ScratchCollection left_scratch, right_scratch;
  Collection& left = left_scratch.get();
  Collection& right = right_scratch.get();
  if (!ev.Eval(*expr.args[0], scope, left)) return false;
  // Boolean operators short-circuit where the left operand decides (§6.5).
  if (op == BinaryOp::kAnd || op == BinaryOp::kOr || op == BinaryOp::kXor || op == BinaryOp::kImplies) {
    int l = 0, r = 0;
    if (!Logical(ev, left, expr.position, l)) return false;
    if ((op == BinaryOp::kAnd && l == 0) || (op == BinaryOp::kOr && l == 1)) return PushBool(out, l), true;
    if (op == BinaryOp::kImplies && l == 0) return PushBool(out, 1), true;
    if (!ev.Eval(*expr.args[1], scope, right) || !Logical(ev, right, expr.position, r)) return false;
    switch (op) {
      case BinaryOp::kAnd: PushBool(out, r == 0 ? 0 : (l == 1 && r == 1) ? 1 : -1); break;
      case BinaryOp::kOr: PushBool(out, r == 1 ? 1 : (l == 0 && r == 0) ? 0 : -1); break;
      case BinaryOp::kXor: PushBool(out, (l < 0 || r < 0) ? -1 : (l != r ? 1 : 0)); break;
      default: PushBool(out, r == 1 ? 1 : (l == 1 && r == 0) ? 0 : -1); break;  // implies, l is 1 or empty
    }
    return true;
  }
  if (!ev.Eval(*expr.args[1], scope, right)) return false;
  switch (op) {
    case BinaryOp::kUnion: {
      DistinctValues distinct;
      for (Collection* c : {&left, &right}) {
        for (Value& v : *c) distinct.Insert(v);
      }
      Collection& merged = distinct.items();
      if (out.size() + merged.size() > kMaxCollectionSize) return ev.Fail("collection too large", expr.position);
      out.insert(out.end(), std::make_move_iterator(merged.begin()), std::make_move_iterator(merged.end()));
      return true;
    }
    case BinaryOp::kEq:
    case BinaryOp::kNe: {
      if (left.empty() || right.empty()) return true;
      bool equal = left.size() == right.size();
      for (std::size_t i = 0; equal && i < left.size(); ++i) {
        auto e = ValuesEqual(left[i], right[i]);
        if (!e) return true;
        equal = *e;
      }
      out.push_back(Value::Boolean(op == BinaryOp::kEq ? equal : !equal));
      return true;
    }
    case BinaryOp::kEquiv:
    case BinaryOp::kNotEquiv: {
      bool equal = left.size() == right.size();
      std::vector<bool> used(right.size(), false);
      for (std::size_t i = 0; equal && i < left.size(); ++i) {
        bool found = false;
        for (std::size_t j = 0; j < right.size() && !found; ++j) {
          if (!used[j] && ValuesEquivalent(left[i], right[j])) used[j] = found = true;
        }
        equal = found;
      }
      out.push_back(Value::Boolean(op == BinaryOp::kEquiv ? equal : !equal));
      return true;
    }
    case BinaryOp::kIn:
    case BinaryOp::kContains: {
      const Collection& element = op == BinaryOp::kIn ? left : right;
      const Collection& container = op == BinaryOp::kIn ? right : left;
      if (element.empty()) return true;
      if (element.size() > 1) return ev.Fail("'" + expr.name + "' expects a single item", expr.position);
      out.push_back(Value::Boolean(CollectionContains(container, element[0])));
      return true;
    }
    default: break;
  }
  bool ok = true;
  if (op == BinaryOp::kConcat) {
    auto a = ev.Singleton(left, expr.position, ok, "'&'");
    if (!ok) return false;
    auto b = ev.Singleton(right, expr.position, ok, "'&'");
    if (!ok) return false;
    std::string result;
    for (const auto& v : {a, b}) {
      if (!v) continue;
      if (v->kind() != ValueKind::kString) return ev.Fail("'&' expects strings", expr.position);
      result += v->string();
    }
    out.push_back(Value::String(std::move(result)));
    return true;
  }
  auto a = ev.Singleton(left, expr.position, ok, ("'" + expr.name + "'").c_str());
  if (!ok) return false;
  auto b = ev.Singleton(right, expr.position, ok, ("'" + expr.name + "'").c_str());
  if (!ok) return false;
  if (!a || !b) return true;
  if (op == BinaryOp::kLt || op == BinaryOp::kGt || op == BinaryOp::kLe || op == BinaryOp::kGe) {
    std::string error;
    auto c = CompareValues(*a, *b, error);
    if (!error.empty()) return ev.Fail(error, expr.position);
    if (!c) return true;
    bool r = op == BinaryOp::kLt ? *c < 0 : op == BinaryOp::kGt ? *c > 0 : op == BinaryOp::kLe ? *c <= 0 : *c >= 0;
    out.push_back(Value::Boolean(r));
    return true;
  }
  if (a->is_node() || b->is_node()) return ev.Fail("operator '" + expr.name + "' cannot be applied to complex values", expr.position);
  return Arithmetic(ev, op, *a, *b, expr, out);
}

}  // namespace pdex::fhirpath
