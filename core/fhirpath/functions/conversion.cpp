// FHIRPath §5.5 Conversion: iif and the to*/convertsTo* families.
#include "fhirpath/functions/common.h"

#include <cctype>

namespace pdex::fhirpath {
namespace {
using namespace fn;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// iif(criterion, true-result [, otherwise-result]) (§5.5.1): results are evaluated lazily.
PDEX_FHIRPATH_FN(Iif) {
  if (focus.size() > 1) return ev.Fail("iif() on a collection of " + std::to_string(focus.size()) + " items", call.position);
  Scope inner = scope;
  if (call.focus != nullptr && !focus.empty()) inner.item = &focus[0];
  Collection criterion;
  if (!ev.Eval(*call.args[0], inner, criterion)) return false;
  bool condition = false;
  if (!criterion.empty()) {
    if (criterion.size() > 1) return ev.Fail("iif() criterion must be a single Boolean", call.args[0]->position);
    auto v = ToSystem(criterion[0]);
    if (!v || v->kind() != ValueKind::kBoolean) return ev.Fail("iif() criterion must be a Boolean", call.args[0]->position);
    condition = v->boolean();
  }
  if (condition) return ev.Eval(*call.args[1], inner, out);
  if (call.args.size() > 2) return ev.Eval(*call.args[2], inner, out);
  return true;
}

using Converter = std::optional<Value> (*)(const Value& v);

std::optional<Value> ToBooleanValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kBoolean: return v;
    case ValueKind::kInteger:
      if (v.integer() == 1 || v.integer() == 0) return Value::Boolean(v.integer() == 1);
      return std::nullopt;
    case ValueKind::kDecimal:
      if (v.decimal().value == 1 || v.decimal().value == 0) return Value::Boolean(v.decimal().value == 1);
      return std::nullopt;
    case ValueKind::kString: {
      std::string s = Lower(v.string());
      if (s == "true" || s == "t" || s == "yes" || s == "y" || s == "1" || s == "1.0") return Value::Boolean(true);
      if (s == "false" || s == "f" || s == "no" || s == "n" || s == "0" || s == "0.0") return Value::Boolean(false);
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

std::optional<Value> ToIntegerValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kInteger: return v;
    case ValueKind::kBoolean: return Value::Integer(v.boolean() ? 1 : 0);
    case ValueKind::kString:
      if (auto i = ParseInteger(v.string())) return Value::Integer(*i);
      return std::nullopt;
    default: return std::nullopt;
  }
}

std::optional<Value> ToDecimalValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kDecimal: return v;
    case ValueKind::kInteger: return Value::MakeDecimal(static_cast<double>(v.integer()), 0);
    case ValueKind::kBoolean: return Value::MakeDecimal(v.boolean() ? 1 : 0, 1);
    case ValueKind::kString:
      if (auto d = ParseDecimal(v.string())) return Value{*d};
      return std::nullopt;
    default: return std::nullopt;
  }
}

std::optional<Value> ToStringValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kString: return v;
    case ValueKind::kBoolean: return Value::String(v.boolean() ? "true" : "false");
    case ValueKind::kInteger: return Value::String(std::to_string(v.integer()));
    case ValueKind::kDecimal: return Value::String(FormatDecimal(v.decimal()));
    case ValueKind::kDate:
    case ValueKind::kDateTime:
    case ValueKind::kTime: return Value::String(FormatTemporal(v.temporal()));
    case ValueKind::kQuantity: return Value::String(FormatQuantity(v.quantity()));
    default: return std::nullopt;
  }
}

// "4.5 'mg'", "1 day", "3" (FHIRPath §5.5.9 toQuantity string form).
std::optional<Quantity> ParseQuantityText(const std::string& text) {
  std::size_t space = text.find(' ');
  std::string number = text.substr(0, space);
  auto d = ParseDecimal(number);
  if (!d) return std::nullopt;
  if (space == std::string::npos) return Quantity{*d, "1"};
  std::string unit = text.substr(space + 1);
  while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  if (unit.size() >= 2 && unit.front() == '\'' && unit.back() == '\'') return Quantity{*d, unit.substr(1, unit.size() - 2)};
  if (IsCalendarUnit(unit)) return Quantity{*d, unit};
  return std::nullopt;
}

std::optional<Value> ToQuantityValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kQuantity: return v;
    case ValueKind::kInteger: return Value::MakeQuantity(Quantity{Decimal{static_cast<double>(v.integer()), 0}, "1"});
    case ValueKind::kDecimal: return Value::MakeQuantity(Quantity{v.decimal(), "1"});
    case ValueKind::kBoolean: return Value::MakeQuantity(Quantity{Decimal{v.boolean() ? 1.0 : 0.0, 1}, "1"});
    case ValueKind::kString:
      if (auto q = ParseQuantityText(v.string())) return Value::MakeQuantity(std::move(*q));
      return std::nullopt;
    default: return std::nullopt;
  }
}

std::optional<Value> ToDateValue(const Value& v) {
  if (v.kind() == ValueKind::kDate) return v;
  if (v.kind() == ValueKind::kDateTime) {
    DateTimeValue d = v.temporal();
    d.kind = DateTimeValue::Kind::kDate;
    d.has_tz = false;
    if (d.precision > DatePrecision::kDay) d.precision = DatePrecision::kDay;
    return Value::Temporal(d);
  }
  if (v.kind() == ValueKind::kString) {
    if (auto d = ParseTemporal(v.string(), DateTimeValue::Kind::kDate)) return Value::Temporal(*d);
  }
  return std::nullopt;
}

std::optional<Value> ToDateTimeValue(const Value& v) {
  if (v.kind() == ValueKind::kDateTime) return v;
  if (v.kind() == ValueKind::kDate) {
    DateTimeValue d = v.temporal();
    d.kind = DateTimeValue::Kind::kDateTime;
    return Value::Temporal(d);
  }
  if (v.kind() == ValueKind::kString) {
    if (auto d = ParseTemporal(v.string(), DateTimeValue::Kind::kDateTime)) return Value::Temporal(*d);
  }
  return std::nullopt;
}

std::optional<Value> ToTimeValue(const Value& v) {
  if (v.kind() == ValueKind::kTime) return v;
  if (v.kind() == ValueKind::kString) {
    if (auto d = ParseTemporal(v.string(), DateTimeValue::Kind::kTime)) return Value::Temporal(*d);
  }
  return std::nullopt;
}

bool Convert(Evaluator& ev, const Collection& focus, const Expr& call, Converter convert, bool test, Collection& out) {
  bool ok = true;
  auto v = ev.Singleton(focus, call.position, ok, (call.name + "()").c_str());
  if (!ok) return false;
  if (!v) return true;
  std::optional<Value> r = v->is_node() ? std::nullopt : convert(*v);
  if (test) out.push_back(Value::Boolean(r.has_value()));
  else if (r) out.push_back(std::move(*r));
  return true;
}

#define PDEX_CONVERSION(Name, Converter, Test) \
  PDEX_FHIRPATH_FN(Name) {                     \
    (void)scope;                               \
    return Convert(ev, focus, call, Converter, Test, out); \
  }

PDEX_CONVERSION(ToBoolean, ToBooleanValue, false)
PDEX_CONVERSION(ConvertsToBoolean, ToBooleanValue, true)
PDEX_CONVERSION(ToInteger, ToIntegerValue, false)
PDEX_CONVERSION(ConvertsToInteger, ToIntegerValue, true)
PDEX_CONVERSION(ToDecimal, ToDecimalValue, false)
PDEX_CONVERSION(ConvertsToDecimal, ToDecimalValue, true)
// toString() of a FHIR primitive keeps its text as written (a dateTime's "+00:00" stays), as
// fhirpath.js does; System values are formatted.
PDEX_FHIRPATH_FN(ToStringFn) {
  (void)scope;
  if (focus.size() == 1 && focus[0].is_node() && focus[0].node().value != nullptr && focus[0].node().value->is_string()) {
    out.push_back(Value::String(focus[0].node().value->get<std::string>()));
    return true;
  }
  return Convert(ev, focus, call, ToStringValue, false, out);
}
PDEX_CONVERSION(ConvertsToString, ToStringValue, true)
PDEX_CONVERSION(ConvertsToQuantity, ToQuantityValue, true)
PDEX_CONVERSION(ToDate, ToDateValue, false)
PDEX_CONVERSION(ConvertsToDate, ToDateValue, true)
PDEX_CONVERSION(ToDateTime, ToDateTimeValue, false)
PDEX_CONVERSION(ConvertsToDateTime, ToDateTimeValue, true)
PDEX_CONVERSION(ToTime, ToTimeValue, false)
PDEX_CONVERSION(ConvertsToTime, ToTimeValue, true)

// toQuantity([unit]): with a unit, converts when the units are comparable (§5.5.9).
PDEX_FHIRPATH_FN(ToQuantity) {
  Collection converted;
  if (!Convert(ev, focus, call, ToQuantityValue, false, converted)) return false;
  if (converted.empty() || call.args.empty()) {
    out.insert(out.end(), converted.begin(), converted.end());
    return true;
  }
  bool ok = true;
  auto unit = ev.StringArg(call, 0, scope, ok);
  if (!ok) return false;
  if (!unit) return true;
  const Quantity& q = converted[0].quantity();
  if (auto v = ConvertUnit(q.value.value, q.unit, *unit)) out.push_back(Value::MakeQuantity(Quantity{Decimal{*v, -1}, *unit}));
  return true;
}

}  // namespace

void AddConversionFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {
                                {"iif", 2, 3, Iif},
                                {"toBoolean", 0, 0, ToBoolean},
                                {"convertsToBoolean", 0, 0, ConvertsToBoolean},
                                {"toInteger", 0, 0, ToInteger},
                                {"convertsToInteger", 0, 0, ConvertsToInteger},
                                {"toDecimal", 0, 0, ToDecimal},
                                {"convertsToDecimal", 0, 0, ConvertsToDecimal},
                                {"toString", 0, 0, ToStringFn},
                                {"convertsToString", 0, 0, ConvertsToString},
                                {"toQuantity", 0, 1, ToQuantity},
                                {"convertsToQuantity", 0, 1, ConvertsToQuantity},
                                {"toDate", 0, 0, ToDate},
                                {"convertsToDate", 0, 0, ConvertsToDate},
                                {"toDateTime", 0, 0, ToDateTime},
                                {"convertsToDateTime", 0, 0, ConvertsToDateTime},
                                {"toTime", 0, 0, ToTime},
                                {"convertsToTime", 0, 0, ConvertsToTime},
                            });
}

}  // namespace pdex::fhirpath
