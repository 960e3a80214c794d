// Fuzzes $member-match: api::Engine::LoadMemberIndex and Engine::MemberMatch (HRex 1.0 and 1.1, with
// the explanation). The input is "INDEX\n----\nREQUEST" (member index text: Bundle or NDJSON; the
// request Parameters); without the separator the bytes are both. Whatever the bytes, the answers must
// be a Parameters or an OperationOutcome with issues, and serialize.
#include "api/engine.h"
#include "json/serialize.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void CheckAnswer(const nlohmann::json& answer) {
  const nlohmann::json* type = answer.is_object() && answer.contains("resourceType") ? &answer["resourceType"] : nullptr;
  if (type == nullptr) std::abort();
  if (*type == "OperationOutcome") {
    if (!answer.contains("issue") || answer["issue"].empty()) std::abort();
  } else if (*type != "Parameters") {
    std::abort();
  }
  (void)pdex::json::Serialize(answer);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t separator = input.find("\n----\n");
  const std::string_view index = separator == std::string_view::npos ? input : input.substr(0, separator);
  const std::string_view request = separator == std::string_view::npos ? input : input.substr(separator + 6);
  pdex::api::Engine engine;
  CheckAnswer(engine.LoadMemberIndex(index, "fuzz", true));
  for (const char* version : {"1.0", "1.1"}) {
    pdex::api::MemberMatchOptions options;
    options.hrex = version;
    options.explain = true;
    nlohmann::json explanation;
    CheckAnswer(engine.MemberMatch(request, options, &explanation));
    (void)pdex::json::Serialize(explanation);
  }
  return 0;
}
