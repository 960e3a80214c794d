// FHIRPath parser (FHIRPath 2.0.0 Appendix A grammar, §6 operator precedence) producing the syntax
// tree of ast.h with functions bound to their implementations. Recursive descent, bounded by
// kMaxNestingDepth (see fhirpath.h), so hostile input yields a syntax error, never a stack overflow.
#pragma once

#include "fhirpath/ast.h"
#include "fhirpath/fhirpath.h"

#include <memory>
#include <string_view>

namespace pdex::fhirpath {

Result<std::unique_ptr<Expr>> Parse(std::string_view text);

}  // namespace pdex::fhirpath
