// Is the Patient a sending payer released the member the receiving payer says it is? (pdex-facts §7.4
// step 1: "match received Patient to target Patient"). The member was matched before the exchange
// ($member-match); this is the receiver's last check that the pages belong to that member.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pdex::pdex_ingest {

// The disagreements between `received` and `target`, one line each ("birthDate 1986-01-01 ≠ 1986-02-01");
// empty when they agree. Compared: birthDate (when both have one), gender (when both are male/female/
// other), family names (normalised to letters, case-folded: at least one in common when both have one).
// Given names are not compared: nicknames and initials differ between payers for the same person.
std::vector<std::string> PatientDisagreements(const nlohmann::json& received, const nlohmann::json& target);

}  // namespace pdex::pdex_ingest
