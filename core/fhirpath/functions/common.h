// Helpers shared by the function implementations (internal).
#pragma once

#include "fhirpath/evaluator.h"
#include "fhirpath/fhirpath.h"
#include "fhirpath/functions/registry.h"

namespace pdex::fhirpath::fn {

// Signature shorthand for implementations.
#define PDEX_FHIRPATH_FN(name) \
  bool name(Evaluator& ev, const Collection& focus, const Expr& call, const Scope& scope, Collection& out)

// The Boolean value of a criteria result (§5.2 where): true only for a single true.
inline bool IsTrue(const Collection& c) {
  if (c.size() != 1) return false;
  auto v = ToSystem(c[0]);
  return v && v->kind() == ValueKind::kBoolean && v->boolean();
}

}  // namespace pdex::fhirpath::fn
