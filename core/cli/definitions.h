// Where the `pdex` subcommands find the FHIR R4 definitions pack when --definitions is not given:
// beside the binary (definitions/r4-core.pack.json next to pdex, as an install lays it out), then
// the build tree's (Engine::DefaultDefinitionsPath). A subcommand that needs FHIR types and finds
// none exits 2 (MissingDefinitions) unless the user asked for --syntax-only: answering without
// types would mislead (Patient.gender.is(code) is false without them).
#pragma once

#include <string>

namespace pdex::cli {

// The definitions pack's path, or "" when there is none.
std::string FindDefinitionsPack();

// Our profiles pack (US Core, HRex, PDex, CARIN BB) beside `definitions_pack`, or "".
std::string ProfilesPackBeside(const std::string& definitions_pack);

// Prints why `command` cannot run without definitions and how to proceed; returns kExitUsage.
int MissingDefinitions(const char* command);

}  // namespace pdex::cli
