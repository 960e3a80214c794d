#include "fhirpath/value.h"

#include "common/civil_date.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace pdex::fhirpath {

using Json = nlohmann::json;


namespace {

bool Digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  out = v;
  return true;
}

// Parses "hh[:mm[:ss[.fff]]]" at `pos`; advances pos.
bool ParseTimePart(std::string_view text, std::size_t& pos, DateTimeValue& out) {
  if (!Digits(text, pos, 2, out.hour) || out.hour > 23) return false;
  pos += 2;
  out.precision = DatePrecision::kHour;
  if (pos < text.size() && text[pos] == ':') {
    if (!Digits(text, pos + 1, 2, out.minute) || out.minute > 59) return false;
    pos += 3;
    out.precision = DatePrecision::kMinute;
    if (pos < text.size() && text[pos] == ':') {
      if (!Digits(text, pos + 1, 2, out.second) || out.second > 59) return false;
      pos += 3;
      out.precision = DatePrecision::kSecond;
      if (pos < text.size() && text[pos] == '.') {
        std::size_t start = ++pos;
        int ms = 0, n = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
          if (n < 3) ms = ms * 10 + (text[pos] - '0');
          ++n;
          ++pos;
        }
        if (pos == start) return false;
        while (n < 3) { ms *= 10; ++n; }
        out.millisecond = ms;
        out.precision = DatePrecision::kMillisecond;
      }
    }
  }
  return true;
}

}  // namespace

std::optional<DateTimeValue> ParseTemporal(std::string_view text, DateTimeValue::Kind kind) {
  DateTimeValue out;
  out.kind = kind;
  std::size_t pos = 0;
  if (kind == DateTimeValue::Kind::kTime) {
    if (!text.empty() && text[0] == 'T') pos = 1;
    if (!ParseTimePart(text, pos, out) || pos != text.size()) return std::nullopt;
    return out;
  }
  if (!Digits(text, 0, 4, out.year)) return std::nullopt;
  pos = 4;
  out.precision = DatePrecision::kYear;
  if (pos < text.size() && text[pos] == '-') {
    if (!Digits(text, pos + 1, 2, out.month) || out.month < 1 || out.month > 12) return std::nullopt;
    pos += 3;
    out.precision = DatePrecision::kMonth;
    if (pos < text.size() && text[pos] == '-') {
      if (!Digits(text, pos + 1, 2, out.day) || out.day < 1 || out.day > DaysInMonth(out.year, out.month)) return std::nullopt;
      pos += 3;
      out.precision = DatePrecision::kDay;
    }
  }
  if (pos == text.size()) return out;
  if (kind == DateTimeValue::Kind::kDate || text[pos] != 'T') return std::nullopt;
  ++pos;
  if (pos == text.size()) return out;  // "2015T": a DateTime literal of date precision
  if (out.precision != DatePrecision::kDay) return std::nullopt;
  if (!ParseTimePart(text, pos, out)) return std::nullopt;
  if (pos == text.size()) return out;
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    out.has_tz = true;
    out.tz_z = true;
    return out;
  }
  if (text[pos] == '+' || text[pos] == '-') {
    int h = 0, m = 0;
    if (!Digits(text, pos + 1, 2, h) || pos + 3 >= text.size() || text[pos + 3] != ':' || !Digits(text, pos + 4, 2, m) ||
        pos + 6 != text.size() || h > 14 || m > 59)
      return std::nullopt;
    out.has_tz = true;
    out.tz_minutes = (text[pos] == '-' ? -1 : 1) * (h * 60 + m);
    return out;
  }
  return std::nullopt;
}

std::string FormatTemporal(const DateTimeValue& v) {
  char buffer[64];
  std::string out;
  if (v.kind != DateTimeValue::Kind::kTime) {
    std::snprintf(buffer, sizeof buffer, "%04d", v.year);
    out = buffer;
    if (v.precision >= DatePrecision::kMonth) {
      std::snprintf(buffer, sizeof buffer, "-%02d", v.month);
      out += buffer;
    }
    if (v.precision >= DatePrecision::kDay) {
      std::snprintf(buffer, sizeof buffer, "-%02d", v.day);
      out += buffer;
    }
    if (v.kind == DateTimeValue::Kind::kDate || v.precision < DatePrecision::kHour) return out;
    out += 'T';
  }
  std::snprintf(buffer, sizeof buffer, "%02d", v.hour);
  out += buffer;
  if (v.precision >= DatePrecision::kMinute) {
    std::snprintf(buffer, sizeof buffer, ":%02d", v.minute);
    out += buffer;
  }
  if (v.precision >= DatePrecision::kSecond) {
    std::snprintf(buffer, sizeof buffer, ":%02d", v.second);
    out += buffer;
  }
  if (v.precision >= DatePrecision::kMillisecond) {
    std::snprintf(buffer, sizeof buffer, ".%03d", v.millisecond);
    out += buffer;
  }
  if (v.has_tz && v.kind == DateTimeValue::Kind::kDateTime) {
    if (v.tz_minutes == 0 && v.tz_z) {
      out += 'Z';
    } else {
      int m = std::abs(v.tz_minutes);
      std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", v.tz_minutes < 0 ? '-' : '+', m / 60, m % 60);
      out += buffer;
    }
  }
  return out;
}

std::string FormatDecimal(const Decimal& d) {
  char buffer[64];
  if (d.scale >= 0 && d.scale <= 30) {
    std::snprintf(buffer, sizeof buffer, "%.*f", d.scale, d.value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.15g", d.value);
    if (std::strcmp(buffer, "-0") == 0) return "0";
  }
  return buffer;
}

std::optional<Decimal> ParseDecimal(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  std::size_t int_start = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == int_start) return std::nullopt;
  int scale = 0;
  if (i < text.size() && text[i] == '.') {
    std::size_t frac_start = ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == frac_start) return std::nullopt;
    scale = static_cast<int>(i - frac_start);
  }
  if (i != text.size()) return std::nullopt;
  // strtod honours the locale's decimal point; our text always uses '.', and the CLI/WASM never
  // change LC_NUMERIC from "C".
  std::string copy(text);
  return Decimal{std::strtod(copy.c_str(), nullptr), scale};
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  if (i == text.size()) return std::nullopt;
  std::int64_t v = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    if (v > (INT64_MAX - (text[i] - '0')) / 10) return std::nullopt;
    v = v * 10 + (text[i] - '0');
  }
  return negative ? -v : v;
}

bool IsCalendarUnit(std::string_view unit) {
  static const char* const kUnits[] = {"year",   "years",   "month",  "months",  "week",        "weeks",
                                       "day",    "days",    "hour",   "hours",   "minute",      "minutes",
                                       "second", "seconds", "millisecond", "milliseconds"};
  for (const char* u : kUnits) {
    if (unit == u) return true;
  }
  return false;
}

std::string FormatQuantity(const Quantity& q) {
  std::string out = FormatDecimal(q.value) + " ";
  if (IsCalendarUnit(q.unit)) return out + q.unit;
  return out + "'" + q.unit + "'";
}

namespace {

Decimal DecimalFromJson(const Json& number) {
  if (number.is_number_integer()) return Decimal{number.get<double>(), 0};
  double v = number.get<double>();
  // The shortest text that reads back as the same double (the JSON text is not kept by the parser).
  char buffer[64];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  const char* dot = std::strchr(buffer, '.');
  int scale = 0;
  if (dot != nullptr && std::strchr(buffer, 'e') == nullptr) scale = static_cast<int>(std::strlen(dot + 1));
  return Decimal{v, scale};
}

bool IsQuantityType(std::string_view type) {
  return type == "Quantity" || type == "Age" || type == "Duration" || type == "Distance" || type == "Count" ||
         type == "SimpleQuantity" || type == "MoneyQuantity";
}

std::optional<Value> QuantityFromNode(const Json& object) {
  auto value = object.find("value");
  if (value == object.end() || !value->is_number()) return std::nullopt;
  Quantity q;
  q.value = DecimalFromJson(*value);
  auto code = object.find("code");
  auto unit = object.find("unit");
  if (code != object.end() && code->is_string()) q.unit = code->get<std::string>();
  else if (unit != object.end() && unit->is_string()) q.unit = unit->get<std::string>();
  return Value::MakeQuantity(std::move(q));
}

}  // namespace

std::optional<Value> ToSystem(const Value& value) {
  if (!value.is_node()) return value;
  const Node& node = value.node();
  if (node.value == nullptr) return std::nullopt;
  const Json& j = *node.value;
  std::string_view type = node.type;
  if (j.is_object()) {
    if (IsQuantityType(type) || (type.empty() && j.contains("value") && (j.contains("code") || j.contains("unit"))))
      return QuantityFromNode(j);
    return std::nullopt;
  }
  if (j.is_boolean()) return Value::Boolean(j.get<bool>());
  if (j.is_number()) {
    if (type == "decimal" || (type.empty() && j.is_number_float())) return Value{DecimalFromJson(j)};
    if (j.is_number_integer()) return Value::Integer(j.get<std::int64_t>());
    return Value{DecimalFromJson(j)};
  }
  if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    if (type == "date") {
      if (auto d = ParseTemporal(s, DateTimeValue::Kind::kDate)) return Value::Temporal(*d);
    } else if (type == "dateTime" || type == "instant") {
      if (auto d = ParseTemporal(s, DateTimeValue::Kind::kDateTime)) return Value::Temporal(*d);
    } else if (type == "time") {
      if (auto d = ParseTemporal(s, DateTimeValue::Kind::kTime)) return Value::Temporal(*d);
    } else if (type == "integer" || type == "positiveInt" || type == "unsignedInt" || type == "integer64") {
      if (auto i = ParseInteger(s)) return Value::Integer(*i);
    } else if (type == "decimal") {
      if (auto d = ParseDecimal(s)) return Value{*d};
    }
    return Value::String(s);
  }
  return std::nullopt;
}

}  // namespace pdex::fhirpath
