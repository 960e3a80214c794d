#include "validation/questionnaire.h"

#include "fhirpath/evaluator.h"
#include "regex/regex.h"
#include "json/fields.h"

#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

namespace pdex::validation {
namespace {

constexpr std::string_view kExt = "http://hl7.org/fhir/StructureDefinition/";

std::string StrOf(const nlohmann::json& object, std::string_view key) { return std::string(json::StringAt(object, key)); }

const nlohmann::json& ArrayOf(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const nlohmann::json* array = json::ArrayAt(object, key);
  return array != nullptr ? *array : kEmpty;
}

// The extensions of `item` with url kExt + name (or a full url), in order.
std::vector<const nlohmann::json*> Extensions(const nlohmann::json& item, std::string_view url) {
  std::vector<const nlohmann::json*> found;
  for (const nlohmann::json& extension : ArrayOf(item, "extension")) {
    const std::string ext_url = StrOf(extension, "url");
    if (ext_url == url || (ext_url.size() == kExt.size() + url.size() && ext_url.compare(0, kExt.size(), kExt) == 0 &&
                           ext_url.compare(kExt.size(), std::string::npos, url) == 0)) {
      found.push_back(&extension);
    }
  }
  return found;
}

// The value[x] of an extension / answer / option: (type suffix, value), or ("", nullptr).
std::pair<std::string, const nlohmann::json*> ValueX(const nlohmann::json& object) {
  if (!object.is_object()) return {"", nullptr};
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    if (key.size() > 5 && key.compare(0, 5, "value") == 0 && key[5] >= 'A' && key[5] <= 'Z') {
      return {key.substr(5), &it.value()};
    }
  }
  return {"", nullptr};
}

// Answer value types allowed for an item.type (R4 questionnaire.html#item.type, qrs answer rules).
std::vector<std::string> AllowedTypes(const std::string& item_type) {
  if (item_type == "boolean") return {"Boolean"};
  if (item_type == "decimal") return {"Decimal"};
  if (item_type == "integer") return {"Integer"};
  if (item_type == "date") return {"Date"};
  if (item_type == "dateTime") return {"DateTime"};
  if (item_type == "time") return {"Time"};
  if (item_type == "string" || item_type == "text") return {"String"};
  if (item_type == "url") return {"Uri"};
  // As the Java validator does (R5 answerOption compatibility), choice answers may also be primitive
  // option values; the answerOption check then applies.
  if (item_type == "choice" || item_type == "open-choice") return {"Coding", "String", "Integer", "Date", "Time"};
  if (item_type == "attachment") return {"Attachment"};
  if (item_type == "reference") return {"Reference"};
  if (item_type == "quantity") return {"Quantity"};
  return {};
}

std::string JavaTypeName(const std::string& suffix) {
  if (suffix.empty()) return suffix;
  if (suffix == "Uri") return "uri";
  if (suffix == "Coding" || suffix == "Attachment" || suffix == "Reference" || suffix == "Quantity") return suffix;
  std::string name = suffix;
  name[0] = static_cast<char>(name[0] - 'A' + 'a');
  return name;
}

std::string Dump(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

bool SameValue(const std::string& type, const nlohmann::json& a, const nlohmann::json& b) {
  if (type == "Coding") return StrOf(a, "system") == StrOf(b, "system") && StrOf(a, "code") == StrOf(b, "code");
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  return a == b;
}

// -1 / 0 / 1, or 2 when not comparable. Numbers numerically; dates/times by their text, which orders
// correctly for the same precision prefix and time zone (a documented simplification).
int Compare(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.is_number() && b.is_number()) {
    const double x = a.get<double>();
    const double y = b.get<double>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_string() && b.is_string()) {
    const int c = a.get<std::string>().compare(b.get<std::string>());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return 2;
}

int DecimalPlaces(const nlohmann::json& value) {
  const std::string text = value.dump();
  const std::size_t dot = text.find('.');
  if (dot == std::string::npos) return 0;
  std::size_t end = text.find_first_of("eE", dot);
  if (end == std::string::npos) end = text.size();
  return static_cast<int>(end - dot - 1);
}

class QrChecker {
 public:
  QrChecker(const std::string& root, bool completed, std::string language,
            const terminology::TerminologyService& terminology, const QuestionnaireReporter& report)
      : root_(root), completed_(completed), language_(std::move(language)), terminology_(terminology),
        report_(report) {}

  // `q_items`: the Questionnaire items at this level; `r_items`: the response items; `where`: the
  // location holding r_items (the response, an item or an answer).
  void Items(const nlohmann::json& q_items, const nlohmann::json& r_items, const std::string& where,
             std::size_t depth) {
    if (depth > kMaxQuestionnaireDepth) return;
    std::vector<int> seen(q_items.size(), 0);
    for (std::size_t i = 0; i < r_items.size(); ++i) {
      const nlohmann::json& r_item = r_items[i];
      const std::string location = where + ".item[" + std::to_string(i) + "]";
      const std::string link_id = StrOf(r_item, "linkId");
      std::size_t found = q_items.size();
      for (std::size_t k = 0; k < q_items.size(); ++k) {
        if (StrOf(q_items[k], "linkId") == link_id) {
          found = k;
          break;
        }
      }
      if (found == q_items.size()) {
        // The Java validator reports unknown linkIds on the response itself.
        report_(root_, Severity::kError, "structure", "questionnaire.linkid-unknown",
                "LinkId '" + link_id + "' not found in questionnaire");
        continue;
      }
      const nlohmann::json& q_item = q_items[found];
      if (++seen[found] > 1 && !json::BoolAt(q_item, "repeats")) {
        report_(location, Severity::kError, "structure", "questionnaire.item-repeats",
                "Only one response item with linkId '" + link_id + "' allowed (the item does not repeat)");
      }
      Item(q_item, r_item, location, depth);
    }
    for (std::size_t k = 0; k < q_items.size(); ++k) {
      const nlohmann::json& q_item = q_items[k];
      if (seen[k] == 0 && completed_ && json::BoolAt(q_item, "required") && !q_item.contains("enableWhen")) {
        report_(where, Severity::kError, "required", "questionnaire.required-missing",
                "No response answer found for required item '" + StrOf(q_item, "linkId") + "'");
      }
    }
  }

 private:
  void Item(const nlohmann::json& q_item, const nlohmann::json& r_item, const std::string& location,
            std::size_t depth) {
    const std::string type = StrOf(q_item, "type");
    const nlohmann::json& answers = ArrayOf(r_item, "answer");
    const nlohmann::json& children = ArrayOf(r_item, "item");
    if (type == "display") {
      if (!answers.empty()) {
        report_(location, Severity::kError, "structure", "questionnaire.display-answer",
                "Items of type 'display' cannot have answers");
      }
      return;
    }
    if (type == "group" || type == "question") {
      if (!answers.empty()) {
        report_(location, Severity::kError, "structure", "questionnaire.group-answer",
                "Items of type " + type + " should not have answers");
      }
      if (type == "group" && completed_ && json::BoolAt(q_item, "required") && children.empty()) {
        report_(location, Severity::kError, "required", "questionnaire.group-empty",
                "No sub-items found for required group");
      }
      Items(ArrayOf(q_item, "item"), children, location, depth + 1);
      return;
    }
    // A question: answers (each may nest items under answer.item).
    if (answers.empty() && completed_ && json::BoolAt(q_item, "required") && !q_item.contains("enableWhen")) {
      report_(location, Severity::kError, "required", "questionnaire.required-missing",
              "No response answer found for required item '" + StrOf(q_item, "linkId") + "'");
    }
    if (answers.size() > 1 && !json::BoolAt(q_item, "repeats")) {
      report_(location, Severity::kError, "structure", "questionnaire.answer-repeats",
              "Only one response answer item with this linkId allowed");
    }
    for (const nlohmann::json* ext : Extensions(q_item, "questionnaire-minOccurs")) {
      const auto [t, v] = ValueX(*ext);
      if (v != nullptr && v->is_number_integer() && static_cast<long long>(answers.size()) < v->get<long long>()) {
        report_(location, Severity::kError, "structure", "questionnaire.min-occurs",
                "The minimum number of answers is " + v->dump() + " but this has " + std::to_string(answers.size()) +
                    " answers");
      }
    }
    for (const nlohmann::json* ext : Extensions(q_item, "questionnaire-maxOccurs")) {
      const auto [t, v] = ValueX(*ext);
      if (v != nullptr && v->is_number_integer() && static_cast<long long>(answers.size()) > v->get<long long>()) {
        report_(location, Severity::kError, "structure", "questionnaire.max-occurs",
                "The maximum number of answers is " + v->dump() + " but this has " + std::to_string(answers.size()) +
                    " answers");
      }
    }
    const std::vector<std::string> allowed = AllowedTypes(type);
    for (std::size_t j = 0; j < answers.size(); ++j) {
      const std::string at = location + ".answer[" + std::to_string(j) + "]";
      Answer(q_item, allowed, answers, j, at);
      Items(ArrayOf(q_item, "item"), ArrayOf(answers[j], "item"), at, depth + 1);
    }
    if (!children.empty()) {
      report_(location, Severity::kError, "structure", "questionnaire.question-items",
              "Items nested under a question item belong in answer.item (R4 qrs-? / questionnaireresponse.html)");
    }
  }

  void Answer(const nlohmann::json& q_item, const std::vector<std::string>& allowed,
              const nlohmann::json& answers, std::size_t j, const std::string& at) {
    const auto [suffix, value] = ValueX(answers[j]);
    if (value == nullptr) return;  // qrs-? cardinality is the walker's business
    const std::string value_at = at + ".value" + suffix;
    // A property that is not an R4 answer value[x] type is the structural walker's finding.
    static const std::vector<std::string> kAnswerTypes = {"Boolean", "Decimal",    "Integer", "Date",
                                                          "DateTime", "Time",      "String",  "Uri",
                                                          "Attachment", "Coding", "Quantity", "Reference"};
    bool known = false;
    for (const std::string& t : kAnswerTypes) known = known || t == suffix;
    if (!known) return;
    bool ok = allowed.empty();
    for (const std::string& t : allowed) ok = ok || t == suffix;
    if (!ok) {
      report_(value_at, Severity::kError, "structure", "questionnaire.answer-type",
              "Answer value must be of the type " + JavaTypeName(allowed[0]) + " not " + JavaTypeName(suffix));
      return;
    }
    Options(q_item, suffix, *value, answers, at, value_at);
    Limits(q_item, suffix, *value, value_at);
    if (suffix == "Attachment") Attachment(q_item, *value, at);
    if (suffix == "Quantity") Quantity(q_item, *value, value_at);
    if (suffix == "Reference") Reference(q_item, *value, value_at);
  }

  // answerOption membership (and optionExclusive), or answerValueSet through the local terminology.
  void Options(const nlohmann::json& q_item, const std::string& suffix, const nlohmann::json& value,
               const nlohmann::json& answers, const std::string& at, const std::string& value_at) {
    const nlohmann::json& options = ArrayOf(q_item, "answerOption");
    const bool open = StrOf(q_item, "type") == "open-choice";
    if (!options.empty()) {
      if (open && suffix == "String") return;
      const nlohmann::json* match = nullptr;
      for (const nlohmann::json& option : options) {
        const auto [t, v] = ValueX(option);
        if (v != nullptr && t == suffix && SameValue(suffix, *v, value)) {
          match = &option;
          break;
        }
      }
      if (match == nullptr) {
        if (suffix == "Coding") {
          report_(at, Severity::kError, "code-invalid", "questionnaire.answer-option",
                  "The code " + StrOf(value, "system") + "::" + StrOf(value, "code") +
                      " is not in the set of permitted values");
        } else {
          report_(value_at, Severity::kError, "code-invalid", "questionnaire.answer-option",
                  "The " + JavaTypeName(suffix) + " " + Dump(value) + " is not in the set of permitted values");
        }
        return;
      }
      for (const nlohmann::json* ext : Extensions(*match, "questionnaire-optionExclusive")) {
        const auto [t, v] = ValueX(*ext);
        if (v != nullptr && v->is_boolean() && v->get<bool>() && answers.size() > 1) {
          report_(at, Severity::kError, "business-rule", "questionnaire.option-exclusive",
                  "Selected answer " + StrOf(value, "system") + "#" + StrOf(value, "code") +
                      " is an exclusive option - can't select anything else at the same time");
        }
      }
      return;
    }
    const std::string value_set = StrOf(q_item, "answerValueSet");
    if (value_set.empty() || value_set[0] == '#') return;  // contained value sets: not resolved here
    if (suffix == "String" && !open && value.is_string()) {
      // A string answer is held to be a code of the value set (in any of its systems).
      const terminology::CodeCheck check = terminology_.CheckCode(value_set, "", value.get<std::string>());
      if (check.membership == terminology::Membership::kNotMember) {
        report_(value_at, Severity::kError, "code-invalid", "questionnaire.answer-valueset",
                "The value '" + Dump(value) + "' is not in the list of allowed values (value set '" + value_set + "')");
      } else if (check.membership == terminology::Membership::kNotChecked) {
        report_(value_at, Severity::kInformation, "informational", "questionnaire.answer-valueset-not-checked",
                "answer not checked against " + value_set + ": " + check.reason);
      }
      return;
    }
    if (suffix == "Coding") {
      const std::string system = StrOf(value, "system");
      const std::string code = StrOf(value, "code");
      const terminology::CodeCheck check = terminology_.CheckCode(value_set, system, code);
      // A member with a wrong display fails too: the HL7 validator checks the display first.
      const terminology::DisplayCheck display =
          check.membership == terminology::Membership::kMember
              ? terminology_.CheckDisplay(system, code, StrOf(value, "display"), language_)
              : terminology::DisplayCheck{};
      if (check.membership == terminology::Membership::kNotMember ||
          display.verdict == terminology::DisplayVerdict::kWrong) {
        report_(at, Severity::kError, "code-invalid", "questionnaire.answer-valueset",
                "The code '" + code + "' in the system '" + system + "' is not in the options value set " +
                    value_set + (display.message.empty() ? "" : ". Terminology Error: " + display.message));
      } else if (check.membership == terminology::Membership::kNotChecked) {
        report_(at, Severity::kInformation, "informational", "questionnaire.answer-valueset-not-checked",
                "answer not checked against " + value_set + ": " + check.reason);
      }
    }
  }

  void Limits(const nlohmann::json& q_item, const std::string& suffix, const nlohmann::json& value,
              const std::string& value_at) {
    for (const nlohmann::json* ext : Extensions(q_item, "minValue")) {
      const auto [t, limit] = ValueX(*ext);
      if (limit != nullptr && Compare(value, *limit) == -1) {
        report_(value_at, Severity::kError, "invalid", "questionnaire.min-value",
                "The value " + Dump(value) + " is less than the allowed minimum of " + Dump(*limit));
      }
    }
    for (const nlohmann::json* ext : Extensions(q_item, "maxValue")) {
      const auto [t, limit] = ValueX(*ext);
      if (limit != nullptr && Compare(value, *limit) == 1) {
        report_(value_at, Severity::kError, "invalid", "questionnaire.max-value",
                "The value " + Dump(value) + " is greater than the allowed maximum of " + Dump(*limit));
      }
    }
    if (suffix == "Decimal" && value.is_number()) {
      for (const nlohmann::json* ext : Extensions(q_item, "maxDecimalPlaces")) {
        const auto [t, limit] = ValueX(*ext);
        if (limit != nullptr && limit->is_number_integer() && DecimalPlaces(value) > limit->get<int>()) {
          report_(value_at, Severity::kError, "invalid", "questionnaire.decimal-places",
                  "The value " + value.dump() + " has too many decimal places (limit = " + limit->dump() + ")");
        }
      }
    }
    if (suffix == "String" && value.is_string()) {
      const std::size_t length = value.get<std::string>().size();
      for (const nlohmann::json* ext : Extensions(q_item, "minLength")) {
        const auto [t, limit] = ValueX(*ext);
        if (limit != nullptr && limit->is_number_integer() && static_cast<long long>(length) < limit->get<long long>()) {
          report_(value_at, Severity::kError, "invalid", "questionnaire.min-length",
                  "The answer '" + value.get<std::string>() + "' is shorter than the required minimum length of " +
                      limit->dump());
        }
      }
      const auto max = q_item.find("maxLength");
      if (max != q_item.end() && max->is_number_integer() && static_cast<long long>(length) > max->get<long long>()) {
        report_(value_at, Severity::kError, "invalid", "questionnaire.max-length",
                "The answer '" + value.get<std::string>() + "' is longer than the allowed maximum length of " +
                    max->dump());
      }
      const std::string item_type = StrOf(q_item, "type");
      if (item_type == "string" || item_type == "text") Pattern(q_item, value.get<std::string>(), value_at);
    }
  }

  // The regex extension: the whole answer matches the pattern (core/regex, ECMAScript syntax; the
  // patterns Questionnaires use are in the common subset of ECMAScript and Java regular expressions).
  // A pattern core/regex cannot compile or afford is a warning that the answer was not checked.
  void Pattern(const nlohmann::json& q_item, const std::string& answer, const std::string& value_at) {
    for (const nlohmann::json* ext : Extensions(q_item, "regex")) {
      const auto [t, pattern] = ValueX(*ext);
      if (pattern == nullptr || !pattern->is_string()) continue;
      const std::string& source = pattern->get_ref<const std::string&>();
      std::optional<regex::CompileError> error;
      const regex::Regex compiled = regex::Regex::Compile(source, error);
      const regex::Outcome outcome = error ? regex::Outcome::kNoMatch : compiled.FullMatch(answer);
      if (error || outcome == regex::Outcome::kTooCostly) {
        report_(value_at, Severity::kWarning, "not-supported", "questionnaire.regex-not-checked",
                "The answer was not checked against the regex '" + source + "': " +
                    (error ? error->message : std::string("matching needs more work than regex::kMaxMatchSteps")));
      } else if (outcome == regex::Outcome::kNoMatch) {
        std::string format;
        for (const nlohmann::json* entry : Extensions(q_item, "entryFormat")) {
          const auto [k, v] = ValueX(*entry);
          if (v != nullptr && v->is_string()) format = v->get<std::string>();
        }
        report_(value_at, Severity::kError, "invalid", "questionnaire.regex",
                format.empty() ? "The answer '" + answer + "' does not match the regex '" + source + "'"
                               : "The answer '" + answer + "' does not conform to the expected format '" + format +
                                     "' (regex '" + source + "')");
      }
    }
  }

  void Attachment(const nlohmann::json& q_item, const nlohmann::json& value, const std::string& at) {
    const auto size = value.is_object() ? value.find("size") : value.end();
    for (const nlohmann::json* ext : Extensions(q_item, "maxSize")) {
      const auto [t, limit] = ValueX(*ext);
      if (limit != nullptr && limit->is_number() && size != value.end() && size->is_number() &&
          size->get<double>() > limit->get<double>()) {
        report_(at, Severity::kError, "invalid", "questionnaire.attachment-size",
                "The attachment is too large (allowed = " + limit->dump() + ", found = " + size->dump() + ")");
      }
    }
    const std::vector<const nlohmann::json*> mime_types = Extensions(q_item, "mimeType");
    const std::string content_type = StrOf(value, "contentType");
    if (mime_types.empty() || content_type.empty()) return;
    std::string list;
    for (const nlohmann::json* ext : mime_types) {
      const auto [t, v] = ValueX(*ext);
      if (v == nullptr || !v->is_string()) continue;
      if (v->get<std::string>() == content_type) return;
      if (!list.empty()) list += ',';
      list += v->get<std::string>();
    }
    report_(at, Severity::kError, "invalid", "questionnaire.attachment-type",
            "The mime type " + content_type + " is not valid for this answer (allowed = " + list + ")");
  }

  void Quantity(const nlohmann::json& q_item, const nlohmann::json& value, const std::string& value_at) {
    // questionnaire-unitValueSet: the unit (system|code) must be in the value set; a unit whose system
    // the value set does not include is not a member even without a code.
    for (const nlohmann::json* ext : Extensions(q_item, "questionnaire-unitValueSet")) {
      const auto [t, v] = ValueX(*ext);
      if (v == nullptr || !v->is_string()) continue;
      const std::string value_set = v->get<std::string>();
      const terminology::CodeCheck check =
          terminology_.CheckCode(value_set, StrOf(value, "system"), StrOf(value, "code"));
      if (check.membership == terminology::Membership::kNotMember) {
        report_(value_at, Severity::kError, "code-invalid", "questionnaire.quantity-unit-valueset",
                "The value " + Dump(value.value("value", nlohmann::json())) + " " + StrOf(value, "unit") +
                    " has a unit that is not in the unit value set '" + value_set + "'");
      } else if (check.membership == terminology::Membership::kNotChecked) {
        report_(value_at, Severity::kInformation, "informational", "questionnaire.quantity-unit-not-checked",
                "unit not checked against " + value_set + ": " + check.reason);
      }
    }
    const std::vector<const nlohmann::json*> units = Extensions(q_item, "questionnaire-unitOption");
    if (!units.empty()) {
      bool ok = false;
      for (const nlohmann::json* ext : units) {
        const auto [t, v] = ValueX(*ext);
        ok = ok || (v != nullptr && StrOf(*v, "system") == StrOf(value, "system") &&
                    StrOf(*v, "code") == StrOf(value, "code"));
      }
      if (!ok) {
        report_(value_at, Severity::kError, "code-invalid", "questionnaire.quantity-unit",
                "The value " + Dump(value.value("value", nlohmann::json())) + " " + StrOf(value, "unit") +
                    " has a unit that is not one of the item's unitOption codes");
      }
    }
    // sdc minQuantity / maxQuantity: compared in the limit's unit (UCUM conversion when both are UCUM).
    static constexpr std::string_view kSdc = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-";
    for (const char* which : {"minQuantity", "maxQuantity"}) {
      const bool is_min = std::string_view(which) == "minQuantity";
      for (const nlohmann::json* ext : Extensions(q_item, std::string(kSdc) + which)) {
        const auto [t, limit] = ValueX(*ext);
        if (limit == nullptr || !limit->is_object()) continue;
        const std::string code = StrOf(value, "code");
        const std::string limit_code = StrOf(*limit, "code");
        const auto v = value.find("value");
        const auto l = limit->find("value");
        if (v == value.end() || l == limit->end() || !v->is_number() || !l->is_number()) continue;
        const std::string bound = is_min ? "minimum" : "maximum";
        if (code.empty() || limit_code.empty()) {
          report_(value_at, Severity::kError, "invalid", "questionnaire.quantity-limit",
                  "The quantity " + v->dump() + " " + StrOf(value, "unit") + " cannot be compared to the allowed " +
                      bound + " of " + l->dump() + " " + StrOf(*limit, "unit") + " because no formal units are specified");
        } else {
          // Same system: UCUM codes convert (core/fhirpath UCUM subset); other systems compare only
          // identical codes. Incommensurable units are an error, as in the Java validator.
          const std::string system = StrOf(value, "system");
          std::optional<double> converted;
          if (system != StrOf(*limit, "system")) {
            converted = std::nullopt;
          } else if (code == limit_code) {
            converted = v->get<double>();
          } else if (system == "http://unitsofmeasure.org") {
            converted = fhirpath::ConvertUnit(v->get<double>(), code, limit_code);
          }
          if (!converted) {
            report_(value_at, Severity::kError, "invalid", "questionnaire.quantity-limit",
                    "The quantity " + v->dump() + " " + code + " cannot be compared to the allowed " + bound + " of " +
                        l->dump() + " " + limit_code);
            continue;
          }
          const double x = *converted;
          const double y = l->get<double>();
          if (is_min ? x < y : x > y) {
            report_(value_at, Severity::kError, "invalid", "questionnaire.quantity-limit",
                    "The quantity " + v->dump() + " " + code + " is " + (is_min ? "less" : "greater") +
                        " than the allowed " + bound + " of " + l->dump() + " " + limit_code);
          }
        }
      }
    }
  }

  void Reference(const nlohmann::json& q_item, const nlohmann::json& value, const std::string& value_at) {
    const std::vector<const nlohmann::json*> types = Extensions(q_item, "questionnaire-referenceResource");
    const std::string reference = StrOf(value, "reference");
    if (types.empty() || reference.empty() || reference[0] == '#') return;
    // "[base/]Type/id[/_history/v]": the type is the segment before the id.
    std::string path = reference;
    if (const std::size_t history = path.find("/_history/"); history != std::string::npos) path.resize(history);
    const std::size_t last = path.rfind('/');
    if (last == std::string::npos || last == 0) return;
    const std::size_t before = path.rfind('/', last - 1);
    const std::string type = path.substr(before == std::string::npos ? 0 : before + 1,
                                         last - (before == std::string::npos ? 0 : before + 1));
    std::string list;
    for (const nlohmann::json* ext : types) {
      const auto [t, v] = ValueX(*ext);
      if (v == nullptr || !v->is_string()) continue;
      if (v->get<std::string>() == type || v->get<std::string>() == "Resource") return;
      if (!list.empty()) list += ',';
      list += v->get<std::string>();
    }
    report_(value_at, Severity::kError, "structure", "questionnaire.reference-type",
            "The resource type '" + type + "' in the reference " + reference + " is not allowed (allowed = " + list +
                ")");
  }

  const std::string& root_;
  bool completed_;
  std::string language_;  // QuestionnaireResponse.language, for display checks
  const terminology::TerminologyService& terminology_;
  const QuestionnaireReporter& report_;
};

const nlohmann::json* FindContained(const nlohmann::json* container, std::string_view id) {
  if (container == nullptr) return nullptr;
  for (const nlohmann::json& resource : ArrayOf(*container, "contained")) {
    if (StrOf(resource, "id") == id) return &resource;
  }
  return nullptr;
}

}  // namespace

void ValidateQuestionnaireResponse(const nlohmann::json& response, const std::string& location,
                                   const nlohmann::json* container, const package::Registry& registry,
                                   const terminology::TerminologyService& terminology,
                                   const QuestionnaireReporter& report) {
  const std::string canonical = StrOf(response, "questionnaire");
  if (canonical.empty()) return;
  const nlohmann::json* questionnaire = nullptr;
  if (canonical[0] == '#') {
    questionnaire = FindContained(container, std::string_view(canonical).substr(1));
    if (questionnaire == nullptr) questionnaire = FindContained(&response, std::string_view(canonical).substr(1));
  } else {
    questionnaire = registry.Find("Questionnaire", canonical);
  }
  if (questionnaire != nullptr && StrOf(*questionnaire, "resourceType") != "Questionnaire") questionnaire = nullptr;
  if (questionnaire == nullptr) {
    const std::string plain = canonical.substr(0, canonical.find('|'));
    for (const char* type : {"ValueSet", "CodeSystem", "StructureDefinition"}) {
      if (registry.Find(type, plain) != nullptr) {
        report(location + ".questionnaire", Severity::kError, "structure", "questionnaire.wrong-type",
               "Canonical URL '" + canonical + "' refers to a resource that has the wrong type. Found " + type +
                   " expecting Questionnaire");
        return;
      }
    }
    report(location + ".questionnaire", Severity::kInformation, "not-found", "questionnaire.not-found",
           "The questionnaire '" + canonical + "' could not be resolved, so the answers were not checked against it");
    return;
  }
  const std::string status = StrOf(response, "status");
  QrChecker checker(location, status == "completed" || status == "amended", StrOf(response, "language"),
                    terminology, report);
  checker.Items(ArrayOf(*questionnaire, "item"), ArrayOf(response, "item"), location, 0);
}

}  // namespace pdex::validation
