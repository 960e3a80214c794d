// Code membership checks against ValueSets and CodeSystems loaded in a package::Registry, by local
// expansion of enumerated value sets (http://hl7.org/fhir/R4/valueset.html#expansion): concept lists,
// whole complete CodeSystems, valueSet imports, and is-a / descendent-of / = filters on loaded code
// systems. Anything that needs a terminology server (SNOMED CT, LOINC, RxNorm, ICD, CPT, NDC, UCUM,
// unloaded or fragment code systems, unsupported filters) is answered kNotChecked with the reason,
// never as a silent pass; except a code that the system's code syntax rules out (code_syntax.h),
// which is kNotMember.
//
// Ownership: borrows the registry (it must outlive the service). Expansions are computed on first
// use and cached. Thread-safety: not thread-safe (the cache mutates in const calls); one per thread.
// Limits: at most kMaxExpansionCodes codes per expansion, imports nested kMaxImportDepth deep.
#pragma once

#include "package/registry.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pdex::terminology {

inline constexpr std::size_t kMaxExpansionCodes = 20000;
inline constexpr int kMaxImportDepth = 16;

enum class Membership { kMember, kNotMember, kNotChecked };

struct CodeCheck {
  Membership membership = Membership::kNotChecked;
  std::string reason;   // why not checked, or why not a member (e.g. "value set X not found")
  std::string display;  // the code's display in its code system, when known
};

// The locally computable part of a value set's expansion.
struct Expansion {
  std::unordered_set<std::string> codes;  // "system|code"
  std::unordered_map<std::string, std::string> displays;  // "system|code" -> display
  // Code systems included whose content could not be enumerated, with the reason. The key "" means
  // "any system" (an unresolvable valueSet import); such codes are kNotChecked rather than kNotMember.
  std::unordered_map<std::string, std::string> open_systems;
  bool found = true;   // false when the value set itself is not loaded
  std::string reason;  // when !found, or a note on truncation
};

// True for code systems that are too large or licensed to enumerate locally (SNOMED CT, LOINC, ...).
bool IsExternalCodeSystem(std::string_view system);

// True for "" (no language), "en" and "en-*" (BCP 47 tags).
bool IsEnglish(std::string_view language);

enum class DisplayVerdict { kValid, kWrong, kNotChecked };

struct DisplayCheck {
  DisplayVerdict verdict = DisplayVerdict::kNotChecked;
  // When kWrong: the HL7 validator's wording, "Wrong Display Name 'x' for system#code. Valid display
  // is 'y' (for the language(s) 'en')".
  std::string message;
};

class TerminologyService {
 public:
  explicit TerminologyService(const package::Registry& registry) : registry_(registry) {}

  // Is system|code in the value set (url, optionally url|version)? An empty `system` (a bare `code`
  // element) matches the code in any system of the expansion.
  CodeCheck CheckCode(std::string_view value_set, std::string_view system, std::string_view code) const;

  // Is `code` defined by the code system? kNotChecked for external, unloaded or incomplete systems.
  // A concept whose code ends in the v2 placeholder "xxx" (v2-0203 NNxxx) also defines the codes with
  // a three-letter country code there (NNFIN).
  CodeCheck CheckCodeSystem(std::string_view system, std::string_view code) const;

  // Is `display` a display of system|code (display.cpp)? It is when it equals, ignoring ASCII case,
  // the concept's display or one of its English (or language-less) designations, as the HL7 validator
  // compares them. kNotChecked when the code system is not enumerable here, the code is unknown, the
  // concept has no display, or `language` (the resource's language, "" for none) or the code
  // system's language is not English.
  DisplayCheck CheckDisplay(std::string_view system, std::string_view code, std::string_view display,
                            std::string_view language) const;

  // The code systems whose included codes (an include's concept list, or a whole loaded complete code
  // system) hold `code`, for a bare code bound to `value_set` (the HL7 validator infers its system so;
  // excludes are ignored). nullopt when that cannot be told locally: the value set is not loaded, or
  // an include has a filter, an unloaded import, or a system not enumerable here without a concept list.
  std::optional<std::vector<std::string>> SystemsForCode(std::string_view value_set, std::string_view code) const;

  // The cached local expansion of a value set (never nullptr).
  const Expansion& Expand(std::string_view value_set) const;

 private:
  struct CodeSystemIndex {
    bool enumerable = false;
    std::string reason;  // when !enumerable
    bool english = true;  // CodeSystem.language absent or English: its displays are English
    std::unordered_map<std::string, std::string> displays;  // code -> display
    std::unordered_map<std::string, std::vector<std::string>> designations;  // code -> English designations
    std::unordered_map<std::string, std::vector<std::string>> children;  // code -> direct children
  };
  const CodeSystemIndex& IndexCodeSystem(std::string_view system) const;
  void ExpandInto(const nlohmann::json& value_set, Expansion& out, int depth) const;
  void AddInclude(const nlohmann::json& include, Expansion& out, int depth, bool exclude) const;
  bool CollectSystemsForCode(const nlohmann::json& value_set, std::string_view code, std::vector<std::string>& out,
                             int depth) const;

  const package::Registry& registry_;
  mutable std::unordered_map<std::string, std::unique_ptr<Expansion>> expansions_;
  mutable std::unordered_map<std::string, std::unique_ptr<CodeSystemIndex>> code_systems_;
};

}  // namespace pdex::terminology
