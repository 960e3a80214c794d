// HTML tags where plain text is expected, detected the way the HL7 Java validator does so that the
// two agree on which values are flagged:
//   - string-like primitives (InstanceValidator.containsHtmlTags): a '<' whose text up to the next
//     '>' is a tag name, optionally followed by whitespace and attributes ("script", "a href=x"),
//     where that '>' comes before the next '<'. A tag after the last '<' is therefore not counted
//     ("a <b>c" is not flagged; "a <b>c</b>" is), as in the Java validator;
//   - markdown (MarkDownProcessor.preProcess): a '<' directly followed by a letter and not escaped
//     with a preceding backslash, which CommonMark would pass through as raw HTML.
// Both are linear scans (no regular expression, no backtracking).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace pdex::validation {

// True when `text` contains something that looks like an HTML tag (see above).
bool LooksLikeHtmlTags(std::string_view text);

// The byte offset of the first raw HTML tag opening in markdown `text`, or nullopt. Only ASCII
// letters count (CommonMark tag names start with one); the Java validator also counts other Unicode
// letters ("<é").
std::optional<std::size_t> MarkdownHtmlTagAt(std::string_view text);

}  // namespace pdex::validation
