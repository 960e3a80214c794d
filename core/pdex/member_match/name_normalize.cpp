#include "pdex/member_match/name_normalize.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace pdex::member_match {
namespace {

// U+0100..U+017F (Latin Extended-A) by base letter, one per code point; '*' marks the ligatures
// handled separately (U+0132 IJ, U+0133 ij, U+0152 OE, U+0153 oe).
constexpr std::string_view kLatinExtendedA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo**RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kLatinExtendedA.size() == 0x80);

// U+00C0..U+00FF (Latin-1 Supplement letters); '*' = ligature or special, '-' = not a letter (× ÷).
constexpr std::string_view kLatin1 = "AAAAAA*CEEEEIIIIDNOOOOO-OUUUUY**aaaaaa*ceeeeiiiidnooooo-ouuuuy*y";
static_assert(kLatin1.size() == 0x40);

void AppendFolded(char32_t cp, std::string& out) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char base = kLatin1[cp - 0xC0];
    switch (cp) {
      case 0xC6: out += "ae"; return;   // Æ
      case 0xE6: out += "ae"; return;   // æ
      case 0xDE: case 0xFE: out += "th"; return;  // Þ þ
      case 0xDF: out += "ss"; return;   // ß
      default: break;
    }
    if (base != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(base)));
    return;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    switch (cp) {
      case 0x132: case 0x133: out += "ij"; return;
      case 0x152: case 0x153: out += "oe"; return;
      default: break;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(kLatinExtendedA[cp - 0x100])));
    return;
  }
  // Other code points: re-encode as UTF-8 unchanged.
  if (cp < 0x80) {
    out += static_cast<char>(std::tolower(static_cast<int>(cp)));
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsStreetWord(std::string_view word, std::string_view& abbreviation) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kSuffixes = {{
      {"street", "st"}, {"avenue", "ave"}, {"road", "rd"}, {"drive", "dr"}, {"lane", "ln"},
      {"boulevard", "blvd"}, {"court", "ct"}, {"place", "pl"}, {"north", "n"}, {"south", "s"},
      {"east", "e"}, {"west", "w"}, {"apartment", "apt"}, {"suite", "ste"}}};
  for (const auto& [full, abbreviated] : kSuffixes) {
    if (word == full) {
      abbreviation = abbreviated;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string FoldToAscii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {  // not UTF-8: keep the byte
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    char32_t cp = length == 1 ? byte : byte & (0xFF >> (length + 1));
    bool valid = true;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (!valid) {
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    AppendFolded(cp, out);
    i += length;
  }
  return out;
}

std::vector<std::string> NameTokens(std::string_view text) {
  const std::string folded = FoldToAscii(text);
  std::vector<std::string> tokens;
  std::string current;
  for (const char c : folded) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\'' || c == '.' || c == '`') continue;  // O'Brien, St. -> obrien, st
    if (std::isalnum(u) || u >= 0x80) {
      current += c;
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

bool IsFamilyParticle(std::string_view token) {
  static constexpr std::array<std::string_view, 14> kParticles = {
      "de", "del", "della", "der", "di", "da", "du", "la", "le", "van", "von", "den", "dos", "y"};
  return std::find(kParticles.begin(), kParticles.end(), token) != kParticles.end();
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Optimal string alignment distance over three rolling rows; names are short.
  std::vector<int> two(m + 1), one(m + 1), row(m + 1);
  for (int j = 0; j <= m; ++j) one[j] = j;
  for (int i = 1; i <= n; ++i) {
    row[0] = i;
    int best = row[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({one[j] + 1, row[j - 1] + 1, one[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], two[j - 2] + 1);
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    std::swap(two, one);
    std::swap(one, row);
  }
  return std::min(one[m], limit + 1);
}

std::string NormalizePhone(std::string_view phone) {
  std::string digits;
  for (const char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  if (digits.size() == 11 && digits[0] == '1') digits.erase(0, 1);  // +1 country code
  return digits;
}

std::string NormalizePostalCode(std::string_view postal_code) {
  std::string out;
  for (const char c : FoldToAscii(postal_code)) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  }
  const bool us_zip = out.size() >= 5 && std::all_of(out.begin(), out.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  return us_zip ? out.substr(0, 5) : out;
}

std::string NormalizeAddressLine(std::string_view line) {
  std::string out;
  for (const std::string& token : NameTokens(line)) {
    std::string_view word = token;
    std::string_view abbreviation;
    if (IsStreetWord(word, abbreviation)) word = abbreviation;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::string NormalizeIdentifier(std::string_view value) {
  std::string out;
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '-' || c == '.' || c == '\t') continue;
    out += static_cast<char>(std::toupper(u));
  }
  return out;
}

std::string NormalizeDependent(std::string_view dependent) {
  std::string out = NormalizeIdentifier(dependent);
  const std::size_t first = out.find_first_not_of('0');
  return first == std::string::npos ? (out.empty() ? out : "0") : out.substr(first);
}

}  // namespace pdex::member_match
