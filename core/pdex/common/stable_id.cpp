#include "pdex/common/stable_id.h"

namespace pdex::pdex_common {

std::uint64_t StableHash(std::initializer_list<std::string_view> parts) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a offset basis
  auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ull;  // FNV-1a prime
  };
  for (std::string_view part : parts) {
    for (char c : part) mix(static_cast<unsigned char>(c));
    mix(0x1f);
  }
  return hash;
}

std::string StableId(std::string_view prefix, std::initializer_list<std::string_view> parts) {
  static const char kHex[] = "0123456789abcdef";
  std::uint64_t hash = StableHash(parts);
  std::string id(prefix);
  id += '-';
  char digits[16];
  for (int i = 15; i >= 0; --i) {
    digits[i] = kHex[hash & 0xf];
    hash >>= 4;
  }
  id.append(digits, 16);
  return id;
}

}  // namespace pdex::pdex_common
