// Runs the built `pdex` binary (PDEX_BINARY) through the shell, for the CLI tests.
#pragma once

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>

namespace pdex::testing {

struct Run {
  int status;
  std::string out;
};

// `pdex ARGS`: stdout captured, stderr redirected to `err_file`.
inline Run Pdex(const std::string& args, const std::string& err_file = "/dev/null") {
  const std::string command = std::string(PDEX_BINARY) + " " + args + " 2>" + err_file;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace pdex::testing
