// Normalisation of the compared fields and the nickname table (core/pdex/member_match).
#include "pdex/member_match/demographics.h"
#include "pdex/member_match/name_normalize.h"
#include "pdex/member_match/nicknames.h"

#include <catch2/catch.hpp>

namespace pdex::member_match {
namespace {

TEST_CASE("FoldToAscii folds Latin-1 and Latin Extended-A letters and lower-cases", "[member-match]") {
  CHECK(FoldToAscii("José") == "jose");
  CHECK(FoldToAscii("ZOË") == "zoe");
  CHECK(FoldToAscii("Łukasz Dvořák") == "lukasz dvorak");
  CHECK(FoldToAscii("Straße") == "strasse");
  CHECK(FoldToAscii("Æsa Œuvre Þór") == "aesa oeuvre thor");
  CHECK(FoldToAscii("İstanbul ĳ") == "istanbul ij");
  CHECK(FoldToAscii("Ÿvonne ſ") == "yvonne s");
  CHECK(FoldToAscii("Ñuñez Øberg") == "nunez oberg");
  // Non-Latin letters are kept, invalid UTF-8 bytes copied rather than dropped or crashing.
  CHECK(FoldToAscii("Ωmega") == "Ωmega");
  CHECK(FoldToAscii(std::string("a\xff" "b")) == std::string("a\xff" "b"));
  CHECK(FoldToAscii(std::string("\xc3")) == std::string("\xc3"));
}

TEST_CASE("NameTokens drops apostrophes and periods and splits compound names", "[member-match]") {
  CHECK(NameTokens("O'Brien") == std::vector<std::string>{"obrien"});
  CHECK(NameTokens("St. John") == std::vector<std::string>{"st", "john"});
  CHECK(NameTokens("García-López") == std::vector<std::string>{"garcia", "lopez"});
  CHECK(NameTokens("  Mary  Ann ") == std::vector<std::string>{"mary", "ann"});
  CHECK(NameTokens("").empty());
}

TEST_CASE("family name particles are dropped from the compared tokens", "[member-match]") {
  const Demographics d = ReadDemographics(nlohmann::json::parse(R"({"name":[{"family":"De la Cruz","given":["Ana"]}]})"));
  REQUIRE(d.names.size() == 1);
  CHECK(d.names[0].family == std::vector<std::string>{"cruz"});
  CHECK(d.names[0].family_joined == "cruz");
}

TEST_CASE("EditDistance counts adjacent transpositions as one edit and stops past the limit", "[member-match]") {
  CHECK(EditDistance("jonh", "john") == 1);
  CHECK(EditDistance("smith", "smyth") == 1);
  CHECK(EditDistance("smith", "smiht") == 1);
  CHECK(EditDistance("anna", "ana") == 1);
  CHECK(EditDistance("robert", "rupert", 1) == 2);  // capped at limit + 1
  CHECK(EditDistance("", "abc", 5) == 3);
}

TEST_CASE("phones, postal codes, address lines, ids and dependents are normalised", "[member-match]") {
  CHECK(NormalizePhone("+1 (555) 010-2030") == "5550102030");
  CHECK(NormalizePostalCode("62704-1234") == "62704");
  CHECK(NormalizePostalCode("SW1A 1AA") == "sw1a1aa");
  CHECK(NormalizeAddressLine("123 North Main Street") == "123 n main st");
  CHECK(NormalizeAddressLine("123 N. Main St.") == "123 n main st");
  CHECK(NormalizeIdentifier("dh-1000 1235") == "DH10001235");
  CHECK(NormalizeDependent("02") == "2");
  CHECK(NormalizeDependent("00") == "0");
}

TEST_CASE("birth dates parse only as full dates", "[member-match]") {
  CHECK(ParseBirthDate("1974-12-25").known());
  CHECK_FALSE(ParseBirthDate("1974-12").known());
  CHECK_FALSE(ParseBirthDate("1974-13-01").known());
  CHECK_FALSE(ParseBirthDate("19a4-12-25").known());
}

TEST_CASE("the nickname table is sorted and links nicknames to formal names both ways", "[member-match]") {
  CHECK(NicknameTableIsSorted());
  CHECK(NicknameTableSize() >= 100);
  CHECK(AreNicknameEquivalent("bill", "william"));
  CHECK(AreNicknameEquivalent("william", "billy"));
  CHECK(AreNicknameEquivalent("bill", "will"));  // two nicknames of one formal name
  CHECK(AreNicknameEquivalent("peggy", "margaret"));
  CHECK(AreNicknameEquivalent("al", "alfred"));
  CHECK(AreNicknameEquivalent("al", "alexander"));
  CHECK_FALSE(AreNicknameEquivalent("samuel", "samantha"));  // "sam" is either, but they are not each other
  CHECK_FALSE(AreNicknameEquivalent("bill", "robert"));
  CHECK_FALSE(AreNicknameEquivalent("john", "john"));  // equal is not "nickname"
}

}  // namespace
}  // namespace pdex::member_match
