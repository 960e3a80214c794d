#include "package/gunzip.h"

#include <zlib.h>

namespace pdex::package {

std::optional<std::string> Gunzip(std::string_view compressed, std::string& error, std::size_t max_bytes) {
  z_stream stream{};
  // 16 + MAX_WBITS: expect a gzip header (RFC 1952), not a raw zlib stream.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    error = "zlib initialisation failed";
    return std::nullopt;
  }
  std::string out;
  char buffer[64 * 1024];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof(buffer);
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      error = std::string("corrupt gzip data: ") + (stream.msg ? stream.msg : "inflate failed");
      inflateEnd(&stream);
      return std::nullopt;
    }
    out.append(buffer, sizeof(buffer) - stream.avail_out);
    if (out.size() > max_bytes) {
      error = "decompressed package is larger than " + std::to_string(max_bytes) + " bytes";
      inflateEnd(&stream);
      return std::nullopt;
    }
    if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      error = "truncated gzip data";
      inflateEnd(&stream);
      return std::nullopt;
    }
  }
  inflateEnd(&stream);
  return out;
}

}  // namespace pdex::package
