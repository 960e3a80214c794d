// Helpers shared by the native benchmarks (bench/*_bench.cpp).
#pragma once

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace pdex::bench {

using Clock = std::chrono::steady_clock;

// The whole file (empty when it cannot be read: the benchmark then reports what is missing).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline double Seconds(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace pdex::bench
