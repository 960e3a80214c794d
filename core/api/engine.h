// The facade over the core that everything outside core/ uses: the `pdex` CLI and the Embind
// bindings in wasm/. Inputs are JSON text, results are FHIR JSON (OperationOutcome, ...), so the
// bindings stay a thin layer of string conversions.
//
// Never throws: every failure, of the data or of our own code, comes back as an OperationOutcome.
// An Engine is not thread-safe; use one per thread (in the browser, one per Web Worker).
#pragma once

#include "common/issue.h"
#include "json/parse.h"
#include "pdex/common/release_filter.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::fhirpath {
class CompiledExpression;
}
namespace pdex::model {
class LazyTypeModel;
}
namespace pdex::package {
class Registry;
}
namespace pdex::terminology {
class TerminologyService;
}
namespace pdex::validation {
class Validator;
}
namespace pdex::member_match {
class MemberIndex;
}

namespace pdex::api {

class CompiledFhirPath;  // api/prepared.h
class ParsedResource;

// What markdown holding raw HTML tags gets (ValidatorOptions::markdown_html).
enum class MarkdownHtml { kIgnore, kWarning, kError };

struct ValidateOptions {
  // Canonical URLs of profiles to validate against, in addition to the resource's meta.profile.
  std::vector<std::string> profiles;
  // Skip `//` and `/* */` comments in the resource text (hand-written test data; FHIR JSON has none).
  bool allow_comments = false;
  // Report absent must-support elements of the applied profiles (ValidatorOptions::report_must_support).
  bool report_must_support = false;
  // The HL7 validator's switches, passed to ValidatorOptions (core/validation/validator.h says what
  // each checks): -display-issues-are-warnings, -security-checks, markdown with HTML (its
  // noHtmlInMarkdown = kError), validateContains (false = IGNORE), validateReference CHECK_EXISTS.
  bool display_issues_are_warnings = false;
  bool security_checks = false;
  MarkdownHtml markdown_html = MarkdownHtml::kWarning;
  bool validate_contained = true;
  bool check_references_exist = false;
};

// ---- $member-match (HRex; core/pdex/member_match, api/engine_member_match.cpp) ----
// The consent decision for a unique match, made by core/pdex/consent (wired by the caller).
struct MemberMatchConsent {
  bool honoured = true;
  Issues issues;  // why not: added to the consent-constraint OperationOutcome
};
struct MemberMatchOptions {
  // "1.0" (HRex 1.0.0 / PDex 2.0.0: MemberIdentifier typed v2-0203#MB, Consent required) or "1.1"
  // (HRex 1.1.0 / PDex 2.1: hrex-temp#UMB plus MemberId, Consent optional).
  std::string hrex = "1.0";
  bool explain = false;  // fill *explanation (see MemberMatch)
  // Called once for a unique match with the request's Consent (null when it has none) and the
  // payer's Patient.id; unset: every consent is honoured.
  using ConsentCheck = std::function<MemberMatchConsent(const nlohmann::json* consent, const std::string& matched_patient_id)>;
  ConsentCheck consent;
};
// The consent check of a $member-match server (text API, CLI, sandbox): evaluates the request's Consent
// with core/pdex/consent in `context_json` (the context object EvaluateConsent takes: now, payer,
// requester). A request without a Consent passes (HRex 1.1 makes it optional; for 1.0 the request's
// validation already requires one); a context with errors refuses every consent and says why; a
// refusal carries the consent's error issues.
MemberMatchOptions::ConsentCheck EvaluatingConsentIn(const nlohmann::json& context_json);

class Engine {
 public:
  explicit Engine(json::JsonLimits limits = {});
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  // Validates one FHIR JSON resource (or Bundle) given as text. Returns an OperationOutcome with at
  // least one issue: the findings, or a single information issue when there are none.
  // Without loaded definitions only JSON well-formedness and resourceType are checked; once the
  // definitions pack is loaded, the resource is validated against base R4, its meta.profile and
  // `options.profiles` (core/validation/validator.h).
  nlohmann::json Validate(std::string_view resource_text, const ValidateOptions& options = {}) const;
  // The same OperationOutcome as compact JSON text (json::Serialize(Validate(...)), byte for byte),
  // written without building the JSON tree: what the WebAssembly binding returns.
  std::string ValidateToText(std::string_view resource_text, const ValidateOptions& options = {}) const;

  // Loading conformance resources (api/engine_registry.cpp). Each returns an OperationOutcome: the load problems, or one
  // information issue saying what was loaded. Never throws.
  // The R4 definitions pack (text of r4-core.pack.json, built by scripts/build-definitions-pack.mjs).
  nlohmann::json LoadDefinitions(std::string_view pack_text);
  // A FHIR NPM package as an uncompressed tar (gunzip .tgz first), package/*.json.
  nlohmann::json LoadPackageTar(std::string_view tar_bytes, std::string_view name);
  // One conformance resource or a Bundle of them, as JSON text.
  nlohmann::json LoadResources(std::string_view json_text, std::string_view name);
  // A path on the (native or Emscripten) filesystem: folder, .tar, pack or resource/Bundle JSON;
  // natively also a .tgz (gunzipped with zlib; in WASM the JS side gunzips and calls LoadPackageTar).
  nlohmann::json LoadPath(const std::string& path);
  // Where the build put the definitions pack (absolute path in the build tree), for the CLI.
  static std::string DefaultDefinitionsPath();

  // FHIRPath (core/fhirpath, api/engine_fhirpath.cpp). The answer is the compact JSON text of
  // {"result": [...]} in the form of fhirpath::ToJson, or {"error": {"kind": "syntax"|"semantic"|"execution", "message", "position"}}.
  // Element types come from the loaded definitions (inferred from the JSON without them).
  // `resource_text` "{}" (or empty) evaluates with no context; `variables` maps %name to a JSON value
  // or an array of them.
  std::string EvaluateFhirPath(std::string_view expression, std::string_view resource_text,
                               const nlohmann::json& variables = nlohmann::json::object()) const;
  // The same over an expression compiled once and a resource parsed once (for repeated evaluation).
  std::string EvaluateFhirPath(const fhirpath::CompiledExpression& expression, const nlohmann::json& resource,
                               const nlohmann::json& variables = nlohmann::json::object()) const;
  // The same over prepared inputs (api/prepared.h); an expression that did not compile or a resource
  // that did not parse gives the {"error": ...} answer.
  std::string EvaluateCompiled(const CompiledFhirPath& expression, const ParsedResource& resource) const;

  // --- Consent decisions and sensitive-data segmentation (core/pdex/consent, core/pdex/segmentation;
  // api/engine_consent.cpp; docs/segmentation.md) ---
  // `context_json` (text; "" = {}): {"now": FHIR instant (default: the clock), "payer": ID or [ID...]
  // (this payer), "requester": ID or [ID...] (the requesting payer), "member": "Patient/1" (the matched
  // member as the consent names it)}; an ID is "system|value", "Type/id", a bare NPI, {"system","value"}
  // or {"reference"}. Absent parties/member are not checked (warning issues).
  //
  // Evaluates an HRex Consent for a release. Returns {"permitted": bool, "policy": "regular"|"sensitive"|"none",
  // "issue": [OperationOutcome.issue...]} (issues: why not permitted, and warnings). Malformed consent or
  // context text → permitted false with the issue naming what and where.
  nlohmann::json EvaluateConsent(std::string_view consent_text, std::string_view context_json = {}) const;
  // Segments a member's Bundle for release under the consent. Returns
  //   {"bundle": Bundle, "report": Report}                 when something may be released, or
  //   {"outcome": OperationOutcome, "report": Report}      when nothing may (consent not permitted, a
  //                                                        #regular consent this payer cannot honour for
  //                                                        content it cannot classify, malformed input).
  // The Bundle keeps the input's type and the released entries' fullUrl and ids; redacted resources
  // carry meta.security v3-ObservationValue#REDACTED. Report: counts per rule and category, never data
  // (segmentation::SegmentResult::report).
  nlohmann::json Segment(std::string_view bundle_text, std::string_view consent_text,
                         std::string_view context_json = {}) const;
  // The release seam (pdex_common::ReleaseFilter) for AssembleRelease and IngestRelease under a
  // consent: `consent_release_json` is {"consent": Consent resource, "context": the context above}.
  // Empty text gives no filter (everything released). A consent that is not permitted, or text that is
  // not such an object, gives a filter that releases nothing and says why (error issues), so the
  // release answers with an OperationOutcome. Otherwise segmentation::ReleaseFilterFor(decision).
  pdex_common::ReleaseFilter ConsentReleaseFilter(std::string_view consent_release_json) const;
  // --- PDex release assembly and ingest (core/pdex/release, core/pdex/ingest; api/engine_release.cpp) ---
  // Patient/$everything over a member's record. `record_text`: a Bundle (any type) or JSON array of every
  // resource the payer holds for the member. `query_json`: {"base": "https://payer/fhir" (required),
  // "patient"?: id, "_type"?: "A,B", "_since"?: instant, "start"?: date, "end"?: date, "_count"?: n (≤ 1000),
  // "_offset"?: n | "page"?: K (1-based), "payer"?: Reference (transmitter of added Provenances),
  // "recorded"?: instant}. Returns the searchset page (a Bundle; warnings ride in an OperationOutcome
  // entry with search.mode "outcome"), or an OperationOutcome when nothing can be released (bad JSON,
  // no such member, bad query). `filter` is the consent/segmentation seam (empty: release everything).
  nlohmann::json AssembleRelease(std::string_view record_text, std::string_view query_json,
                                 const pdex_common::ReleaseFilter& filter = {}) const;
  // Ingest another payer's release into this payer's record. `received_text`: one Bundle (searchset page,
  // collection, transaction-response) or a JSON array of such pages. `receiver_record_text`: what the
  // receiver holds (Bundle or array; must contain the target Patient). `options_json`: {"patient":
  // "Patient/ID" (required), "receiver"?: Reference (custodian), "recorded"?: instant, "base"?: URL}.
  // Returns {"transaction": Bundle (type transaction, PUT entries of what is new or changed),
  // "report": {patient, received, withheld, mappedByNpi, createdSupporting, droppedProvenance,
  // unresolvedReferences, upserted, unchanged, idMap}, "outcome": OperationOutcome}, or an
  // OperationOutcome alone when the ingest is refused (mismatched Patient, bad input).
  nlohmann::json IngestRelease(std::string_view received_text, std::string_view receiver_record_text,
                               std::string_view options_json, const pdex_common::ReleaseFilter& filter = {}) const;
  // ---- $member-match (HRex; core/pdex/member_match, api/engine_member_match.cpp) ----
  // Adds the payer's Patients and Coverages to the member index kept in the Engine (`replace`: start
  // a new index). `text`: a Bundle, one resource, or NDJSON (one resource per line). Returns an
  // OperationOutcome: an information issue member-match.index-loaded with the counts, plus a warning
  // for Coverages whose beneficiary is not loaded, or errors for text/lines that do not parse.
  nlohmann::json LoadMemberIndex(std::string_view text, std::string_view name, bool replace = false);
  // Members in the index.
  std::size_t MemberIndexSize() const;
  // HRex $member-match over the member index. `request_text`: the hrex-parameters-member-match-in
  // Parameters. Validated first (with the definitions loaded, against the input profile for HRex 1.0
  // with references checked; always our own checks: parameters, local Patient references to
  // MemberPatient, an id on CoverageToMatch). Returns:
  //   a match        -> Parameters (hrex-parameters-member-match-out): MemberIdentifier (+ MemberId for 1.1);
  //   otherwise      -> OperationOutcome (HTTP 422), issue[0].code and issue[0].details.coding
  //                     (http://hl7.org/fhir/us/davinci-pdex/CodeSystem/PdexMultiMemberMatchResultCS) say which:
  //                     invalid request: invalid|structure|required, no coding; no match: not-found + nomatch;
  //                     several: multiple-matches + nomatch; consent refused: business-rule + consentconstraint.
  // With options.explain and `explanation` set, *explanation receives the decision as JSON
  // ({decision, rule, score, thresholds, fields[{field, result, weight}], memberId} for a match;
  // only {decision, reason, requestSupplied} otherwise: nothing about members that did not match).
  nlohmann::json MemberMatch(std::string_view request_text, const MemberMatchOptions& options = {},
                             nlohmann::json* explanation = nullptr) const;

  // The loaded StructureDefinitions (api/engine_registry.cpp, with the loaders), sorted by url: [{url, version, name, title, type, kind,
  // derivation, baseDefinition}] (fields absent from a definition are omitted).
  nlohmann::json ListProfiles() const;

  // ---- Claims → clinical (issue #13 §3; core/pdex/claims, api/engine_claims.cpp) ----
  // Converts CARIN BB ExplanationOfBenefit resources into US Core 3.1.1 / PDex 2.0.0 clinical resources
  // (Encounter, Condition, Procedure, CareTeam, MedicationDispense, Practitioner/Organization/Location by
  // NPI), each the target of a PDex Provenance (one per claim). Mapping: docs/claims-to-clinical.md.
  //   input_text: an ExplanationOfBenefit, a Bundle of EOBs and the resources they reference, or NDJSON.
  //   options_json: "" or {"payer": Organization (Provenance transmitter; default each EOB's insurer),
  //                 "receipt": date/instant (Provenance.recorded; default EOB.created, else
  //                 meta.lastUpdated), "base": FHIR base of the entries' fullUrl}.
  // Returns a Parameters resource: parameter "return" (resource: the `collection` Bundle) and parameter
  // "outcome" (resource: OperationOutcome of what was skipped and why, always with at least the
  // information issue claims.converted). When the input is unusable (not JSON, no resource) or the
  // options are not JSON, returns that OperationOutcome alone (error issues). Never throws.
  nlohmann::json ClaimsToClinical(std::string_view input_text, std::string_view options_json = "") const;

  // True once LoadDefinitions succeeded (base R4 StructureDefinitions are available).
  bool has_definitions() const { return has_definitions_; }
  const json::JsonLimits& limits() const { return limits_; }

 private:
  void ResetValidator();
  // The issues of Validate (never empty).
  Issues ValidationIssues(std::string_view resource_text, const ValidateOptions& options) const;
  // Runs `load` (which adds to the registry), then refreshes the validator's caches; the outcome
  // holds the load's issues or one information issue saying how many resources `what` added.
  nlohmann::json Load(const std::string& what, const std::function<Issues()>& load);

  json::JsonLimits limits_;
  std::unique_ptr<package::Registry> registry_;
  std::unique_ptr<terminology::TerminologyService> terminology_;
  // The type model of the registry's definitions, built on first use, shared by FHIRPath and the validator.
  std::unique_ptr<model::LazyTypeModel> type_model_;
  std::unique_ptr<validation::Validator> validator_;
  // Whether the registry holds the base Resource definition: decided once per load (ResetValidator),
  // since every validation and FHIRPath evaluation asks.
  bool has_definitions_ = false;
  // $member-match's member index (shared_ptr: its type stays incomplete here and in engine.cpp).
  std::shared_ptr<member_match::MemberIndex> member_index_;
};

}  // namespace pdex::api
