// A deterministic synthetic member population and $member-match requests against it, for the
// precision/recall test and the benchmark (bench/member_match_bench.cpp). Same seed, same data, on
// every platform (own PRNG, no std distributions).
//
// Members come in households on one subscriber id (subscriber, spouse, children; some twins sharing
// birth date and address), with common and rare names, names with diacritics, apostrophes and
// compound/hyphenated family names. Requests vary the member's data the way real ones do: typos,
// nicknames, transposed birth day/month, a moved address, a family name changed by marriage, upper
// case without accents, only the subscriber id (with or without the dependent number), and people
// who are not members (strangers, unenrolled relatives on a real subscriber id, an unenrolled twin,
// namesakes with the same birth date but an id of another plan).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace pdex::member_match::testing {

// One generated member, as the payer knows them.
struct Person {
  std::string patient_id;
  std::string member_id;      // Coverage.identifier (type MB) and Patient.identifier
  std::string subscriber_id;  // shared by the household
  std::string dependent;      // "01" subscriber, "02" spouse, "03".. children
  std::string given;
  std::string middle;
  std::string family;
  std::string gender;
  int year = 0, month = 0, day = 0;
  std::string line, city, state, zip, phone, email;
  std::size_t household = 0;
  bool twin = false;
};

struct Population {
  std::vector<nlohmann::json> resources;  // Patients and Coverages, in household order
  std::vector<Person> people;
  std::size_t members = 0;
  std::size_t twins = 0;  // members who have a twin
};

struct Query {
  nlohmann::json request;        // HRex $member-match Parameters
  std::string expected;          // the payer's Patient.id; empty for a non-member
  std::string variation;         // what was changed ("typo-given", "non-member-stranger", ...)
};

Population GeneratePopulation(std::size_t members, std::uint64_t seed);
// `count` requests, about one in eight for a non-member.
std::vector<Query> GenerateQueries(const Population& population, std::size_t count, std::uint64_t seed);

// The population as NDJSON text (one resource per line), as a payer would export it.
std::string ToNdjson(const Population& population);

}  // namespace pdex::member_match::testing
