// Type tests for is/as/ofType (FHIRPath §6.3 "Types", FHIR R4 §2.24 FHIRPath type model):
// System values belong to the System namespace, FHIR nodes to the FHIR namespace; unqualified names
// are looked up in FHIR first, then System. is() follows inheritance (code is a string; Age is a
// Quantity); as()/ofType() match FHIR primitive types exactly, as the R4 test suite expects.
#include "fhirpath/evaluator.h"

namespace pdex::fhirpath {

namespace {

const char* SystemTypeName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kBoolean: return "Boolean";
    case ValueKind::kInteger: return "Integer";
    case ValueKind::kDecimal: return "Decimal";
    case ValueKind::kString: return "String";
    case ValueKind::kDate: return "Date";
    case ValueKind::kDateTime: return "DateTime";
    case ValueKind::kTime: return "Time";
    case ValueKind::kQuantity: return "Quantity";
    case ValueKind::kNode: return "";
  }
  return "";
}

bool IsSystemTypeName(std::string_view name) {
  return name == "Boolean" || name == "Integer" || name == "Decimal" || name == "String" || name == "Date" ||
         name == "DateTime" || name == "Time" || name == "Quantity" || name == "Any";
}

}  // namespace

std::string TypeName(const Value& value) {
  if (!value.is_node()) return std::string("System.") + SystemTypeName(value.kind());
  return "FHIR." + std::string(value.node().type);
}

std::optional<bool> Evaluator::IsType(const Value& item, std::string_view type_name, bool exact, std::size_t position) {
  std::string_view ns;
  std::string_view name = type_name;
  if (auto dot = type_name.find('.'); dot != std::string_view::npos) {
    ns = type_name.substr(0, dot);
    name = type_name.substr(dot + 1);
    if (ns != "System" && ns != "FHIR") {
      Fail("unknown type namespace '" + std::string(ns) + "'", position);
      return std::nullopt;
    }
  }
  const model::TypeModel* types = model();
  const model::TypeInfo* fhir_type = types != nullptr && ns != "System" ? types->Find(name) : nullptr;
  if (ns == "System" && !IsSystemTypeName(name)) return false;
  if (types != nullptr && fhir_type == nullptr && !IsSystemTypeName(name) && name != "BackboneElement" && name != "Element") {
    Fail("unknown type '" + std::string(type_name) + "'", position);
    return std::nullopt;
  }
  if (!item.is_node()) {
    if (ns == "FHIR") return false;
    if (ns.empty() && fhir_type != nullptr && !IsSystemTypeName(name)) return false;
    return name == SystemTypeName(item.kind()) || name == "Any";
  }
  if (ns == "System") return false;
  const Node& node = item.node();
  if (node.type == name) return true;
  if (node.info != nullptr) {
    if (exact && node.info->kind == model::TypeKind::kPrimitive) return false;
    for (const model::TypeInfo* t = node.info->base; t != nullptr; t = t->base) {
      if (t->type_code == name) return true;
    }
    return false;
  }
  if (types != nullptr && !node.type.empty()) {
    const model::TypeInfo* info = types->Find(node.type);
    if (info != nullptr && !(exact && info->kind == model::TypeKind::kPrimitive)) return info->IsA(name);
  }
  return false;
}

}  // namespace pdex::fhirpath
