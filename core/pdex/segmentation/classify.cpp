#include "pdex/segmentation/classify.h"

#include "json/fields.h"
#include "pdex/segmentation/security_labels.h"
#include "pdex/segmentation/sensitive_codes.h"
#include "pdex/segmentation/text_scan.h"

#include <string_view>

namespace pdex::segmentation {
namespace {

// Elements holding the clinical content of a resource: what it is about (a diagnosis, procedure,
// medication, test, reason). Their codes must be classifiable for a #regular release.
bool IsClinicalCodeKey(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "code", "valueCodeableConcept", "valueCoding", "reasonCode", "diagnosisCodeableConcept",
      "procedureCodeableConcept", "productOrService", "medicationCodeableConcept", "conclusionCode", "revenue",
  };
  for (std::string_view k : kKeys) {
    if (key == k) return true;
  }
  return false;
}

// String members that are identifiers, codes, URIs, dates or markup handled elsewhere, not prose.
bool IsNonTextKey(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "id", "reference", "url", "fullUrl", "system", "code", "div", "data", "contentType", "language", "status",
      "resourceType", "version", "hash", "uri", "profile", "mode", "use", "gender", "intent", "versionId",
  };
  for (std::string_view k : kKeys) {
    if (key == k) return true;
  }
  return false;
}

bool IsAttachmentKey(std::string_view key) {
  return key == "attachment" || key == "presentedForm" || key == "valueAttachment" || key == "contentAttachment";
}

class Walker {
 public:
  Walker(const ClassifyOptions& options, Classification& out) : options_(options), out_(out) {}

  void Resource(const nlohmann::json& resource) {
    if (!resource.is_object()) return;
    Object(resource, /*resource_root=*/true, /*clinical=*/false);
  }

 private:
  void Add(Rule rule, Category category) { out_.findings.push_back(Finding{path_, rule, category}); }

  void Labels(const nlohmann::json& meta) {
    const auto* labels = json::ArrayAt(meta, "security");
    if (labels == nullptr) return;
    for (std::size_t i = 0; i < labels->size(); ++i) {
      const LabelClass label = ClassifyLabel((*labels)[i]);
      if (label.kind == LabelKind::kSensitive) {
        path_.push_back({"security", static_cast<std::ptrdiff_t>(i)});
        Add(Rule::kSecurityLabel, label.category);
        path_.pop_back();
      } else if (label.kind == LabelKind::kUnknown) {
        out_.unclassifiable.push_back(Unclassifiable::kUnknownLabel);
      }
    }
  }

  void Coding(const nlohmann::json& coding) {
    const std::string_view system = json::StringAt(coding, "system");
    const std::string_view code = json::StringAt(coding, "code");
    if (auto category = SensitiveCodeCategory(system, code)) Add(Rule::kSensitiveCode, *category);
  }

  // A clinical CodeableConcept (or Coding) is classifiable when one of its codings is from a listed
  // or structural system, or from a display-only system (NDC) with a display to read.
  void CheckClassifiable(const nlohmann::json& value) {
    std::vector<const nlohmann::json*> codings;
    if (const auto* list = json::ArrayAt(value, "coding")) {
      for (const auto& coding : *list) codings.push_back(&coding);
    } else if (value.contains("system") || value.contains("code")) {
      codings.push_back(&value);
    }
    if (codings.empty()) {
      if (!json::StringAt(value, "text").empty()) out_.unclassifiable.push_back(Unclassifiable::kUncodedClinicalText);
      return;
    }
    for (const nlohmann::json* coding : codings) {
      switch (KnowledgeOf(json::StringAt(*coding, "system"))) {
        case SystemKnowledge::kListed:
        case SystemKnowledge::kStructural: return;
        case SystemKnowledge::kDisplayOnly:
          if (!json::StringAt(*coding, "display").empty()) return;
          break;
        case SystemKnowledge::kUnknown: break;
      }
    }
    out_.unclassifiable.push_back(Unclassifiable::kUnknownCodeSystem);
  }

  void Attachment(const nlohmann::json& attachment) {
    if (!attachment.is_object()) return;
    const std::string_view data = json::StringAt(attachment, "data");
    const std::string_view content_type = json::StringAt(attachment, "contentType");
    if (data.empty() || !IsReadableContentType(content_type)) {
      // A binary document or one held elsewhere (url): nothing here can tell what it says.
      if (!data.empty() || !json::StringAt(attachment, "url").empty()) Add(Rule::kUnreadableAttachment, Category::kOther);
      return;
    }
    const auto text = DecodeBase64(data, options_.max_attachment_bytes);
    if (!text) {
      Add(Rule::kUnreadableAttachment, Category::kOther);
    } else if (auto category = ScanText(*text, /*markup=*/content_type.find("html") != std::string_view::npos ||
                                                    content_type.find("xml") != std::string_view::npos)) {
      Add(Rule::kSensitiveAttachment, *category);
    }
  }

  void Value(const std::string& key, const nlohmann::json& value, bool clinical) {
    if (value.is_object()) {
      Object(value, false, clinical);
    } else if (value.is_string() && !IsNonTextKey(key)) {
      if (auto category = ScanText(value.get_ref<const std::string&>())) Add(Rule::kSensitiveText, *category);
    }
  }

  void Object(const nlohmann::json& object, bool resource_root, bool clinical) {
    if (clinical) CheckClassifiable(object);
    if (object.contains("code") && object.contains("system")) Coding(object);
    for (const auto& [key, value] : object.items()) {
      if (resource_root && key == "meta" && value.is_object()) {
        path_.push_back({key});
        Labels(value);
        path_.pop_back();
        continue;
      }
      if (resource_root && key == "text" && value.is_object()) {
        path_.push_back({key});
        if (auto category = ScanText(json::StringAt(value, "div"), /*markup=*/true)) Add(Rule::kSensitiveText, *category);
        path_.pop_back();
        continue;
      }
      const bool child_clinical = IsClinicalCodeKey(key);
      if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          path_.push_back({key, static_cast<std::ptrdiff_t>(i)});
          if (resource_root && key == "contained") {
            Object(value[i], true, false);
          } else if (IsAttachmentKey(key)) {
            Attachment(value[i]);
            Value(key, value[i], false);
          } else {
            Value(key, value[i], child_clinical);
          }
          path_.pop_back();
        }
      } else {
        path_.push_back({key});
        if (IsAttachmentKey(key)) Attachment(value);
        Value(key, value, child_clinical);
        path_.pop_back();
      }
    }
  }

  const ClassifyOptions& options_;
  Classification& out_;
  JsonPath path_;
};

}  // namespace

const char* UnclassifiableName(Unclassifiable reason) {
  switch (reason) {
    case Unclassifiable::kUnknownLabel: return "unknown-security-label";
    case Unclassifiable::kUnknownCodeSystem: return "unknown-code-system";
    case Unclassifiable::kUncodedClinicalText: return "uncoded-clinical-text";
  }
  return "unknown";
}

Classification ClassifyResource(const nlohmann::json& resource, const ClassifyOptions& options) {
  Classification out;
  Walker(options, out).Resource(resource);
  return out;
}

const nlohmann::json* ValueAt(const nlohmann::json& root, const JsonPath& path) {
  const nlohmann::json* node = &root;
  for (const PathStep& step : path) {
    node = json::MemberAt(*node, step.key);
    if (node == nullptr) return nullptr;
    if (step.index >= 0) {
      if (!node->is_array() || static_cast<std::size_t>(step.index) >= node->size()) return nullptr;
      node = &(*node)[static_cast<std::size_t>(step.index)];
    }
  }
  return node;
}

}  // namespace pdex::segmentation
