// Reading the CLI's inputs: a file path, or "-" for standard input.
#pragma once

#include <optional>
#include <string>

namespace pdex::cli {

// The whole content of `path` ("-" reads stdin), or nullopt with `error` set when it cannot be read.
std::optional<std::string> ReadInput(const std::string& path, std::string& error);

}  // namespace pdex::cli
