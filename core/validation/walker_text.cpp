// HTML tags inside primitive values that are not XHTML (html_text.h), with the severities of the HL7
// validator: for strings an information issue (a risk if rendered unescaped) or, in security-checks
// mode, an error on every primitive; for markdown a warning or, in noHtmlInMarkdown mode, an error.
#include "validation/html_text.h"
#include "validation/narrative_links.h"
#include "validation/walker.h"

namespace pdex::validation::internal {

void Walker::CheckText(const nlohmann::json& value, std::string_view type) {
  if (!value.is_string() || type == "xhtml") return;
  const std::string& text = value.get_ref<const std::string&>();
  if (text.find('<') == std::string::npos) return;
  if ((options_.security_checks || type != "markdown") && LooksLikeHtmlTags(text)) {
    if (options_.security_checks) {
      Report(Severity::kError, "invalid", "validator.string-html",
             "The string value contains text that looks like embedded HTML tags, which are not allowed for security "
             "reasons in this context");
    } else {
      Report(Severity::kInformation, "invalid", "validator.string-html",
             "The string value contains text that looks like embedded HTML tags. If this content is rendered to HTML "
             "without appropriate post-processing, it may be a security risk");
    }
  }
  if (type != "markdown" || options_.markdown_html == MarkdownHtml::kIgnore) return;
  if (const std::optional<std::size_t> at = MarkdownHtmlTagAt(text)) {
    Report(options_.markdown_html == MarkdownHtml::kError ? Severity::kError : Severity::kWarning, "invalid",
           "validator.markdown-html",
           "The markdown contains content that appears to be an embedded HTML tag starting at '" + text.substr(*at, 2) +
               "'. This will (or SHOULD) be escaped by the presentation layer. The content should be checked to "
               "confirm that this is the desired behaviour");
  }
}

void Walker::CheckNarrativeLinks(const std::string& xhtml, const ResourceFrame& frame) {
  const std::vector<std::string_view> fragments = InternalLinkFragments(xhtml);
  if (fragments.empty() || frame.resource == nullptr) return;
  std::unordered_set<std::string> targets;
  CollectLinkTargets(*frame.resource, targets);
  for (const std::string_view fragment : fragments) {
    const std::string key(fragment);
    if (targets.count(key) > 0) continue;
    if (frame.bundle != nullptr && frame.bundle->bundle != nullptr) {
      if (!frame.bundle->link_targets) {
        frame.bundle->link_targets.emplace();
        CollectLinkTargets(*frame.bundle->bundle, *frame.bundle->link_targets);
      }
      if (frame.bundle->link_targets->count(key) > 0) continue;
    }
    // An error, as in the HL7 validator, for a resource on its own. In a Bundle a warning: renderers
    // show the entries on one page with anchors of their own, and published example Bundles (Da Vinci
    // PDex 2.0.0, US Core 3.1.1) link to such anchors ("#Patient_1"), which the JSON does not hold.
    const bool in_bundle = frame.bundle != nullptr;
    Report(in_bundle ? Severity::kWarning : Severity::kError, "invalid", "validator.narrative-link-unresolved",
           "the narrative links to '#" + key + "', but no element id or narrative anchor (id, <a name>) in the " +
               (in_bundle ? "resource or its Bundle" : "resource") + " is '" + key + "'");
  }
}

}  // namespace pdex::validation::internal
