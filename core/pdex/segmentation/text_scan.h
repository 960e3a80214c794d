// Finding sensitive content in free text: displays, CodeableConcept.text, notes, descriptions,
// narrative (XHTML) and decoded text attachments. A backstop for the code lists, not a classifier
// of prose: the terms are the names of the conditions, treatments and medications the value sets
// hold, matched as whole words (docs/segmentation.md says what it can miss).
#pragma once

#include "pdex/segmentation/sensitive_category.h"

#include <optional>
#include <string>
#include <string_view>

namespace pdex::segmentation {

// The category of the first sensitive term or sensitive-looking ICD-10-CM code ("F32.9", "B20") in
// `text`; nullopt when none. XHTML tags are skipped when `markup` is set (text.div).
std::optional<Category> ScanText(std::string_view text, bool markup = false);

// Decoded base64 (RFC 4648, whitespace ignored); nullopt when `data` is not base64 or decodes to
// more than `max_bytes`.
std::optional<std::string> DecodeBase64(std::string_view data, std::size_t max_bytes);

// Whether an attachment of this MIME type is text the segmenter reads (text/*, JSON, XML, FHIR).
bool IsReadableContentType(std::string_view content_type);

}  // namespace pdex::segmentation
