// A small UCUM (https://ucum.org) unit algebra for Quantity equality, comparison and arithmetic:
// common mass, length, volume, time and dimensionless units with SI prefixes, products ('.'),
// quotients ('/') and integer exponents. Units outside the table are opaque: only identical
// spellings compare. FHIRPath calendar keywords (week, days ...) map to their UCUM definite
// durations; year/month keywords are not comparable with 'a'/'mo' (FHIRPath §6.1.1 "Quantity").
#include "fhirpath/evaluator.h"

#include <array>
#include <cmath>
#include <cstring>

namespace pdex::fhirpath {
namespace {

// Dimensions: mass (g), length (m), time (s), amount (mol), count-like opaque units are rejected.
using Dims = std::array<int, 4>;

struct Atom {
  const char* code;
  double factor;
  Dims dims;
  bool prefixable;
};

const Atom kAtoms[] = {
    {"g", 1, {1, 0, 0, 0}, true},          {"m", 1, {0, 1, 0, 0}, true},          {"s", 1, {0, 0, 1, 0}, true},
    {"mol", 1, {0, 0, 0, 1}, true},        {"L", 1e-3, {0, 3, 0, 0}, true},       {"l", 1e-3, {0, 3, 0, 0}, true},
    {"min", 60, {0, 0, 1, 0}, false},      {"h", 3600, {0, 0, 1, 0}, false},      {"d", 86400, {0, 0, 1, 0}, false},
    {"wk", 604800, {0, 0, 1, 0}, false},   {"mo", 2629800, {0, 0, 1, 0}, false}, {"a", 31557600, {0, 0, 1, 0}, false},
    {"[lb_av]", 453.59237, {1, 0, 0, 0}, false}, {"[oz_av]", 28.349523125, {1, 0, 0, 0}, false},
    {"[in_i]", 0.0254, {0, 1, 0, 0}, false},     {"[ft_i]", 0.3048, {0, 1, 0, 0}, false},
    {"[mi_i]", 1609.344, {0, 1, 0, 0}, false},   {"[yd_i]", 0.9144, {0, 1, 0, 0}, false},
    {"t", 1e6, {1, 0, 0, 0}, true},        {"%", 0.01, {0, 0, 0, 0}, false},      {"1", 1, {0, 0, 0, 0}, false},
};

struct Prefix {
  const char* code;
  double factor;
};
const Prefix kPrefixes[] = {{"da", 1e1}, {"k", 1e3}, {"M", 1e6}, {"G", 1e9}, {"h", 1e2}, {"d", 1e-1},
                            {"c", 1e-2}, {"m", 1e-3}, {"u", 1e-6}, {"n", 1e-9}, {"p", 1e-12}, {"f", 1e-15}};

struct Canonical {
  double factor = 1;
  Dims dims{0, 0, 0, 0};
};

const Atom* FindAtom(std::string_view code) {
  for (const Atom& atom : kAtoms) {
    if (code == atom.code) return &atom;
  }
  return nullptr;
}

bool ParseTerm(std::string_view term, int sign, Canonical& out) {
  if (term.empty()) return false;
  // 10*3 / 10^3 style factors.
  if (term.size() > 3 && (term.substr(0, 3) == "10*" || term.substr(0, 3) == "10^")) {
    auto e = ParseInteger(term.substr(3));
    if (!e) return false;
    out.factor *= std::pow(10.0, static_cast<double>(*e * sign));
    return true;
  }
  // Trailing exponent (m2, s-1).
  std::size_t end = term.size();
  while (end > 0 && (std::isdigit(static_cast<unsigned char>(term[end - 1])) || term[end - 1] == '-' || term[end - 1] == '+')) --end;
  int exponent = 1;
  if (end < term.size() && end > 0 && term[end - 1] != ']') {
    auto e = ParseInteger(term.substr(end));
    if (!e) return false;
    exponent = static_cast<int>(*e);
  } else {
    end = term.size();
  }
  std::string_view code = term.substr(0, end);
  double factor = 0;
  const Atom* atom = FindAtom(code);
  if (atom != nullptr) {
    factor = atom->factor;
  } else {
    for (const Prefix& prefix : kPrefixes) {
      std::size_t n = std::strlen(prefix.code);
      if (code.size() > n && code.substr(0, n) == prefix.code) {
        const Atom* base = FindAtom(code.substr(n));
        if (base != nullptr && base->prefixable) {
          atom = base;
          factor = prefix.factor * base->factor;
          break;
        }
      }
    }
  }
  if (atom == nullptr) return false;
  out.factor *= std::pow(factor, exponent * sign);
  for (std::size_t i = 0; i < out.dims.size(); ++i) out.dims[i] += atom->dims[i] * exponent * sign;
  return true;
}

std::string_view CalendarToUcum(std::string_view unit) {
  if (unit == "week" || unit == "weeks") return "wk";
  if (unit == "day" || unit == "days") return "d";
  if (unit == "hour" || unit == "hours") return "h";
  if (unit == "minute" || unit == "minutes") return "min";
  if (unit == "second" || unit == "seconds") return "s";
  if (unit == "millisecond" || unit == "milliseconds") return "ms";
  if (unit == "year" || unit == "years") return "a";
  if (unit == "month" || unit == "months") return "mo";
  return unit;
}

std::optional<Canonical> ParseUnit(std::string_view unit) {
  unit = CalendarToUcum(unit);
  Canonical result;
  if (unit.empty() || unit == "1") return result;
  int sign = 1;
  std::size_t start = 0;
  if (unit[0] == '/') {
    sign = -1;
    start = 1;
  }
  for (std::size_t i = start; i <= unit.size(); ++i) {
    if (i == unit.size() || unit[i] == '.' || unit[i] == '/') {
      if (!ParseTerm(unit.substr(start, i - start), sign, result)) return std::nullopt;
      if (i < unit.size() && unit[i] == '/') sign = -1;
      start = i + 1;
    }
  }
  return result;
}

}  // namespace

std::optional<double> ConvertUnit(double value, std::string_view from, std::string_view to) {
  if (from == to) return value;
  auto a = ParseUnit(from);
  auto b = ParseUnit(to);
  if (!a || !b || a->dims != b->dims) return std::nullopt;
  return value * a->factor / b->factor;
}

bool UnitsComparable(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto ca = ParseUnit(a);
  auto cb = ParseUnit(b);
  return ca && cb && ca->dims == cb->dims;
}

}  // namespace pdex::fhirpath
