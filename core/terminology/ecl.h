// Syntax check of SNOMED CT Expression Constraint Language expressions (ECL 2.x, the value of a
// ValueSet filter on property "constraint" or "expression" of http://snomed.info/sct). Only the
// syntax is checked: concept ids are not looked up (that needs a SNOMED terminology server).
//
// Covered: constraint operators (< << <! <<! > >> >! >>! !!< !!> and their long forms such as
// descendantOrSelfOf), memberOf (^, with an optional [fields] list), concept references with
// |terms|, the wildcard (* or ANY), nested (...) constraints, compound constraints with AND / OR /
// ',' / MINUS (AND and OR not mixed at one level, as ECL requires), refinements with attribute
// groups {...}, cardinalities [n..m], the reverse flag R, expression / #number / "string" /
// boolean comparisons, dotted attributes, and /* comments */. Filters ({{ ... }}) are accepted when
// their braces close; their content is not parsed.
//
// Limits: expressions longer than kMaxEclLength or nested deeper than kMaxEclNesting are reported
// as errors. Never throws. Stateless; safe to call concurrently.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pdex::terminology {

inline constexpr std::size_t kMaxEclLength = 10000;
inline constexpr int kMaxEclNesting = 64;

// Empty when `expression` is syntactically valid ECL, else the problem with its 1-based character
// position, e.g. "unexpected '<<' at character 8".
std::string EclSyntaxError(std::string_view expression);

}  // namespace pdex::terminology
