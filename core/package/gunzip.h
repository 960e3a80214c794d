// Gunzip for FHIR NPM package .tgz files (native builds only; in the browser the JS side gunzips).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pdex::package {

// The decompressed bytes of gzip data, or nullopt with `error` set (corrupt data, or output past
// `max_bytes`, a guard against decompression bombs).
std::optional<std::string> Gunzip(std::string_view compressed, std::string& error,
                                  std::size_t max_bytes = 512u * 1024u * 1024u);

}  // namespace pdex::package
