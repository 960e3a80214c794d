#include "package/tar.h"

#include <cstddef>
#include <cstdint>

namespace pdex::package {
namespace {

constexpr std::size_t kBlock = 512;

std::string_view Field(std::string_view header, std::size_t offset, std::size_t length) {
  std::string_view field = header.substr(offset, length);
  const std::size_t nul = field.find('\0');
  return nul == std::string_view::npos ? field : field.substr(0, nul);
}

// Tar sizes are octal text, space/NUL padded (the base-256 form is for files > 8 GiB: rejected).
bool ParseOctal(std::string_view text, std::uint64_t& value) {
  value = 0;
  bool any = false;
  for (const char c : text) {
    if (c == ' ' || c == '\0') {
      if (any) break;
      continue;
    }
    if (c < '0' || c > '7') return false;
    if (value > (UINT64_MAX >> 3)) return false;
    value = value * 8 + static_cast<std::uint64_t>(c - '0');
    any = true;
  }
  return true;
}

// A header's checksum (POSIX ustar, also GNU/v7): the sum of its bytes with the checksum field itself
// counted as spaces. Checking it tells a real tar from any other bytes (a JSON file, an HTML error page).
bool ChecksumMatches(std::string_view header) {
  std::uint64_t stored = 0;
  if (!ParseOctal(header.substr(148, 8), stored)) return false;
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < kBlock; ++i) {
    sum += (i >= 148 && i < 156) ? static_cast<unsigned char>(' ') : static_cast<unsigned char>(header[i]);
  }
  return sum == stored;
}

// The "path" record of a pax extended header ("<len> path=<name>\n" records).
std::string PaxPath(std::string_view body) {
  std::size_t pos = 0;
  while (pos < body.size()) {
    const std::size_t space = body.find(' ', pos);
    if (space == std::string_view::npos) break;
    std::size_t length = 0;
    for (std::size_t i = pos; i < space; ++i) {
      if (body[i] < '0' || body[i] > '9') return {};
      length = length * 10 + static_cast<std::size_t>(body[i] - '0');
    }
    if (length == 0 || pos + length > body.size()) break;
    const std::string_view record = body.substr(space + 1, pos + length - space - 2);
    if (record.substr(0, 5) == "path=") return std::string(record.substr(5));
    pos += length;
  }
  return {};
}

}  // namespace

std::string ForEachTarFile(std::string_view archive,
                           const std::function<void(std::string_view, std::string_view)>& visit) {
  std::size_t pos = 0;
  std::string long_name;
  while (pos + kBlock <= archive.size()) {
    const std::string_view header = archive.substr(pos, kBlock);
    if (header.find_first_not_of('\0') == std::string_view::npos) return {};  // end-of-archive block
    if (!ChecksumMatches(header)) return "not a tar archive: bad header checksum at offset " + std::to_string(pos);
    std::uint64_t size = 0;
    if (!ParseOctal(header.substr(124, 12), size)) return "bad size field in tar header at offset " + std::to_string(pos);
    const char type = header[156];
    pos += kBlock;
    if (size > archive.size() - pos) return "tar entry at offset " + std::to_string(pos - kBlock) + " is truncated";
    const std::string_view body = archive.substr(pos, static_cast<std::size_t>(size));
    pos += static_cast<std::size_t>((size + kBlock - 1) / kBlock * kBlock);
    if (type == 'L') {  // GNU long name for the next entry
      long_name = std::string(Field(body, 0, body.size()));
      continue;
    }
    if (type == 'x') {  // pax extended header for the next entry
      long_name = PaxPath(body);
      continue;
    }
    std::string name;
    if (!long_name.empty()) {
      name = std::move(long_name);
      long_name.clear();
    } else {
      const std::string_view prefix = Field(header, 345, 155);
      const bool ustar = header.substr(257, 5) == "ustar";
      name = (ustar && !prefix.empty()) ? std::string(prefix) + "/" + std::string(Field(header, 0, 100))
                                        : std::string(Field(header, 0, 100));
    }
    if (type == '0' || type == '\0') visit(name, body);
    if (pos > archive.size()) pos = archive.size();
  }
  // A tar is whole 512-byte blocks; anything else left over (or a text shorter than one block) is not one.
  if (pos < archive.size()) return "not a tar archive: " + std::to_string(archive.size() - pos) + " bytes after the last block";
  return {};
}

}  // namespace pdex::package
