// SnapshotResolver: a set of StructureDefinitions by canonical URL that hands out definitions WITH a
// snapshot, generating missing snapshots on first use (recursively along baseDefinition and type
// profiles) and caching them. Detects circular base chains (snapshot.circular-base).
//
// Ownership: definitions added with AddOwned are copied in; those added with AddBorrowed must
// outlive the resolver. Returned pointers stay valid for the resolver's lifetime.
// Thread-safety: not thread-safe (Find mutates the cache); use one per thread.
#pragma once

#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/issue.h"
#include "snapshot/snapshot.h"

namespace pdex::snapshot {

class SnapshotResolver {
 public:
  // Adds one StructureDefinition (other resources are ignored). A definition without a snapshot
  // gets one generated when first found. Later additions of the same url|version win.
  void AddOwned(nlohmann::json definition);
  void AddBorrowed(const nlohmann::json* definition);
  // Adds every StructureDefinition in a Bundle's entry[].resource (borrowed: `bundle` must outlive us).
  void AddBundleBorrowed(const nlohmann::json& bundle);

  // The definition with a snapshot for `canonical` ("url" or "url|version"), or nullptr when unknown
  // or when no snapshot could be generated. A snapshot generated with errors is still returned
  // (best effort); its issues are in issues() / IssuesFor(url).
  const nlohmann::json* Find(std::string_view canonical);

  // A lookup bound to this resolver, for GenerateSnapshot.
  StructureDefinitionLookup AsLookup();

  // Issues of every generation done so far (expressions name the element or profile).
  const Issues& issues() const { return issues_; }
  // Issues of the generation of one url (empty when none was needed).
  const Issues* IssuesFor(const std::string& url) const;

 private:
  struct Entry {
    const nlohmann::json* source = nullptr;  // the definition as added
    const nlohmann::json* ready = nullptr;   // with snapshot (source, or generated_); null until done
    bool failed = false;
  };
  Entry* Select(std::string_view canonical);
  void Register(const nlohmann::json* definition);

  std::deque<nlohmann::json> owned_;      // stable addresses
  std::deque<nlohmann::json> generated_;  // stable addresses
  std::map<std::string, std::vector<Entry>, std::less<>> by_url_;
  std::set<std::string, std::less<>> in_progress_;
  std::map<std::string, Issues> issues_by_url_;
  Issues issues_;
  int chain_limit_hits_ = 0;
};

}  // namespace pdex::snapshot
