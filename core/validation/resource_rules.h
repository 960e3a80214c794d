// Internal to core/validation: rules the R4 specification (and the HL7 Java validator) applies to
// particular resource types beyond what their StructureDefinitions express. Walker::CheckResourceRules
// (resource_rules.cpp) dispatches on the resource type to one Check*Rules function per file:
//   codesystem_rules.cpp          CodeSystem count, content, property definitions and values
//   valueset_rules.cpp            ValueSet include systems and filter values (SNOMED ECL: ecl.h)
//   conceptmap_rules.cpp          ConceptMap codes vs the source/target code systems and value sets
//   measure_rules.cpp             MeasureReport vs its Measure (groups, populations, score, stratifiers)
//   search_parameter_rules.cpp    SearchParameter derivedFrom; CapabilityStatement search parameter types
//   operation_definition_rules.cpp OperationDefinition parameters vs its inputProfile / outputProfile
//   structure_definition_rules.cpp StructureDefinition differential (snapshot generation, bindings, slicing)
// Each rule cites the specification text or the Java validator behaviour it follows. Rules never
// throw on bad input (missing or mistyped properties are skipped: the structural walk reports them).
#pragma once

#include "common/issue.h"
#include "validation/validator.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::validation::internal {

// Receives one finding: FHIRPath location, severity, OperationOutcome code, stable id, diagnostics.
using RuleReporter = std::function<void(const std::string& location, Severity severity, const char* code,
                                        const char* id, std::string diagnostics)>;

struct RuleContext {
  const Validator& validator;   // registry, terminology, type definitions, snapshot generation
  const std::string& location;  // FHIRPath location of the resource ("CodeSystem", "Bundle.entry[0].resource")
  const RuleReporter& report;
};

// "location.name[index]".
std::string Indexed(const std::string& location, std::string_view name, std::size_t index);
// "'text'", for messages.
std::string Quoted(std::string_view text);
// Appends `item` to a `separator`-separated list.
void AppendToList(std::string& list, std::string_view item, std::string_view separator = ", ");
// `items` as a ", "-separated list.
std::string JoinList(const std::vector<std::string>& items);
bool Contains(const std::vector<std::string>& list, std::string_view item);

void CheckCodeSystemRules(const nlohmann::json& code_system, const RuleContext& context);
void CheckValueSetRules(const nlohmann::json& value_set, const RuleContext& context);
void CheckConceptMapRules(const nlohmann::json& concept_map, const RuleContext& context);
void CheckMeasureReportRules(const nlohmann::json& report, const RuleContext& context);
void CheckSearchParameterRules(const nlohmann::json& search_parameter, const RuleContext& context);
void CheckCapabilityStatementRules(const nlohmann::json& statement, const RuleContext& context);
void CheckOperationDefinitionRules(const nlohmann::json& operation, const RuleContext& context);
void CheckStructureDefinitionRules(const nlohmann::json& structure_definition, const RuleContext& context);

}  // namespace pdex::validation::internal
