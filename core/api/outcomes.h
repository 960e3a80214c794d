// The issues core/api reports about the call itself rather than the data's content, built in one
// place so that the CLI, native callers and the WebAssembly bindings say the same thing.
#pragma once

#include "common/issue.h"
#include "json/parse.h"

#include <string>
#include <string_view>

namespace pdex::api {

// A JSON text that could not be parsed: code "structure" for bad syntax (json.syntax), "too-costly"
// for a limit (json.too-large, json.too-deep; docs/limits.md), with the JSON error's id, message and
// position.
Issue JsonErrorIssue(const json::JsonError& error);

// A failure of our own code (an exception that escaped, e.g. std::bad_alloc): fatal "exception",
// id engine.internal, diagnostics "internal error[ DURING]: WHAT" (e.g. during = "while validating").
Issue InternalErrorIssue(std::string_view what, std::string_view during = {});

// The compact OperationOutcome text holding InternalErrorIssue(what) only.
std::string InternalErrorOutcomeText(std::string_view what);

}  // namespace pdex::api
