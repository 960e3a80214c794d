// The categories of sensitive data the segmenter withholds under a #regular HRex consent, and the
// rules that find them (docs/segmentation.md). Reports count by these names, never by the data.
#pragma once

namespace pdex::segmentation {

enum class Category {
  kSubstanceUse,   // 42 CFR Part 2, state SUD law: ETH, SUD, ETHUD, OPIOIDUD, 42CFRPart2; F10-F19, MOUD...
  kMentalHealth,   // state mental/behavioural health law: BH, MH, PSY, PSYTHPN; F01-F99, 290-319...
  kHiv,            // state HIV/AIDS law: HIV; B20, Z21, O98.7, 042, V08...
  kSexualHealth,   // STD, SEX, SDV, MST
  kGenetic,        // GDIS, SCA, SICKLE
  kRestricted,     // confidentiality R or V
  kOther,          // other sensitivity codes (SPI, COGN, DVD, ADOL...)
};
inline constexpr int kCategoryCount = 7;

inline const char* CategoryName(Category category) {
  switch (category) {
    case Category::kSubstanceUse: return "substance-use";
    case Category::kMentalHealth: return "mental-health";
    case Category::kHiv: return "hiv";
    case Category::kSexualHealth: return "sexual-health";
    case Category::kGenetic: return "genetic";
    case Category::kRestricted: return "restricted";
    case Category::kOther: return "other";
  }
  return "other";
}

// Why something was withheld or redacted.
enum class Rule {
  kSecurityLabel,         // meta.security carries a sensitivity, confidentiality R/V or 42CFRPart2 label
  kSensitiveCode,         // a coding in the sensitive value sets (valuesets/*.json)
  kSensitiveText,         // a sensitive term or code in free text (display, text, narrative, notes...)
  kSensitiveAttachment,   // a text attachment whose decoded content is sensitive
  kUnreadableAttachment,  // an attachment the segmenter cannot read (binary, URL only): withheld
  kReferenceToWithheld,   // refers to withheld data where the reference cannot be removed
  kMalformed,             // an entry that is not a resource
};
inline constexpr int kRuleCount = 7;

inline const char* RuleName(Rule rule) {
  switch (rule) {
    case Rule::kSecurityLabel: return "security-label";
    case Rule::kSensitiveCode: return "sensitive-code";
    case Rule::kSensitiveText: return "sensitive-text";
    case Rule::kSensitiveAttachment: return "sensitive-attachment";
    case Rule::kUnreadableAttachment: return "unreadable-attachment";
    case Rule::kReferenceToWithheld: return "reference-to-withheld";
    case Rule::kMalformed: return "malformed-entry";
  }
  return "other";
}

}  // namespace pdex::segmentation
