// Result conversion for the CLI and the WASM binding (see ToJson in fhirpath.h).
#include "fhirpath/fhirpath.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

namespace pdex::fhirpath {

using Json = nlohmann::json;

std::string ToLiteral(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kBoolean: return value.boolean() ? "true" : "false";
    case ValueKind::kInteger: return std::to_string(value.integer());
    case ValueKind::kDecimal: return FormatDecimal(value.decimal());
    case ValueKind::kString: return value.string();
    case ValueKind::kDate:
    case ValueKind::kDateTime: return std::string("@").append(FormatTemporal(value.temporal()));
    case ValueKind::kTime: return std::string("@T").append(FormatTemporal(value.temporal()));
    case ValueKind::kQuantity: return FormatQuantity(value.quantity());
    case ValueKind::kNode: {
      if (auto v = ToSystem(value); v && !v->is_node()) return ToLiteral(*v);
      return value.node().value != nullptr ? value.node().value->dump() : std::string();
    }
  }
  return {};
}

namespace {

Json DecimalJson(const Decimal& d) {
  // A decimal written without fraction digits (4 'g', 1.toDecimal()) prints as an integer; others
  // as the shortest round-trip double (JSON numbers cannot keep trailing zeros).
  if (d.scale == 0 && std::fabs(d.value) < 9e15 && std::trunc(d.value) == d.value) return Json(static_cast<std::int64_t>(d.value));
  return Json(d.value);
}

}  // namespace

Json ToJson(const Collection& collection) {
  Json out = Json::array();
  for (const Value& v : collection) {
    switch (v.kind()) {
      case ValueKind::kBoolean: out.push_back(v.boolean()); break;
      case ValueKind::kInteger: out.push_back(v.integer()); break;
      case ValueKind::kDecimal: out.push_back(DecimalJson(v.decimal())); break;
      case ValueKind::kString: out.push_back(v.string()); break;
      case ValueKind::kDate:
      case ValueKind::kDateTime:
      case ValueKind::kTime: out.push_back(ToLiteral(v)); break;
      case ValueKind::kQuantity: out.push_back(Json{{"value", DecimalJson(v.quantity().value)}, {"unit", v.quantity().unit}}); break;
      case ValueKind::kNode: {
        const Node& n = v.node();
        if (n.value != nullptr) out.push_back(*n.value);
        else if (n.ext != nullptr) out.push_back(*n.ext);  // a value-less primitive: its id/extension
        else out.push_back(nullptr);
        break;
      }
    }
  }
  return out;
}

namespace {

// Strings that nlohmann would write unchanged (printable ASCII without quote or backslash): most
// FHIR codes, ids and names. Others go through the serializer for its escaping and UTF-8 checks.
bool PlainAscii(const std::string& s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
  }
  return true;
}

}  // namespace

std::string ResultToJsonText(const Collection& collection) {
  // Byte-identical to json::Serialize(Json{{"result", ToJson(collection)}}) (compact nlohmann dump,
  // invalid UTF-8 replaced; conformance_test checks it on every suite result), but node items are
  // written in place instead of being deep-copied into a temporary tree first, and booleans,
  // integers and plain strings are written directly.
  std::string text = "{\"result\":[";
  // nlohmann's own serializer (what dump() uses), made on first need; it appends straight to `text`.
  std::optional<nlohmann::detail::serializer<Json>> writer;
  auto dump = [&](const Json& json) {
    if (json.is_boolean()) {
      text += json.get<bool>() ? "true" : "false";
    } else if (json.is_number_integer()) {
      text += json.is_number_unsigned() ? std::to_string(json.get<std::uint64_t>()) : std::to_string(json.get<std::int64_t>());
    } else if (json.is_string() && PlainAscii(json.get_ref<const std::string&>())) {
      text.append(1, '"').append(json.get_ref<const std::string&>()).append(1, '"');
    } else {
      if (!writer) writer.emplace(nlohmann::detail::output_adapter<char, std::string>(text), ' ', Json::error_handler_t::replace);
      writer->dump(json, false, false, 0);
    }
  };
  for (std::size_t i = 0; i < collection.size(); ++i) {
    if (i > 0) text += ',';
    const Value& v = collection[i];
    if (v.is_node()) {
      const Node& n = v.node();
      const Json* json = n.value != nullptr ? n.value : n.ext;
      if (json != nullptr) dump(*json);
      else text += "null";
    } else if (v.kind() == ValueKind::kBoolean) {
      text += v.boolean() ? "true" : "false";
    } else if (v.kind() == ValueKind::kInteger) {
      text += std::to_string(v.integer());
    } else {
      const Collection single{v};
      dump(ToJson(single)[0]);
    }
  }
  text += "]}";
  return text;
}

Json ErrorToJson(const Error& error) {
  const char* kind = error.kind == ErrorKind::kSyntax ? "syntax" : error.kind == ErrorKind::kSemantic ? "semantic" : "execution";
  return Json{{"kind", kind}, {"message", error.message}, {"position", error.position}};
}

Json EvaluateToJson(std::string_view expression, const Json& context, const Environment& environment) {
  auto result = Evaluate(expression, context, environment);
  if (!result.ok()) return Json{{"error", ErrorToJson(result.error())}};
  return Json{{"result", ToJson(result.value())}};
}

}  // namespace pdex::fhirpath
