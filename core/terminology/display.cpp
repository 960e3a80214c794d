// Coding.display against the code system's displays (R4 datatypes.html#Coding: "a representation of
// the meaning of the code in the system, following the rules of the system"). The HL7 validator
// accepts the concept's display or any designation in the validation language, ignoring case, and
// reports anything else as a wrong display (an error unless its display-warning mode is on).
#include "terminology/terminology.h"

namespace pdex::terminology {
namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Java's equalsIgnoreCase, for ASCII letters only: non-ASCII text must match byte for byte, which can
// only report a case-only difference in non-ASCII letters as wrong (none in the R4 code systems).
bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// R4 publishes some terminology.hl7.org tables with displays cut at 50 characters (185 of the codes
// of v3-TribalEntityUS, a few in v2-0003, v3-ActCode...); later releases restore them, so a display
// that extends such a cut display is its full form, not a wrong one.
constexpr std::size_t kR4TruncatedDisplay = 50;

bool ExtendsTruncated(std::string_view display, std::string_view truncated) {
  return truncated.size() == kR4TruncatedDisplay && display.size() > truncated.size() &&
         EqualsIgnoringCase(display.substr(0, truncated.size()), truncated);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Trimmed, runs of whitespace as one space: two displays equal so differ in whitespace only.
std::string NormalizeSpace(std::string_view text) {
  std::string out;
  bool pending = false;
  for (const char c : text) {
    if (IsSpace(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

}  // namespace

DisplayCheck TerminologyService::CheckDisplay(std::string_view system, std::string_view code,
                                              std::string_view display, std::string_view language) const {
  if (display.empty() || code.empty() || !IsEnglish(language)) return {};
  const CodeSystemIndex& index = IndexCodeSystem(system);
  if (!index.enumerable || !index.english) return {};
  const auto concept_display = index.displays.find(std::string(code));
  if (concept_display == index.displays.end()) return {};
  std::vector<const std::string*> valid;
  if (!concept_display->second.empty()) valid.push_back(&concept_display->second);
  if (const auto designations = index.designations.find(std::string(code)); designations != index.designations.end()) {
    for (const std::string& designation : designations->second) valid.push_back(&designation);
  }
  if (valid.empty()) return {};
  bool whitespace_only = false;
  const std::string normalized = NormalizeSpace(display);
  for (const std::string* candidate : valid) {
    if (EqualsIgnoringCase(display, *candidate) || ExtendsTruncated(display, *candidate)) {
      return {DisplayVerdict::kValid, {}};
    }
    whitespace_only = whitespace_only || EqualsIgnoringCase(normalized, NormalizeSpace(*candidate));
  }
  std::string choices;
  for (std::size_t i = 0; i < valid.size(); ++i) {
    if (i > 0) choices += i + 1 == valid.size() ? " or " : ", ";
    choices += "'" + *valid[i] + "'";
  }
  std::string message = whitespace_only ? "Wrong whitespace in Display Name '" : "Wrong Display Name '";
  message += std::string(display) + "' for " + std::string(system) + "#" + std::string(code) + ". Valid display is ";
  if (valid.size() > 1) message += "one of " + std::to_string(valid.size()) + " choices: ";
  message += choices + " (for the language(s) '" + (language.empty() ? std::string("en-US") : std::string(language)) + "')";
  return {DisplayVerdict::kWrong, std::move(message)};
}

}  // namespace pdex::terminology
