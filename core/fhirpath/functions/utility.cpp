// FHIRPath §5.9 Utility (trace, now, today, timeOfDay), §6.3 type functions (is, as, type), §6.5
// not(), and the aggregate()/sort()/defineVariable() functions (FHIRPath 2.0.0 §7, 2.1.0 §5.x).
#include "fhirpath/functions/common.h"

#include <algorithm>

namespace pdex::fhirpath {
namespace {
using namespace fn;

PDEX_FHIRPATH_FN(Trace) {
  bool ok = true;
  auto name = ev.StringArg(call, 0, scope, ok);
  if (!ok) return false;
  if (ev.env().trace) {
    if (call.args.size() > 1) {
      Collection projected;
      for (std::size_t i = 0; i < focus.size(); ++i) {
        if (!ev.EvalOnItem(*call.args[1], focus[i], static_cast<std::int64_t>(i), scope, projected)) return false;
      }
      ev.env().trace(name.value_or(""), projected);
    } else {
      ev.env().trace(name.value_or(""), focus);
    }
  }
  out.insert(out.end(), focus.begin(), focus.end());
  return true;
}

PDEX_FHIRPATH_FN(Now) {
  (void)focus, (void)call, (void)scope;
  out.push_back(Value::Temporal(ev.Now()));
  return true;
}

PDEX_FHIRPATH_FN(Today) {
  (void)focus, (void)call, (void)scope;
  DateTimeValue d = ev.Now();
  d.kind = DateTimeValue::Kind::kDate;
  d.precision = DatePrecision::kDay;
  d.has_tz = false;
  out.push_back(Value::Temporal(d));
  return true;
}

PDEX_FHIRPATH_FN(TimeOfDay) {
  (void)focus, (void)call, (void)scope;
  DateTimeValue d = ev.Now();
  d.kind = DateTimeValue::Kind::kTime;
  d.has_tz = false;
  out.push_back(Value::Temporal(d));
  return true;
}

PDEX_FHIRPATH_FN(Aggregate) {
  Collection total;
  if (call.args.size() > 1 && !ev.EvalArg(call, 1, scope, total)) return false;
  for (std::size_t i = 0; i < focus.size(); ++i) {
    Scope inner;
    inner.item = &focus[i];
    inner.index = static_cast<std::int64_t>(i);
    inner.total = &total;
    Collection next;
    if (!ev.Eval(*call.args[0], inner, next)) return false;
    total = std::move(next);
  }
  out.insert(out.end(), total.begin(), total.end());
  return true;
}

// sort([key, ...]): ascending; a key written as -expr sorts descending (FHIRPath 2.1.0).
PDEX_FHIRPATH_FN(Sort) {
  struct Keyed {
    std::size_t index;
    std::vector<std::optional<Value>> keys;
  };
  std::vector<Keyed> items;
  std::vector<bool> descending;
  for (const auto& arg : call.args) descending.push_back(arg->kind == ExprKind::kUnary && arg->negate);
  for (std::size_t i = 0; i < focus.size(); ++i) {
    Keyed k{i, {}};
    if (call.args.empty()) {
      k.keys.push_back(ToSystem(focus[i]));
    }
    for (std::size_t a = 0; a < call.args.size(); ++a) {
      const Expr& key = descending[a] ? *call.args[a]->args[0] : *call.args[a];
      Collection r;
      if (!ev.EvalOnItem(key, focus[i], static_cast<std::int64_t>(i), scope, r)) return false;
      bool ok = true;
      k.keys.push_back(ev.Singleton(r, key.position, ok, "sort key"));
      if (!ok) return false;
    }
    items.push_back(std::move(k));
  }
  std::string error;
  std::stable_sort(items.begin(), items.end(), [&](const Keyed& x, const Keyed& y) {
    for (std::size_t a = 0; a < x.keys.size(); ++a) {
      const auto& p = x.keys[a];
      const auto& q = y.keys[a];
      if (!p || !q) {  // empty keys sort first in either direction
        if (!p && !q) continue;
        return !p;
      }
      int c = CompareValues(*p, *q, error).value_or(0);
      if (a < descending.size() && descending[a]) c = -c;
      if (c != 0) return c < 0;
    }
    return false;
  });
  if (!error.empty()) return ev.Fail("sort(): " + error, call.position);
  for (const Keyed& k : items) out.push_back(focus[k.index]);
  return true;
}

PDEX_FHIRPATH_FN(DefineVariable) {
  bool ok = true;
  auto name = ev.StringArg(call, 0, scope, ok);
  if (!ok) return false;
  if (!name) return ev.Fail("defineVariable() needs a name", call.position);
  Collection value = focus;
  if (call.args.size() > 1) {
    value.clear();
    Scope inner;
    inner.collection = &focus;
    if (!ev.Eval(*call.args[1], inner, value)) return false;
  }
  ev.defined_variables()[*name] = std::move(value);
  out.insert(out.end(), focus.begin(), focus.end());
  return true;
}

PDEX_FHIRPATH_FN(Not) {
  (void)scope;
  if (focus.empty()) return true;
  if (focus.size() > 1) return ev.Fail("not() on a collection of " + std::to_string(focus.size()) + " items", call.position);
  auto v = ToSystem(focus[0]);
  if (!v || v->kind() != ValueKind::kBoolean) {
    // §4.5 singleton evaluation: a single non-Boolean item is true, so not() is false.
    out.push_back(Value::Boolean(false));
    return true;
  }
  out.push_back(Value::Boolean(!v->boolean()));
  return true;
}

PDEX_FHIRPATH_FN(IsFn) {
  (void)scope;
  if (focus.empty()) return true;
  if (focus.size() > 1) return ev.Fail("is() on a collection of " + std::to_string(focus.size()) + " items", call.position);
  auto r = ev.IsType(focus[0], call.type_name, false, call.position);
  if (!r) return false;
  out.push_back(Value::Boolean(*r));
  return true;
}

PDEX_FHIRPATH_FN(AsFn) {
  (void)scope;
  if (focus.empty()) return true;
  if (focus.size() > 1) {
    if (!ev.env().lenient_as) return ev.Fail("as() on a collection of " + std::to_string(focus.size()) + " items", call.position);
    for (const Value& item : focus) {
      auto r = ev.IsType(item, call.type_name, true, call.position);
      if (!r) return false;
      if (*r) out.push_back(item);
    }
    return true;
  }
  auto r = ev.IsType(focus[0], call.type_name, true, call.position);
  if (!r) return false;
  if (*r) out.push_back(focus[0]);
  return true;
}

// type() (§6.3.4 reflection): a ClassInfo-like object {namespace, name}.
PDEX_FHIRPATH_FN(TypeFn) {
  (void)ev, (void)call, (void)scope;
  for (const Value& item : focus) {
    std::string full = TypeName(item);
    auto dot = full.find('.');
    auto info = std::make_shared<nlohmann::json>(
        nlohmann::json{{"namespace", full.substr(0, dot)}, {"name", full.substr(dot + 1)}});
    Node node;
    node.value = info.get();
    node.owner = std::move(info);
    out.push_back(Value::MakeNode(std::move(node)));
  }
  return true;
}

}  // namespace

void AddUtilityFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {
                                {"trace", 1, 2, Trace},
                                {"now", 0, 0, Now},
                                {"today", 0, 0, Today},
                                {"timeOfDay", 0, 0, TimeOfDay},
                                {"aggregate", 1, 2, Aggregate},
                                {"sort", 0, 8, Sort},
                                {"defineVariable", 1, 2, DefineVariable},
                                {"not", 0, 0, Not},
                                {"is", 1, 1, IsFn, true},
                                {"as", 1, 1, AsFn, true},
                                {"type", 0, 0, TypeFn},
                            });
}

}  // namespace pdex::fhirpath
