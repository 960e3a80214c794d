// Engine's PDex release entry points (declared in api/engine.h): Patient/$everything assembly and the
// receiving payer's ingest, over JSON text.
#include "api/engine.h"
#include "api/outcomes.h"
#include "pdex/ingest/ingest.h"
#include "pdex/release/release.h"

#include <exception>

namespace pdex::api {
namespace {

// The parsed text, or nullopt with an error issue naming `what` and the position.
std::optional<nlohmann::json> ParseInput(std::string_view text, std::string_view what, const json::JsonLimits& limits,
                                         Issues& issues) {
  json::ParsedJson parsed = json::ParseJson(text, limits);
  if (parsed.ok()) return std::move(parsed.value);
  Issue issue = JsonErrorIssue(*parsed.error);
  issue.diagnostics = std::string(what) + ": " + issue.diagnostics;
  issues.push_back(std::move(issue));
  return std::nullopt;
}

nlohmann::json Internal(const std::exception& e) { return ToOperationOutcome({InternalErrorIssue(e.what())}); }

}  // namespace

nlohmann::json Engine::AssembleRelease(std::string_view record_text, std::string_view query_json,
                                       const pdex_common::ReleaseFilter& filter) const {
  try {
    Issues issues;
    const auto record = ParseInput(record_text, "record", limits_, issues);
    const auto query_value = ParseInput(query_json, "query", limits_, issues);
    if (!record || !query_value) return ToOperationOutcome(issues);
    const pdex_release::ReleaseQuery query = pdex_release::ParseReleaseQuery(*query_value, issues);
    if (HasErrors(issues)) return ToOperationOutcome(issues);
    pdex_release::ReleaseResult result = pdex_release::AssembleRelease(*record, query, filter);
    if (result.bundle.is_null() || HasErrors(result.issues)) {
      issues.insert(issues.end(), result.issues.begin(), result.issues.end());
      return ToOperationOutcome(issues);
    }
    // The query's warnings (a capped _count) travel with the page like the release's own.
    if (!issues.empty()) {
      issues.insert(issues.end(), result.issues.begin(), result.issues.end());
      nlohmann::json& entries = result.bundle["entry"];
      if (entries.is_array() && !entries.empty() && entries.back()["search"]["mode"] == "outcome") entries.erase(entries.size() - 1);
      entries.push_back({{"resource", ToOperationOutcome(issues)}, {"search", {{"mode", "outcome"}}}});
    }
    return std::move(result.bundle);
  } catch (const std::exception& e) {
    return Internal(e);
  }
}

nlohmann::json Engine::IngestRelease(std::string_view received_text, std::string_view receiver_record_text,
                                     std::string_view options_json, const pdex_common::ReleaseFilter& filter) const {
  try {
    Issues issues;
    auto received = ParseInput(received_text, "received", limits_, issues);
    const auto record = ParseInput(receiver_record_text, "receiver record", limits_, issues);
    const auto options_value = ParseInput(options_json, "options", limits_, issues);
    if (!received || !record || !options_value) return ToOperationOutcome(issues);
    pdex_ingest::IngestOptions options;
    if (!options_value->is_object()) {
      issues.push_back(Issue{.code = "invalid", .id = "ingest.options-invalid", .diagnostics = "options must be a JSON object"});
      return ToOperationOutcome(issues);
    }
    for (auto it = options_value->begin(); it != options_value->end(); ++it) {
      const bool text = it->is_string() && !it->get_ref<const std::string&>().empty();
      if (it.key() == "patient" && text) {
        options.patient = it->get<std::string>();
      } else if (it.key() == "recorded" && text) {
        options.recorded = it->get<std::string>();
      } else if (it.key() == "base" && text) {
        options.base = it->get<std::string>();
      } else if (it.key() == "receiver" && it->is_object()) {
        options.receiver = *it;
      } else {
        issues.push_back(Issue{.code = "invalid", .id = "ingest.options-invalid",
                               .diagnostics = "unknown or ill-typed option '" + it.key() +
                                              "' (patient, recorded, base: strings; receiver: a Reference)",
                               .expression = it.key()});
      }
    }
    if (options.patient.empty()) {
      issues.push_back(Issue{.code = "required", .id = "ingest.options-invalid", .diagnostics = "options.patient (\"Patient/ID\") is required"});
    }
    if (HasErrors(issues)) return ToOperationOutcome(issues);
    std::vector<nlohmann::json> pages;
    if (received->is_array()) {
      for (nlohmann::json& page : *received) pages.push_back(std::move(page));
    } else {
      pages.push_back(std::move(*received));
    }
    pdex_ingest::IngestResult result = pdex_ingest::IngestRelease(pages, *record, options, filter);
    if (result.transaction.is_null() || HasErrors(result.issues)) return ToOperationOutcome(result.issues);
    Issues all = result.issues;
    if (all.empty()) {
      all.push_back(Issue{.severity = Severity::kInformation, .code = "informational", .id = "ingest.done",
                          .diagnostics = "ingested for " + options.patient});
    }
    return {{"transaction", std::move(result.transaction)}, {"report", std::move(result.report)},
            {"outcome", ToOperationOutcome(all)}};
  } catch (const std::exception& e) {
    return Internal(e);
  }
}

}  // namespace pdex::api
