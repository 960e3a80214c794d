#include "pdex/ingest/ingest.h"

#include "json/fields.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"
#include "pdex/common/provenance.h"
#include "pdex/common/resource_index.h"
#include "pdex/common/stable_id.h"
#include "pdex/ingest/patient_consistency.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <exception>
#include <map>
#include <set>
#include <unordered_map>

namespace pdex::pdex_ingest {
namespace {

using pdex_common::IndexedResource;

// Marks a reference the receiver cannot resolve between the rewrite and its removal; no FHIR reference
// contains a line feed.
constexpr const char* kUnresolved = "\n unresolved";

Issue Error(std::string id, std::string code, std::string diagnostics) {
  return Issue{.code = std::move(code), .id = std::move(id), .diagnostics = std::move(diagnostics)};
}

std::string TypeOf(const nlohmann::json& resource) { return std::string(json::StringAt(resource, "resourceType")); }

// R4 resource types without an `identifier` element among those a payer exchanges: their source id
// cannot be kept as an identifier (their deterministic new id still makes re-ingest idempotent).
bool HasIdentifierElement(const std::string& type) {
  return type != "Provenance" && type != "Binary" && type != "Bundle" && type != "Parameters" &&
         type != "OperationOutcome" && type != "AuditEvent" && type != "Linkage" && type != "Subscription";
}

bool IsNpiKeyed(const std::string& type) { return type == "Practitioner" || type == "Organization" || type == "Location"; }

std::string NowInstant() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// The received resources: every page's entries, deduplicated by sender Type/id (a page that arrives
// twice adds nothing), OperationOutcome entries (search.mode outcome) left aside.
struct Received {
  std::vector<IndexedResource> resources;
  std::unordered_map<std::string, std::size_t> by_key;
  std::unordered_map<std::string, std::string> key_by_full_url;
  // "Bundle/<id>" of each page → the sender keys it carried: a sender's transmitter Provenance targets
  // the Bundle, and the stored copy targets what the Bundle held (PDex example Bundle-1000000-2).
  std::map<std::string, std::vector<std::string>> bundles;
};

Received CollectReceived(const std::vector<nlohmann::json>& pages, Issues& issues) {
  Received out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<std::string>* bundle = nullptr;
    if (json::StringAt(pages[p], "resourceType") == "Bundle" && !json::StringAt(pages[p], "id").empty()) {
      bundle = &out.bundles["Bundle/" + std::string(json::StringAt(pages[p], "id"))];
    }
    for (IndexedResource& item : pdex_common::CollectResources(pages[p], "received[" + std::to_string(p) + "]", issues)) {
      if (TypeOf(item.resource) == "OperationOutcome") continue;
      if (bundle != nullptr) bundle->push_back(item.key);
      if (!item.full_url.empty()) out.key_by_full_url[item.full_url] = item.key;
      const auto [it, inserted] = out.by_key.emplace(item.key, out.resources.size());
      if (inserted) {
        out.resources.push_back(std::move(item));
      } else if (out.resources[it->second].resource != item.resource) {
        issues.push_back(Issue{.severity = Severity::kWarning, .code = "conflict", .id = "ingest.conflicting-copies",
                               .diagnostics = item.key + " arrived twice with different content; the later copy is stored"});
        out.resources[it->second] = std::move(item);
      }
    }
  }
  return out;
}

// The sender key a reference names, or "" (contained, or nothing received under that name).
std::string SenderKey(const Received& received, const std::string& reference) {
  if (const auto it = received.key_by_full_url.find(reference); it != received.key_by_full_url.end()) return it->second;
  const auto parts = pdex_common::ParseReference(reference);
  if (!parts || parts->contained || parts->urn) return {};
  std::string key = pdex_common::TypeAndId(*parts);
  if (received.by_key.count(key) != 0 || received.bundles.count(key) != 0) return key;
  return {};
}

// Where the resource lived at the sender, as a URI: its absolute fullUrl, else its Type/id.
std::string SourceUri(const IndexedResource& item) {
  const std::string& url = item.full_url;
  if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 || url.rfind("urn:uuid:", 0) == 0) return url;
  return item.key;
}

bool HasIdentifier(const nlohmann::json& resource, std::string_view system, std::string_view value) {
  const nlohmann::json* identifiers = json::ArrayAt(resource, "identifier");
  if (identifiers == nullptr) return false;
  for (const nlohmann::json& identifier : *identifiers) {
    if (json::StringAt(identifier, "system") == system && json::StringAt(identifier, "value") == value) return true;
  }
  return false;
}

void AddIdentifier(nlohmann::json& resource, const nlohmann::json& identifier) {
  if (HasIdentifier(resource, json::StringAt(identifier, "system"), json::StringAt(identifier, "value"))) return;
  if (!resource["identifier"].is_array()) resource["identifier"] = nlohmann::json::array();
  resource["identifier"].push_back(identifier);
}

nlohmann::json SourceIdentifier(const std::string& uri) {
  return {{"system", pdex_codes::kUriIdentifierSystem}, {"value", uri}};
}

// The receiver's record, indexed the ways received resources are mapped onto it.
struct ReceiverIndex {
  std::vector<IndexedResource> resources;
  std::unordered_map<std::string, std::size_t> by_key;
  std::map<std::pair<std::string, std::string>, std::string> by_npi;  // (type, NPI) → key
  std::unordered_map<std::string, std::string> by_source;             // source URI identifier → key
};

ReceiverIndex IndexReceiver(const nlohmann::json& record, Issues& issues) {
  ReceiverIndex out;
  out.resources = pdex_common::CollectResources(record, "receiver record", issues);
  for (std::size_t i = 0; i < out.resources.size(); ++i) {
    const IndexedResource& item = out.resources[i];
    out.by_key.emplace(item.key, i);
    const nlohmann::json* identifiers = json::ArrayAt(item.resource, "identifier");
    if (identifiers == nullptr) continue;
    const std::string_view npi = pdex_common::IdentifierValueBySystem(*identifiers, pdex_codes::kNpiSystem);
    if (!npi.empty()) out.by_npi.emplace(std::make_pair(TypeOf(item.resource), std::string(npi)), item.key);
    for (const nlohmann::json& identifier : *identifiers) {
      if (json::StringAt(identifier, "system") == pdex_codes::kUriIdentifierSystem) {
        out.by_source.emplace(std::string(json::StringAt(identifier, "value")), item.key);
      }
    }
  }
  return out;
}

}  // namespace

IngestResult IngestRelease(const std::vector<nlohmann::json>& pages, const nlohmann::json& receiver_record,
                           const IngestOptions& options, const pdex_common::ReleaseFilter& filter) {
  IngestResult result;
  Issues& issues = result.issues;
  try {
    ReceiverIndex receiver = IndexReceiver(receiver_record, issues);
    const auto target_it = receiver.by_key.find(options.patient);
    if (options.patient.rfind("Patient/", 0) != 0 || target_it == receiver.by_key.end()) {
      issues.push_back(Error("ingest.target-not-found", "not-found",
                             "the receiver's record holds no " + (options.patient.empty() ? std::string("target Patient") : options.patient)));
      return result;
    }
    const nlohmann::json& target = receiver.resources[target_it->second].resource;
    Received received = CollectReceived(pages, issues);

    // 1. The member: exactly one received Patient, consistent with the target.
    std::string sender_patient;
    for (const IndexedResource& item : received.resources) {
      if (TypeOf(item.resource) != "Patient") continue;
      if (!sender_patient.empty()) {
        issues.push_back(Error("ingest.several-patients", "multiple-matches",
                               "the received data holds more than one Patient; a release is about one member"));
        return result;
      }
      sender_patient = item.key;
    }
    if (sender_patient.empty()) {
      issues.push_back(Error("ingest.no-patient", "required", "the received data holds no Patient to match to the member"));
      return result;
    }
    const IndexedResource& received_patient = received.resources[received.by_key[sender_patient]];
    const std::vector<std::string> disagreements = PatientDisagreements(received_patient.resource, target);
    if (!disagreements.empty()) {
      std::string text = "the received Patient is not " + options.patient + ":";
      for (const std::string& line : disagreements) text += " " + line + ";";
      issues.push_back(Error("ingest.patient-mismatch", "business-rule", text + " nothing was stored"));
      return result;
    }

    // 2. The consent filter: what it does not return is never stored.
    std::set<std::string> withheld;
    if (filter) {
      std::vector<nlohmann::json> given;
      for (const IndexedResource& item : received.resources) given.push_back(item.resource);
      pdex_common::FilterResult filtered = filter(given);
      issues.insert(issues.end(), filtered.issues.begin(), filtered.issues.end());
      std::set<std::string> kept;
      for (nlohmann::json& resource : filtered.released) {
        const std::string key = pdex_common::ResourceKey(resource);
        const auto it = received.by_key.find(key);
        if (it == received.by_key.end()) continue;  // a filter cannot add data
        received.resources[it->second].resource = std::move(resource);
        kept.insert(key);
      }
      for (const IndexedResource& item : received.resources) {
        if (kept.count(item.key) == 0) withheld.insert(item.key);
      }
      if (withheld.count(sender_patient) != 0) {
        issues.push_back(Error("ingest.patient-withheld", "suppressed",
                               "the release filter withheld the Patient itself; nothing was stored"));
        return result;
      }
    }

    // 3. New ids: the Patient becomes the target; Practitioner/Organization/Location map by NPI to what the
    // receiver holds; a resource imported before maps by its source identifier; the rest get ids derived
    // from where they lived at the sender, so that the same pages always get the same ids.
    std::unordered_map<std::string, std::string> id_map{{sender_patient, options.patient}};
    int mapped_by_npi = 0, created_supporting = 0;
    for (const IndexedResource& item : received.resources) {
      if (item.key == sender_patient || withheld.count(item.key) != 0) continue;
      const std::string type = TypeOf(item.resource);
      const std::string uri = SourceUri(item);
      if (IsNpiKeyed(type)) {
        const nlohmann::json* identifiers = json::ArrayAt(item.resource, "identifier");
        const std::string_view npi =
            identifiers != nullptr ? pdex_common::IdentifierValueBySystem(*identifiers, pdex_codes::kNpiSystem) : "";
        const auto found = receiver.by_npi.find({type, std::string(npi)});
        if (!npi.empty() && found != receiver.by_npi.end()) {
          id_map[item.key] = found->second;
          ++mapped_by_npi;
          continue;
        }
        ++created_supporting;
      }
      const auto before = receiver.by_source.find(uri);
      id_map[item.key] = before != receiver.by_source.end() && before->second.rfind(type + "/", 0) == 0
                             ? before->second
                             : type + "/" + pdex_common::StableId("pdex", {uri});
    }

    // 4. The stored copies: new id, source id kept, every reference rewritten (contained resources
    // included), references to withheld data masked, Provenance.target narrowed and a Bundle target
    // spread over what that Bundle carried.
    int unresolved = 0, dropped_provenance = 0;
    std::vector<nlohmann::json> stored;
    for (const IndexedResource& item : received.resources) {
      if (item.key == sender_patient || withheld.count(item.key) != 0) continue;
      const std::string& new_key = id_map[item.key];
      if (receiver.by_key.count(new_key) != 0 && IsNpiKeyed(TypeOf(item.resource)) &&
          receiver.by_source.count(SourceUri(item)) == 0) {
        continue;  // mapped by NPI onto the receiver's own resource
      }
      nlohmann::json resource = item.resource;
      const std::string type = TypeOf(resource);
      resource["id"] = new_key.substr(type.size() + 1);
      if (nlohmann::json* meta = resource.contains("meta") && resource["meta"].is_object() ? &resource["meta"] : nullptr) {
        meta->erase("versionId");  // the receiver's server keeps its own versions and update times
        meta->erase("lastUpdated");
        if (meta->empty()) resource.erase("meta");
      }
      if (HasIdentifierElement(type)) AddIdentifier(resource, SourceIdentifier(SourceUri(item)));
      pdex_common::MaskReferences(resource, [&](const std::string& reference) {
        return withheld.count(SenderKey(received, reference)) != 0;
      });
      nlohmann::json provenance_targets;
      if (type == "Provenance") {
        nlohmann::json targets = nlohmann::json::array();
        std::set<std::string> seen;
        const auto add_target = [&](const std::string& key) {
          const auto mapped = id_map.find(key);
          if (mapped != id_map.end() && mapped->second != new_key && seen.insert(mapped->second).second) {
            targets.push_back({{"reference", mapped->second}});
          }
        };
        const nlohmann::json* held = json::ArrayAt(resource, "target");
        for (const nlohmann::json& held_target : held != nullptr ? *held : nlohmann::json::array()) {
          const std::string key = SenderKey(received, std::string(json::StringAt(held_target, "reference")));
          if (const auto bundle = received.bundles.find(key); bundle != received.bundles.end()) {
            for (const std::string& carried : bundle->second) add_target(carried);
          } else {
            add_target(key);
          }
        }
        if (targets.empty()) {
          ++dropped_provenance;
          continue;
        }
        resource.erase("target");  // already in the receiver's ids: kept out of the rewrite below
        provenance_targets = std::move(targets);
      }
      pdex_common::RewriteReferences(resource, [&](std::string& reference) {
        if (reference.empty() || reference[0] == '#') return;
        const auto mapped = id_map.find(SenderKey(received, reference));
        if (mapped != id_map.end()) {
          reference = mapped->second;
        } else if (reference != options.patient) {
          reference = kUnresolved;  // marked here, removed below: nothing at the receiver has that id
        }
      });
      unresolved += pdex_common::DropReferences(resource, [](const std::string& reference) { return reference == kUnresolved; });
      if (!provenance_targets.is_null()) resource["target"] = std::move(provenance_targets);
      stored.push_back(std::move(resource));
    }

    // 5. The member: the target Patient with the sender's identifiers added (§7.4 step 2).
    nlohmann::json patient = target;
    if (const nlohmann::json* identifiers = json::ArrayAt(received_patient.resource, "identifier")) {
      for (const nlohmann::json& identifier : *identifiers) {
        if (identifier.is_object() && !json::StringAt(identifier, "value").empty()) AddIdentifier(patient, identifier);
      }
    }
    AddIdentifier(patient, SourceIdentifier(SourceUri(received_patient)));
    std::vector<std::string> custody_targets{options.patient};
    for (const nlohmann::json& resource : stored) {
      if (TypeOf(resource) != "Provenance") custody_targets.push_back(pdex_common::ResourceKey(resource));
    }
    stored.push_back(std::move(patient));

    // 6. Our custodian Provenance, one per stored resource (reason RECORDMGT, activity APPEND, §3.3): its id
    // follows from the resource's, so pages split differently or sent again give the same Provenances.
    nlohmann::json custodian = options.receiver.is_object() ? options.receiver : nlohmann::json{{"display", "Receiving health plan"}};
    if (!options.receiver.is_object()) {
      issues.push_back(Issue{.severity = Severity::kWarning, .code = "incomplete", .id = "ingest.receiver-missing",
                             .diagnostics = "no receiver Reference given: custodian Provenances name it by display only"});
    }
    const std::string now = options.recorded.empty() ? NowInstant() : options.recorded;
    for (const std::string& key : custody_targets) {
      pdex_common::ProvenanceSpec spec;
      spec.id = pdex_common::StableId("pdex-custody", {key});
      spec.targets = {key};
      const auto held = receiver.by_key.find("Provenance/" + spec.id);
      const std::string_view held_recorded =
          held != receiver.by_key.end() ? json::StringAt(receiver.resources[held->second].resource, "recorded") : "";
      spec.recorded = held_recorded.empty() ? now : std::string(held_recorded);
      spec.custodian = custodian;
      spec.source_format = "hl7fhirr4";  // it came from the other payer as FHIR R4
      spec.reason_system = pdex_codes::kV3ActReason;
      spec.reason_code = "RECORDMGT";
      spec.reason_display = "records management";
      spec.activity_system = pdex_codes::kV3DataOperation;
      spec.activity_code = "APPEND";
      spec.activity_display = "append";
      stored.push_back(pdex_common::BuildPdexProvenance(spec));
    }

    // 7. The transaction: PUT what is new or changed; what the receiver already holds as is stays out. In
    // one order (the Patient, other data by Type/id, then Provenance), whatever order the pages came in.
    std::sort(stored.begin(), stored.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
      const auto rank = [](const nlohmann::json& r) { return TypeOf(r) == "Patient" ? 0 : TypeOf(r) == "Provenance" ? 2 : 1; };
      return std::make_pair(rank(a), pdex_common::ResourceKey(a)) < std::make_pair(rank(b), pdex_common::ResourceKey(b));
    });
    nlohmann::json entries = nlohmann::json::array();
    int unchanged = 0;
    for (nlohmann::json& resource : stored) {
      const std::string key = pdex_common::ResourceKey(resource);
      const auto held = receiver.by_key.find(key);
      if (held != receiver.by_key.end() && receiver.resources[held->second].resource == resource) {
        ++unchanged;
        continue;
      }
      nlohmann::json entry = nlohmann::json::object();
      if (!options.base.empty()) entry["fullUrl"] = options.base + "/" + key;
      entry["resource"] = std::move(resource);
      entry["request"] = {{"method", "PUT"}, {"url", key}};
      entries.push_back(std::move(entry));
    }
    result.transaction = {{"resourceType", "Bundle"}, {"type", "transaction"}};
    const std::size_t upserted = entries.size();
    if (!entries.empty()) result.transaction["entry"] = std::move(entries);

    nlohmann::json id_map_json = nlohmann::json::object();
    for (const IndexedResource& item : received.resources) {
      if (const auto it = id_map.find(item.key); it != id_map.end()) id_map_json[SourceUri(item)] = it->second;
    }
    result.report = {{"patient", options.patient},
                     {"received", received.resources.size()},
                     {"withheld", withheld.size()},
                     {"mappedByNpi", mapped_by_npi},
                     {"createdSupporting", created_supporting},
                     {"droppedProvenance", dropped_provenance},
                     {"unresolvedReferences", unresolved},
                     {"upserted", upserted},
                     {"unchanged", unchanged},
                     {"idMap", std::move(id_map_json)}};
  } catch (const std::exception& e) {
    issues.push_back(Issue{.severity = Severity::kFatal, .code = "exception", .id = "ingest.internal",
                           .diagnostics = std::string("internal error: ") + e.what()});
    result.transaction = nullptr;
  }
  return result;
}

}  // namespace pdex::pdex_ingest
