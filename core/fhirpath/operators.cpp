// Operators (FHIRPath §6): equality/equivalence, comparison, boolean logic with three-valued
// semantics, math, string concatenation, collections (| in contains). Empty operands propagate as
// the spec's tables say; type mismatches are evaluation errors.
#include "fhirpath/evaluator.h"
#include "fhirpath/temporal.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace pdex::fhirpath {
namespace {

bool IsNumber(const Value& v) { return v.kind() == ValueKind::kInteger || v.kind() == ValueKind::kDecimal; }
Decimal AsDecimal(const Value& v) {
  return v.kind() == ValueKind::kInteger ? Decimal{static_cast<double>(v.integer()), 0} : v.decimal();
}
bool IsTemporal(const Value& v) {
  return v.kind() == ValueKind::kDate || v.kind() == ValueKind::kDateTime || v.kind() == ValueKind::kTime;
}

double RoundTo(double v, int scale) {
  const double f = std::pow(10.0, scale);
  return std::round(v * f) / f;
}

bool NearlyEqual(double a, double b) {
  return std::fabs(a - b) <= 1e-12 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

bool DecimalEqual(const Decimal& a, const Decimal& b) {
  if (a.scale >= 0 && b.scale >= 0) {
    int s = std::min(std::max(a.scale, b.scale), 15);
    return NearlyEqual(RoundTo(a.value, s), RoundTo(b.value, s));
  }
  return NearlyEqual(a.value, b.value);
}

bool DecimalEquivalent(const Decimal& a, const Decimal& b) {
  int s = std::min(a.scale < 0 ? 15 : a.scale, b.scale < 0 ? 15 : b.scale);
  s = std::min(s, 15);
  return NearlyEqual(RoundTo(a.value, s), RoundTo(b.value, s));
}

bool IsCalendarYearMonth(std::string_view u) { return u == "year" || u == "years" || u == "month" || u == "months"; }

// Brings b into a's unit. nullopt: not comparable. `unknown` set when the comparison is undefined.
std::optional<Decimal> AlignQuantity(const Quantity& a, const Quantity& b, bool& unknown) {
  unknown = false;
  if (IsCalendarYearMonth(a.unit) != IsCalendarYearMonth(b.unit)) {
    unknown = UnitsComparable(a.unit, b.unit);
    return std::nullopt;
  }
  auto v = ConvertUnit(b.value.value, b.unit, a.unit);
  if (!v) return std::nullopt;
  return Decimal{*v, a.unit == b.unit ? b.value.scale : -1};
}

std::optional<DateTimeValue> StringAsTemporal(const Value& s, const Value& other) {
  return ParseTemporal(s.string(), other.temporal().kind);
}

std::string NormalizeForEquivalence(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

// Both plain string primitives (not dates or numbers stored as text): compare without converting.
bool PlainStringNodes(const Value& a, const Value& b) {
  if (!a.is_node() || !b.is_node()) return false;
  const Node& x = a.node();
  const Node& y = b.node();
  if (x.value == nullptr || y.value == nullptr || !x.value->is_string() || !y.value->is_string()) return false;
  auto plain = [](std::string_view t) {
    return t == "string" || t == "code" || t == "id" || t == "uri" || t == "url" || t == "canonical" || t == "markdown" ||
           t == "oid" || t == "uuid";
  };
  return plain(x.type) && plain(y.type);
}

std::optional<bool> ValuesEqual(const Value& a_in, const Value& b_in) {
  if (PlainStringNodes(a_in, b_in)) return *a_in.node().value == *b_in.node().value;
  auto a = ToSystem(a_in);
  auto b = ToSystem(b_in);
  if (!a || !b) {
    if (a_in.is_node() && b_in.is_node()) {
      const Node& x = a_in.node();
      const Node& y = b_in.node();
      if (x.value == y.value && x.ext == y.ext) return true;
      if ((x.value == nullptr) != (y.value == nullptr) || (x.ext == nullptr) != (y.ext == nullptr)) return false;
      return (x.value == nullptr || *x.value == *y.value) && (x.ext == nullptr || *x.ext == *y.ext);
    }
    return false;
  }
  if (IsNumber(*a) && IsNumber(*b)) {
    if (a->kind() == ValueKind::kInteger && b->kind() == ValueKind::kInteger) return a->integer() == b->integer();
    return DecimalEqual(AsDecimal(*a), AsDecimal(*b));
  }
  if (IsTemporal(*a) && b->kind() == ValueKind::kString) {
    auto t = StringAsTemporal(*b, *a);
    if (!t) return false;
    b = Value::Temporal(*t);
  } else if (IsTemporal(*b) && a->kind() == ValueKind::kString) {
    auto t = StringAsTemporal(*a, *b);
    if (!t) return false;
    a = Value::Temporal(*t);
  }
  if (a->kind() != b->kind()) {
    const bool dates = (a->kind() == ValueKind::kDate || a->kind() == ValueKind::kDateTime) &&
                       (b->kind() == ValueKind::kDate || b->kind() == ValueKind::kDateTime);
    if (!dates) return false;
  }
  switch (a->kind()) {
    case ValueKind::kBoolean: return a->boolean() == b->boolean();
    case ValueKind::kString: return a->string() == b->string();
    case ValueKind::kDate:
    case ValueKind::kDateTime:
    case ValueKind::kTime: {
      auto c = CompareTemporal(a->temporal(), b->temporal());
      if (!c) return std::nullopt;
      return *c == 0;
    }
    case ValueKind::kQuantity: {
      bool unknown = false;
      auto v = AlignQuantity(a->quantity(), b->quantity(), unknown);
      if (!v) return unknown ? std::nullopt : std::optional<bool>(false);
      return NearlyEqual(a->quantity().value.value, v->value) || DecimalEqual(a->quantity().value, *v);
    }
    default: return false;
  }
}

bool ValuesEquivalent(const Value& a_in, const Value& b_in) {
  auto a = ToSystem(a_in);
  auto b = ToSystem(b_in);
  if (!a || !b) return ValuesEqual(a_in, b_in).value_or(false);
  if (IsNumber(*a) && IsNumber(*b)) return DecimalEquivalent(AsDecimal(*a), AsDecimal(*b));
  if (a->kind() == ValueKind::kString && b->kind() == ValueKind::kString)
    return NormalizeForEquivalence(a->string()) == NormalizeForEquivalence(b->string());
  if (a->kind() == ValueKind::kQuantity && b->kind() == ValueKind::kQuantity) {
    bool unknown = false;
    auto v = AlignQuantity(a->quantity(), b->quantity(), unknown);
    if (!v) return false;
    Decimal x = a->quantity().value;
    int scale = std::min(x.scale < 0 ? 15 : x.scale, b->quantity().value.scale < 0 ? 15 : b->quantity().value.scale);
    return NearlyEqual(RoundTo(x.value, scale), RoundTo(v->value, scale));
  }
  return ValuesEqual(*a, *b).value_or(false);
}

std::optional<int> CompareValues(const Value& a_in, const Value& b_in, std::string& error) {
  auto a = ToSystem(a_in);
  auto b = ToSystem(b_in);
  if (!a || !b) {
    error = "cannot compare complex values";
    return std::nullopt;
  }
  if (IsNumber(*a) && IsNumber(*b)) {
    if (a->kind() == ValueKind::kInteger && b->kind() == ValueKind::kInteger)
      return a->integer() < b->integer() ? -1 : a->integer() > b->integer() ? 1 : 0;
    double x = AsDecimal(*a).value, y = AsDecimal(*b).value;
    if (NearlyEqual(x, y)) return 0;
    return x < y ? -1 : 1;
  }
  if (IsTemporal(*a) && b->kind() == ValueKind::kString) {
    if (auto t = StringAsTemporal(*b, *a)) b = Value::Temporal(*t);
  } else if (IsTemporal(*b) && a->kind() == ValueKind::kString) {
    if (auto t = StringAsTemporal(*a, *b)) a = Value::Temporal(*t);
  }
  if (a->kind() == ValueKind::kString && b->kind() == ValueKind::kString) {
    int c = a->string().compare(b->string());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if (IsTemporal(*a) && IsTemporal(*b)) {
    if ((a->kind() == ValueKind::kTime) != (b->kind() == ValueKind::kTime)) {
      error = "cannot compare a time with a date";
      return std::nullopt;
    }
    return CompareTemporal(a->temporal(), b->temporal());
  }
  if (a->kind() == ValueKind::kQuantity && b->kind() == ValueKind::kQuantity) {
    bool unknown = false;
    auto v = AlignQuantity(a->quantity(), b->quantity(), unknown);
    // "Attempting to operate on quantities with invalid dimensions will result in an empty result"
    // (FHIRPath §6.2 Comparison).
    if (!v) return std::nullopt;
    double x = a->quantity().value.value;
    if (NearlyEqual(x, v->value)) return 0;
    return x < v->value ? -1 : 1;
  }
  error = "cannot compare " + TypeName(*a) + " with " + TypeName(*b);
  return std::nullopt;
}

namespace {

// Consistent with ValuesEqual: equal values hash alike. Numbers, dates and quantities share one
// bucket per kind (their equality has tolerances and conversions); strings hash their text;
// complex nodes hash their shape (size and first key: deep-equal objects agree on both).
std::size_t HashValue(const Value& v) {
  constexpr std::size_t kNumber = 0x9e3779b1, kTemporal = 0x85ebca6b, kQuantity = 0xc2b2ae35, kComplex = 0x27d4eb2f;
  if (v.is_node()) {
    const Node& n = v.node();
    if (n.value == nullptr) return kComplex;
    const nlohmann::json& j = *n.value;
    if (j.is_object()) return kComplex ^ (j.size() * 31) ^ (j.empty() ? 0 : std::hash<std::string>{}(j.begin().key()));
    if (j.is_boolean()) return std::hash<bool>{}(j.get<bool>());
    if (j.is_number()) return kNumber;
    if (j.is_string()) {
      std::string_view t = n.type;
      if (t == "date" || t == "dateTime" || t == "instant" || t == "time") return kTemporal;
      if (t == "integer" || t == "decimal" || t == "positiveInt" || t == "unsignedInt" || t == "integer64") return kNumber;
      return std::hash<std::string>{}(j.get_ref<const std::string&>());
    }
    return kComplex;
  }
  switch (v.kind()) {
    case ValueKind::kBoolean: return std::hash<bool>{}(v.boolean());
    case ValueKind::kString: return std::hash<std::string>{}(v.string());
    case ValueKind::kInteger:
    case ValueKind::kDecimal: return kNumber;
    case ValueKind::kQuantity: return kQuantity;
    default: return kTemporal;
  }
}

}  // namespace

bool DistinctValues::Contains(const Value& v) const { return Contains(v, HashValue(v)); }

bool DistinctValues::Contains(const Value& v, std::size_t h) const {
  if (index_.empty()) {
    for (std::size_t i = 0; i < hashes_.size(); ++i) {
      if (hashes_[i] == h && ValuesEqual(items_[i], v).value_or(false)) return true;
    }
    return false;
  }
  auto [begin, end] = index_.equal_range(h);
  for (auto it = begin; it != end; ++it) {
    if (ValuesEqual(items_[it->second], v).value_or(false)) return true;
  }
  return false;
}

bool DistinctValues::Insert(const Value& v) {
  const std::size_t h = HashValue(v);
  if (Contains(v, h)) return false;
  if (!index_.empty()) {
    index_.emplace(h, items_.size());
  } else if (hashes_.size() + 1 > kIndexThreshold) {
    for (std::size_t i = 0; i < hashes_.size(); ++i) index_.emplace(hashes_[i], i);
    index_.emplace(h, items_.size());
  }
  hashes_.push_back(h);
  items_.push_back(v);
  return true;
}

bool CollectionContains(const Collection& c, const Value& v) {
  for (const Value& item : c) {
    if (ValuesEqual(item, v).value_or(false)) return true;
  }
  return false;
}

}  // namespace pdex::fhirpath
