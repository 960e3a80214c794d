// The working state of one snapshot generation: the snapshot element list being built (a copy of the
// base snapshot), indexed by element id, and the operations the differential needs on it: resolve a
// differential id to a snapshot element (unfolding datatypes, creating slices, renaming choice
// elements on the way), then merge.
// Internal to core/snapshot. Owned by one GenerateSnapshot call; not thread-safe.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/issue.h"
#include "snapshot/snapshot.h"

namespace pdex::snapshot {

class SnapshotBuilder {
 public:
  // `base_elements` is the base snapshot's element array, borrowed: it must outlive the builder.
  SnapshotBuilder(const nlohmann::json& base_elements, std::string profile_url, const StructureDefinitionLookup& lookup,
                  Issues& issues);

  // Renames the root (and every path under it) for a specialization: Base -> PASMetricData.
  void RenameRoot(const std::string& new_root);
  // A specialization's differential may introduce new elements (logical models,
  // http://hl7.org/fhir/R4/structuredefinition.html#logical).
  void set_specialization(bool value) { specialization_ = value; }

  // Applies one differential element. Returns false when it could not be placed (an issue was added).
  bool Apply(const nlohmann::json& diff);

  // Completes the snapshot once every differential element is applied (closing fully-sliced
  // renamed choices, dropping children Java does not keep under re-sliced datatype elements).
  void Finish();

  std::vector<nlohmann::json> TakeElements() { return std::move(elements_); }

 private:
  std::optional<std::size_t> Find(const std::string& id) const;
  void Reindex(bool base_too);
  bool HasChildren(std::size_t index) const;
  std::size_t GroupEnd(std::size_t index) const;
  bool Insert(std::size_t position, std::vector<nlohmann::json> elements);

  std::string IdFromPath(const nlohmann::json& diff);
  bool RenamesChoice(std::string_view choice, std::string_view concrete, std::string_view typed_path) const;
  bool PathMatches(std::string_view path, std::string_view element_path) const;
  // Resolves a differential id to a snapshot element index, unfolding and slicing as needed.
  std::optional<std::size_t> Resolve(const std::string& id, const nlohmann::json& diff);
  // Inserts the children of `index` from its type (or type profile, or contentReference).
  bool Unfold(std::size_t index, const std::string& location);
  bool UnfoldContentReference(std::size_t index, const std::string& reference, const std::string& location);
  // Creates slice `name` of the element at `sliced`; `choice_type` restricts a renamed choice slice.
  std::optional<std::size_t> CreateSlice(std::size_t sliced, const std::string& name, const std::string& choice_type,
                                         const std::string& location);
  // Finds `parent.base[x]` for a renamed choice segment (valueQuantity); sets `type_code`.
  std::optional<std::size_t> FindRenamedChoice(const std::string& parent_id, const std::string& name,
                                               std::string& type_code) const;
  void RestrictTypes(nlohmann::json& element, const std::set<std::string>& codes);
  void NoteChoiceRename(std::size_t choice, const nlohmann::json& diff, const std::string& type_code);
  void NoteChoiceSlice(std::size_t choice, const std::string& slice, const nlohmann::json& diff);
  static bool HasInlineChildren(const nlohmann::json& element);
  std::optional<std::size_t> AddNewElement(const std::string& parent_id, const std::string& id,
                                           const nlohmann::json& diff);

  void AddIssue(Severity severity, const char* issue_id, const std::string& text, const std::string& location);

  const nlohmann::json& Base(std::size_t i) const { return *base_[i]; }

  // The base snapshot's elements: borrowed from the caller's array (which outlives the builder), or
  // renamed copies in renamed_base_ for a specialization.
  std::vector<const nlohmann::json*> base_;
  std::deque<nlohmann::json> renamed_base_;
  std::string profile_url_;
  const StructureDefinitionLookup& lookup_;
  Issues& issues_;
  bool specialization_ = false;
  std::string base_root_;  // root id of the base snapshot, before any rename
  std::string root_;       // root id of the result
  std::vector<nlohmann::json> elements_;
  std::unordered_map<std::string, std::size_t> index_;          // result element id -> position
  std::unordered_map<std::string, std::size_t> base_index_;     // base_ element id -> position
  std::unordered_map<std::string, nlohmann::json> origin_;      // unfolded elements as first inserted
  std::map<std::string, std::set<std::string>> renamed_types_;  // choice id -> renamed type codes
  std::set<std::string> new_elements_;                          // added by a specialization
  std::vector<std::string> touched_;
  std::map<std::string, std::string> slice_context_;  // path -> id of the current slice (id-less diffs) // ids the
                                                      // differential constrained
};

}  // namespace pdex::snapshot
