#include "snapshot/resolver.h"

#include <utility>

#include "snapshot/element_id.h"

namespace pdex::snapshot {
namespace {

bool HasSnapshot(const nlohmann::json& definition) {
  auto snapshot = definition.find("snapshot");
  if (snapshot == definition.end() || !snapshot->is_object()) return false;
  auto elements = snapshot->find("element");
  return elements != snapshot->end() && elements->is_array() && !elements->empty();
}

}  // namespace

void SnapshotResolver::AddOwned(nlohmann::json definition) {
  owned_.push_back(std::move(definition));
  Register(&owned_.back());
}

void SnapshotResolver::AddBorrowed(const nlohmann::json* definition) { Register(definition); }

void SnapshotResolver::AddBundleBorrowed(const nlohmann::json& bundle) {
  auto entries = bundle.find("entry");
  if (!bundle.is_object() || entries == bundle.end() || !entries->is_array()) return;
  for (const auto& entry : *entries) {
    auto resource = entry.find("resource");
    if (entry.is_object() && resource != entry.end()) Register(&*resource);
  }
}

void SnapshotResolver::Register(const nlohmann::json* definition) {
  if (definition == nullptr || !definition->is_object()) return;
  if (StringMember(*definition, "resourceType") != "StructureDefinition") return;
  std::string url = StringMember(*definition, "url");
  if (url.empty()) return;
  Entry entry;
  entry.source = definition;
  if (HasSnapshot(*definition)) entry.ready = definition;
  by_url_[url].push_back(entry);
}

SnapshotResolver::Entry* SnapshotResolver::Select(std::string_view canonical) {
  std::string_view url = canonical.substr(0, canonical.find('|'));
  std::string_view version;
  if (url.size() < canonical.size()) version = canonical.substr(url.size() + 1);
  auto it = by_url_.find(url);
  if (it == by_url_.end() || it->second.empty()) return nullptr;
  if (!version.empty()) {
    for (auto entry = it->second.rbegin(); entry != it->second.rend(); ++entry) {
      if (StringMember(*entry->source, "version") == version) return &*entry;
    }
  }
  return &it->second.back();  // unversioned (or unknown version): the latest added
}

const nlohmann::json* SnapshotResolver::Find(std::string_view canonical) {
  Entry* entry = Select(canonical);
  if (entry == nullptr) return nullptr;
  if (entry->ready != nullptr) return entry->ready;
  if (entry->failed) return nullptr;
  std::string url = StringMember(*entry->source, "url");
  if (in_progress_.count(url) != 0) {
    Issue issue;
    issue.severity = Severity::kError;
    issue.code = "structure";
    issue.id = "snapshot.circular-base";
    issue.diagnostics = "circular chain of base definitions / type profiles through " + url;
    issue.expression = url;
    issues_.push_back(issue);
    issues_by_url_[url].push_back(issue);
    return nullptr;
  }
  if (in_progress_.size() >= kMaxBaseChain) {
    Issue issue;
    issue.severity = Severity::kError;
    issue.code = "too-costly";
    issue.id = "snapshot.chain-too-long";
    issue.diagnostics = "more than " + std::to_string(kMaxBaseChain) + " nested snapshot generations at " + url;
    issue.expression = url;
    issues_.push_back(issue);
    issues_by_url_[url].push_back(issue);
    ++chain_limit_hits_;
    return nullptr;
  }
  in_progress_.insert(url);
  const int chain_limit_hits = chain_limit_hits_;
  const nlohmann::json* source = entry->source;
  SnapshotResult result = GenerateSnapshot(*source, AsLookup());
  in_progress_.erase(url);
  // Recursion may have added entries (vector growth): select again rather than reuse `entry`.
  entry = Select(canonical);
  Issues& mine = issues_by_url_[url];
  mine.insert(mine.end(), result.issues.begin(), result.issues.end());
  issues_.insert(issues_.end(), result.issues.begin(), result.issues.end());
  // A best-effort snapshot (with errors reported) is still served, so one bad differential element
  // does not make every derived profile unresolvable; only a missing snapshot fails.
  // A failure caused by the chain limit depends on where the lookup started: not cached.
  if (entry == nullptr || !HasSnapshot(result.structure_definition)) {
    if (entry != nullptr && chain_limit_hits == chain_limit_hits_) entry->failed = true;
    return nullptr;
  }
  generated_.push_back(std::move(result.structure_definition));
  entry->ready = &generated_.back();
  return entry->ready;
}

StructureDefinitionLookup SnapshotResolver::AsLookup() {
  return [this](std::string_view canonical) { return Find(canonical); };
}

const Issues* SnapshotResolver::IssuesFor(const std::string& url) const {
  auto it = issues_by_url_.find(url);
  return it == issues_by_url_.end() ? nullptr : &it->second;
}

}  // namespace pdex::snapshot
