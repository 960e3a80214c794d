// Reading an uncompressed tar archive (POSIX ustar, with GNU long names and pax headers), as found
// inside a FHIR NPM package .tgz once gunzipped.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace pdex::package {

// Calls `visit(name, content)` for each regular file, in archive order; `content` points into
// `archive`. Returns an empty string, or a description of the first structural problem found
// (truncated header or body, bad size field); the files before it have been visited.
std::string ForEachTarFile(std::string_view archive,
                           const std::function<void(std::string_view name, std::string_view content)>& visit);

}  // namespace pdex::package
