#include "fhirpath/functions/registry.h"

#include <unordered_map>

namespace pdex::fhirpath {
namespace {

std::unordered_map<std::string_view, FunctionDef> BuildTable() {
  std::vector<FunctionDef> all;
  AddExistenceFunctions(all);
  AddFilteringFunctions(all);
  AddSubsettingFunctions(all);
  AddCombiningFunctions(all);
  AddConversionFunctions(all);
  AddStringFunctions(all);
  AddMathFunctions(all);
  AddTreeFunctions(all);
  AddUtilityFunctions(all);
  AddFhirFunctions(all);
  AddAggregateFunctions(all);
  std::unordered_map<std::string_view, FunctionDef> table;
  for (const FunctionDef& def : all) table.emplace(def.name, def);
  return table;
}

}  // namespace

const FunctionDef* FindFunction(std::string_view name) {
  static const std::unordered_map<std::string_view, FunctionDef> kTable = BuildTable();  // thread-safe init
  auto it = kTable.find(name);
  return it == kTable.end() ? nullptr : &it->second;
}

}  // namespace pdex::fhirpath
