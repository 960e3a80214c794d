// Links from a narrative to anchors of its own (<a href="#x">), checked as the HL7 Java validator
// checks them (InstanceValidator.checkInnerNames): the fragment must be an element id (including the
// ids of resources) or a narrative anchor (an `id` attribute, or <a name="x">) somewhere in the
// resource, or, for a resource inside a Bundle, anywhere in that Bundle (a document's narratives link
// to each other). Plain linear scans of the XHTML text; no XML parser.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace pdex::validation {

// The fragments of the internal links of `xhtml`, in order: "x" for <a href="#x">; "#" alone is none.
std::vector<std::string_view> InternalLinkFragments(std::string_view xhtml);

// Adds every link target in `json` (a resource or a Bundle): the values of `id` members, and the
// anchors of the narratives (`div` members) in it.
void CollectLinkTargets(const nlohmann::json& json, std::unordered_set<std::string>& targets);

}  // namespace pdex::validation
