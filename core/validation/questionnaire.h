// QuestionnaireResponse checked against its Questionnaire (FHIR R4 questionnaireresponse.html, the
// rules the HL7 Java validator applies): the `questionnaire` canonical is resolved in the registry
// (or among the container's contained resources); each response item's linkId must exist at the same
// nesting level; answers must have the value type of item.type; display and group items have no
// answers; repeats=false allows one answer; required items (status completed/amended) must be
// answered; answerOption / answerValueSet membership (a Coding's display too; string answers as
// codes); min/max value, minLength/maxLength, the regex
// extension on string/text answers (core/regex: ECMAScript syntax, linear time; a pattern it refuses
// is a warning, not a pass), maxDecimalPlaces, min/maxOccurs, attachment size / mime type, quantity
// units (unitOption, unitValueSet), reference types.
// Locations follow the Java validator (QuestionnaireResponse.item[0].answer[1].valueCoding).
//
// Not checked (cheap-only policy): enableWhen evaluation (a required item with enableWhen is not
// reported as missing), readOnly, Attachment data vs size.
//
// Limits: item nesting beyond kMaxQuestionnaireDepth is not walked. Never throws (callers catch).
// Thread-safety: stateless; safe to call concurrently with distinct reporters.
#pragma once

#include "common/issue.h"
#include "package/registry.h"
#include "terminology/terminology.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace pdex::validation {

inline constexpr std::size_t kMaxQuestionnaireDepth = 32;

// Receives one finding: FHIRPath location, severity, OperationOutcome code, stable id, diagnostics.
using QuestionnaireReporter =
    std::function<void(const std::string& location, Severity severity, const char* code, const char* id,
                       std::string diagnostics)>;

// Validates `response` (a QuestionnaireResponse at FHIRPath `location`) against its Questionnaire.
// `container`: the resource whose `contained` may hold the Questionnaire ('#id'); may be null.
void ValidateQuestionnaireResponse(const nlohmann::json& response, const std::string& location,
                                   const nlohmann::json* container, const package::Registry& registry,
                                   const terminology::TerminologyService& terminology,
                                   const QuestionnaireReporter& report);

}  // namespace pdex::validation
