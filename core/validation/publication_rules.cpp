// Rules the HL7 validator applies in its for-publication mode (ValidatorOptions::for_publication),
// for canonical resources HL7 itself publishes.
#include "validation/walker.h"

namespace pdex::validation::internal {

void Walker::CheckHl7WorkGroup(const nlohmann::json& resource) {
  // An HL7 specification resource (url under http://hl7.org/fhir/) states the work group that owns
  // it; the identifier registry under http://hl7.org/fhir/sid has no owning committee.
  constexpr std::string_view kWorkGroup = "http://hl7.org/fhir/StructureDefinition/structuredefinition-wg";
  const std::string_view url = StringAt(resource, "url");
  if (url.substr(0, 20) != "http://hl7.org/fhir/" || url.find("http://hl7.org/fhir/sid") != std::string_view::npos) {
    return;
  }
  if (const auto extensions = resource.find("extension"); extensions != resource.end() && extensions->is_array()) {
    for (const nlohmann::json& extension : *extensions) {
      if (StringAt(extension, "url") == kWorkGroup) return;
    }
  }
  Report(Severity::kError, "business-rule", "validator.hl7-workgroup-missing",
         "When HL7 is publishing a resource, the owning committee must be stated using the " + std::string(kWorkGroup) +
             " extension");
}

}  // namespace pdex::validation::internal
