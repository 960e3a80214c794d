#include "validation/validator.h"

#include "snapshot/resolver.h"
#include "validation/element_index.h"
#include "validation/walker.h"
#include "json/fields.h"

#include <algorithm>
#include <exception>
#include <set>
#include <tuple>

namespace pdex::validation {

Validator::Validator(const package::Registry& registry, const terminology::TerminologyService& terminology,
                     const model::LazyTypeModel* type_model)
    : registry_(registry), terminology_(terminology), type_model_(type_model) {
  if (type_model_ == nullptr) {
    own_type_model_ = std::make_unique<model::LazyTypeModel>([&registry] { return registry.All("StructureDefinition"); });
    type_model_ = own_type_model_.get();
  }
}

Validator::~Validator() = default;

const ElementIndex* Validator::IndexForDefinition(const nlohmann::json& structure_definition) const {
  auto it = indexes_.find(&structure_definition);
  if (it == indexes_.end()) {
    auto index = std::make_unique<ElementIndex>(structure_definition);
    it = indexes_.emplace(&structure_definition, std::move(index)).first;
  }
  return it->second->ok() ? it->second.get() : nullptr;
}

const ElementIndex* Validator::IndexFor(std::string_view canonical, const SnapshotGenerator& generator,
                                        std::string& problem) const {
  const nlohmann::json* sd = registry_.FindStructureDefinition(canonical);
  if (sd == nullptr) {
    problem = "no loaded package defines it";
    return nullptr;
  }
  if (const ElementIndex* index = IndexForDefinition(*sd)) return index;
  if (!generator) {
    // Differential only: core/snapshot generates it (and any differential-only base) on first use.
    const nlohmann::json* generated = Resolver().Find(canonical);
    const std::string url = sd->value("url", std::string());
    if (const Issues* issues = resolver_->IssuesFor(url); issues != nullptr && HasErrors(*issues)) {
      for (const Issue& issue : *issues) {
        if (issue.severity == Severity::kError || issue.severity == Severity::kFatal) {
          problem = "snapshot generation failed: " + issue.diagnostics;
          break;
        }
      }
      return nullptr;
    }
    if (generated == nullptr) {
      problem = "snapshot generation failed for this differential-only profile";
      return nullptr;
    }
    const ElementIndex* index = IndexForDefinition(*generated);
    if (index == nullptr) problem = "the generated snapshot is empty";
    return index;
  }
  // Differential only: ask the caller's snapshot generator, once per definition.
  const std::string key(canonical);
  auto generated = generated_snapshots_.find(key);
  if (generated == generated_snapshots_.end()) {
    std::unique_ptr<nlohmann::json> result;
    if (generator) {
      try {
        if (std::optional<nlohmann::json> snapshot = generator(*sd)) result = std::make_unique<nlohmann::json>(std::move(*snapshot));
      } catch (const std::exception&) {
        result.reset();
      }
    }
    generated = generated_snapshots_.emplace(key, std::move(result)).first;
  }
  if (generated->second == nullptr) {
    problem = generator ? "snapshot generation failed for this differential-only profile"
                        : "the StructureDefinition has no snapshot (snapshot generation not available)";
    return nullptr;
  }
  const ElementIndex* index = IndexForDefinition(*generated->second);
  if (index == nullptr) problem = "the generated snapshot is empty";
  return index;
}

snapshot::SnapshotResolver& Validator::Resolver() const {
  if (resolver_ == nullptr) {
    resolver_ = std::make_unique<snapshot::SnapshotResolver>();
    for (const nlohmann::json* definition : registry_.All("StructureDefinition")) resolver_->AddBorrowed(definition);
  }
  return *resolver_;
}

snapshot::SnapshotResult Validator::GenerateSnapshot(const nlohmann::json& structure_definition) const {
  return snapshot::GenerateSnapshot(structure_definition, Resolver().AsLookup());
}

const Validator::TypeEntry& Validator::Type(std::string_view type) const {
  auto it = types_.find(type);
  if (it == types_.end()) {
    const nlohmann::json* definition = registry_.FindTypeDefinition(type);
    bool resource = false;
    if (definition != nullptr && definition->is_object()) {
      const auto kind = definition->find("kind");
      resource = kind != definition->end() && kind->is_string() && kind->get_ref<const std::string&>() == "resource";
    }
    it = types_.emplace(std::string(type), TypeEntry{definition, resource}).first;
  }
  return it->second;
}

const nlohmann::json* Validator::TypeDefinition(std::string_view type) const { return Type(type).definition; }

bool Validator::IsResourceType(std::string_view type) const { return Type(type).resource; }

const FhirPathInvariants& Validator::invariants() const {
  if (invariants_ == nullptr) invariants_ = std::make_unique<FhirPathInvariants>(type_model(), terminology_);
  return *invariants_;
}

const std::vector<Validator::GlobalProfile>& Validator::GlobalProfiles() const {
  if (!global_profiles_) {
    global_profiles_.emplace();
    auto text = [](const nlohmann::json& object, const char* key) { return std::string(json::StringAt(object, key)); };
    for (const nlohmann::json* guide : registry_.All("ImplementationGuide")) {
      const auto globals = guide->find("global");
      if (globals == guide->end() || !globals->is_array()) continue;
      for (const nlohmann::json& global : *globals) {
        if (!global.is_object()) continue;
        GlobalProfile entry{text(global, "type"), text(global, "profile"), text(*guide, "url")};
        if (!entry.type.empty() && !entry.profile.empty()) global_profiles_->push_back(std::move(entry));
      }
    }
  }
  return *global_profiles_;
}

Issues Validator::Validate(const nlohmann::json& resource, const ValidatorOptions& options) const {
  Issues issues;
  try {
    internal::Walker walker(*this, options, issues);
    walker.ValidateResource(resource, nullptr, true);
  } catch (const std::exception& e) {  // nlohmann misuse or bad_alloc: report, never throw
    issues.push_back(Issue{.severity = Severity::kFatal, .code = "exception", .id = "validator.internal",
                           .diagnostics = std::string("internal error while validating: ") + e.what()});
  }
  // The base definition and each profile re-check shared rules; report each finding once.
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::erase_if(issues, [&](const Issue& issue) {
    return !seen.emplace(issue.id, issue.expression, issue.diagnostics).second;
  });
  return issues;
}

}  // namespace pdex::validation
