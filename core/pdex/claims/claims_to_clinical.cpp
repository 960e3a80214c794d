#include "pdex/claims/claims_to_clinical.h"

#include "json/fields.h"
#include "pdex/claims/claims_issue.h"
#include "pdex/claims/eob_facts.h"
#include "pdex/claims/eob_mapper.h"
#include "pdex/claims/provider_directory.h"
#include "pdex/common/provenance.h"
#include "pdex/common/stable_id.h"

#include <map>
#include <optional>
#include <set>

namespace pdex::claims {
namespace {

// References between produced resources are relative ("Encounter/enc-..."), as a server stores them;
// each entry's fullUrl is base/Type/id so that they resolve inside the Bundle.
nlohmann::json Entry(const std::string& base, nlohmann::json resource) {
  std::string full_url = base;
  full_url += '/';
  full_url += resource["resourceType"].get<std::string>();
  full_url += '/';
  full_url += resource["id"].get<std::string>();
  return {{"fullUrl", std::move(full_url)}, {"resource", std::move(resource)}};
}

// The payer option as the transmitter: its US Core form when complete (emitted), else a reference by
// identifier or id.
nlohmann::json PayerTransmitter(const ClaimsOptions& options, ProviderDirectory& providers,
                                std::vector<std::string>& payer_refs, Issues& issues) {
  const nlohmann::json& payer = options.payer;
  if (payer.is_null()) return nullptr;
  if (json::StringAt(payer, "resourceType") != "Organization") {
    issues.push_back(ClaimsIssue(Severity::kError, "invalid", "claims.payer-not-organization",
                                 "the payer option is not an Organization resource; each EOB's insurer is used",
                                 "payer"));
    return nullptr;
  }
  const ProviderRef ref = providers.AddResource(payer, "payer-option|" + std::string(json::StringAt(payer, "id")),
                                                "payer", "", issues);
  if (!ref.produced.empty()) payer_refs.push_back(ref.produced);
  if (!ref.reference.is_null()) return ref.reference;
  if (!json::StringAt(payer, "id").empty()) return {{"reference", "Organization/" + std::string(json::StringAt(payer, "id"))}};
  return {{"display", json::StringAt(payer, "name").empty() ? "payer" : json::StringAt(payer, "name")}};
}

ClaimsResult Convert(const ClaimsInput& input, const ClaimsOptions& options, Issues issues) {
  ClaimsResult result;
  ProviderDirectory providers(input);
  std::vector<std::string> payer_refs;
  const nlohmann::json payer = PayerTransmitter(options, providers, payer_refs, issues);
  std::string receipt;
  if (!options.receipt.empty()) {
    receipt = ToInstant(options.receipt);
    if (receipt.empty()) {
      issues.push_back(ClaimsIssue(Severity::kError, "invalid", "claims.receipt-invalid",
                                   "the receipt option '" + options.receipt +
                                       "' is no date or dateTime of day precision; each EOB's receipt date is used",
                                   "receipt"));
    }
  }

  std::vector<nlohmann::json> clinical;
  std::vector<nlohmann::json> provenances;
  std::set<std::string> seen_ids;  // "Type/id": a claim given twice converts once (same ids)
  std::map<std::string, std::vector<const nlohmann::json*>> eobs_by_claim;  // "system|value" → EOBs seen
  result.figures.eobs_read = input.eobs().size();
  for (const EobSource& source : input.eobs()) {
    if (clinical.size() + providers.resources().size() >= options.limits.max_resources) {
      issues.push_back(ClaimsIssue(Severity::kWarning, "too-costly", "claims.too-many-resources",
                                   "more than " + std::to_string(options.limits.max_resources) +
                                       " resources produced; this and the later claims are not converted",
                                   source.where, source.source, source.line));
      break;
    }
    // The same claim id twice: the same EOB again is converted once (idempotent); a different EOB
    // reusing the id (the CARIN BB examples do) gets ids salted with its own id or position.
    std::string salt;
    if (const std::optional<ClaimId> claim_id = ClaimIdOf(*source.eob)) {
      std::vector<const nlohmann::json*>& seen = eobs_by_claim[claim_id->system + "|" + claim_id->value];
      bool same = false;
      for (const nlohmann::json* earlier : seen) same = same || *earlier == *source.eob;
      if (same) {
        issues.push_back(ClaimsIssue(Severity::kInformation, "duplicate", "claims.duplicate-eob",
                                     "the same ExplanationOfBenefit was given again; converted once", source.where,
                                     source.source, source.line));
        continue;
      }
      if (!seen.empty()) {
        const std::string_view id = json::StringAt(*source.eob, "id");
        salt = !id.empty() ? "eob|" + std::string(id) : "occurrence|" + std::to_string(seen.size());
        issues.push_back(ClaimsIssue(Severity::kInformation, "duplicate", "claims.claim-id-reused",
                                     "another ExplanationOfBenefit carries the same claim id " + claim_id->value +
                                         "; the resources of this one get ids of their own",
                                     source.where, source.source, source.line));
      }
      seen.push_back(source.eob);
    }
    MappedClaim claim = MapEob(source, input, providers, receipt, salt, issues);
    if (!claim.converted) continue;
    ++result.figures.eobs_converted;
    pdex_common::ProvenanceSpec spec;
    for (nlohmann::json& resource : claim.resources) {
      const std::string ref = resource["resourceType"].get<std::string>() + "/" + resource["id"].get<std::string>();
      spec.targets.push_back(ref);
      if (seen_ids.insert(ref).second) clinical.push_back(std::move(resource));
    }
    for (const std::string& ref : claim.provider_refs) spec.targets.push_back(ref);
    for (const std::string& ref : payer_refs) spec.targets.push_back(ref);
    spec.id = claim.id_salt.empty()
                  ? pdex_common::StableId("prov", {claim.claim_system, claim.claim_value, "claim-provenance"})
                  : pdex_common::StableId("prov", {claim.claim_system, claim.claim_value, claim.id_salt, "claim-provenance"});
    spec.recorded = claim.recorded;
    if (!claim.author.is_null()) spec.authors.push_back({claim.author, claim.author_on_behalf_of});
    spec.transmitter = !payer.is_null() ? payer : claim.insurer;
    spec.source_format = SourceFormatOf(claim.kind);
    spec.source_what = {{"identifier", {{"system", claim.claim_system}, {"value", claim.claim_value}}},
                        {"display", std::string("ExplanationOfBenefit (") + KindName(claim.kind) + " claim)"}};
    if (spec.authors.empty() && spec.transmitter.is_null()) {
      // pdex-provenance needs an agent; a claim with neither provider nor payer has no origin to state.
      spec.authors.push_back({{{"display", "unknown provider"}}, nullptr});
      issues.push_back(ClaimsIssue(Severity::kWarning, "incomplete", "claims.provenance-no-agent",
                                   "the claim names neither a provider nor an insurer and no payer was given; the "
                                   "Provenance author is 'unknown provider'",
                                   source.where, source.source, source.line));
    }
    if (seen_ids.insert("Provenance/" + spec.id).second) provenances.push_back(pdex_common::BuildPdexProvenance(spec));
  }

  nlohmann::json entries = nlohmann::json::array();
  std::string base = options.base;
  while (!base.empty() && base.back() == '/') base.pop_back();
  for (const nlohmann::json& provider : providers.resources()) entries.push_back(Entry(base, provider));
  for (nlohmann::json& resource : clinical) entries.push_back(Entry(base, std::move(resource)));
  for (nlohmann::json& provenance : provenances) entries.push_back(Entry(base, std::move(provenance)));
  result.figures.provenances = provenances.size();
  result.figures.resources = entries.size() - provenances.size();
  if (result.figures.eobs_read == 0) {
    issues.push_back(ClaimsIssue(Severity::kWarning, "not-found", "claims.no-eob",
                                 "the input holds no ExplanationOfBenefit; nothing to convert", ""));
  }
  issues.push_back(ClaimsIssue(Severity::kInformation, "informational", "claims.converted",
                               std::to_string(result.figures.eobs_converted) + " of " +
                                   std::to_string(result.figures.eobs_read) + " ExplanationOfBenefit converted into " +
                                   std::to_string(result.figures.resources) + " resources and " +
                                   std::to_string(result.figures.provenances) + " Provenance",
                               ""));
  result.bundle = {{"resourceType", "Bundle"}, {"type", "collection"}};
  if (!entries.empty()) result.bundle["entry"] = std::move(entries);  // R4 JSON: no empty arrays
  result.issues = std::move(issues);
  return result;
}

}  // namespace

ClaimsOptions ClaimsOptionsFromJson(const nlohmann::json& options, Issues& issues) {
  ClaimsOptions out;
  if (options.is_null()) return out;
  if (!options.is_object()) {
    issues.push_back(ClaimsIssue(Severity::kError, "invalid", "claims.options-invalid",
                                 "the options are not a JSON object; defaults used", "options"));
    return out;
  }
  for (const auto& [key, value] : options.items()) {
    if (key == "payer" && value.is_object()) {
      out.payer = value;
    } else if (key == "receipt" && value.is_string()) {
      out.receipt = value.get<std::string>();
    } else if (key == "base" && value.is_string()) {
      out.base = value.get<std::string>();
    } else {
      issues.push_back(ClaimsIssue(Severity::kError, "invalid", "claims.options-invalid",
                                   "unknown option or wrong type: '" + key +
                                       "' (payer: Organization object; receipt, base: strings); ignored",
                                   "options." + key));
    }
  }
  return out;
}

ClaimsResult ClaimsToClinical(const std::vector<ClaimsText>& inputs, const ClaimsOptions& options,
                              const json::JsonLimits& json_limits) {
  ClaimsInput input(options.limits);
  Issues issues;
  for (const ClaimsText& text : inputs) input.AddText(text.text, text.name, json_limits, issues);
  return Convert(input, options, std::move(issues));
}

ClaimsResult ClaimsToClinicalDocuments(const std::vector<const nlohmann::json*>& documents, const ClaimsOptions& options) {
  ClaimsInput input(options.limits);
  Issues issues;
  for (const nlohmann::json* document : documents) {
    if (document != nullptr) input.AddDocument(*document, "", 0, issues);
  }
  return Convert(input, options, std::move(issues));
}

}  // namespace pdex::claims
