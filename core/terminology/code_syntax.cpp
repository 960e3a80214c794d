#include "terminology/code_syntax.h"

#include <array>

namespace pdex::terminology {
namespace {

// "'<code>' <text>", appended piecewise (GCC 12 warns, wrongly, on "'" + std::string + "...").
std::string Problem(std::string_view code, std::string_view text) {
  std::string out = "'";
  out += code;
  out += "' ";
  out += text;
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool AllOf(std::string_view text, bool (*predicate)(char)) {
  for (const char c : text) {
    if (!predicate(c)) return false;
  }
  return true;
}

// Verhoeff's check (dihedral group D5): multiplication table, and the position permutations, each
// the base permutation applied once more than the previous.
constexpr std::array<std::array<int, 10>, 10> kD5{{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                                                   {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
                                                   {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
                                                   {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
                                                   {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
                                                   {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
                                                   {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
                                                   {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
                                                   {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
                                                   {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}};

constexpr std::array<std::array<int, 10>, 8> Permutations() {
  constexpr std::array<int, 10> kBase{1, 5, 7, 6, 2, 8, 3, 0, 9, 4};
  std::array<std::array<int, 10>, 8> p{};
  for (int k = 0; k < 10; ++k) p[0][k] = k;
  for (int i = 1; i < 8; ++i) {
    for (int k = 0; k < 10; ++k) p[i][k] = kBase[p[i - 1][k]];
  }
  return p;
}
constexpr std::array<std::array<int, 10>, 8> kPermutations = Permutations();

// The number (its check digit last) passes Verhoeff's check.
bool VerhoeffValid(std::string_view digits) {
  int check = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    check = kD5[check][kPermutations[i % 8][digits[digits.size() - 1 - i] - '0']];
  }
  return check == 0;
}

std::string SnomedProblem(std::string_view code) {
  // Compositional grammar punctuation (or a space) may make an expression: not judged here.
  if (code.find_first_of(":={}|+,()<>#\" \t\r\n") != std::string_view::npos) return {};
  if (!AllOf(code, IsDigit) || code.size() < 6 || code.size() > 18 || code[0] == '0') {
    return Problem(code, "is not a SNOMED CT concept identifier (6 to 18 digits, no leading zero)");
  }
  const std::string_view partition = code.substr(code.size() - 3, 2);
  if (partition != "00" && partition != "10") {
    return Problem(code, "is not a SNOMED CT concept identifier (its partition identifier is not 00 or 10)");
  }
  if (!VerhoeffValid(code)) return Problem(code, "is not a SNOMED CT concept identifier (wrong check digit)");
  return {};
}

std::string LoincProblem(std::string_view code) {
  std::size_t at = 0;
  while (at < code.size() && at < 2 && code[at] >= 'A' && code[at] <= 'Z') ++at;
  const std::size_t dash = code.find('-', at);
  const bool ok = dash != std::string_view::npos && dash > at && AllOf(code.substr(at, dash - at), IsDigit) &&
                  code.size() == dash + 2 && IsDigit(code[dash + 1]);
  return ok ? std::string() : Problem(code, "is not a LOINC code (digits, '-', a check digit)");
}

std::string Iso3166Problem(std::string_view code) {
  const bool ok = ((code.size() == 2 || code.size() == 3) && AllOf(code, IsLetter)) ||
                  (code.size() == 3 && AllOf(code, IsDigit));
  return ok ? std::string() : Problem(code, "is not an ISO 3166-1 code (2 or 3 letters, or 3 digits)");
}

std::string Iso3166SubdivisionProblem(std::string_view code) {
  const bool ok = code.size() >= 4 && code.size() <= 6 && IsLetter(code[0]) && IsLetter(code[1]) && code[2] == '-' &&
                  AllOf(code.substr(3), [](char c) { return IsDigit(c) || IsLetter(c); });
  return ok ? std::string() : Problem(code, "is not an ISO 3166-2 code (country code, '-', 1 to 3 letters or digits)");
}

std::string M49Problem(std::string_view code) {
  return code.size() == 3 && AllOf(code, IsDigit) ? std::string() : Problem(code, "is not a UN M49 code (3 digits)");
}

}  // namespace

std::string MalformedCode(std::string_view system, std::string_view code) {
  if (system == "http://snomed.info/sct") return SnomedProblem(code);
  if (system == "http://loinc.org") return LoincProblem(code);
  if (system == "urn:iso:std:iso:3166") return Iso3166Problem(code);
  if (system == "urn:iso:std:iso:3166:-2") return Iso3166SubdivisionProblem(code);
  if (system == "http://unstats.un.org/unsd/methods/m49/m49.htm") return M49Problem(code);
  return {};
}

}  // namespace pdex::terminology
