#include "validation/primitives.h"

#include "common/civil_date.h"

#include <array>
#include <cstdint>

namespace pdex::validation {
namespace {

constexpr std::array<std::string_view, 20> kPrimitiveTypes = {
    "boolean", "integer", "string", "decimal", "uri", "url", "canonical", "base64Binary", "instant", "date",
    "dateTime", "time", "code", "oid", "id", "markdown", "unsignedInt", "positiveInt", "uuid", "xhtml"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at `pos` as a number; false when they are not all digits.
bool Digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

// YYYY, YYYY-MM or YYYY-MM-DD at the start of `text`; `length` is how much was read.
bool ParseDate(std::string_view text, std::size_t& length, bool full_only) {
  int year = 0, month = 0, day = 0;
  if (!Digits(text, 0, 4, year)) return false;
  length = 4;
  if (text.size() == 4 || text[4] != '-') return !full_only;
  if (!Digits(text, 5, 2, month) || month < 1 || month > 12) return false;
  length = 7;
  if (text.size() == 7 || text[7] != '-') return !full_only;
  if (!Digits(text, 8, 2, day) || day < 1 || day > DaysInMonth(year, month)) return false;
  length = 10;
  return true;
}

// hh:mm:ss(.fraction)? at `pos`; `end` is set past it.
bool ParseTime(std::string_view text, std::size_t pos, std::size_t& end) {
  int hour = 0, minute = 0, second = 0;
  if (!Digits(text, pos, 2, hour) || hour > 23 || pos + 2 >= text.size() || text[pos + 2] != ':') return false;
  if (!Digits(text, pos + 3, 2, minute) || minute > 59 || pos + 5 >= text.size() || text[pos + 5] != ':') return false;
  if (!Digits(text, pos + 6, 2, second) || second > 60) return false;  // 60: leap second
  end = pos + 8;
  if (end < text.size() && text[end] == '.') {
    const std::size_t start = ++end;
    while (end < text.size() && IsDigit(text[end])) ++end;
    if (end == start) return false;
  }
  return true;
}

bool ParseZone(std::string_view text, std::size_t pos) {
  if (pos == text.size()) return false;
  if (text[pos] == 'Z') return pos + 1 == text.size();
  if (text[pos] != '+' && text[pos] != '-') return false;
  int hour = 0, minute = 0;
  return text.size() == pos + 6 && Digits(text, pos + 1, 2, hour) && hour <= 14 && text[pos + 3] == ':' &&
         Digits(text, pos + 4, 2, minute) && minute <= 59;
}

bool HasOuterWhitespace(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  return !text.empty() && (space(text.front()) || space(text.back()));
}

std::string Quote(std::string_view text) {
  std::string out = "'";
  out.append(text.substr(0, 200));
  if (text.size() > 200) out += "...";
  return out + "'";
}

}  // namespace

bool IsPrimitiveType(std::string_view type_code) {
  // Complex types and resources start with a capital: most calls end here, on the validation hot path.
  if (type_code.empty() || (type_code[0] >= 'A' && type_code[0] <= 'Z')) return false;
  if (type_code.substr(0, 26) == "http://hl7.org/fhirpath/Sy") return true;
  for (const std::string_view type : kPrimitiveTypes) {
    if (type == type_code) return true;
  }
  return false;
}

bool IsValidDate(std::string_view text) {
  std::size_t length = 0;
  return ParseDate(text, length, false) && length == text.size();
}

bool IsValidDateTime(std::string_view text) {
  std::size_t length = 0;
  if (!ParseDate(text, length, false)) return false;
  if (length == text.size()) return true;
  // A time needs the full date and a zone (R4 dateTime regex).
  if (length != 10 || text[10] != 'T') return false;
  std::size_t end = 0;
  return ParseTime(text, 11, end) && ParseZone(text, end);
}

bool IsValidInstant(std::string_view text) {
  std::size_t length = 0;
  if (!ParseDate(text, length, true) || length != 10 || text.size() < 11 || text[10] != 'T') return false;
  std::size_t end = 0;
  return ParseTime(text, 11, end) && ParseZone(text, end);
}

bool IsValidTime(std::string_view text) {
  std::size_t end = 0;
  return ParseTime(text, 0, end) && end == text.size();
}

bool IsValidId(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (const char c : text) {
    if (!(IsDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '.')) return false;
  }
  return true;
}

bool IsValidCode(std::string_view text) {
  // [^\s]+( [^\s]+)*: no leading/trailing whitespace, single spaces inside.
  if (text.empty() || HasOuterWhitespace(text)) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\t' || c == '\r' || c == '\n') return false;
    if (c == ' ' && text[i + 1] == ' ') return false;
  }
  return true;
}

bool IsValidUri(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return false;
  }
  return true;
}

bool IsValidOid(std::string_view text) {
  // urn:oid:[0-2](\.(0|[1-9][0-9]*))+
  if (text.substr(0, 8) != "urn:oid:" || text.size() < 11) return false;
  if (text[8] < '0' || text[8] > '2') return false;
  std::size_t pos = 9;
  int arcs = 0;
  while (pos < text.size()) {
    if (text[pos] != '.' || pos + 1 >= text.size() || !IsDigit(text[pos + 1])) return false;
    ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    if (text[start] == '0' && pos - start > 1) return false;
    ++arcs;
  }
  return arcs > 0;
}

bool IsValidUuid(std::string_view text) {
  // urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} (lowercase only, R4 uuid)
  if (text.substr(0, 9) != "urn:uuid:" || text.size() != 45) return false;
  for (std::size_t i = 9; i < text.size(); ++i) {
    const std::size_t k = i - 9;
    const char c = text[i];
    if (k == 8 || k == 13 || k == 18 || k == 23) {
      if (c != '-') return false;
    } else if (!(IsDigit(c) || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

bool IsAbsoluteUri(std::string_view text) {
  // scheme ":" rest, the scheme a lowercase token (RFC 3986 scheme, as the HL7 validator reads it).
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= text.size()) return false;
  if (text[0] < 'a' || text[0] > 'z') return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = text[i];
    if (!((c >= 'a' && c <= 'z') || IsDigit(c) || c == '+' || c == '-' || c == '.')) return false;
  }
  return text.find(' ') == std::string_view::npos;
}

std::string_view InvalidXmlEntity(std::string_view text) {
  // Narrative is XML without a DTD (R4 narrative.html#xhtml): only the five predefined entities and
  // character references (&#10; &#xA;) exist; HTML names such as &nbsp; or &reg; do not.
  for (std::size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    const std::size_t semicolon = text.find(';', amp);
    const std::string_view name =
        text.substr(amp + 1, semicolon == std::string_view::npos ? std::string_view::npos : semicolon - amp - 1);
    bool ok = semicolon != std::string_view::npos &&
              (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos");
    if (!ok && semicolon != std::string_view::npos && name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x';
      ok = name.size() > (hex ? 2u : 1u);
      for (std::size_t i = hex ? 2 : 1; ok && i < name.size(); ++i) {
        const char c = name[i];
        ok = IsDigit(c) || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      }
    }
    if (!ok) return text.substr(amp, semicolon == std::string_view::npos ? 1 : semicolon - amp + 1);
  }
  return {};
}

bool IsValidBase64(std::string_view text) {
  std::size_t count = 0, padding = 0;
  for (const char c : text) {
    if (c == ' ' || c == '\r' || c == '\n' || c == '\t') continue;  // tolerated (R4 base64Binary note)
    if (c == '=') {
      ++padding;
      ++count;
      continue;
    }
    if (padding > 0) return false;
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '+' || c == '/')) return false;
    ++count;
  }
  return padding <= 2 && count % 4 == 0;
}

std::string CheckPrimitive(std::string_view type_code, const nlohmann::json& value, std::string& id) {
  std::string_view type = type_code;
  if (type.substr(0, 31) == "http://hl7.org/fhirpath/System.") {
    const std::string_view system = type.substr(31);
    type = system == "Boolean" ? "boolean" : system == "Integer" ? "integer" : system == "Decimal" ? "decimal"
         : system == "Date" ? "date" : system == "DateTime" ? "dateTime" : system == "Time" ? "time" : "string";
  }
  id = "validator.json-type";
  if (type == "boolean") return value.is_boolean() ? "" : "a boolean must be JSON true or false, found " + value.dump();
  if (type == "integer" || type == "positiveInt" || type == "unsignedInt") {
    if (!value.is_number_integer()) return "an " + std::string(type) + " must be a JSON integer number, found " + value.dump();
    id = "validator.primitive-range";
    const bool is_unsigned = value.is_number_unsigned();
    const std::int64_t number = is_unsigned ? -1 : value.get<std::int64_t>();
    if (is_unsigned ? value.get<std::uint64_t>() > 2147483647u : (number < -2147483648LL || number > 2147483647LL)) {
      return "integer out of the 32-bit range: " + value.dump();
    }
    if (type == "positiveInt" && !is_unsigned && number < 1) return "a positiveInt must be >= 1, found " + value.dump();
    if (type == "unsignedInt" && !is_unsigned && number < 0) return "an unsignedInt must be >= 0, found " + value.dump();
    return "";
  }
  if (type == "decimal") return value.is_number() ? "" : "a decimal must be a JSON number, found " + value.dump();
  if (!value.is_string()) return "a " + std::string(type) + " must be a JSON string, found " + value.dump();
  const std::string& text = value.get_ref<const std::string&>();
  id = "validator.primitive-format";
  if (text.empty()) {
    id = "validator.primitive-empty";
    return "a " + std::string(type) + " must not be empty (R4 json.html#primitive)";
  }
  bool ok = true;
  if (type == "date") ok = IsValidDate(text);
  else if (type == "dateTime") ok = IsValidDateTime(text);
  else if (type == "instant") ok = IsValidInstant(text);
  else if (type == "time") ok = IsValidTime(text);
  else if (type == "id") ok = IsValidId(text);
  else if (type == "code") ok = IsValidCode(text);
  else if (type == "uri" || type == "url" || type == "canonical") ok = IsValidUri(text);
  else if (type == "oid") ok = IsValidOid(text);
  else if (type == "uuid") ok = IsValidUuid(text);
  else if (type == "base64Binary") ok = IsValidBase64(text);
  else if (type == "xhtml") ok = text.substr(0, 4) == "<div";
  if (!ok) return "not a valid " + std::string(type) + ": " + Quote(text);
  if (type == "xhtml") {
    const std::string_view entity = InvalidXmlEntity(text);
    if (!entity.empty()) return "Invalid entity in the XHTML ('" + std::string(entity) + "')";
  }
  if (type == "uri" || type == "url" || type == "canonical") {
    // URNs of the uuid / oid kinds follow the uuid and oid lexical rules (R4 datatypes.html#uri).
    if (text.substr(0, 9) == "urn:uuid:" && !IsValidUuid(text)) {
      return "UUIDs must be valid and lowercase: " + Quote(text);
    }
    if (text.substr(0, 8) == "urn:oid:" && !IsValidOid(text)) return "OIDs must be valid: " + Quote(text);
    // R4 references.html#canonical: a canonical is an absolute URL, or a '#' fragment pointing at a
    // contained resource.
    if (type == "canonical" && text[0] != '#' && !IsAbsoluteUri(text)) {
      return "Canonical URLs must be absolute URLs if they are not fragment references: " + Quote(text);
    }
  }
  if (type == "string" || type == "markdown") {
    // R4 string: "SHALL NOT exceed 1MB"; whitespace is allowed, so nothing else to check here.
    if (text.size() > 1024u * 1024u) return "string longer than 1 MB";
  }
  return "";
}

}  // namespace pdex::validation
