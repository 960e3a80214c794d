// Unit tests of the FHIRPath engine: syntax errors with positions, nesting limits, evaluation
// errors as values, navigation without a type model, environment variables and FHIR functions.
#include "fhirpath/ast.h"
#include "fhirpath/fhirpath.h"

#include <catch2/catch.hpp>

#include <string>

namespace fp = pdex::fhirpath;
using Json = nlohmann::json;

namespace {

Json Eval(const std::string& expression, const Json& context = Json::object(), const fp::Environment& env = {}) {
  auto compiled = fp::Compile(expression);
  REQUIRE(compiled.ok());
  auto result = fp::Evaluate(compiled.value(), context, env);
  if (!result.ok()) FAIL("evaluation failed: " << result.error().ToString());
  return fp::ToJson(result.value());
}

fp::Error EvalError(const std::string& expression, const Json& context = Json::object(), const fp::Environment& env = {}) {
  auto compiled = fp::Compile(expression);
  if (!compiled.ok()) return compiled.error();
  auto result = fp::Evaluate(compiled.value(), context, env);
  REQUIRE_FALSE(result.ok());
  return result.error();
}

const Json kPatient = Json::parse(R"({
  "resourceType": "Patient", "id": "p1", "active": true, "birthDate": "1974-12-25",
  "_birthDate": {"extension": [{"url": "http://example.org/time", "valueTime": "14:35:45"}]},
  "name": [{"use": "official", "given": [null, "Jim"], "_given": [{"extension": [{"url": "x", "valueString": "J"}]}, null],
            "family": "Chalmers"}],
  "deceasedBoolean": false,
  "contained": [{"resourceType": "Organization", "id": "org", "name": "Acme"}],
  "managingOrganization": {"reference": "#org"},
  "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">ok</div>"}
})");

}  // namespace

TEST_CASE("syntax errors carry a message and position", "[fhirpath][parser]") {
  struct Case {
    const char* expression;
    fp::ErrorKind kind;
    std::size_t position;
  };
  const Case cases[] = {
      {"2 + ", fp::ErrorKind::kSyntax, 4},
      {"name.", fp::ErrorKind::kSyntax, 5},
      {"'unterminated", fp::ErrorKind::kSyntax, 0},
      {"1 + /* open", fp::ErrorKind::kSyntax, 4},
      {"name.given[0", fp::ErrorKind::kSyntax, 12},
      {"noSuchFunction()", fp::ErrorKind::kSemantic, 0},
      {"name.substring()", fp::ErrorKind::kSemantic, 5},
      {"name.where(a, b)", fp::ErrorKind::kSemantic, 5},
      {"@2015-13-01", fp::ErrorKind::kSyntax, 0},
      {"1 # 2", fp::ErrorKind::kSyntax, 2},
      {"$that", fp::ErrorKind::kSyntax, 0},
  };
  for (const Case& c : cases) {
    INFO(c.expression);
    auto compiled = fp::Compile(c.expression);
    REQUIRE_FALSE(compiled.ok());
    CHECK(compiled.error().kind == c.kind);
    CHECK(compiled.error().position == c.position);
    CHECK_FALSE(compiled.error().message.empty());
  }
}

TEST_CASE("deep nesting is an error, not a stack overflow", "[fhirpath][limits]") {
  const std::size_t n = 100000;
  for (const std::string& expression : {std::string(n, '(') + "1" + std::string(n, ')'), std::string(n, '-') + "1",
                                        "a" + std::string() + [&] { std::string s; for (std::size_t i = 0; i < n / 2; ++i) s += ".a"; return s; }(),
                                        [&] { std::string s = "1"; for (std::size_t i = 0; i < n / 2; ++i) s += "+1"; return s; }(),
                                        [&] { std::string s; for (int i = 0; i < 5000; ++i) s += "where("; s += "true"; s += std::string(5000, ')'); return s; }()}) {
    auto compiled = fp::Compile(expression);
    REQUIRE_FALSE(compiled.ok());
    CHECK(compiled.error().kind == fp::ErrorKind::kSyntax);
  }
  // Within the limit both parsing and evaluation work.
  std::string ok = std::string(100, '(') + "1" + std::string(100, ')');
  CHECK(Eval(ok) == Json::array({1}));
  CHECK_FALSE(fp::Compile(std::string(fp::kMaxExpressionLength + 1, ' ')).ok());
}

TEST_CASE("evaluation errors are values with positions", "[fhirpath][evaluator]") {
  auto e = EvalError("(1 | 2).single()");
  CHECK(e.kind == fp::ErrorKind::kExecution);
  CHECK(e.position == 8);
  CHECK(EvalError("'a' - 'b'").message.find("'-'") != std::string::npos);
  CHECK(EvalError("(1 | 2) + 1").position == 8);
  CHECK(EvalError("%undefined").kind == fp::ErrorKind::kSemantic);
  CHECK(EvalError("name.given.startsWith('J')", kPatient).message.find("single") != std::string::npos);
  CHECK(EvalError("@2015-01-01 + 1 'cm'").message.find("cm") != std::string::npos);
}

TEST_CASE("empty collections and three-valued logic", "[fhirpath][evaluator]") {
  CHECK(Eval("{} = 1") == Json::array());
  CHECK(Eval("{} and false") == Json::array({false}));
  CHECK(Eval("{} or true") == Json::array({true}));
  CHECK(Eval("{} implies false") == Json::array());
  CHECK(Eval("1 / 0") == Json::array());
  CHECK(Eval("{}.count()") == Json::array({0}));
  CHECK(Eval("'a' & {}") == Json::array({"a"}));
  CHECK(Eval("@2018-03 < @2018-03-01") == Json::array());
  CHECK(Eval("1.10 = 1.1") == Json::array({true}));
  CHECK(Eval("1.0.precision() | 1.00.precision()") == Json::array({1, 2}));
  CHECK(Eval("1 'kg' = 1000 'g'") == Json::array({true}));
  CHECK(Eval("1 year = 1 'a'") == Json::array());
  CHECK(Eval("1 'mmol/L' > 1 'kg'") == Json::array());
  CHECK(Eval("1 'mmol/L' + 1 'kg'") == Json::array());
  Json obs = {{"resourceType", "Observation"}, {"valueQuantity", {{"value", 94.75622863372745}, {"unit", "kg"}}}};
  CHECK(Eval("value.value.toString()", obs) == Json::array({"94.75622863372745"}));
  CHECK(Eval("(3 'kg' / 2 'm').unit | (5 'mg' + 3 'g').value") == Json::array({"kg/m", 3005.0}));
  CHECK(Eval("@2020-01-31 + 1 month") == Json::array({"@2020-02-29"}));
  CHECK(Eval("(1 | 2 | 3).sum() | (1 | 2.5).sum() | (3 | 1 | 2).min() | ('b' | 'a').max() | (1 | 2).avg()") ==
        Json::array({6, 3.5, 1, "b", 1.5}));
  CHECK(Eval("{}.sum()") == Json::array());
  CHECK(Eval("{}.join(',')") == Json::array());
  // Distinct sets: equality across representations (hash buckets must agree with '=').
  CHECK(Eval("(1 | 1.0 | 'a' | 'a' | @2015 | @2015 | 1 'g' | 1000 'mg').count()") == Json::array({4}));
  CHECK(Eval("(name.family | 'Chalmers').count() | name.given.union(name.given).count()", kPatient) == Json::array({1, 2}));
  CHECK(Eval("(name | name).count().combine(name.intersect(name).count()).combine(name.exclude(name).count())", kPatient) ==
        Json::array({1, 1, 0}));
}

TEST_CASE("navigation without a type model infers types from JSON", "[fhirpath][evaluator]") {
  CHECK(Eval("Patient.name.given", kPatient) == Json::array({Json::object({{"extension", Json::array({{{"url", "x"}, {"valueString", "J"}}})}}), "Jim"}));
  CHECK(Eval("name.given.count()", kPatient) == Json::array({2}));
  CHECK(Eval("name.given.extension.value", kPatient) == Json::array({"J"}));
  CHECK(Eval("birthDate.extension('http://example.org/time').value", kPatient) == Json::array({"14:35:45"}));
  CHECK(Eval("deceased", kPatient) == Json::array({false}));
  CHECK(Eval("Observation.value", kPatient) == Json::array());
  CHECK(Eval("active.not()", kPatient) == Json::array({false}));
  CHECK(Eval("birthDate < @2000-01-01", kPatient) == Json::array({true}));
  Json obs = {{"resourceType", "Observation"}, {"effectiveDateTime", "2012-07-11T00:11:58+00:00"}};
  CHECK(Eval("effective.toString() | (@2012-07-11T00:11:58Z).toString() | effective + 1 hour", obs) ==
        Json::array({"2012-07-11T00:11:58+00:00", "2012-07-11T00:11:58Z", "@2012-07-11T01:11:58+00:00"}));
  CHECK(Eval("name.given.select($this.hasValue())", kPatient) == Json::array({false, true}));
}

TEST_CASE("environment variables", "[fhirpath][evaluator]") {
  fp::Environment env;
  env.variables["limit"] = {fp::Value::Integer(3)};
  CHECK(Eval("%limit + 1", kPatient, env) == Json::array({4}));
  CHECK(Eval("%resource.id | %rootResource.id | %context.id", kPatient, env) == Json::array({"p1"}));
  CHECK(Eval("%`vs-administrative-gender`") == Json::array({"http://hl7.org/fhir/ValueSet/administrative-gender"}));
  CHECK(Eval("%`ext-patient-birthTime`") == Json::array({"http://hl7.org/fhir/StructureDefinition/patient-birthTime"}));
  CHECK(Eval("%ucum | %sct | %loinc").size() == 3);
  env.now = fp::ParseTemporal("2020-02-03T04:05:06.007+01:00", fp::DateTimeValue::Kind::kDateTime);
  CHECK(Eval("now() | today() | timeOfDay()", Json::object(), env) ==
        Json::array({"@2020-02-03T04:05:06.007+01:00", "@2020-02-03", "@T04:05:06.007"}));
  std::vector<std::string> traced;
  env.trace = [&](std::string_view name, const fp::Collection& values) { traced.push_back(std::string(name) + ":" + std::to_string(values.size())); };
  CHECK(Eval("name.given.trace('g').count()", kPatient, env) == Json::array({2}));
  CHECK(traced == std::vector<std::string>{"g:2"});
}

TEST_CASE("FHIR functions: resolve, memberOf, conformsTo, htmlChecks", "[fhirpath][fhir]") {
  CHECK(Eval("managingOrganization.resolve().name", kPatient) == Json::array({"Acme"}));
  Json bundle = Json::parse(R"({"resourceType": "Bundle", "entry": [
      {"fullUrl": "http://x.org/fhir/Patient/1", "resource": {"resourceType": "Patient", "id": "1", "gender": "male"}},
      {"fullUrl": "urn:uuid:abc", "resource": {"resourceType": "Observation", "id": "o", "subject": {"reference": "Patient/1"},
       "performer": [{"reference": "urn:uuid:abc"}]}}]})");
  CHECK(Eval("entry[1].resource.subject.resolve().gender", bundle) == Json::array({"male"}));
  CHECK(Eval("entry[1].resource.performer.resolve().id", bundle) == Json::array({"o"}));
  CHECK(Eval("'Patient/2'.resolve()", bundle) == Json::array());

  struct Terminology : fp::TerminologyProvider {
    std::optional<bool> MemberOf(const fp::Value& coded, std::string_view url) override {
      if (url != "http://example.org/vs") return std::nullopt;
      auto v = fp::ToSystem(coded);
      return v && v->kind() == fp::ValueKind::kString && v->string() == "official";
    }
  } terminology;
  fp::Environment env;
  CHECK(Eval("name.use.memberOf('http://example.org/vs')", kPatient, env) == Json::array());  // no provider
  env.terminology = &terminology;
  CHECK(Eval("name.use.memberOf('http://example.org/vs')", kPatient, env) == Json::array({true}));
  CHECK(Eval("name.use.memberOf('http://unknown')", kPatient, env) == Json::array());

  env.conforms_to = [](const fp::Value&, std::string_view url) -> fp::Result<bool> {
    if (url == "http://bad") return fp::Error{fp::ErrorKind::kExecution, "unknown profile", 0};
    return url == "http://good";
  };
  CHECK(Eval("conformsTo('http://good')", kPatient, env) == Json::array({true}));
  CHECK(EvalError("conformsTo('http://bad')", kPatient, env).message == "unknown profile");

  CHECK(Eval("text.div.htmlChecks()", kPatient) == Json::array({true}));
  for (const char* bad : {"<div><script>x</script></div>", "<div><a href=\"javascript:alert(1)\">x</a></div>",
                          "<div><img src=\"a.png\" onerror=\"x()\"/></div>", "<div><form></form></div>", "<p>not a div</p>"}) {
    Json resource = {{"resourceType", "Basic"}, {"text", {{"div", bad}}}};
    INFO(bad);
    CHECK(Eval("text.div.htmlChecks()", resource) == Json::array({false}));
  }
}

TEST_CASE("output conversion and the expression cache", "[fhirpath][output]") {
  CHECK(Eval("true | 1 | 2.5 | 'x' | @2015-02-04 | @2015-02-04T10:00:00Z | @T14:34:28 | 4 'g' | 1 week") ==
        Json::array({true, 1, 2.5, "x", "@2015-02-04", "@2015-02-04T10:00:00Z", "@T14:34:28", {{"value", 4}, {"unit", "g"}},
                     {{"value", 1}, {"unit", "week"}}}));
  CHECK(Eval("name.first()", kPatient)[0]["family"] == "Chalmers");
  fp::ExpressionCache cache(2);
  auto a = cache.Get("1 + 1");
  auto b = cache.Get("1 + 1");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(&a.value().root() == &b.value().root());
  CHECK_FALSE(cache.Get("1 +").ok());
  cache.Get("2");
  CHECK(cache.Get("3").ok());  // eviction keeps the cache bounded
  auto direct = fp::Evaluate("name.family", kPatient);
  REQUIRE(direct.ok());
  CHECK(fp::ToJson(direct.value()) == Json::array({"Chalmers"}));
}

TEST_CASE("expressions near the nesting limit evaluate; regex inputs are bounded", "[fhirpath][limits]") {
  std::string sum = "1";
  for (int i = 0; i < 200; ++i) sum += " + 1";
  CHECK(Eval(sum) == Json::array({201}));
  std::string nested = "true";
  for (int i = 0; i < 80; ++i) nested = "(1).where(" + nested + ").exists()";
  CHECK(Eval(nested) == Json::array({true}));
  Json basic = {{"resourceType", "Basic"}, {"id", std::string(fp::kMaxRegexSubject, 'a')}};
  CHECK(Eval("id.matches('^(a|b)*$')", basic) == Json::array({true}));
  basic["id"] = std::string(fp::kMaxRegexSubject + 1, 'a');
  CHECK(EvalError("id.matches('^(a|b)*$')", basic).message.find("too long") != std::string::npos);
  CHECK(EvalError("'a'.matches('(')").message.find("invalid regular expression") != std::string::npos);
}

TEST_CASE("regular expressions match in linear time and refuse unsupported features", "[fhirpath][regex]") {
  // Backtracking engines take exponential time on these (the fuzzer hung std::regex on '.*******');
  // '.**' is a syntax error in ECMAScript, as in fhirpath.js.
  Json basic = {{"resourceType", "Basic"}, {"id", std::string(20000, 'a')}};
  CHECK(Eval("id.matches('(a*)*b')", basic) == Json::array({false}));
  CHECK(Eval("id.matches('(.*)*(.*)*(.*)*!')", basic) == Json::array({false}));
  CHECK(Eval("id.matchesFull('(a|aa)+')", basic) == Json::array({true}));
  std::string pairs;
  for (int i = 0; i < 10000; ++i) pairs += "a-";
  CHECK(Eval("id.replaceMatches('(a)(a)', '$2-')", basic) == Json::array({pairs}));
  CHECK(EvalError("'a'.matches('.**')").message == "matches(): invalid regular expression: nothing to repeat at position 2 in '.**'");
  CHECK(EvalError("'aa'.matches('(a)\\\\1')").message ==
        "matches(): unsupported regular expression feature (backreference \\1) at position 3 in '(a)\\1'");
  CHECK(EvalError("'ab'.replaceMatches('a(?=b)', 'x')").message.find("unsupported regular expression feature (lookahead) at position 1") !=
        std::string::npos);
  CHECK(Eval("'A\\nB'.matches('^A.B$')") == Json::array({true}));  // single-line mode
  CHECK(Eval("'\u00e9t\u00e9'.matchesFull('.t.')") == Json::array({true}));  // '.' is one code point
  CHECK(Eval("'2024-02-29'.replaceMatches('(\\\\d+)-(\\\\d+)-(\\\\d+)', '$3/$2/$1')") == Json::array({"29/02/2024"}));
}

TEST_CASE("random token soup never crashes or throws", "[fhirpath][robustness]") {
  const char* const kTokens[] = {"Patient", "name", "given", ".", "(", ")", "[", "]", "0", "1.5", "'x'", "where(", "select(",
                                 "$this", "$index", "+", "-", "*", "/", "=", "!=", "~", "and", "or", "implies", "|", "{", "}",
                                 "is", "as", "Quantity", "@2015", "@T10", "4 'mg'", ",", "iif(", "exists(", "count()", "%resource",
                                 "ofType(", "descendants()", "repeat(", "aggregate(", "$total", "substring(", "matches('a.*')"};
  unsigned state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  int compiled = 0, evaluated = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string expression;
    const int length = 1 + static_cast<int>(next() % 12);
    for (int t = 0; t < length; ++t) expression += std::string(kTokens[next() % (sizeof kTokens / sizeof *kTokens)]) + " ";
    auto c = fp::Compile(expression);
    if (!c.ok()) continue;
    ++compiled;
    if (fp::Evaluate(c.value(), kPatient).ok()) ++evaluated;
  }
  CHECK(compiled > 100);
  CHECK(evaluated > 50);
}

TEST_CASE("string functions count code points", "[fhirpath][strings]") {
  CHECK(Eval("'Bénédicte'.length()") == Json::array({9}));
  CHECK(Eval("'Bénédicte'.substring(1, 3)") == Json::array({"éné"}));
  CHECK(Eval("'Bénédicte'.indexOf('d')") == Json::array({4}));
  CHECK(Eval("'né'.toChars()") == Json::array({"n", "é"}));
  CHECK(Eval("'abc'.substring(1, 100)") == Json::array({"bc"}));
  CHECK(Eval("'abc'.substring(3)") == Json::array());
}

TEST_CASE("JSON-in/JSON-out form for bindings", "[fhirpath][output]") {
  CHECK(fp::EvaluateToJson("name.family", kPatient) == Json{{"result", Json::array({"Chalmers"})}});
  CHECK(fp::EvaluateToJson("name.", kPatient) ==
        Json{{"error", {{"kind", "syntax"}, {"message", "expected a name after '.'"}, {"position", 5}}}});
  CHECK(fp::EvaluateToJson("(1 | 2).single()", kPatient)["error"]["kind"] == "execution");
}

TEST_CASE("as on collections: error by default, filter when lenient_as", "[fhirpath][types]") {
  // Without a type model, choice suffixes still give types (valueQuantity -> Quantity).
  Json basic = Json::parse(R"({"resourceType": "Basic", "extension": [
      {"url": "a", "valueQuantity": {"value": 1, "unit": "mg"}}, {"url": "b", "valueString": "x"},
      {"url": "c", "valueQuantity": {"value": 2, "unit": "g"}}]})");
  CHECK(EvalError("extension.value.as(Quantity)", basic).message.find("as()") != std::string::npos);
  CHECK(EvalError("extension.value as Quantity", basic).kind == fp::ErrorKind::kExecution);
  CHECK(Eval("extension.value.ofType(Quantity).unit", basic) == Json::array({"mg", "g"}));
  fp::Environment env;
  env.lenient_as = true;
  CHECK(Eval("extension.value.as(Quantity).unit", basic, env) == Json::array({"mg", "g"}));
  CHECK(Eval("(extension.value as string)", basic, env) == Json::array({"x"}));
}

TEST_CASE("ResultToJsonText matches the serialized ToJson tree", "[fhirpath][output]") {
  const Json doc = Json::parse(R"({"a": "plain", "b": "quote \" and \\ slash", "c": "tab\tnew\nline", "d": "caf\u00e9 \u2603",
                                   "e": 18446744073709551615, "f": -42, "g": 1.5, "h": true, "i": {"x": [1, "y"]}, "j": null})");
  fp::Collection items;
  for (const auto& [key, value] : doc.items()) items.push_back(fp::Value::MakeNode(fp::MakeNode(value, "", nullptr)));
  items.push_back(fp::Value::String(std::string("bad \xff utf8")));
  items.push_back(fp::Value::String("del \x7f char"));
  items.push_back(fp::Value::Integer(-7));
  items.push_back(fp::Value::Boolean(false));
  items.push_back(fp::Value::MakeDecimal(2.50, 2));
  items.push_back(fp::Value::MakeQuantity(fp::Quantity{{4, 0}, "g"}));
  const std::string expected = Json{{"result", fp::ToJson(items)}}.dump(-1, ' ', false, Json::error_handler_t::replace);
  CHECK(fp::ResultToJsonText(items) == expected);
  CHECK(fp::ResultToJsonText({}) == R"({"result":[]})");
}

TEST_CASE("fixed subexpressions can be shared across evaluations, per %resource", "[fhirpath][memo]") {
  // `%resource.id` does not depend on the focus: with a FixedResults it is computed once per %resource
  // and reused by later evaluations over the same documents.
  const auto compiled = fp::Compile("name.select(%resource.id & ':' & family)");
  REQUIRE(compiled.ok());
  const Json other = Json::parse(R"({"resourceType": "Patient", "id": "p2", "name": [{"family": "Shaw"}]})");
  fp::FixedResults shared;
  fp::Environment env;
  env.fixed_results = &shared;
  auto run = [&](const Json& resource) {
    env.resource = &resource;
    auto result = fp::Evaluate(compiled.value(), resource, env);
    REQUIRE(result.ok());
    return fp::ToJson(result.value());
  };
  for (int round = 0; round < 2; ++round) {
    CHECK(run(kPatient) == Json::array({"p1:Chalmers"}));
    CHECK(run(other) == Json::array({"p2:Shaw"}));
  }
  const fp::Expr& fixed = *compiled.value().root().args[0]->args[0];  // %resource.id & ':'
  CHECK(fixed.memoize);
  CHECK(shared.Find({&fixed, &kPatient, nullptr}) != nullptr);
  CHECK(shared.Find({&fixed, &other, nullptr}) != nullptr);
  // memberOf() and conformsTo() answer through the environment: never shared.
  const auto member = fp::Compile("name.select(%resource.gender.memberOf('http://example.org/vs'))");
  REQUIRE(member.ok());
  env.resource = &kPatient;
  REQUIRE(fp::Evaluate(member.value(), kPatient, env).ok());
  const fp::Expr& select_argument = *member.value().root().args[0];
  CHECK_FALSE(select_argument.fixed);
  CHECK_FALSE(select_argument.memoize);
}
