// SNOMED CT ECL syntax: the expressions of the ECL specification's examples are accepted; broken
// ones are rejected with the position of the problem; hostile input ends with an error, not a hang.
#include "terminology/ecl.h"

#include <catch2/catch.hpp>

#include <string>

namespace pdex::terminology {
namespace {

TEST_CASE("valid ECL expressions", "[ecl]") {
  for (const char* expression : {
           "404684003 |Clinical finding|",
           "< 404684003 |Clinical finding|",
           "<< 73211009 |Diabetes mellitus|",
           "<! 404684003",
           "descendantOrSelfOf 73211009",
           "^ 700043003 |Example problem list concepts reference set|",
           "*",
           "< 19829001 |Disorder of lung| AND < 301867009 |Edema of trunk|",
           "< 19829001, < 301867009",
           "< 19829001 OR < 301867009 OR < 128139000",
           "(< 19829001 AND < 301867009) OR < 128139000",
           "< 195967001 |Asthma| MINUS << 370218001 |Mild asthma|",
           "< 404684003 : 363698007 |Finding site| = << 39057004 |Pulmonary valve structure|",
           "< 404684003 : { 363698007 = << 39057004, 116676008 = << 415582006 }",
           "< 404684003 : [1..3] 363698007 = << 91723000, [0..*] 116676008 = *",
           "< 404684003 : R 363698007 = < 91723000",
           "< 27658006 : 1142135004 >= #250",
           "< 27658006 : 1142135004 = \"text value\"",
           "< 125605004 |Fracture of bone| . 363698007 |Finding site|",
           "* : 246075003 |Causative agent| = 387517004 |Paracetamol|",
           "< 64572001 {{ term = \"heart\" }}",
           "/* comment */ < 404684003",
           "((< 404684003))",
       }) {
    INFO(expression);
    CHECK(EclSyntaxError(expression).empty());
  }
}

TEST_CASE("invalid ECL expressions", "[ecl]") {
  CHECK(EclSyntaxError("234234 << 234234") == "unexpected '<<' at character 8");
  CHECK_FALSE(EclSyntaxError("").empty());
  CHECK_FALSE(EclSyntaxError("<<").empty());
  CHECK_FALSE(EclSyntaxError("12345").empty());                // concept ids have 6 to 18 digits
  CHECK_FALSE(EclSyntaxError("(< 404684003").empty());         // unclosed bracket
  CHECK_FALSE(EclSyntaxError("404684003 |unterminated").empty());
  CHECK(EclSyntaxError("^ [referencedComponentId] 700043003").empty());
  CHECK_FALSE(EclSyntaxError("^ [referencedComponentId 700043003").empty());  // unclosed member field list
  CHECK_FALSE(EclSyntaxError("< 19829001 AND < 301867009 OR < 128139000").empty());  // AND/OR mixed
  CHECK_FALSE(EclSyntaxError("< 404684003 : 363698007").empty());                    // no comparison
  CHECK_FALSE(EclSyntaxError("< 404684003 : 363698007 < 39057004").empty());         // '<' needs #number
  CHECK_FALSE(EclSyntaxError("< 64572001 {{ term = \"heart\"").empty());
}

TEST_CASE("ECL limits: deep nesting and long input are errors, not crashes", "[ecl][limits]") {
  const std::string deep = std::string(10000, '(') + "404684003" + std::string(10000, ')');
  CHECK_FALSE(EclSyntaxError(deep.substr(0, kMaxEclLength)).empty());
  const std::string nested_refinements = "< 404684003 : " + std::string(200, '(') + "363698007 = 39057004";
  CHECK_FALSE(EclSyntaxError(nested_refinements).empty());
  CHECK_FALSE(EclSyntaxError(std::string(kMaxEclLength + 1, ' ')).empty());
}

}  // namespace
}  // namespace pdex::terminology
