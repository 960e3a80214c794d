// FHIRPath values (FHIRPath 2.0.0 §4 "Types and literals"): the items of a collection.
//
// A Value is either a System value owned by the Value (Boolean, Integer, Decimal, String, Date,
// DateTime, Time, Quantity) or a Node: a non-owning reference into the caller's nlohmann::json tree
// (a resource, a complex element or a FHIR primitive with its `_name` sibling). Navigation never
// copies JSON; a Node stays valid as long as the evaluated JSON document lives (or, for computed
// nodes such as type() results, as long as the Value holds its `owner`).
// Thread-safety: plain values; safe to copy and read from several threads.
#pragma once

#include "model/type_model.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pdex::fhirpath {

// FHIRPath Decimal. The value is a double; `scale` keeps the number of digits after the decimal
// point as written (1.0 -> 1, 1.00 -> 2) so precision(), lowBoundary(), highBoundary(), output and
// equality follow the spec. scale < 0: computed value of unknown precision (printed shortest).
struct Decimal {
  double value = 0;
  int scale = -1;
};

enum class DatePrecision : std::uint8_t { kYear = 1, kMonth, kDay, kHour, kMinute, kSecond, kMillisecond };

// Date, DateTime or Time (FHIRPath §4.1.6-4.1.7): partial values keep their precision.
struct DateTimeValue {
  enum class Kind : std::uint8_t { kDate, kDateTime, kTime };
  Kind kind = Kind::kDate;
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
  DatePrecision precision = DatePrecision::kYear;  // for Time, starts at kHour
  bool has_tz = false;
  int tz_minutes = 0;  // offset east of UTC
  bool tz_z = false;   // written as 'Z' (rather than +00:00): kept so output matches the input
};

// FHIRPath Quantity (§4.1.8): a decimal and a UCUM unit code or calendar duration keyword.
struct Quantity {
  Decimal value;
  std::string unit = "1";
};

// A reference into a FHIR JSON tree.
struct Node {
  const nlohmann::json* value = nullptr;  // property value; nullptr when only the `_name` sibling exists
  const nlohmann::json* ext = nullptr;    // the `_name` sibling (id/extension of a primitive), or nullptr
  const model::TypeInfo* info = nullptr;  // type model entry for further navigation, when known
  std::string_view type;                  // FHIR type name ("HumanName", "code"); empty when unknown
  std::shared_ptr<const nlohmann::json> owner;  // keeps computed nodes alive; null for input nodes
};

enum class ValueKind : std::uint8_t { kBoolean, kInteger, kDecimal, kString, kDate, kDateTime, kTime, kQuantity, kNode };

struct Value {
  std::variant<bool, std::int64_t, Decimal, std::string, DateTimeValue, Quantity, Node> data;

  static Value Boolean(bool b) { return Value{b}; }
  static Value Integer(std::int64_t i) { return Value{i}; }
  static Value MakeDecimal(double v, int scale) { return Value{Decimal{v, scale}}; }
  static Value String(std::string s) { return Value{std::move(s)}; }
  static Value Temporal(const DateTimeValue& d) { return Value{d}; }
  static Value MakeQuantity(Quantity q) { return Value{std::move(q)}; }
  static Value MakeNode(Node n) { return Value{std::move(n)}; }

  ValueKind kind() const {
    switch (data.index()) {
      case 0: return ValueKind::kBoolean;
      case 1: return ValueKind::kInteger;
      case 2: return ValueKind::kDecimal;
      case 3: return ValueKind::kString;
      case 4: {
        const DateTimeValue::Kind k = std::get_if<DateTimeValue>(&data)->kind;
        return k == DateTimeValue::Kind::kTime ? ValueKind::kTime : k == DateTimeValue::Kind::kDateTime ? ValueKind::kDateTime : ValueKind::kDate;
      }
      case 5: return ValueKind::kQuantity;
      default: return ValueKind::kNode;
    }
  }
  bool is_node() const { return data.index() == 6; }
  bool boolean() const { return std::get<bool>(data); }
  std::int64_t integer() const { return std::get<std::int64_t>(data); }
  const Decimal& decimal() const { return std::get<Decimal>(data); }
  const std::string& string() const { return std::get<std::string>(data); }
  const DateTimeValue& temporal() const { return std::get<DateTimeValue>(data); }
  const Quantity& quantity() const { return std::get<Quantity>(data); }
  const Node& node() const { return std::get<Node>(data); }
};

using Collection = std::vector<Value>;

// --- Conversions shared by the evaluator, the functions and the output helper ---

// The System value of a FHIR primitive node (birthDate -> Date, gender -> String, Quantity ->
// Quantity); System values are returned as is. nullopt for complex nodes and value-less primitives.
std::optional<Value> ToSystem(const Value& value);

// Parses FHIRPath/FHIR date-time text without '@' ("2015-02-04T14:34", "T14:34" for a time when
// `kind` is kTime, "14:34" accepted too). nullopt when malformed.
std::optional<DateTimeValue> ParseTemporal(std::string_view text, DateTimeValue::Kind kind);
// FHIR text form ("2015-02-04T14:34:28.123+10:00", "14:34:28" for times), without '@'.
std::string FormatTemporal(const DateTimeValue& value);
std::string FormatDecimal(const Decimal& value);
// Decimal text ("-1.50") -> Decimal with scale; nullopt when malformed.
std::optional<Decimal> ParseDecimal(std::string_view text);
std::optional<std::int64_t> ParseInteger(std::string_view text);
// The FHIRPath literal form of a quantity: 4 'g', 1 week.
std::string FormatQuantity(const Quantity& quantity);
// Whether `unit` is a calendar duration keyword (year, months, week ...; FHIRPath §5.6.4).
bool IsCalendarUnit(std::string_view unit);

}  // namespace pdex::fhirpath
