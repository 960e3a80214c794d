// MeasureReport checked against its Measure (R4 measurereport.html, the checks of the HL7 Java
// validator's MeasureValidator): the Measure is resolved from `measure` (a loaded canonical, or a
// '#id' contained Measure); report groups match the Measure's groups by code (a single group on
// each side may both be anonymous); populations and stratifiers match the group's by code, each at
// most once, and every one the Measure defines is reported (populations of type measure-observation
// excepted); population subject lists agree with the report type and count; the measureScore
// follows Measure.scoring: none for cohort measures or data-collection reports, required for
// proportion / ratio / continuous-variable, a unitless value from 0 to 1 for proportions.
// Not checked: the Measure's questionnaire-unit extension against score units.
#include "validation/resource_rules.h"

#include "validation/walker.h"

#include <set>

namespace pdex::validation::internal {
namespace {

constexpr std::string_view kMeasureObservation = "measure-observation";
constexpr std::string_view kMeasurePopulationSystem = "http://terminology.hl7.org/CodeSystem/measure-population";
constexpr std::string_view kAlternateScore =
    "http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/extension-alternateScoreType";

// MeasureReport.group.stratifier.code repeats (R4); the first CodeableConcept stands for it.
const nlohmann::json* CodeOf(const nlohmann::json& component) {
  if (const nlohmann::json* codes = ArrayAt(component, "code")) {
    return !codes->empty() && (*codes)[0].is_object() ? &(*codes)[0] : nullptr;
  }
  return ObjectAt(component, "code");
}

bool HasCoding(const nlohmann::json& coded, std::string_view system, std::string_view code) {
  const nlohmann::json* codings = ArrayAt(coded, "coding");
  for (std::size_t i = 0; codings != nullptr && i < codings->size(); ++i) {
    if (StringAt((*codings)[i], "system") == system && StringAt((*codings)[i], "code") == code) return true;
  }
  return false;
}

// Whether a report's code matches a definition's code: a shared system|code, or (when neither
// has codings, as for stratifiers) the same text.
bool CodesMatch(const nlohmann::json& reported, const nlohmann::json& defined, bool by_text) {
  const nlohmann::json* codings = ArrayAt(defined, "coding");
  for (std::size_t i = 0; codings != nullptr && i < codings->size(); ++i) {
    if (HasCoding(reported, StringAt((*codings)[i], "system"), StringAt((*codings)[i], "code"))) return true;
  }
  if (!by_text || ArrayAt(reported, "coding") != nullptr || codings != nullptr) return false;
  return !StringAt(reported, "text").empty() && StringAt(reported, "text") == StringAt(defined, "text");
}

// A CodeableConcept as the Java validator displays it in messages: its text, else its codes.
std::string Display(const nlohmann::json* coded) {
  if (coded == nullptr) return {};
  if (!StringAt(*coded, "text").empty()) return std::string(StringAt(*coded, "text"));
  std::string out;
  const nlohmann::json* codings = ArrayAt(*coded, "coding");
  for (std::size_t i = 0; codings != nullptr && i < codings->size(); ++i) {
    const std::string_view shown = !StringAt((*codings)[i], "display").empty() ? StringAt((*codings)[i], "display")
                                                                            : StringAt((*codings)[i], "code");
    AppendToList(out, shown);
  }
  return out;
}

// The definition (Measure group, population or stratifier) whose code matches `code`, or nullptr.
const nlohmann::json* FindByCode(const nlohmann::json* definitions, const nlohmann::json& code, bool by_text) {
  for (std::size_t i = 0; definitions != nullptr && i < definitions->size(); ++i) {
    const nlohmann::json* defined = CodeOf((*definitions)[i]);
    if (defined != nullptr && CodesMatch(code, *defined, by_text)) return &(*definitions)[i];
  }
  return nullptr;
}

class MeasureReportChecker {
 public:
  MeasureReportChecker(const nlohmann::json& report, const nlohmann::json& measure, const RuleContext& context)
      : report_(report), measure_(measure), context_(context), type_(StringAt(report, "type")) {
    if (const nlohmann::json* scoring = ObjectAt(measure, "scoring")) {
      if (const nlohmann::json* codings = ArrayAt(*scoring, "coding"); codings != nullptr && !codings->empty()) {
        scoring_ = std::string(StringAt((*codings)[0], "code"));
      }
    }
  }

  void CheckGroups() {
    const nlohmann::json* groups = ArrayAt(report_, "group");
    const nlohmann::json* defined = ArrayAt(measure_, "group");
    const std::size_t count = groups == nullptr ? 0 : groups->size();
    if (count == 1 && defined != nullptr && defined->size() == 1) {
      // One group on each side: it may be anonymous, but codes present on both agree.
      const std::string location = Indexed(context_.location, "group", 0);
      const nlohmann::json* code = ObjectAt((*groups)[0], "code");
      const nlohmann::json* expected = ObjectAt((*defined)[0], "code");
      if (code != nullptr && expected != nullptr && !CodesMatch(*code, *expected, false)) {
        Error(location, "The code provided (" + Display(code) + ") does not match the code defined for the group in "
                        "the measure (" + Display(expected) + ")");
      }
      CheckGroup((*groups)[0], (*defined)[0], location);
      return;
    }
    std::set<const nlohmann::json*> seen;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string location = Indexed(context_.location, "group", i);
      const nlohmann::json* code = ObjectAt((*groups)[i], "code");
      if (code == nullptr) {
        Error(location, "Group should have a code that matches the group definition in the measure");
        continue;
      }
      const nlohmann::json* group = FindByCode(defined, *code, false);
      if (group == nullptr) {
        Error(location, "The code for this group has no match in the measure definition");
      } else if (!seen.insert(group).second) {
        Error(location, "The code for this group is duplicated with another group");
      } else {
        CheckGroup((*groups)[i], *group, location);
      }
    }
    if (type_ == "data-collection") return;
    for (std::size_t i = 0; defined != nullptr && i < defined->size(); ++i) {
      if (seen.count(&(*defined)[i]) == 0) {
        Error(context_.location, "The MeasureReport does not include a group for the group with code '" +
                                     Display(ObjectAt((*defined)[i], "code")) + "'");
      }
    }
  }

 private:
  void Error(const std::string& location, std::string text) {
    context_.report(location, Severity::kError, "business-rule", "validator.measurereport", std::move(text));
  }

  void CheckGroup(const nlohmann::json& group, const nlohmann::json& definition, const std::string& location) {
    CheckPopulations(group, definition, location);
    CheckScore(group, location);
    CheckStratifiers(group, definition, location);
  }

  void CheckPopulations(const nlohmann::json& group, const nlohmann::json& definition, const std::string& location) {
    const nlohmann::json* populations = ArrayAt(group, "population");
    const nlohmann::json* defined = ArrayAt(definition, "population");
    std::set<const nlohmann::json*> seen;
    for (std::size_t i = 0; populations != nullptr && i < populations->size(); ++i) {
      const nlohmann::json& population = (*populations)[i];
      const std::string here = Indexed(location, "population", i);
      const nlohmann::json* code = ObjectAt(population, "code");
      const nlohmann::json* match = code == nullptr ? nullptr : FindByCode(defined, *code, false);
      if (code == nullptr) {
        Error(here, "Group should have a code that matches the group population definition in the measure");
      } else if (match == nullptr) {
        Error(here, "The code for this group population has no match in the measure definition");
      } else if (!seen.insert(match).second) {
        Error(here, "The code for this group population is duplicated with another group");
      } else {
        CheckSubjects(population, here);
      }
    }
    for (std::size_t i = 0; defined != nullptr && i < defined->size(); ++i) {
      const nlohmann::json* code = ObjectAt((*defined)[i], "code");
      if (seen.count(&(*defined)[i]) != 0 || (code != nullptr && HasCoding(*code, kMeasurePopulationSystem, kMeasureObservation))) {
        continue;
      }
      Error(location, "The MeasureReport does not include a population for the population with code '" + Display(code) + "'");
    }
  }

  // A subject-list report lists `count` subjects; other reports list none.
  void CheckSubjects(const nlohmann::json& population, const std::string& location) {
    const bool listed = population.contains("subjectResults");
    const auto count = population.find("count");
    if (type_ == "subject-list") {
      const std::size_t subjects = listed ? 1 : 0;  // subjectResults is one Reference to a List (R4)
      if (count != population.end() && count->is_number_integer() && count->get<long long>() != static_cast<long long>(subjects)) {
        Error(location, "Mismatch between count " + count->dump() + " and number of subjects " + std::to_string(subjects));
      }
    } else if (listed) {
      Error(location, "Reports where type is not 'subject-list' don't have subjects listed");
    }
  }

  void CheckScore(const nlohmann::json& group, const std::string& location) {
    const nlohmann::json* score = ObjectAt(group, "measureScore");
    const std::string here = location + ".measureScore";
    if (type_ == "data-collection" || scoring_ == "cohort") {
      if (score != nullptr) {
        Error(here, type_ == "data-collection" ? "No measureScore when the type of the report is 'data-collection'"
                                               : "No measureScore when the scoring of the message is 'cohort'");
      }
      return;
    }
    if (scoring_ != "proportion" && scoring_ != "ratio" && scoring_ != "continuous-variable") return;
    if (score == nullptr) {
      Error(location, "A measureScore is required when the Measure.scoring=" + scoring_);
      return;
    }
    bool has_value = score->contains("value");
    const nlohmann::json* extensions = ArrayAt(*score, "extension");
    for (std::size_t i = 0; extensions != nullptr && i < extensions->size(); ++i) {
      has_value = has_value || StringAt((*extensions)[i], "url") == kAlternateScore;  // DEQM's alternative score
    }
    if (!has_value) {
      Error(here, "A value is required when the Measure.scoring = " + scoring_);
      return;
    }
    if (scoring_ != "proportion") return;
    for (const char* unit : {"unit", "system", "code"}) {
      if (score->contains(unit)) {
        Error(here + "." + unit, "A measureScore for this Measure Scoring (proportion) should not have units");
      }
    }
    const auto value = score->find("value");
    if (value != score->end() && value->is_number() && (value->get<double>() < 0 || value->get<double>() > 1)) {
      Error(here + ".value", "The value is invalid - it must be between 0 and 1");
    }
  }

  void CheckStratifiers(const nlohmann::json& group, const nlohmann::json& definition, const std::string& location) {
    const nlohmann::json* stratifiers = ArrayAt(group, "stratifier");
    const nlohmann::json* defined = ArrayAt(definition, "stratifier");
    std::set<const nlohmann::json*> seen;
    for (std::size_t i = 0; stratifiers != nullptr && i < stratifiers->size(); ++i) {
      const std::string here = Indexed(location, "stratifier", i);
      const nlohmann::json* code = CodeOf((*stratifiers)[i]);
      const nlohmann::json* match = code == nullptr ? nullptr : FindByCode(defined, *code, true);
      if (code == nullptr) {
        Error(here, "Group should have a code that matches the group stratifier definition in the measure");
      } else if (match == nullptr) {
        Error(here, "The code for this group stratifier has no match in the measure definition");
      } else if (!seen.insert(match).second) {
        Error(here, "The code for this group stratifier is duplicated with another stratifier");
      }
    }
    for (std::size_t i = 0; defined != nullptr && i < defined->size(); ++i) {
      if (seen.count(&(*defined)[i]) != 0) continue;
      Error(location, "The MeasureReport does not include a stratifier for the stratifier with code '" +
                          Display(CodeOf((*defined)[i])) + "' (id = '" + std::string(StringAt((*defined)[i], "id")) + "')");
    }
  }

  const nlohmann::json& report_;
  const nlohmann::json& measure_;
  const RuleContext& context_;
  const std::string_view type_;  // MeasureReport.type
  std::string scoring_;          // Measure.scoring code
};

// The Measure a report names: '#id' among its contained resources, else a loaded canonical.
const nlohmann::json* ResolveMeasure(const nlohmann::json& report, std::string_view url, const RuleContext& context) {
  if (url.substr(0, 1) != "#") return context.validator.registry().Find("Measure", url);
  const nlohmann::json* contained = ArrayAt(report, "contained");
  for (std::size_t i = 0; contained != nullptr && i < contained->size(); ++i) {
    if (StringAt((*contained)[i], "resourceType") == "Measure" && StringAt((*contained)[i], "id") == url.substr(1)) {
      return &(*contained)[i];
    }
  }
  return nullptr;
}

}  // namespace

void CheckMeasureReportRules(const nlohmann::json& report, const RuleContext& context) {
  const std::string_view url = StringAt(report, "measure");
  if (url.empty()) return;
  const nlohmann::json* measure = ResolveMeasure(report, url, context);
  if (measure == nullptr) {
    context.report(context.location + ".measure", Severity::kWarning, "not-found", "validator.measurereport-measure",
                   "The Measure '" + std::string(url) +
                       "' could not be resolved, so no validation can be performed against the Measure");
    return;
  }
  MeasureReportChecker(report, *measure, context).CheckGroups();
}

}  // namespace pdex::validation::internal
