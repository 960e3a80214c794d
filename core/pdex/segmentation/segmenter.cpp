#include "pdex/segmentation/segmenter.h"

#include "json/fields.h"
#include "pdex/common/fhir_refs.h"
#include "pdex/segmentation/classify.h"
#include "pdex/segmentation/redact.h"

#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace pdex::segmentation {
namespace {

enum class Status { kReleased, kRedacted, kWithheld };

struct EntryState {
  const nlohmann::json* entry = nullptr;
  nlohmann::json resource;
  Status status = Status::kReleased;
  Rule rule = Rule::kMalformed;  // why withheld
  Category category = Category::kOther;
  std::vector<Finding> redacted_parts;
  std::vector<Unclassifiable> unclassifiable;
  std::string key;  // "Type/id"
  std::string full_url;
};

struct Counts {
  std::array<int, kRuleCount> withheld_by_rule{};
  std::array<int, kCategoryCount> withheld_by_category{};
  std::array<int, kRuleCount> parts_by_rule{};
  std::array<int, kCategoryCount> parts_by_category{};
  std::array<int, kUnclassifiableCount> unclassifiable{};
  int input = 0, released = 0, redacted = 0, withheld = 0;
};

Issue MakeIssue(Severity severity, std::string code, std::string id, std::string diagnostics) {
  return Issue{.severity = severity, .code = std::move(code), .id = std::move(id), .diagnostics = std::move(diagnostics)};
}

void Withhold(EntryState& state, Rule rule, Category category) {
  state.status = Status::kWithheld;
  state.rule = rule;
  state.category = category;
}

// The finding that best explains withholding the whole resource: a label, else the first one.
const Finding& Explaining(const std::vector<Finding>& findings) {
  for (const Finding& finding : findings) {
    if (finding.rule == Rule::kSecurityLabel) return finding;
  }
  return findings.front();
}

void ClassifyEntry(EntryState& state, const SegmentOptions& options) {
  const ClassifyOptions classify_options{.max_attachment_bytes = options.max_attachment_bytes};
  Classification found = ClassifyResource(state.resource, classify_options);
  if (found.findings.empty()) {
    state.unclassifiable = std::move(found.unclassifiable);
    return;
  }
  nlohmann::json redacted = state.resource;
  if (RedactParts(redacted, found.findings)) {
    Classification again = ClassifyResource(redacted, classify_options);
    if (again.findings.empty()) {  // the redaction removed every finding, nothing else surfaced
      state.resource = std::move(redacted);
      state.status = Status::kRedacted;
      state.redacted_parts = std::move(found.findings);
      state.unclassifiable = std::move(again.unclassifiable);
      return;
    }
  }
  const Finding& why = Explaining(found.findings);
  Withhold(state, why.rule, why.category);
}

bool IsIdChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.'; }

// Whether `text` names a withheld resource: a "Type/id" inside it, or a withheld fullUrl as one of
// its whitespace/quote/markup-separated tokens.
bool NamesWithheld(std::string_view text, const std::unordered_set<std::string>& keys,
                   const std::unordered_set<std::string>& full_urls) {
  for (std::size_t slash = text.find('/'); slash != std::string_view::npos; slash = text.find('/', slash + 1)) {
    std::size_t begin = slash;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
    std::size_t end = slash + 1;
    while (end < text.size() && IsIdChar(text[end])) ++end;
    if (begin < slash && end > slash + 1 && keys.count(std::string(text.substr(begin, end - begin))) != 0) return true;
  }
  if (full_urls.empty()) return false;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) != 0 || text[i] == '"' || text[i] == '<' ||
                               text[i] == '>' || text[i] == '\'')) {
      ++i;
    }
    std::size_t end = i;
    while (end < text.size() && std::isspace(static_cast<unsigned char>(text[end])) == 0 && text[end] != '"' &&
           text[end] != '<' && text[end] != '>' && text[end] != '\'') {
      ++end;
    }
    if (end > i && full_urls.count(std::string(text.substr(i, end - i))) != 0) return true;
    i = end;
  }
  return false;
}

// Whether any string of `node` (outside the narrative, handled by the caller) names withheld data.
bool AnyStringNamesWithheld(const nlohmann::json& node, const std::unordered_set<std::string>& keys,
                            const std::unordered_set<std::string>& full_urls, bool root) {
  if (node.is_string()) return NamesWithheld(node.get_ref<const std::string&>(), keys, full_urls);
  if (node.is_array()) {
    for (const auto& value : node) {
      if (AnyStringNamesWithheld(value, keys, full_urls, false)) return true;
    }
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (root && key == "text") continue;
      if (AnyStringNamesWithheld(value, keys, full_urls, false)) return true;
    }
  }
  return false;
}

// Every string of `node` that could name another resource: reference values, "Type/id" inside any
// string, and whitespace/quote/markup-separated tokens (fullUrls). The index of who mentions whom.
void CollectMentions(const nlohmann::json& node, std::unordered_set<std::string>& out) {
  if (node.is_string()) {
    const std::string& text = node.get_ref<const std::string&>();
    for (std::size_t slash = text.find('/'); slash != std::string::npos; slash = text.find('/', slash + 1)) {
      std::size_t begin = slash;
      while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
      std::size_t end = slash + 1;
      while (end < text.size() && IsIdChar(text[end])) ++end;
      if (begin < slash && end > slash + 1) out.insert(text.substr(begin, end - begin));
    }
    std::size_t i = 0;
    const auto separator = [](char c) {
      return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '<' || c == '>' || c == '\'';
    };
    while (i < text.size()) {
      while (i < text.size() && separator(text[i])) ++i;
      std::size_t end = i;
      while (end < text.size() && !separator(text[end])) ++end;
      if (end > i && text.find(':', i) < end) out.insert(text.substr(i, end - i));  // URLs and URNs only
      i = end;
    }
    return;
  }
  if (node.is_object() || node.is_array()) {
    for (const auto& child : node) CollectMentions(child, out);
  }
}

// Removes references to withheld data from the released resources, withholding those that cannot
// lose them, and so on for what refers to those: a worklist over an index of who mentions whom, so
// each resource is revisited only when something it names is withheld (bounded work on hostile
// chains of references).
void ScrubMentionsOfWithheld(std::vector<EntryState>& states) {
  std::unordered_set<std::string> keys, full_urls;
  std::vector<std::size_t> work;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i].status == Status::kWithheld) work.push_back(i);
  }
  if (work.empty()) return;
  std::unordered_map<std::string, std::vector<std::size_t>> mentioned_by;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i].status == Status::kWithheld) continue;
    std::unordered_set<std::string> mentions;
    CollectMentions(states[i].resource, mentions);
    for (const std::string& mention : mentions) mentioned_by[mention].push_back(i);
  }
  const auto is_withheld = [&](std::string_view reference) {
    if (full_urls.count(std::string(reference)) != 0) return true;
    const auto parts = pdex_common::ParseReference(reference);
    return parts && !parts->contained && keys.count(pdex_common::TypeAndId(*parts)) != 0;
  };
  for (std::size_t i : work) {
    if (!states[i].key.empty()) keys.insert(states[i].key);
    if (!states[i].full_url.empty()) full_urls.insert(states[i].full_url);
  }
  while (!work.empty()) {
    const std::size_t withheld = work.back();
    work.pop_back();
    for (const std::string* name : {&states[withheld].key, &states[withheld].full_url}) {
      const auto referrers = mentioned_by.find(*name);
      if (name->empty() || referrers == mentioned_by.end()) continue;
      for (std::size_t r : referrers->second) {
        EntryState& state = states[r];
        if (state.status == Status::kWithheld) continue;
        const ScrubResult scrubbed = ScrubReferences(state.resource, is_withheld);
        if (scrubbed == ScrubResult::kRedacted) {
          state.status = Status::kRedacted;
          state.redacted_parts.push_back(Finding{{}, Rule::kReferenceToWithheld, Category::kOther});
        }
        if (scrubbed == ScrubResult::kWithhold || AnyStringNamesWithheld(state.resource, keys, full_urls, true)) {
          Withhold(state, Rule::kReferenceToWithheld, Category::kOther);
          if (!state.key.empty()) keys.insert(state.key);
          if (!state.full_url.empty()) full_urls.insert(state.full_url);
          work.push_back(r);
          continue;
        }
        if (const auto* text = json::ObjectAt(state.resource, "text");
            text != nullptr && NamesWithheld(json::StringAt(*text, "div"), keys, full_urls)) {
          state.resource.erase("text");
          state.status = Status::kRedacted;
          state.redacted_parts.push_back(Finding{{{"text"}}, Rule::kReferenceToWithheld, Category::kOther});
        }
      }
    }
  }
}

nlohmann::json CountsByName(const int* counts, int size, const char* (*name)(int)) {
  nlohmann::json out = nlohmann::json::object();
  for (int i = 0; i < size; ++i) {
    if (counts[i] != 0) out[name(i)] = counts[i];
  }
  return out;
}

const char* RuleAt(int i) { return RuleName(static_cast<Rule>(i)); }
const char* CategoryAt(int i) { return CategoryName(static_cast<Category>(i)); }
const char* UnclassifiableAt(int i) { return UnclassifiableName(static_cast<Unclassifiable>(i)); }

nlohmann::json Report(const Counts& counts, consent::ConsentPolicy policy, bool released) {
  return {
      {"policy", consent::PolicyName(policy)},
      {"outcome", released ? "released" : "refused"},
      {"input", counts.input},
      {"released", released ? counts.released + counts.redacted : 0},
      {"redacted", released ? counts.redacted : 0},
      {"withheld", released ? counts.withheld : counts.input},
      {"withheldByRule", CountsByName(counts.withheld_by_rule.data(), kRuleCount, RuleAt)},
      {"withheldByCategory", CountsByName(counts.withheld_by_category.data(), kCategoryCount, CategoryAt)},
      {"redactedPartsByRule", CountsByName(counts.parts_by_rule.data(), kRuleCount, RuleAt)},
      {"redactedPartsByCategory", CountsByName(counts.parts_by_category.data(), kCategoryCount, CategoryAt)},
      {"unclassifiable", CountsByName(counts.unclassifiable.data(), kUnclassifiableCount, UnclassifiableAt)},
  };
}

nlohmann::json OutputBundle(const nlohmann::json& input, const std::vector<EntryState>& states, int released) {
  nlohmann::json bundle = {{"resourceType", "Bundle"}};
  if (const std::string_view id = json::StringAt(input, "id"); !id.empty()) bundle["id"] = id;
  const std::string_view type = json::StringAt(input, "type");
  bundle["type"] = type.empty() ? "collection" : type;
  if (const std::string_view timestamp = json::StringAt(input, "timestamp"); !timestamp.empty()) bundle["timestamp"] = timestamp;
  if (input.contains("total")) bundle["total"] = released;
  nlohmann::json entries = nlohmann::json::array();
  for (const EntryState& state : states) {
    if (state.status == Status::kWithheld) continue;
    nlohmann::json entry = nlohmann::json::object();
    if (!state.full_url.empty()) entry["fullUrl"] = state.full_url;
    if (const auto* search = json::ObjectAt(*state.entry, "search")) entry["search"] = *search;
    entry["resource"] = state.resource;
    if (state.status == Status::kRedacted) MarkRedacted(entry["resource"]);
    entries.push_back(std::move(entry));
  }
  bundle["entry"] = std::move(entries);
  return bundle;
}

}  // namespace

SegmentResult Segment(const nlohmann::json& bundle, const consent::ConsentDecision& decision, const SegmentOptions& options) {
  SegmentResult result;
  Counts counts;
  const auto refuse = [&](Issues issues) {
    result.released = false;
    result.issues = std::move(issues);
    result.report = Report(counts, decision.policy, false);
    return result;
  };
  if (!bundle.is_object() || json::StringAt(bundle, "resourceType") != "Bundle") {
    return refuse({MakeIssue(Severity::kError, "structure", "segmentation.not-bundle",
                             "the data to segment must be a FHIR Bundle (a JSON object with resourceType 'Bundle')")});
  }
  const auto* entries = json::ArrayAt(bundle, "entry");
  counts.input = entries ? static_cast<int>(entries->size()) : 0;
  if (entries != nullptr && entries->size() > options.max_entries) {
    return refuse({MakeIssue(Severity::kError, "too-costly", "segmentation.too-many-entries",
                             "the Bundle has " + std::to_string(entries->size()) + " entries, more than the limit of " +
                                 std::to_string(options.max_entries))});
  }
  if (!decision.permitted) {
    Issues issues = decision.issues;
    if (!HasErrors(issues)) {
      issues.push_back(MakeIssue(Severity::kError, "forbidden", "segmentation.consent-not-permitted",
                                 "the consent does not permit this release"));
    }
    return refuse(std::move(issues));
  }

  std::vector<EntryState> states;
  states.reserve(counts.input);
  if (entries != nullptr) {
    for (const auto& entry : *entries) {
      EntryState state;
      state.entry = &entry;
      state.full_url = std::string(json::StringAt(entry, "fullUrl"));
      const auto* resource = json::ObjectAt(entry, "resource");
      if (resource == nullptr || json::StringAt(*resource, "resourceType").empty()) {
        Withhold(state, Rule::kMalformed, Category::kOther);
        result.issues.push_back(MakeIssue(Severity::kWarning, "structure", "segmentation.malformed-entry",
                                          "a Bundle entry without a resource (or without resourceType) was not released"));
      } else {
        state.resource = *resource;
        const std::string_view id = json::StringAt(*resource, "id");
        if (!id.empty()) state.key = std::string(json::StringAt(*resource, "resourceType")) + "/" + std::string(id);
        if (decision.policy == consent::ConsentPolicy::kRegular) ClassifyEntry(state, options);
      }
      states.push_back(std::move(state));
    }
  }
  if (decision.policy == consent::ConsentPolicy::kRegular) ScrubMentionsOfWithheld(states);

  for (const EntryState& state : states) {
    switch (state.status) {
      case Status::kWithheld:
        ++counts.withheld;
        ++counts.withheld_by_rule[static_cast<int>(state.rule)];
        ++counts.withheld_by_category[static_cast<int>(state.category)];
        break;
      case Status::kRedacted:
        ++counts.redacted;
        for (const Finding& part : state.redacted_parts) {
          ++counts.parts_by_rule[static_cast<int>(part.rule)];
          ++counts.parts_by_category[static_cast<int>(part.category)];
        }
        break;
      case Status::kReleased: ++counts.released; break;
    }
    if (state.status != Status::kWithheld) {
      for (Unclassifiable reason : state.unclassifiable) ++counts.unclassifiable[static_cast<int>(reason)];
    }
  }
  int unclassifiable = 0;
  for (int n : counts.unclassifiable) unclassifiable += n;
  if (unclassifiable != 0) {
    std::string reasons;
    for (int i = 0; i < kUnclassifiableCount; ++i) {
      if (counts.unclassifiable[i] == 0) continue;
      reasons += (reasons.empty() ? "" : ", ") + std::string(UnclassifiableAt(i)) + ": " + std::to_string(counts.unclassifiable[i]);
    }
    result.issues.push_back(MakeIssue(Severity::kError, "business-rule", "segmentation.cannot-classify",
                                      "the member's data holds content this payer cannot classify as sensitive or not (" +
                                          reasons +
                                          "), so a #regular consent cannot be honoured and nothing is released"));
    return refuse(std::move(result.issues));
  }
  result.released = true;
  result.bundle = OutputBundle(bundle, states, counts.released + counts.redacted);
  result.report = Report(counts, decision.policy, true);
  return result;
}

}  // namespace pdex::segmentation
