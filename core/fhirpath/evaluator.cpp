#include "fhirpath/evaluator.h"

#include "fhirpath/functions/registry.h"
#include "fhirpath/parser.h"

#include <chrono>
#include <ctime>

namespace pdex::fhirpath {

using Json = nlohmann::json;

namespace {
// A std::string key: nlohmann's find() with a char literal compares through strlen + a C-string
// compare at every tree node (measurable under WebAssembly, where every object is probed).
const std::string kResourceType = "resourceType";
}  // namespace

std::string Error::ToString() const {
  const char* kind_text = kind == ErrorKind::kSyntax ? "syntax error" : kind == ErrorKind::kSemantic ? "semantic error" : "evaluation error";
  return std::string(kind_text) + " at position " + std::to_string(position) + ": " + message;
}

std::vector<Collection>& ScratchCollection::Pool() {
  thread_local std::vector<Collection> pool = [] {
    std::vector<Collection> reserved;
    reserved.reserve(kMaxPooled);
    return reserved;
  }();
  return pool;
}

ScratchCollection::ScratchCollection() {
  std::vector<Collection>& pool = Pool();
  if (!pool.empty()) {
    items_ = std::move(pool.back());
    pool.pop_back();
  }
}

ScratchCollection::~ScratchCollection() {
  if (items_.capacity() == 0 || items_.capacity() > kMaxPooledCapacity) return;
  std::vector<Collection>& pool = Pool();
  if (pool.size() >= kMaxPooled) return;
  items_.clear();
  pool.push_back(std::move(items_));  // cannot throw: kMaxPooled capacity is reserved on first use
}

Evaluator::Evaluator(const Environment& env, const Collection& context) : env_(env), context_(context) {}

bool Evaluator::Fail(std::string message, std::size_t position, ErrorKind kind) {
  if (!failed_) error_ = Error{kind, std::move(message), position};
  failed_ = true;
  return false;
}

bool Evaluator::Append(Collection& out, Value v, std::size_t position) {
  if (out.size() >= kMaxCollectionSize) return Fail("collection larger than " + std::to_string(kMaxCollectionSize) + " items", position);
  out.push_back(std::move(v));
  return true;
}

const DateTimeValue& Evaluator::Now() {
  if (!now_) {
    if (env_.now) {
      now_ = env_.now;
    } else {
      auto now = std::chrono::system_clock::now();
      std::time_t seconds = std::chrono::system_clock::to_time_t(now);
      auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
      std::tm local{};
      localtime_r(&seconds, &local);
      DateTimeValue v;
      v.kind = DateTimeValue::Kind::kDateTime;
      v.year = local.tm_year + 1900;
      v.month = local.tm_mon + 1;
      v.day = local.tm_mday;
      v.hour = local.tm_hour;
      v.minute = local.tm_min;
      v.second = local.tm_sec;
      v.millisecond = static_cast<int>(millis);
      v.precision = DatePrecision::kMillisecond;
      v.has_tz = true;
      v.tz_minutes = static_cast<int>(local.tm_gmtoff / 60);
      now_ = v;
    }
  }
  return *now_;
}

std::optional<Value> Evaluator::Singleton(const Collection& c, std::size_t position, bool& ok, const char* what) {
  ok = true;
  if (c.empty()) return std::nullopt;
  if (c.size() > 1) {
    ok = Fail(std::string(what) + " expects a single item, got " + std::to_string(c.size()), position);
    return std::nullopt;
  }
  auto v = ToSystem(c[0]);
  if (!v) return c[0];  // a complex node: callers decide
  return v;
}

std::optional<Value> Evaluator::TypedArg(const Expr& call, std::size_t i, const Scope& scope, bool& ok, ValueKind kind,
                                         const char* type_name) {
  ScratchCollection scratch;
  Collection& c = scratch.get();
  ok = EvalArg(call, i, scope, c);
  if (!ok) return std::nullopt;
  auto v = Singleton(c, call.args[i]->position, ok, "argument");
  if (!ok || !v) return std::nullopt;
  if (v->kind() != kind) {
    ok = Fail(call.name + "() expects " + type_name + " argument", call.args[i]->position);
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> Evaluator::StringArg(const Expr& call, std::size_t i, const Scope& scope, bool& ok) {
  auto v = TypedArg(call, i, scope, ok, ValueKind::kString, "a String");
  if (!v) return std::nullopt;
  return v->string();
}

std::optional<std::int64_t> Evaluator::IntegerArg(const Expr& call, std::size_t i, const Scope& scope, bool& ok) {
  auto v = TypedArg(call, i, scope, ok, ValueKind::kInteger, "an Integer");
  if (!v) return std::nullopt;
  return v->integer();
}

std::optional<std::string> Evaluator::FocusString(const Collection& focus, const Expr& call, bool& ok) {
  auto v = Singleton(focus, call.position, ok, (call.name + "()").c_str());
  if (!ok || !v) return std::nullopt;
  if (v->kind() != ValueKind::kString) {
    ok = Fail(call.name + "() can only be applied to a String", call.position);
    return std::nullopt;
  }
  return v->string();
}

bool Evaluator::EvalOnItem(const Expr& expr, const Value& item, std::int64_t index, const Scope& outer, Collection& out) {
  Scope scope;
  scope.item = &item;
  scope.index = index;
  scope.total = outer.total;
  return Eval(expr, scope, out);
}

bool Evaluator::Eval(const Expr& expr, const Scope& scope, Collection& out) {
  // defineVariable() may have shadowed %resource or %rootResource since the parser marked `fixed`.
  if (!expr.memoize || !defined_.empty()) return EvalNode(expr, scope, out);
  if (env_.fixed_results != nullptr && env_.resource != nullptr) {
    const FixedResults::Key key{&expr, env_.resource, env_.root_resource};
    const Collection* shared = env_.fixed_results->Find(key);
    if (shared == nullptr) {
      Collection value;
      if (!EvalNode(expr, scope, value)) return false;
      shared = &env_.fixed_results->Store(key, std::move(value));
    }
    out.insert(out.end(), shared->begin(), shared->end());
    return true;
  }
  auto found = memo_.find(&expr);
  if (found == memo_.end()) {
    Collection value;
    if (!EvalNode(expr, scope, value)) return false;
    found = memo_.emplace(&expr, std::move(value)).first;
  }
  out.insert(out.end(), found->second.begin(), found->second.end());
  return true;
}

bool Evaluator::EvalNode(const Expr& expr, const Scope& scope, Collection& out) {
  switch (expr.kind) {
    case ExprKind::kLiteral: out.push_back(expr.literal); return true;
    case ExprKind::kEmpty: return true;
    case ExprKind::kMember: return EvalMember(expr, scope, out);
    case ExprKind::kFunction: return EvalFunction(expr, scope, out);
    case ExprKind::kThis:
      if (scope.item != nullptr) out.push_back(*scope.item);
      else if (scope.collection != nullptr) out.insert(out.end(), scope.collection->begin(), scope.collection->end());
      return true;
    case ExprKind::kIndex:
      if (scope.index >= 0) out.push_back(Value::Integer(scope.index));
      return true;
    case ExprKind::kTotal:
      if (scope.total != nullptr) out.insert(out.end(), scope.total->begin(), scope.total->end());
      return true;
    case ExprKind::kVariable: return EvalVariable(expr, scope, out);
    case ExprKind::kIndexer: {
      ScratchCollection base_scratch, index_scratch;
      Collection& base = base_scratch.get();
      Collection& index = index_scratch.get();
      if (!Eval(*expr.args[0], scope, base) || !Eval(*expr.args[1], scope, index)) return false;
      bool ok = true;
      auto i = Singleton(index, expr.args[1]->position, ok, "indexer");
      if (!ok) return false;
      if (!i) return true;
      if (i->kind() != ValueKind::kInteger) return Fail("index must be an Integer", expr.args[1]->position);
      if (i->integer() >= 0 && static_cast<std::size_t>(i->integer()) < base.size()) out.push_back(std::move(base[static_cast<std::size_t>(i->integer())]));
      return true;
    }
    case ExprKind::kUnary: return EvalUnary(*this, expr, scope, out);
    case ExprKind::kBinary: return EvalBinary(*this, expr, scope, out);
    case ExprKind::kTypeOp: {
      ScratchCollection scratch;
      Collection& input = scratch.get();
      if (!Eval(*expr.args[0], scope, input)) return false;
      if (input.empty()) return true;
      if (input.size() > 1 && expr.op == BinaryOp::kAs && env_.lenient_as) {
        for (Value& item : input) {
          auto is = IsType(item, expr.type_name, true, expr.position);
          if (!is) return false;
          if (*is) out.push_back(std::move(item));
        }
        return true;
      }
      if (input.size() > 1) return Fail("'" + expr.name + "' expects a single item", expr.position);
      auto is = IsType(input[0], expr.type_name, expr.op == BinaryOp::kAs, expr.position);
      if (!is) return false;
      if (expr.op == BinaryOp::kIs) out.push_back(Value::Boolean(*is));
      else if (*is) out.push_back(std::move(input[0]));
      return true;
    }
  }
  return Fail("unsupported expression", expr.position);
}

// Strict mode (the suite's mode="strict"): checks that need only the syntax tree and the model.
bool Evaluator::StrictCheck(const Expr& expr) {
  if (!env_.strict || !expr.focus) return true;
  const Expr& focus = *expr.focus;
  if (expr.kind == ExprKind::kMember && model() != nullptr) {
    // (x as T).name / x.ofType(T).name: `name` must be an element of T.
    const bool typed = (focus.kind == ExprKind::kTypeOp && focus.op == BinaryOp::kAs) ||
                       (focus.kind == ExprKind::kFunction && (focus.name == "as" || focus.name == "ofType"));
    if (typed) {
      std::string_view type = focus.type_name;
      if (auto dot = type.find('.'); dot != std::string_view::npos) type = type.substr(dot + 1);
      const model::TypeInfo* info = model()->Find(type);
      if (info != nullptr && info->FindElement(expr.name) == nullptr)
        return Fail("'" + expr.name + "' is not an element of " + info->name, expr.position, ErrorKind::kSemantic);
    }
  }
  if (expr.kind == ExprKind::kFunction && focus.kind == ExprKind::kFunction &&
      (focus.name == "children" || focus.name == "descendants")) {
    // The order of children()/descendants() is undefined, so order-dependent functions are errors.
    static const char* const kOrdered[] = {"skip", "take", "first", "last", "tail", "single"};
    for (const char* name : kOrdered) {
      if (expr.name == name)
        return Fail(expr.name + "() depends on order, but " + focus.name + "() is unordered", expr.position, ErrorKind::kSemantic);
    }
  }
  return true;
}

bool Evaluator::EvalMember(const Expr& expr, const Scope& scope, Collection& out) {
  if (expr.focus) {
    if (env_.strict && !StrictCheck(expr)) return false;
    ScratchCollection scratch;
    Collection& focus = scratch.get();
    if (!Eval(*expr.focus, scope, focus)) return false;
    for (const Value& item : focus) {
      if (!Children(item, expr.name, expr.position, out)) return false;
    }
    return true;
  }
  // A path start: a type name selects the context when it matches (Patient.name on a Patient).
  auto each = [&](const Value& item) -> bool {
    if (!expr.name.empty() && expr.name[0] >= 'A' && expr.name[0] <= 'Z' && item.is_node()) {
      const Node& node = item.node();
      bool matches = node.info != nullptr ? node.info->IsA(expr.name) : node.type == expr.name;
      if (matches) return Append(out, item, expr.position);
      const model::TypeInfo* type = model() != nullptr ? model()->Find(expr.name) : nullptr;
      if (type != nullptr && type->kind == model::TypeKind::kResource) {
        if (env_.strict) return Fail("the context is not a " + expr.name, expr.position, ErrorKind::kSemantic);
        return true;
      }
    }
    return Children(item, expr.name, expr.position, out);
  };
  if (scope.item != nullptr) return each(*scope.item);
  if (scope.collection != nullptr) {
    for (const Value& item : *scope.collection) {
      if (!each(item)) return false;
    }
  }
  return true;
}

bool Evaluator::EvalFunction(const Expr& expr, const Scope& scope, Collection& out) {
  ScratchCollection scratch;
  Collection& focus = scratch.get();
  if (expr.focus) {
    if (env_.strict && !StrictCheck(expr)) return false;
    if (!Eval(*expr.focus, scope, focus)) return false;
  } else if (scope.item != nullptr) {
    focus.push_back(*scope.item);
  } else if (scope.collection != nullptr) {
    focus = *scope.collection;
  }
  return expr.function->impl(*this, focus, expr, scope, out);
}

void Evaluator::ResourceVariable(const Json* json, Collection& out) {
  if (json == nullptr) {
    out.insert(out.end(), context_.begin(), context_.end());
  } else {
    out.push_back(Value::MakeNode(MakeNode(*json, {}, model())));
  }
}

bool Evaluator::EvalVariable(const Expr& expr, const Scope& /*scope*/, Collection& out) {
  const std::string& name = expr.name;
  if (auto it = defined_.find(name); it != defined_.end()) {
    out.insert(out.end(), it->second.begin(), it->second.end());
    return true;
  }
  if (auto it = env_.variables.find(name); it != env_.variables.end()) {
    out.insert(out.end(), it->second.begin(), it->second.end());
    return true;
  }
  if (name == "context") {
    out.insert(out.end(), context_.begin(), context_.end());
  } else if (name == "resource") {
    ResourceVariable(env_.resource, out);
  } else if (name == "rootResource") {
    ResourceVariable(env_.root_resource != nullptr ? env_.root_resource : env_.resource, out);
  } else if (name == "ucum") {
    out.push_back(Value::String("http://unitsofmeasure.org"));
  } else if (name == "sct") {
    out.push_back(Value::String("http://snomed.info/sct"));
  } else if (name == "loinc") {
    out.push_back(Value::String("http://loinc.org"));
  } else if (name.rfind("vs-", 0) == 0) {
    out.push_back(Value::String("http://hl7.org/fhir/ValueSet/" + name.substr(3)));
  } else if (name.rfind("ext-", 0) == 0) {
    out.push_back(Value::String("http://hl7.org/fhir/StructureDefinition/" + name.substr(4)));
  } else {
    return Fail("unknown variable %" + name, expr.position, ErrorKind::kSemantic);
  }
  return true;
}

// ---- Public API ----

Result<CompiledExpression> Compile(std::string_view expression) {
  auto parsed = Parse(expression);
  if (!parsed.ok()) return parsed.error();
  CompiledExpression compiled;
  compiled.text_ = std::string(expression);
  compiled.root_ = std::shared_ptr<const Expr>(std::move(parsed.value()));
  return compiled;
}

Result<CompiledExpression> ExpressionCache::Get(std::string_view expression) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(std::string(expression));
  if (it != entries_.end()) return it->second;
  if (entries_.size() >= capacity_) entries_.clear();
  return entries_.emplace(std::string(expression), Compile(expression)).first->second;
}

Node MakeNode(const Json& json, std::string_view type, const model::TypeModel* model) {
  Node node;
  node.value = &json;
  if (type.empty() && json.is_object()) {
    auto rt = json.find(kResourceType);
    if (rt != json.end() && rt->is_string()) type = rt->get_ref<const std::string&>();
  }
  node.type = type;
  if (model != nullptr && !type.empty()) {
    node.info = model->Find(type);
    if (node.info != nullptr) node.type = node.info->type_code;
  }
  return node;
}

Result<Collection> Evaluate(const CompiledExpression& expression, const Collection& context, const Environment& environment) {
  try {
    Evaluator evaluator(environment, context);
    Scope scope;
    scope.collection = &context;
    Collection out;
    if (!evaluator.Eval(expression.root(), scope, out)) return evaluator.error();
    return out;
  } catch (const std::exception& e) {
    // Defensive: nothing below should throw except allocation failure; never let it escape.
    return Error{ErrorKind::kExecution, std::string("internal error: ") + e.what(), 0};
  }
}

Result<Collection> Evaluate(const CompiledExpression& expression, const Json& context, const Environment& environment) {
  Collection input;
  if (!(context.is_object() && context.empty()) && !context.is_null())
    input.push_back(Value::MakeNode(MakeNode(context, {}, environment.model)));
  // %resource defaults to the context (Evaluator::ResourceVariable).
  return Evaluate(expression, input, environment);
}

Result<Collection> Evaluate(std::string_view expression, const Json& context, const Environment& environment) {
  static ExpressionCache cache;
  auto compiled = cache.Get(expression);
  if (!compiled.ok()) return compiled.error();
  return Evaluate(compiled.value(), context, environment);
}

}  // namespace pdex::fhirpath
