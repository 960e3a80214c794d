// Path navigation over FHIR JSON (FHIRPath §3 "Path selection", FHIR R4 §2.6.2 JSON representation):
// arrays flatten into collections, choice elements value[x] are found by their type suffix, and a
// primitive's `_name` sibling supplies its id/extension (so Patient.name.given.extension works).
#include "fhirpath/evaluator.h"

#include <cstring>

namespace pdex::fhirpath {

using Json = nlohmann::json;

namespace {
// A std::string key: nlohmann's find() with a char literal compares through strlen + a C-string
// compare at every tree node (measurable under WebAssembly, where every object is probed).
const std::string kResourceType = "resourceType";
}  // namespace

namespace {

// FHIR primitive type names, for choice suffixes when there is no type model (valueString -> string).
std::string_view PrimitiveFromSuffix(std::string_view suffix) {
  static const char* const kPrimitives[] = {"base64Binary", "boolean", "canonical", "code",        "date",    "dateTime",
                                            "decimal",      "id",      "instant",   "integer",     "markdown", "oid",
                                            "positiveInt",  "string",  "time",      "unsignedInt", "uri",      "url",
                                            "uuid",         "xhtml",   "integer64"};
  for (const char* p : kPrimitives) {
    if (suffix.size() == std::strlen(p) && (suffix[0] | 0x20) == p[0] && suffix.substr(1) == p + 1) return p;
  }
  return suffix;
}

std::string_view InferredType(const Json& value) {
  switch (value.type()) {
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "integer";
    case Json::value_t::number_float: return "decimal";
    case Json::value_t::string: return "string";
    case Json::value_t::object: {
      auto rt = value.find(kResourceType);
      if (rt != value.end() && rt->is_string()) return rt->get_ref<const std::string&>();
      return {};
    }
    default: return {};
  }
}

}  // namespace

namespace {

// Whether a value of this declared type can be a resource whose `resourceType` names its actual type
// (contained, Bundle.entry.resource, Parameters.parameter.resource), or the type is unknown.
bool MayBeResource(const model::TypeInfo* info) { return info == nullptr || info->kind == model::TypeKind::kResource; }

// Adds the nodes of one property given its JSON value and `_name` sibling (either may be null):
// one node per array item, with the given type.
bool AddNodes(Evaluator& ev, const Json* value, const Json* ext, std::string_view type, const model::TypeInfo* info,
              std::size_t position, Collection& out, const std::shared_ptr<const Json>& owner) {
  const model::TypeModel* model = ev.model();
  const bool may_be_resource = MayBeResource(info);
  auto make = [&](const Json* item, const Json* item_ext) -> bool {
    if (item != nullptr && item->is_null()) item = nullptr;
    if (item_ext != nullptr && !item_ext->is_object()) item_ext = nullptr;
    if (item == nullptr && item_ext == nullptr) return true;
    Node node;
    node.value = item;
    node.ext = item_ext;
    node.info = info;
    node.type = type;
    node.owner = owner;
    if (may_be_resource && item != nullptr && item->is_object()) {
      auto rt = item->find(kResourceType);
      if (rt != item->end() && rt->is_string()) {
        node.type = rt->get_ref<const std::string&>();
        node.info = model != nullptr ? model->Find(node.type) : nullptr;
        if (node.info != nullptr) node.type = node.info->type_code;
      }
    }
    if (node.type.empty() && item != nullptr) node.type = InferredType(*item);
    return ev.Append(out, Value::MakeNode(std::move(node)), position);
  };
  const bool value_array = value != nullptr && value->is_array();
  const bool ext_array = ext != nullptr && ext->is_array();
  if (value_array || ext_array) {
    std::size_t n = std::max(value_array ? value->size() : 0, ext_array ? ext->size() : 0);
    for (std::size_t i = 0; i < n; ++i) {
      const Json* item = value_array && i < value->size() ? &(*value)[i] : nullptr;
      const Json* item_ext = ext_array && i < ext->size() ? &(*ext)[i] : nullptr;
      if (!make(item, item_ext)) return false;
    }
    return true;
  }
  return make(value, ext);
}

// The `_key` sibling of property `key` in `object`, or nullptr.
const Json* Underscored(const Json& object, std::string_view key) {
  thread_local std::string underscored;
  underscored.assign(1, '_');
  underscored += key;
  auto e = object.find(underscored);
  return e == object.end() ? nullptr : &*e;
}

// Adds the nodes of property `key` of `object` (value and `_key` sibling) with the given type.
bool AddProperty(Evaluator& ev, const Json& object, const std::string& key, std::string_view type,
                 const model::TypeInfo* info, std::size_t position, Collection& out,
                 const std::shared_ptr<const Json>& owner) {
  auto v = object.find(key);
  const Json* value = v == object.end() ? nullptr : &*v;
  const bool maybe_primitive = info == nullptr || info->kind == model::TypeKind::kPrimitive;
  const Json* ext = maybe_primitive ? Underscored(object, key) : nullptr;
  if (value == nullptr && ext == nullptr) return true;
  return AddNodes(ev, value, ext, type, info, position, out, owner);
}

}  // namespace

bool Evaluator::Children(const Value& item, std::string_view name, std::size_t position, Collection& out) {
  if (!item.is_node()) {
    // A System Quantity exposes its value and unit (as a FHIR Quantity would).
    if (item.kind() == ValueKind::kQuantity) {
      if (name == "value") out.push_back(Value{item.quantity().value});
      if (name == "unit" || name == "code") out.push_back(Value::String(item.quantity().unit));
    }
    return true;
  }
  const Node& node = item.node();
  const Json* object = node.value != nullptr && node.value->is_object() ? node.value : node.ext;
  if (object == nullptr || !object->is_object()) return true;
  const model::TypeModel* types = model();
  if (types != nullptr && node.info != nullptr) {
    const model::ElementInfo* element = node.info->FindElement(name);
    if (element == nullptr) {
      model::ResolvedKey key = types->ResolveKey(*node.info, name);
      std::string message(1, '\'');
      message.append(name);
      if (key.element != nullptr && key.element->is_choice)
        return Fail(message.append("' is not a FHIRPath name; use '").append(key.element->name).append("' (choice element)"),
                    position, ErrorKind::kSemantic);
      if (env_.strict)
        return Fail(message.append("' is not an element of ").append(node.info->name), position, ErrorKind::kSemantic);
      return true;
    }
    if (element->is_choice) {
      for (auto it = object->begin(); it != object->end(); ++it) {
        const std::string& key = it.key();
        if (key.size() <= name.size() || key.compare(0, name.size(), name) != 0 || key[name.size()] < 'A' ||
            key[name.size()] > 'Z')
          continue;
        std::string_view suffix = std::string_view(key).substr(name.size());
        for (std::size_t i = 0; i < element->type_names.size(); ++i) {
          if (model::ChoiceSuffix(element->type_names[i]) == suffix) {
            if (!AddProperty(*this, *object, key, element->type_names[i], element->types[i], position, out, node.owner)) return false;
            break;
          }
        }
      }
      return true;
    }
    std::string_view type = element->backbone != nullptr ? std::string_view(element->backbone->type_code)
                            : element->type_names.empty() ? std::string_view() : std::string_view(element->type_names[0]);
    const model::TypeInfo* info = element->backbone != nullptr ? element->backbone : (element->types.empty() ? nullptr : element->types[0]);
    return AddProperty(*this, *object, element->name, type, info, position, out, node.owner);
  }
  // No type model: JSON shape only.
  std::string key(name);
  std::string underscored(1, '_');
  underscored.append(name);
  if (object->contains(key) || object->contains(underscored)) return AddProperty(*this, *object, key, {}, nullptr, position, out, node.owner);
  for (auto it = object->begin(); it != object->end(); ++it) {
    const std::string& k = it.key();
    if (k.size() > name.size() && k.compare(0, name.size(), name) == 0 && k[name.size()] >= 'A' && k[name.size()] <= 'Z') {
      std::string_view suffix = std::string_view(k).substr(name.size());
      if (!AddProperty(*this, *object, k, PrimitiveFromSuffix(suffix), nullptr, position, out, node.owner)) return false;
    }
  }
  return true;
}

void Evaluator::AllChildren(const Value& item, Collection& out) {
  if (!item.is_node()) return;
  const Node& node = item.node();
  const Json* object = node.value != nullptr && node.value->is_object() ? node.value : node.ext;
  if (object == nullptr || !object->is_object()) return;
  // descendants() visits every property of every node: take values from the iteration rather than
  // looking each one up again, and look for `_name` siblings only in objects that have any.
  bool has_underscored = false;
  for (auto it = object->begin(); it != object->end() && !has_underscored; ++it) has_underscored = it.key()[0] == '_';
  for (auto it = object->begin(); it != object->end(); ++it) {
    const std::string& json_key = it.key();
    if (json_key == kResourceType) continue;
    const bool underscored = !json_key.empty() && json_key[0] == '_';
    const std::string_view key = underscored ? std::string_view(json_key).substr(1) : std::string_view(json_key);
    const Json* value = underscored ? nullptr : &it.value();
    if (underscored) {
      auto plain = object->find(std::string(key));
      if (plain != object->end()) continue;  // merged with the value
    }
    std::string_view type;
    const model::TypeInfo* info = nullptr;
    if (model() != nullptr && node.info != nullptr) {
      model::ResolvedKey resolved = model()->ResolveKey(*node.info, key);
      type = resolved.type_name;
      info = resolved.type;
      if (resolved.element != nullptr && resolved.element->backbone != nullptr) {
        info = resolved.element->backbone;
        type = info->type_code;
      }
    }
    const Json* ext = underscored ? &it.value()
                      : has_underscored && (info == nullptr || info->kind == model::TypeKind::kPrimitive)
                          ? Underscored(*object, key)
                          : nullptr;
    if (!AddNodes(*this, value, ext, type, info, 0, out, node.owner)) return;
  }
}

}  // namespace pdex::fhirpath
