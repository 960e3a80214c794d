// Small hand-made StructureDefinitions for the snapshot unit tests: a resource "Thing" with a
// datatype element, a choice, a backbone element with a contentReference, and the datatypes it
// uses, so each generation rule can be checked on a few elements.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "snapshot/resolver.h"
#include "snapshot/snapshot.h"

namespace pdex::snapshot::testing {

// An element: id, min, max and type codes; the path is the id without slice names.
nlohmann::json Element(const std::string& id, int min, const std::string& max,
                       std::initializer_list<const char*> types = {});

// A StructureDefinition with a snapshot (for bases) or only a differential (for profiles).
nlohmann::json Definition(const std::string& url, const std::string& type, const std::string& base,
                          std::vector<nlohmann::json> elements, bool snapshot);

// The base world: Thing, Identifier, Extension, Coding, an extension profile and an Identifier profile.
void AddBaseDefinitions(SnapshotResolver& resolver);

// Ids of a generated snapshot, in order.
std::vector<std::string> SnapshotIds(const SnapshotResult& result);
// The snapshot element with `id`, or null.
nlohmann::json SnapshotElement(const SnapshotResult& result, const std::string& id);
bool HasIssue(const SnapshotResult& result, const std::string& issue_id);

inline constexpr const char* kThingUrl = "http://hl7.org/fhir/StructureDefinition/Thing";
inline constexpr const char* kExtensionProfileUrl = "http://example.org/StructureDefinition/ext-foo";
inline constexpr const char* kIdentifierProfileUrl = "http://example.org/StructureDefinition/npi-identifier";

}  // namespace pdex::snapshot::testing
