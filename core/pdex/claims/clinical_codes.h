// Codes and CodeableConcepts as the produced clinical resources carry them: claim concepts reduced to
// well-formed codings, the code systems US Core accepts for procedures, NDC, and the translation of
// claim care-team roles to Encounter participant types.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace pdex::claims {

// `codeable` reduced to codings with a string code (system, version, display kept when strings) and
// its text; null when nothing usable remains.
nlohmann::json SanitizeConcept(const nlohmann::json* codeable);
// The same, keeping only codings whose system passes `keep`; text kept only when a coding is.
nlohmann::json ConceptWithSystems(const nlohmann::json* codeable, bool (*keep)(std::string_view system));

// Code systems of US Core's procedure codes (us-core-procedure-code: CPT, HCPCS, ICD-10-PCS, CDT,
// SNOMED CT), with the HCPCS and CDT URIs CARIN BB and Blue Button use as well.
bool IsProcedureSystem(std::string_view system);
bool IsNdcSystem(std::string_view system);

// A claim care-team role for CareTeam.participant.role: SanitizeConcept, minus codings of CARIN BB's
// C4BBClaimCareTeamRole that CARIN BB 1.1.0 does not define (later versions added codes, e.g.
// rendering; a code unknown to its code system is an error), their code kept as text; null when
// nothing remains.
nlohmann::json CareTeamRole(const nlohmann::json* role);

// http://terminology.hl7.org/CodeSystem/v3-ParticipationType code for a claim care-team role
// (C4BBClaimCareTeamRole / claimcareteamrole: attending → ATND, referring → REF, primary, rendering,
// performing, operating → PPRF, assist, supervising → SPRF, other → PART); empty when unknown.
std::string_view ParticipationTypeOf(const nlohmann::json* role);

}  // namespace pdex::claims
