#include "model/type_model.h"

#include "json/parse.h"

#include <deque>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace pdex::model {

using Json = nlohmann::json;

const ElementInfo* TypeInfo::FindElement(std::string_view element_name) const {
  auto it = elements.find(element_name);
  return it == elements.end() ? nullptr : &it->second;
}

bool TypeInfo::IsA(std::string_view type_name) const {
  for (const TypeInfo* t = this; t != nullptr; t = t->base) {
    if (t->type_code == type_name) return true;
  }
  return false;
}

std::string ChoiceSuffix(std::string_view type_name) {
  std::string suffix(type_name);
  if (!suffix.empty() && suffix[0] >= 'a' && suffix[0] <= 'z') suffix[0] = static_cast<char>(suffix[0] - 'a' + 'A');
  return suffix;
}

struct TypeModel::Impl {
  std::deque<TypeInfo> storage;
  // Keys view TypeInfo::name inside `storage` (a deque: elements never move). Hashed: Find() runs
  // for every resource node the FHIRPath engine creates.
  std::unordered_map<std::string_view, TypeInfo*> by_name;
  // Pending links resolved once every definition is read.
  struct PendingBase { TypeInfo* type; std::string base_name; };
  struct PendingRef { ElementInfo* element; std::string path; };
  std::vector<PendingBase> pending_bases;
  std::vector<PendingRef> pending_refs;

  TypeInfo* Add(std::string name, std::string type_code, TypeKind kind) {
    auto it = by_name.find(name);
    if (it != by_name.end()) return nullptr;  // first definition wins
    storage.push_back(TypeInfo{});
    TypeInfo* info = &storage.back();
    info->name = std::move(name);
    info->type_code = std::move(type_code);
    info->kind = kind;
    by_name.emplace(info->name, info);
    return info;
  }

  TypeInfo* FindMutable(std::string_view name) {
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : it->second;
  }

  void AddDefinition(const Json& sd);
};

namespace {

const std::string* StringField(const Json& object, const char* key) {
  auto it = object.find(key);
  return (it != object.end() && it->is_string()) ? &it->get_ref<const std::string&>() : nullptr;
}

// The FHIR type code of one ElementDefinition.type entry. Element.id and the like are typed with the
// FHIRPath system type and name the FHIR type in the structuredefinition-fhir-type extension.
std::string TypeCode(const Json& type) {
  const std::string* code = StringField(type, "code");
  if (code == nullptr) return {};
  auto ext = type.find("extension");
  if (ext != type.end() && ext->is_array()) {
    for (const Json& e : *ext) {
      const std::string* url = StringField(e, "url");
      const std::string* value = StringField(e, "valueUrl");
      if (url && value && *url == "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type") return *value;
    }
  }
  static const std::string kSystemPrefix = "http://hl7.org/fhirpath/System.";
  if (code->rfind(kSystemPrefix, 0) == 0) {
    std::string system = code->substr(kSystemPrefix.size());
    if (system == "String") return "string";
    if (system == "Boolean") return "boolean";
    if (system == "Integer") return "integer";
    if (system == "Decimal") return "decimal";
    if (system == "Date") return "date";
    if (system == "DateTime") return "dateTime";
    if (system == "Time") return "time";
    return "string";
  }
  return *code;
}

}  // namespace

void TypeModel::Impl::AddDefinition(const Json& sd) {
  if (!sd.is_object()) return;
  const std::string* resource_type = StringField(sd, "resourceType");
  if (resource_type == nullptr || *resource_type != "StructureDefinition") return;
  const std::string* derivation = StringField(sd, "derivation");
  if (derivation != nullptr && *derivation == "constraint") return;
  const std::string* kind_text = StringField(sd, "kind");
  const std::string* type = StringField(sd, "type");
  if (kind_text == nullptr || type == nullptr) return;
  auto snapshot = sd.find("snapshot");
  if (snapshot == sd.end() || !snapshot->is_object()) return;
  auto elements = snapshot->find("element");
  if (elements == snapshot->end() || !elements->is_array()) return;

  TypeKind kind = TypeKind::kComplex;
  if (*kind_text == "primitive-type") kind = TypeKind::kPrimitive;
  else if (*kind_text == "resource") kind = TypeKind::kResource;
  else if (*kind_text == "logical") kind = TypeKind::kLogical;
  TypeInfo* root = Add(*type, *type, kind);
  if (root == nullptr) return;
  if (const std::string* base = StringField(sd, "baseDefinition")) {
    std::size_t slash = base->rfind('/');
    pending_bases.push_back({root, slash == std::string::npos ? *base : base->substr(slash + 1)});
  }

  std::unordered_map<std::string, TypeInfo*> parents{{*type, root}};
  for (const Json& element : *elements) {
    const std::string* path = StringField(element, "path");
    if (path == nullptr) continue;
    std::size_t dot = path->rfind('.');
    if (dot == std::string::npos) continue;  // the root element
    auto parent_it = parents.find(path->substr(0, dot));
    if (parent_it == parents.end()) continue;  // child of a slice or an unknown parent
    TypeInfo* parent = parent_it->second;
    std::string name = path->substr(dot + 1);
    if (kind == TypeKind::kPrimitive && parent == root && name == "value") continue;
    ElementInfo info;
    if (name.size() > 3 && name.compare(name.size() - 3, 3, "[x]") == 0) {
      name.resize(name.size() - 3);
      info.is_choice = true;
    }
    info.name = name;
    const std::string* max = StringField(element, "max");
    info.is_list = max != nullptr && *max != "1" && *max != "0";
    if (parent == root && kind == TypeKind::kResource && name == "id") info.type_names.push_back("id");
    auto types = element.find("type");
    if (info.type_names.empty() && types != element.end() && types->is_array()) {
      for (const Json& t : *types) {
        std::string code = TypeCode(t);
        if (!code.empty()) info.type_names.push_back(std::move(code));
      }
    }
    auto [it, inserted] = parent->elements.emplace(name, std::move(info));
    if (!inserted) continue;
    ElementInfo& stored = it->second;
    if (const std::string* ref = StringField(element, "contentReference")) {
      std::string target = ref->substr(ref->find('#') == std::string::npos ? 0 : ref->find('#') + 1);
      pending_refs.push_back({&stored, target});
    } else if (stored.type_names.size() == 1 &&
               (stored.type_names[0] == "BackboneElement" || stored.type_names[0] == "Element")) {
      // An inline structure: its children are defined under this path.
      TypeInfo* backbone = Add(*path, stored.type_names[0], TypeKind::kBackbone);
      if (backbone != nullptr) {
        pending_bases.push_back({backbone, stored.type_names[0]});
        stored.backbone = backbone;
        parents[*path] = backbone;
      }
    }
  }
}

TypeModel::TypeModel() : impl_(std::make_unique<Impl>()) {}
TypeModel::~TypeModel() = default;
TypeModel::TypeModel(TypeModel&&) noexcept = default;
TypeModel& TypeModel::operator=(TypeModel&&) noexcept = default;

const TypeModel& LazyTypeModel::Get() const {
  if (model_ == nullptr) model_ = std::make_unique<TypeModel>(TypeModel::FromStructureDefinitions(definitions_()));
  return *model_;
}

TypeModel TypeModel::FromStructureDefinitions(const std::vector<const Json*>& definitions) {
  TypeModel model;
  Impl& impl = *model.impl_;
  for (const Json* sd : definitions) {
    if (sd != nullptr) impl.AddDefinition(*sd);
  }
  for (const auto& pending : impl.pending_bases) {
    TypeInfo* base = impl.FindMutable(pending.base_name);
    if (base != pending.type) pending.type->base = base;
  }
  for (const auto& pending : impl.pending_refs) {
    pending.element->backbone = impl.FindMutable(pending.path);
    if (pending.element->backbone != nullptr) pending.element->type_names = {pending.element->backbone->type_code};
  }
  for (TypeInfo& type : impl.storage) {
    for (auto& [name, element] : type.elements) {
      element.types.clear();
      for (const std::string& type_name : element.type_names) element.types.push_back(impl.FindMutable(type_name));
    }
  }
  impl.pending_bases.clear();
  impl.pending_refs.clear();
  return model;
}

TypeModel TypeModel::FromDocuments(const std::vector<const Json*>& documents) {
  std::vector<const Json*> definitions;
  for (const Json* document : documents) {
    if (document == nullptr || !document->is_object()) continue;
    auto entries = document->find("entry");
    if (entries != document->end() && entries->is_array()) {
      for (const Json& entry : *entries) {
        auto resource = entry.is_object() ? entry.find("resource") : entry.end();
        if (entry.is_object() && resource != entry.end()) definitions.push_back(&*resource);
      }
    } else {
      definitions.push_back(document);
    }
  }
  return FromStructureDefinitions(definitions);
}

namespace {

// Builds a DOM of a definitions Bundle without the parts the type model never reads (narrative,
// documentation strings, constraints, mappings, differentials): roughly halves load time and
// memory for the 37 MB R4 definitions. Depth-limited; never throws.
class DefinitionsFilter {
 public:
  explicit DefinitionsFilter(Json& result) : dom_(result, /*allow_exceptions=*/false) {}

  bool null() { return Scalar() || dom_.null(); }
  bool boolean(bool v) { return Scalar() || dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return Scalar() || dom_.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return Scalar() || dom_.number_unsigned(v); }
  bool number_float(Json::number_float_t v, const std::string& s) { return Scalar() || dom_.number_float(v, s); }
  bool string(std::string& v) { return Scalar() || dom_.string(v); }
  bool binary(Json::binary_t& v) { return Scalar() || dom_.binary(v); }
  bool key(std::string& k) {
    if (skipping_ > 0) return true;
    if (IsSkipped(k)) {
      pending_ = true;
      return true;
    }
    return dom_.key(k);
  }
  bool start_object(std::size_t n) {
    const Action a = Open();
    return a == Action::kSwallow || (a == Action::kForward && dom_.start_object(n));
  }
  bool start_array(std::size_t n) {
    const Action a = Open();
    return a == Action::kSwallow || (a == Action::kForward && dom_.start_array(n));
  }
  bool end_object() { return Close() || dom_.end_object(); }
  bool end_array() { return Close() || dom_.end_array(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    error_ = e.what();
    return false;
  }
  const std::string& error() const { return error_; }

 private:
  static bool IsSkipped(const std::string& k) {
    static const char* const kSkipped[] = {"text", "differential", "definition", "comment", "short", "requirements",
                                           "constraint", "mapping", "binding", "alias", "example", "description",
                                           "purpose", "contact", "meaning", "condition", "isModifierReason",
                                           "jurisdiction", "useContext", "publisher", "orderMeaning", "representation"};
    for (const char* s : kSkipped) {
      if (k == s) return true;
    }
    return false;
  }
  // True when the scalar is swallowed (inside or as a skipped member).
  bool Scalar() {
    if (skipping_ > 0) return true;
    if (pending_) {
      pending_ = false;
      return true;
    }
    return false;
  }
  enum class Action { kForward, kSwallow, kStop };
  Action Open() {
    if (skipping_ > 0 || pending_) {
      pending_ = false;
      ++skipping_;
      return Action::kSwallow;
    }
    if (++depth_ > 256) {
      error_ = "definitions nest too deeply";
      return Action::kStop;
    }
    return Action::kForward;
  }
  bool Close() {
    if (skipping_ > 0) {
      --skipping_;
      return true;
    }
    --depth_;
    return false;
  }

  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  int skipping_ = 0;
  bool pending_ = false;
  int depth_ = 0;
  std::string error_;
};

}  // namespace

std::optional<TypeModel> TypeModel::LoadFromDirectory(const std::string& dir, std::string& error) {
  std::vector<Json> documents;
  for (const char* file : {"profiles-types.json", "profiles-resources.json"}) {
    const std::string path = dir + "/" + file;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
      error = "cannot read " + path;
      return std::nullopt;
    }
    std::string text(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    documents.emplace_back();
    DefinitionsFilter filter(documents.back());
    bool ok = false;
    try {
      ok = Json::sax_parse(text, &filter);
    } catch (const std::exception&) {
      ok = false;
    }
    if (!ok || !filter.error().empty()) {
      error = path + ": " + (filter.error().empty() ? std::string("invalid JSON") : filter.error());
      return std::nullopt;
    }
  }
  std::vector<const Json*> pointers;
  for (const auto& document : documents) pointers.push_back(&document);
  return FromDocuments(pointers);
}

const TypeInfo* TypeModel::Find(std::string_view name) const {
  auto it = impl_->by_name.find(name);
  return it == impl_->by_name.end() ? nullptr : it->second;
}

bool TypeModel::empty() const { return impl_->storage.empty(); }
std::size_t TypeModel::size() const { return impl_->storage.size(); }

bool TypeModel::IsPrimitive(std::string_view name) const {
  const TypeInfo* info = Find(name);
  return info != nullptr && info->kind == TypeKind::kPrimitive;
}

bool TypeModel::IsSubtypeOf(std::string_view derived, std::string_view base) const {
  const TypeInfo* info = Find(derived);
  return info != nullptr ? info->IsA(base) : derived == base;
}

ResolvedKey TypeModel::ResolveKey(const TypeInfo& parent, std::string_view key) const {
  ResolvedKey result;
  if (const ElementInfo* element = parent.FindElement(key); element != nullptr && !element->is_choice) {
    result.element = element;
    if (!element->type_names.empty()) result.type_name = element->type_names[0];
    result.type = element->backbone != nullptr ? element->backbone : (element->types.empty() ? nullptr : element->types[0]);
    return result;
  }
  // A choice element: the longest element-name prefix followed by an upper-case type suffix.
  for (std::size_t cut = key.size() - 1; cut > 0; --cut) {
    if (key[cut] < 'A' || key[cut] > 'Z') continue;
    const ElementInfo* element = parent.FindElement(key.substr(0, cut));
    if (element == nullptr || !element->is_choice) continue;
    std::string_view suffix = key.substr(cut);
    for (std::size_t i = 0; i < element->type_names.size(); ++i) {
      if (ChoiceSuffix(element->type_names[i]) == suffix) {
        result.element = element;
        result.type_name = element->type_names[i];
        result.type = element->types[i];
        return result;
      }
    }
  }
  return result;
}

}  // namespace pdex::model
