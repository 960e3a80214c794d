// FHIR-specific functions (FHIR R4 §2.6.2.x "FHIRPath" additional functions): extension(url),
// hasValue(), getValue(), resolve(), memberOf(), conformsTo(), htmlChecks().
#include "fhirpath/functions/common.h"

#include <algorithm>
#include <cctype>

namespace pdex::fhirpath {
namespace {
using namespace fn;
using Json = nlohmann::json;

PDEX_FHIRPATH_FN(Extension) {
  bool ok = true;
  auto url = ev.StringArg(call, 0, scope, ok);
  if (!ok) return false;
  if (!url) return true;
  ScratchCollection scratch;
  Collection& extensions = scratch.get();
  for (const Value& item : focus) {
    extensions.clear();
    if (!ev.Children(item, "extension", call.position, extensions)) return false;
    for (Value& e : extensions) {
      const Json* json = e.node().value;
      if (json == nullptr || !json->is_object()) continue;
      auto u = json->find("url");
      if (u != json->end() && u->is_string() && u->get_ref<const std::string&>() == *url) out.push_back(std::move(e));
    }
  }
  return true;
}

bool IsPrimitiveNode(const Value& v) { return v.is_node() && v.node().value != nullptr && !v.node().value->is_object(); }

PDEX_FHIRPATH_FN(HasValue) {
  (void)ev, (void)call, (void)scope;
  out.push_back(Value::Boolean(focus.size() == 1 && (IsPrimitiveNode(focus[0]) || !focus[0].is_node())));
  return true;
}

PDEX_FHIRPATH_FN(GetValue) {
  (void)ev, (void)call, (void)scope;
  if (focus.size() == 1 && (IsPrimitiveNode(focus[0]) || !focus[0].is_node())) {
    if (auto v = ToSystem(focus[0])) out.push_back(std::move(*v));
  }
  return true;
}

// Finds `reference` among contained resources of `container` and, when it is a Bundle, its entries.
const Json* FindReference(const Json* container, const std::string& reference) {
  if (container == nullptr || !container->is_object()) return nullptr;
  if (!reference.empty() && reference[0] == '#') {
    auto contained = container->find("contained");
    if (contained == container->end() || !contained->is_array()) return nullptr;
    for (const Json& r : *contained) {
      auto id = r.is_object() ? r.find("id") : r.end();
      if (r.is_object() && id != r.end() && id->is_string() && reference.compare(1, std::string::npos, id->get_ref<const std::string&>()) == 0)
        return &r;
    }
    return nullptr;
  }
  auto entries = container->find("entry");
  if (entries == container->end() || !entries->is_array()) return nullptr;
  for (const Json& entry : *entries) {
    if (!entry.is_object()) continue;
    auto resource = entry.find("resource");
    if (resource == entry.end() || !resource->is_object()) continue;
    auto full_url = entry.find("fullUrl");
    if (full_url != entry.end() && full_url->is_string()) {
      const std::string& f = full_url->get_ref<const std::string&>();
      if (f == reference || (f.size() > reference.size() && f.compare(f.size() - reference.size(), reference.size(), reference) == 0 &&
                             f[f.size() - reference.size() - 1] == '/'))
        return &*resource;
    }
    auto type = resource->find("resourceType");
    auto id = resource->find("id");
    if (type != resource->end() && id != resource->end() && type->is_string() && id->is_string() &&
        type->get_ref<const std::string&>() + "/" + id->get_ref<const std::string&>() == reference)
      return &*resource;
  }
  return nullptr;
}

PDEX_FHIRPATH_FN(Resolve) {
  (void)scope, (void)call;
  for (const Value& item : focus) {
    std::string reference;
    if (item.is_node() && item.node().value != nullptr && item.node().value->is_object()) {
      auto r = item.node().value->find("reference");
      if (r == item.node().value->end() || !r->is_string()) continue;
      reference = r->get<std::string>();
    } else if (auto v = ToSystem(item); v && v->kind() == ValueKind::kString) {
      reference = v->string();
    } else {
      continue;
    }
    const Environment& env = ev.env();
    const Json* resource = env.resource;
    if (resource == nullptr && !ev.context().empty() && ev.context()[0].is_node()) resource = ev.context()[0].node().value;
    const Json* found = FindReference(resource, reference);
    if (found == nullptr) found = FindReference(env.root_resource, reference);
    if (found != nullptr) out.push_back(Value::MakeNode(MakeNode(*found, {}, ev.model())));
  }
  return true;
}

PDEX_FHIRPATH_FN(MemberOf) {
  bool ok = true;
  auto url = ev.StringArg(call, 0, scope, ok);
  if (!ok) return false;
  if (!url || ev.env().terminology == nullptr) return true;
  for (const Value& item : focus) {
    auto r = ev.env().terminology->MemberOf(item, *url);
    if (!r) return true;  // unknown value set: empty
    out.push_back(Value::Boolean(*r));
  }
  return true;
}

PDEX_FHIRPATH_FN(ConformsTo) {
  bool ok = true;
  auto url = ev.StringArg(call, 0, scope, ok);
  if (!ok) return false;
  if (!url) return true;
  for (const Value& item : focus) {
    if (ev.env().conforms_to) {
      Result<bool> r = ev.env().conforms_to(item, *url);
      if (!r.ok()) return ev.Fail(r.error().message, call.position);
      out.push_back(Value::Boolean(r.value()));
      continue;
    }
    // Without a validator: base definitions only (the resource is, or derives from, the type).
    static const std::string kBase = "http://hl7.org/fhir/StructureDefinition/";
    const std::string type = url->rfind(kBase, 0) == 0 ? url->substr(kBase.size()) : std::string();
    const model::TypeInfo* info = ev.model() != nullptr && !type.empty() ? ev.model()->Find(type) : nullptr;
    if (info == nullptr && (ev.model() != nullptr || type.empty())) return ev.Fail("unknown profile '" + *url + "'", call.position);
    auto is = ev.IsType(item, type, false, call.position);
    if (!is) return false;
    out.push_back(Value::Boolean(*is));
  }
  return true;
}

// htmlChecks() (FHIR R4 §2.6.2 / Narrative rules txt-1): no active content. The narrative must
// not contain script/object/embed/form/input/iframe/... elements, event-handler attributes
// (on*), or javascript: URLs; the root must be a <div>.
bool HtmlIsSafe(const std::string& html) {
  std::string lower(html.size(), ' ');
  std::transform(html.begin(), html.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::size_t first = lower.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || lower.compare(first, 4, "<div") != 0) return false;
  static const char* const kForbidden[] = {"script", "object", "embed", "form", "input", "iframe", "frame", "frameset", "applet",
                                           "button", "select", "textarea", "link", "meta", "style", "base", "param", "svg", "math"};
  for (std::size_t pos = lower.find('<'); pos != std::string::npos; pos = lower.find('<', pos + 1)) {
    std::size_t start = pos + 1;
    if (start < lower.size() && lower[start] == '/') ++start;
    std::size_t end = start;
    while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) || lower[end] == ':')) ++end;
    std::string tag = lower.substr(start, end - start);
    for (const char* f : kForbidden) {
      if (tag == f) return false;
    }
    std::size_t close = lower.find('>', end);
    std::string attrs = lower.substr(end, close == std::string::npos ? std::string::npos : close - end);
    for (std::size_t a = 0; a + 2 < attrs.size(); ++a) {
      if ((a == 0 || std::isspace(static_cast<unsigned char>(attrs[a - 1]))) && attrs.compare(a, 2, "on") == 0 &&
          std::isalpha(static_cast<unsigned char>(attrs[a + 2]))) {
        std::size_t eq = a + 2;
        while (eq < attrs.size() && std::isalpha(static_cast<unsigned char>(attrs[eq]))) ++eq;
        while (eq < attrs.size() && std::isspace(static_cast<unsigned char>(attrs[eq]))) ++eq;
        if (eq < attrs.size() && attrs[eq] == '=') return false;
      }
    }
    std::string compact;
    for (char c : attrs) {
      if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    }
    if (compact.find("javascript:") != std::string::npos || compact.find("vbscript:") != std::string::npos) return false;
  }
  return true;
}

PDEX_FHIRPATH_FN(HtmlChecks) {
  (void)scope;
  bool ok = true;
  auto v = ev.Singleton(focus, call.position, ok, "htmlChecks()");
  if (!ok) return false;
  if (!v) return true;
  if (v->kind() != ValueKind::kString) return ev.Fail("htmlChecks() expects xhtml text", call.position);
  out.push_back(Value::Boolean(HtmlIsSafe(v->string())));
  return true;
}

}  // namespace

void AddFhirFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {
                                {"extension", 1, 1, Extension},
                                {"hasValue", 0, 0, HasValue},
                                {"getValue", 0, 0, GetValue},
                                {"resolve", 0, 0, Resolve},
                                {"memberOf", 1, 1, MemberOf},
                                {"conformsTo", 1, 1, ConformsTo},
                                {"htmlChecks", 0, 0, HtmlChecks},
                            });
}

}  // namespace pdex::fhirpath
