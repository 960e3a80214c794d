// FHIRPath 2.0.0 (http://hl7.org/fhirpath/N1/) for FHIR R4: the public API of the engine.
//
// Compile once, evaluate many times:
//   auto compiled = fhirpath::Compile("Patient.name.where(use = 'official').given");
//   if (!compiled.ok()) ... compiled.error().message / .position
//   fhirpath::Environment env;  env.model = &type_model;   // optional: types inferred from JSON without it
//   auto result = fhirpath::Evaluate(compiled.value(), patient_json, env);
//   nlohmann::json out = fhirpath::ToJson(result.value());
//
// Errors (syntax errors, unknown functions, wrong argument counts, type errors, singleton violations)
// come back as Error values with a message and a 0-based character position in the expression;
// nothing is thrown out of this API.
//
// Limits (documented for callers): expressions longer than kMaxExpressionLength characters and
// syntax trees nested deeper than kMaxNestingDepth (parentheses, operators, function arguments and
// path steps all count) are rejected by Compile with a syntax error, which bounds the recursion of
// both the parser and the evaluator. Collections produced during evaluation are capped at
// kMaxCollectionSize items (an execution error beyond that), which bounds repeat()/descendants().
// matches()/matchesFull()/replaceMatches() refuse subjects longer than kMaxRegexSubject and
// patterns longer than kMaxRegexPattern bytes (an execution error). Matching is linear in the
// subject (core/regex, a Pike VM: no backtracking, no recursion per character); its own bounds
// (nesting, expanded program size, work per call) are in regex/regex.h and also end in errors.
//
// Ownership and thread-safety: a CompiledExpression is immutable and shareable between threads.
// Evaluate() only reads the JSON and the Environment; several threads may evaluate concurrently as
// long as the callbacks they supply are thread-safe. Result nodes point into the evaluated JSON and
// must not outlive it. ExpressionCache is internally synchronised.
#pragma once

#include "fhirpath/value.h"
#include "model/type_model.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <variant>

namespace pdex::fhirpath {

inline constexpr std::size_t kMaxExpressionLength = 100000;
inline constexpr int kMaxNestingDepth = 256;
inline constexpr std::size_t kMaxCollectionSize = 1000000;
inline constexpr std::size_t kMaxRegexSubject = 1 << 20;  // 1 MiB, FHIR's largest string
inline constexpr std::size_t kMaxRegexPattern = 1024;

enum class ErrorKind { kSyntax, kSemantic, kExecution };

struct Error {
  ErrorKind kind = ErrorKind::kExecution;
  std::string message;
  std::size_t position = 0;  // 0-based offset into the expression text
  // "syntax error at 7: ..." — the form the CLI prints.
  std::string ToString() const;
};

template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}    // NOLINT
  bool ok() const { return data_.index() == 0; }
  const T& value() const { return std::get<0>(data_); }
  T& value() { return std::get<0>(data_); }
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

struct Expr;

// A parsed expression with its function calls already bound (dispatch is resolved at compile time).
class CompiledExpression {
 public:
  const std::string& text() const { return text_; }
  const Expr& root() const { return *root_; }

 private:
  friend Result<CompiledExpression> Compile(std::string_view expression);
  std::string text_;
  std::shared_ptr<const Expr> root_;
};

Result<CompiledExpression> Compile(std::string_view expression);

// Compiled expressions keyed by text (validation evaluates the same invariants many times).
// Thread-safe. Holds at most `capacity` entries; when full it is cleared (simple and bounded).
class ExpressionCache {
 public:
  explicit ExpressionCache(std::size_t capacity = 4096) : capacity_(capacity) {}
  Result<CompiledExpression> Get(std::string_view expression);

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Result<CompiledExpression>> entries_;
};

// Results of fixed subexpressions (Expr::fixed: they depend only on %resource, %rootResource and
// literals) shared by several evaluations over the same, unchanged documents, e.g. every invariant of
// one validation. R4's dom-3 then computes its `%resource.descendants()...` union once per Bundle
// rather than once per entry with contained resources (which made a member's Bundle quadratic).
// The caller owns it and drops it before those documents change or go away. Not thread-safe.
class FixedResults {
 public:
  using Key = std::tuple<const Expr*, const nlohmann::json*, const nlohmann::json*>;  // expr, %resource, %rootResource
  const Collection* Find(const Key& key) const {
    const auto found = results_.find(key);
    return found == results_.end() ? nullptr : &found->second;
  }
  const Collection& Store(const Key& key, Collection value) { return results_.emplace(key, std::move(value)).first->second; }

 private:
  std::map<Key, Collection> results_;
};

// Terminology for memberOf() (FHIR R4 FHIRPath extensions). Implementations answer whether a code,
// Coding or CodeableConcept (given as a Value) is in the value set; nullopt when the value set is
// unknown or cannot be checked, which memberOf() turns into an empty result.
class TerminologyProvider {
 public:
  virtual ~TerminologyProvider() = default;
  virtual std::optional<bool> MemberOf(const Value& coded, std::string_view value_set_url) = 0;
};

// What conformsTo(url) asks: true/false, or an error message when the profile is unknown.
using ConformsToCallback = std::function<Result<bool>(const Value& item, std::string_view profile_url)>;
using TraceCallback = std::function<void(std::string_view name, const Collection& values)>;

// Everything an evaluation may read besides the expression and the focus. All pointers are
// borrowed and must outlive the Evaluate() call.
struct Environment {
  const model::TypeModel* model = nullptr;             // FHIR types; nullptr -> inferred from JSON
  const nlohmann::json* resource = nullptr;            // %resource (default: the context resource)
  const nlohmann::json* root_resource = nullptr;       // %rootResource (default: %resource)
  std::map<std::string, Collection, std::less<>> variables;  // user variables: %name
  TerminologyProvider* terminology = nullptr;          // memberOf(); nullptr -> empty results
  ConformsToCallback conforms_to;                      // conformsTo(); unset -> base types only
  TraceCallback trace;                                 // trace(); unset -> discarded
  // "Strict" semantic checks: unknown element names on a known type are errors, not empty.
  bool strict = false;
  // `as` / as() on a collection of several items: an error by the spec (FHIRPath §6.3.2, and the R4
  // suite), but R4 core invariants such as dom-3 rely on it filtering like ofType() (as the HL7 Java
  // validator does). Validators evaluating core invariants should set this.
  bool lenient_as = false;
  // startsWith() on an empty collection: empty by the spec, but false in the HL7 Java engine that R4's
  // invariants were written against; ref-1 (`reference.startsWith('#').not() or ...`) holds on a
  // display-only Reference only that way. Validators evaluating core invariants should set this.
  bool empty_starts_with_false = false;
  // now()/today()/timeOfDay() instant; unset -> the system clock (one reading per evaluation).
  std::optional<DateTimeValue> now;
  // Where fixed subexpressions' results outlive one evaluation (see FixedResults); nullptr: each
  // evaluation computes them once for itself.
  FixedResults* fixed_results = nullptr;
};

// Evaluates against a resource (or any FHIR JSON object: its type comes from resourceType). JSON null
// or an empty object means "no context" (the input collection is empty), as in the CLI.
Result<Collection> Evaluate(const CompiledExpression& expression, const nlohmann::json& context,
                            const Environment& environment = {});
// Evaluates against an arbitrary input collection (e.g. a node made by MakeNode, or literals).
Result<Collection> Evaluate(const CompiledExpression& expression, const Collection& context,
                            const Environment& environment);
// Compiles (through a process-wide cache) and evaluates in one call.
Result<Collection> Evaluate(std::string_view expression, const nlohmann::json& context, const Environment& environment = {});

// A node for `json` of FHIR type `type` (empty: resourceType or inferred). The JSON must outlive it.
Node MakeNode(const nlohmann::json& json, std::string_view type, const model::TypeModel* model);

// The CLI/WASM output form: a JSON array; nodes as their FHIR JSON, Boolean/Integer/Decimal/String
// as JSON values, Date/DateTime/Time as FHIRPath literal strings ("@2015-02-04", "@T14:34:28"),
// Quantity as {"value": 4, "unit": "g"}.
nlohmann::json ToJson(const Collection& collection);
// The text of {"result": ToJson(collection)} as json::Serialize writes it (compact), built without
// the intermediate JSON tree: the fast path for bindings that return JSON text (WASM).
std::string ResultToJsonText(const Collection& collection);
// JSON-in/JSON-out form for bindings (WASM): {"result": [...]} (ToJson) or
// {"error": {"kind": "syntax|semantic|execution", "message": ..., "position": n}}.
nlohmann::json EvaluateToJson(std::string_view expression, const nlohmann::json& context, const Environment& environment = {});
nlohmann::json ErrorToJson(const Error& error);
// The FHIRPath literal text of a System value ("@2015-02-04", "4 'g'", "1.50", "true"); for nodes,
// the literal of their System value, or their JSON text.
std::string ToLiteral(const Value& value);
// The FHIRPath type name of an item: "System.Integer", "FHIR.HumanName".
std::string TypeName(const Value& value);

}  // namespace pdex::fhirpath
