#include "population.h"

#include "pdex/member_match/name_normalize.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace pdex::member_match::testing {
namespace {

constexpr std::string_view kMemberSystem = "http://example.org/old-payer/member-id";

// splitmix64: small, fast, and the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(Next() % n); }
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }
  // Skewed towards the start of a list: common names are common.
  std::size_t Skewed(std::size_t n) { return std::min(Below(n), Below(n)); }
  template <typename T, std::size_t N>
  const T& Pick(const std::array<T, N>& values) { return values[Below(N)]; }
  template <typename T, std::size_t N>
  const T& PickSkewed(const std::array<T, N>& values) { return values[Skewed(N)]; }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 60> kMaleNames = {
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher",
    "Daniel", "Matthew", "Anthony", "Donald", "Steven", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George",
    "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan",
    "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Frank", "Alexander",
    "Raymond", "Patrick", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "José", "Luis", "François", "Łukasz",
    "Zoltán", "Nathaniel", "Peter", "Henry", "Douglas", "Zachary"};
constexpr std::array<std::string_view, 60> kFemaleNames = {
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy",
    "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Dorothy", "Carol",
    "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy",
    "Angela", "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole", "Helen", "Samantha", "Katherine",
    "Christine", "Debra", "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria", "Zoë", "Renée", "Chloé",
    "Inés", "Ágnes", "Victoria", "Abigail", "Judith", "Theresa", "Valerie"};
constexpr std::array<std::string_view, 80> kFamilyNames = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
    "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
    "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker",
    "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson",
    "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "O'Brien", "McDonald", "De la Cruz",
    "García López", "Smith-Jones", "Müller", "Nuñez", "Ibáñez", "Kowalczyk", "Dvořák", "Van der Berg", "D'Angelo",
    "St. John", "Olsen", "Petersen", "Schmidt", "Kim", "Patel", "Shah", "Chen", "Wang", "Li", "Singh", "Cohen",
    "Murphy", "Kelly", "Sullivan", "Bailey", "Cooper", "Reed"};
constexpr std::array<std::string_view, 30> kStreets = {
    "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Sunset", "Lincoln",
    "Jackson", "Church", "River", "Spring", "Ridge", "Meadow", "Highland", "Forest", "Walnut", "Willow", "Chestnut",
    "Franklin", "Jefferson", "Madison", "Center", "Mill", "Union", "Prospect"};
constexpr std::array<std::string_view, 6> kStreetTypes = {"Street", "Avenue", "Road", "Drive", "Lane", "Court"};
constexpr std::array<std::array<std::string_view, 3>, 8> kCities = {{
    {"Springfield", "IL", "627"}, {"Columbus", "OH", "432"}, {"Austin", "TX", "787"}, {"Denver", "CO", "802"},
    {"Portland", "OR", "972"}, {"Raleigh", "NC", "276"}, {"Madison", "WI", "537"}, {"Albany", "NY", "122"}}};

// Formal name -> a nickname people use (the matcher's table is not consulted: this is the world).
constexpr std::array<std::pair<std::string_view, std::string_view>, 28> kNicknamesUsed = {{
    {"William", "Bill"}, {"Robert", "Bob"}, {"Richard", "Dick"}, {"James", "Jim"}, {"Michael", "Mike"},
    {"Joseph", "Joe"}, {"Thomas", "Tom"}, {"Charles", "Chuck"}, {"Christopher", "Chris"}, {"Daniel", "Dan"},
    {"Matthew", "Matt"}, {"Anthony", "Tony"}, {"Steven", "Steve"}, {"Andrew", "Andy"}, {"Kenneth", "Ken"},
    {"Edward", "Ted"}, {"Elizabeth", "Liz"}, {"Margaret", "Peggy"}, {"Patricia", "Patty"}, {"Jennifer", "Jen"},
    {"Deborah", "Debbie"}, {"Katherine", "Kate"}, {"Rebecca", "Becky"}, {"Samantha", "Sam"}, {"Susan", "Sue"},
    {"Abigail", "Abby"}, {"Alexander", "Alex"}, {"Nicholas", "Nick"}}};

std::string Digits(Random& random, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + random.Below(10));
  return out;
}

std::string TwoDigits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

std::string Date(int year, int month, int day) { return std::to_string(year) + "-" + TwoDigits(month) + "-" + TwoDigits(day); }

struct Household {
  std::string subscriber_id, family, line, city, state, zip;
};

void NewAddress(Random& random, std::string& line, std::string& city, std::string& state, std::string& zip) {
  const auto& place = random.Pick(kCities);
  line = std::to_string(1 + random.Below(9899)) + " " + std::string(random.Pick(kStreets)) + " " +
         std::string(random.Pick(kStreetTypes));
  city = std::string(place[0]);
  state = std::string(place[1]);
  zip = std::string(place[2]) + Digits(random, 2);
}

nlohmann::json PatientResource(const Person& p) {
  nlohmann::json given = {p.given};
  if (!p.middle.empty()) given.push_back(p.middle);
  nlohmann::json patient = {
      {"resourceType", "Patient"},
      {"id", p.patient_id},
      {"identifier", {{{"type", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v2-0203"}, {"code", "MB"}}}}}},
                       {"system", kMemberSystem},
                       {"value", p.member_id}}}},
      {"name", {{{"use", "official"}, {"family", p.family}, {"given", given}}}},
      {"gender", p.gender},
      {"birthDate", Date(p.year, p.month, p.day)},
      {"address", {{{"line", {p.line}}, {"city", p.city}, {"state", p.state}, {"postalCode", p.zip}}}}};
  nlohmann::json telecom = nlohmann::json::array();
  if (!p.phone.empty()) telecom.push_back({{"system", "phone"}, {"value", p.phone}});
  if (!p.email.empty()) telecom.push_back({{"system", "email"}, {"value", p.email}});
  if (!telecom.empty()) patient["telecom"] = telecom;
  return patient;
}

nlohmann::json CoverageResource(const Person& p) {
  return {{"resourceType", "Coverage"},
          {"id", "cov-" + p.patient_id},
          {"identifier", {{{"type", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v2-0203"}, {"code", "MB"}}}}}},
                           {"system", kMemberSystem},
                           {"value", p.member_id}}}},
          {"status", "active"},
          {"subscriberId", p.subscriber_id},
          {"dependent", p.dependent},
          {"beneficiary", {{"reference", "Patient/" + p.patient_id}}},
          {"payor", {{{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "9876543210"}}}, {"display", "Old Health Plan"}}}}};
}

}  // namespace

Population GeneratePopulation(std::size_t members, std::uint64_t seed) {
  Random random(seed);
  Population population;
  std::size_t household = 0;
  while (population.people.size() < members) {
    Household home;
    home.subscriber_id = "S" + Digits(random, 9);
    home.family = std::string(random.PickSkewed(kFamilyNames));
    NewAddress(random, home.line, home.city, home.state, home.zip);
    const int subscriber_year = 1940 + static_cast<int>(random.Below(62));
    std::vector<Person> family;
    auto add = [&](std::string gender, int year, int month, int day, std::string family_name) {
      Person p;
      p.patient_id = "m" + std::to_string(population.people.size() + family.size() + 1);
      p.member_id = "M" + Digits(random, 9);
      p.subscriber_id = home.subscriber_id;
      p.dependent = TwoDigits(static_cast<int>(family.size()) + 1);
      p.gender = std::move(gender);
      p.given = std::string(p.gender == "male" ? random.PickSkewed(kMaleNames) : random.PickSkewed(kFemaleNames));
      if (random.Chance(60)) p.middle = std::string(p.gender == "male" ? random.Pick(kMaleNames) : random.Pick(kFemaleNames));
      p.family = std::move(family_name);
      p.year = year;
      p.month = month;
      p.day = day;
      p.line = home.line;
      p.city = home.city;
      p.state = home.state;
      p.zip = home.zip;
      if (random.Chance(70)) p.phone = "(555) " + Digits(random, 3) + "-" + Digits(random, 4);
      if (random.Chance(40)) p.email = "member" + Digits(random, 6) + "@example.com";
      p.household = household;
      family.push_back(std::move(p));
    };
    const std::string first_gender = random.Chance(50) ? "female" : "male";
    add(first_gender, subscriber_year, 1 + static_cast<int>(random.Below(12)), 1 + static_cast<int>(random.Below(28)), home.family);
    if (random.Chance(55)) {  // a spouse, sometimes keeping their own or a hyphenated name
      std::string name = home.family;
      if (random.Chance(15)) name = std::string(random.Pick(kFamilyNames));
      else if (random.Chance(8)) name = std::string(random.Pick(kFamilyNames)) + "-" + home.family;
      add(first_gender == "male" ? "female" : "male", subscriber_year - 3 + static_cast<int>(random.Below(7)),
          1 + static_cast<int>(random.Below(12)), 1 + static_cast<int>(random.Below(28)), name);
    }
    const int children = static_cast<int>(random.Below(4));
    for (int c = 0; c < children && subscriber_year + 20 < 2024; ++c) {
      const int year = subscriber_year + 20 + static_cast<int>(random.Below(static_cast<std::size_t>(std::min(24, 2024 - subscriber_year - 20))));
      const int month = 1 + static_cast<int>(random.Below(12));
      const int day = 1 + static_cast<int>(random.Below(28));
      add(random.Chance(50) ? "female" : "male", year, month, day, home.family);
      if (random.Chance(6)) {  // twins: same birth date and address, a different given name
        const std::string first_given = family.back().given;
        add(random.Chance(50) ? "female" : "male", year, month, day, home.family);
        for (int guard = 0; family.back().given == first_given && guard < 10; ++guard) {
          family.back().given = std::string(family.back().gender == "male" ? random.Pick(kMaleNames) : random.Pick(kFemaleNames));
        }
        family[family.size() - 2].twin = true;
        family.back().twin = true;
        population.twins += 2;
      }
    }
    for (Person& p : family) {
      if (population.people.size() >= members) break;
      population.resources.push_back(PatientResource(p));
      population.resources.push_back(CoverageResource(p));
      population.people.push_back(std::move(p));
    }
    ++household;
  }
  population.members = population.people.size();
  population.twins = 0;
  for (const Person& p : population.people) population.twins += p.twin ? 1 : 0;
  return population;
}

std::string ToNdjson(const Population& population) {
  std::string out;
  for (const nlohmann::json& resource : population.resources) out += resource.dump() + "\n";
  return out;
}

namespace {

// What a request says about the person: the member's data as the requester has it.
struct Card {
  std::string member_id;      // CoverageToMatch.identifier; empty: none
  bool typed_mb = true;       // identifier type v2-0203#MB (the HRex example leaves it untyped)
  std::string subscriber_id;  // CoverageToMatch.subscriberId; empty: none
  std::string dependent;
};

nlohmann::json RequestFor(const Person& p, const Card& card, bool with_address) {
  nlohmann::json given = {p.given};
  if (!p.middle.empty()) given.push_back(p.middle);
  nlohmann::json patient = {{"resourceType", "Patient"},
                            {"id", "1"},
                            // The requesting (new) payer's own member number: us-core-patient (HRex 1.0) needs one.
                            {"identifier", {{{"type", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v2-0203"}, {"code", "MB"}}}}}},
                                             {"system", "http://example.org/new-payer/member-id"},
                                             {"value", "N" + p.member_id}}}},
                            {"name", {{{"family", p.family}, {"given", given}}}},
                            {"birthDate", Date(p.year, p.month, p.day)}};
  if (!p.gender.empty()) patient["gender"] = p.gender;
  if (with_address) {
    patient["address"] = {{{"line", {p.line}}, {"city", p.city}, {"state", p.state}, {"postalCode", p.zip}}};
    if (!p.phone.empty()) patient["telecom"] = {{{"system", "phone"}, {"value", p.phone}}};
  }
  nlohmann::json coverage = {{"resourceType", "Coverage"},
                             {"id", "to-match"},
                             {"status", "active"},
                             {"beneficiary", {{"reference", "Patient/1"}}},
                             {"payor", {{{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "9876543210"}}}, {"display", "Old Health Plan"}}}}};
  if (!card.member_id.empty()) {
    nlohmann::json identifier = {{"system", kMemberSystem}, {"value", card.member_id}};
    if (card.typed_mb) identifier["type"] = {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v2-0203"}, {"code", "MB"}}}}};
    coverage["identifier"] = {identifier};
  }
  if (!card.subscriber_id.empty()) coverage["subscriberId"] = card.subscriber_id;
  if (!card.dependent.empty()) coverage["dependent"] = card.dependent;
  nlohmann::json to_link = {{"resourceType", "Coverage"},
                            {"id", "to-link"},
                            {"status", "active"},
                            {"identifier", {{{"system", "http://example.org/new-payer/member-id"}, {"value", "N" + p.member_id}}}},
                            {"beneficiary", {{"reference", "Patient/1"}}},
                            {"payor", {{{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "0123456789"}}}, {"display", "New Health Plan"}}}}};
  nlohmann::json consent = {
      {"resourceType", "Consent"},
      {"status", "active"},
      {"scope", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/consentscope"}, {"code", "patient-privacy"}}}}}},
      {"category", {{{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"}, {"code", "IDSCL"}}}}}}},
      {"patient", {{"reference", "Patient/1"}}},
      {"performer", {{{"reference", "Patient/1"}}}},
      {"sourceReference", {{"reference", "http://example.org/DocumentReference/consent-form"}}},
      {"policy", {{{"uri", "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular"}}}},
      {"provision",
       {{"type", "permit"},
        {"period", {{"start", "2026-01-01"}, {"end", "2027-01-01"}}},
        {"actor",
         {{{"role", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/provenance-participant-type"}, {"code", "performer"}}}}}},
           {"reference", {{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "9876543210"}}}, {"display", "Old Health Plan"}}}},
          {{"role", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"}, {"code", "IRCP"}}}}}},
           {"reference", {{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "0123456789"}}}, {"display", "New Health Plan"}}}}}},
        {"action", {{{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/consentaction"}, {"code", "disclose"}}}}}}}}}};
  return {{"resourceType", "Parameters"},
          {"parameter",
           {{{"name", "MemberPatient"}, {"resource", patient}},
            {{"name", "CoverageToMatch"}, {"resource", coverage}},
            {{"name", "CoverageToLink"}, {"resource", to_link}},
            {{"name", "Consent"}, {"resource", consent}}}}};
}

// One keyboard slip: a letter replaced, dropped, doubled or swapped with its neighbour (on ASCII
// letters only, so that the text stays UTF-8).
std::string Typo(Random& random, const std::string& name) {
  std::string out = name;
  auto ascii = [&](std::size_t i) { return i < out.size() && static_cast<unsigned char>(out[i]) < 0x80; };
  std::size_t at = 0;
  for (int tries = 0; tries < 8 && !(ascii(at) && ascii(at + 1)); ++tries) at = 1 + random.Below(out.size() > 2 ? out.size() - 2 : 1);
  if (out.size() < 3 || !ascii(at) || !ascii(at + 1)) return out + "e";
  switch (random.Below(4)) {
    case 0: out[at] = out[at] == 'e' ? 'a' : 'e'; break;
    case 1: out.erase(at, 1); break;
    case 2: out.insert(at, 1, out[at]); break;
    default: std::swap(out[at], out[at + 1]); break;
  }
  return out;
}

std::string UpperAscii(const std::string& text) {
  std::string out;
  for (const char c : member_match::FoldToAscii(text)) {
    if (c == '\'') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

const char* const kVariations[] = {"exact", "typo-given", "typo-family", "nickname", "transposed-birthdate",
                                   "typo-birthdate", "moved", "married", "subscriber+dependent", "subscriber-only",
                                   "card-shows-subscriber-id", "upper-case-no-accents", "untyped-member-id",
                                   "nickname+moved+married", "twin-subscriber-only", "no-address"};

}  // namespace

std::vector<Query> GenerateQueries(const Population& population, std::size_t count, std::uint64_t seed) {
  Random random(seed);
  std::vector<Query> queries;
  std::vector<std::size_t> twins;
  for (std::size_t i = 0; i < population.people.size(); ++i) {
    if (population.people[i].twin) twins.push_back(i);
  }
  while (queries.size() < count) {
    Query query;
    if (random.Chance(12)) {  // someone who is not a member
      const Person& member = population.people[random.Below(population.people.size())];
      Person p = member;
      Card card;
      switch (random.Below(4)) {
        case 0:  // a stranger with an id of this payer's format that no member has
          query.variation = "non-member-stranger";
          p.given = std::string(random.Pick(kFemaleNames));
          p.family = std::string(random.Pick(kFamilyNames)) + "x";
          p.year = 1950 + static_cast<int>(random.Below(60));
          card.member_id = "X" + Digits(random, 9);
          break;
        case 1:  // an unenrolled newborn on a real subscriber id
          query.variation = "non-member-relative";
          p.given = "Newborn";
          p.middle.clear();
          p.year = 2025;
          card.subscriber_id = member.subscriber_id;
          break;
        case 2:  // an unenrolled twin of a member: same birth date, address and subscriber id
          query.variation = "non-member-twin";
          p.given = member.gender == "male" ? "Quentin" : "Quinn";
          p.middle.clear();
          card.subscriber_id = member.subscriber_id;
          break;
        default:  // a namesake with the same birth date, on another plan's id
          query.variation = "non-member-namesake";
          card.member_id = "Z" + Digits(random, 9);
          break;
      }
      query.request = RequestFor(p, card, random.Chance(70));
      queries.push_back(std::move(query));
      continue;
    }
    std::string variation = kVariations[random.Below(std::size(kVariations))];
    std::size_t index = random.Below(population.people.size());
    if (variation == "twin-subscriber-only") {
      if (twins.empty()) variation = "exact";
      else index = twins[random.Below(twins.size())];
    }
    const Person& member = population.people[index];
    Person p = member;
    Card card{member.member_id, true, "", ""};
    bool with_address = random.Chance(75);
    auto nickname = [&]() {
      for (const auto& [formal, nick] : kNicknamesUsed) {
        if (p.given == formal) {
          p.given = std::string(nick);
          return true;
        }
      }
      return false;
    };
    auto moved = [&]() {
      NewAddress(random, p.line, p.city, p.state, p.zip);
      p.phone.clear();
      with_address = true;
    };
    auto married = [&]() {
      if (p.gender != "female" || p.year > 2005) return false;
      const std::string spouse = std::string(random.Pick(kFamilyNames));
      p.family = random.Chance(30) ? p.family + "-" + spouse : spouse;
      return true;
    };
    // Applies one variation; false when it does not apply to this member (no nickname, ...).
    auto apply = [&](const std::string& v) -> bool {
      if (v == "typo-given") {
        p.given = Typo(random, p.given);
      } else if (v == "typo-family") {
        p.family = Typo(random, p.family);
      } else if (v == "nickname") {
        return nickname();
      } else if (v == "transposed-birthdate") {
        if (p.day > 12 || p.day == p.month) return false;
        std::swap(p.day, p.month);
      } else if (v == "typo-birthdate") {
        p.day = p.day == 28 ? 27 : p.day + 1;
      } else if (v == "moved") {
        moved();
      } else if (v == "married") {
        return married();
      } else if (v == "subscriber+dependent") {
        card = Card{"", true, member.subscriber_id, member.dependent};
      } else if (v == "subscriber-only" || v == "twin-subscriber-only") {
        card = Card{"", true, member.subscriber_id, ""};
      } else if (v == "card-shows-subscriber-id") {
        card = Card{member.subscriber_id, false, "", ""};
      } else if (v == "upper-case-no-accents") {
        p.given = UpperAscii(p.given);
        p.middle = UpperAscii(p.middle);
        p.family = UpperAscii(p.family);
      } else if (v == "untyped-member-id") {
        card.typed_mb = false;
      } else if (v == "nickname+moved+married") {
        const bool changed = nickname();
        moved();
        return married() || changed;
      } else if (v == "no-address") {
        with_address = false;
      }
      return true;
    };
    if (!apply(variation)) variation = "exact";
    // A third of the requests carry a second, independent slip in the demographics.
    if (random.Chance(33)) {
      static const char* const kSecond[] = {"typo-given", "typo-family", "nickname", "transposed-birthdate",
                                            "typo-birthdate", "moved", "married", "upper-case-no-accents"};
      const std::string second = kSecond[random.Below(std::size(kSecond))];
      if (second != variation && apply(second)) variation += " & " + second;
    }
    query.variation = variation;
    query.expected = member.patient_id;
    query.request = RequestFor(p, card, with_address);
    queries.push_back(std::move(query));
  }
  return queries;
}

}  // namespace pdex::member_match::testing
