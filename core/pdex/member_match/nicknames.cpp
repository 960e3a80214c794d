#include "pdex/member_match/nicknames.h"

#include <algorithm>
#include <array>
#include <utility>

namespace pdex::member_match {
namespace {

// nickname -> formal names (space separated). Sorted by nickname for binary search (checked in a test).
constexpr std::array<std::pair<std::string_view, std::string_view>, 149> kNicknames = {{
    {"abby", "abigail"}, {"abe", "abraham"}, {"al", "albert alan alfred alexander"}, {"alex", "alexander alexandra"},
    {"alf", "alfred"}, {"allie", "alison alexandra"}, {"andy", "andrew"}, {"angie", "angela"}, {"annie", "ann anne anna"},
    {"art", "arthur"}, {"barb", "barbara"}, {"bart", "bartholomew"}, {"becky", "rebecca"}, {"ben", "benjamin"},
    {"benny", "benjamin"}, {"bernie", "bernard"}, {"beth", "elizabeth"}, {"betsy", "elizabeth"}, {"betty", "elizabeth"},
    {"bill", "william"}, {"billy", "william"}, {"bob", "robert"}, {"bobby", "robert"}, {"brad", "bradley"},
    {"cathy", "catherine kathryn"}, {"charlie", "charles"}, {"chris", "christopher christine christina"},
    {"chuck", "charles"}, {"cindy", "cynthia"}, {"cliff", "clifford"}, {"connie", "constance"}, {"dan", "daniel"},
    {"danny", "daniel"}, {"dave", "david"}, {"davy", "david"}, {"deb", "deborah"}, {"debbie", "deborah"},
    {"dick", "richard"}, {"don", "donald"}, {"donny", "donald"}, {"dot", "dorothy"}, {"dottie", "dorothy"},
    {"doug", "douglas"}, {"ed", "edward edwin edmund"}, {"eddie", "edward edwin"}, {"ellie", "eleanor ellen"},
    {"frank", "francis franklin"}, {"fred", "frederick alfred"}, {"freddie", "frederick"}, {"gabe", "gabriel"},
    {"gene", "eugene"}, {"geoff", "geoffrey"}, {"gerry", "gerald geraldine"}, {"greg", "gregory"}, {"hank", "henry"},
    {"harry", "harold henry"}, {"hattie", "harriet"}, {"jack", "john"}, {"jackie", "jacqueline"}, {"jake", "jacob"},
    {"jan", "janet janice"}, {"jeff", "jeffrey"}, {"jen", "jennifer"}, {"jenny", "jennifer"}, {"jerry", "gerald jerome"},
    {"jim", "james"}, {"jimmy", "james"}, {"jo", "joanne josephine"}, {"joe", "joseph"}, {"joey", "joseph"},
    {"johnny", "john"}, {"jon", "jonathan"}, {"josh", "joshua"}, {"judy", "judith"}, {"kate", "katherine catherine"},
    {"kathy", "katherine kathleen"}, {"katie", "katherine kathleen"}, {"ken", "kenneth"}, {"kenny", "kenneth"},
    {"kim", "kimberly"}, {"larry", "lawrence"}, {"len", "leonard"}, {"lenny", "leonard"}, {"leo", "leonard"},
    {"liz", "elizabeth"}, {"lizzie", "elizabeth"}, {"lou", "louis louise"}, {"maggie", "margaret"},
    {"mandy", "amanda"}, {"marge", "margaret marjorie"}, {"matt", "matthew"}, {"meg", "margaret"},
    {"mike", "michael"}, {"mikey", "michael"}, {"mitch", "mitchell"}, {"molly", "mary"}, {"nan", "nancy ann"},
    {"nate", "nathan nathaniel"}, {"ned", "edward"}, {"nick", "nicholas"}, {"nicky", "nicholas nicole"},
    {"pam", "pamela"}, {"pat", "patricia patrick"}, {"patsy", "patricia"}, {"patty", "patricia"}, {"peg", "margaret"},
    {"peggy", "margaret"}, {"pete", "peter"}, {"phil", "phillip philip"}, {"polly", "mary"}, {"ray", "raymond"},
    {"rick", "richard"}, {"ricky", "richard"}, {"rob", "robert"}, {"robbie", "robert"}, {"ron", "ronald"},
    {"ronnie", "ronald"}, {"rose", "rosemary rosalind"}, {"russ", "russell"}, {"sally", "sarah"},
    {"sam", "samuel samantha"}, {"sammy", "samuel samantha"}, {"sandy", "sandra alexandra"}, {"steph", "stephanie"},
    {"steve", "steven stephen"}, {"stu", "stuart"}, {"sue", "susan suzanne"}, {"susie", "susan"},
    {"ted", "theodore edward"}, {"teddy", "theodore edward"}, {"terry", "terence theresa"}, {"tess", "theresa"},
    {"theo", "theodore"}, {"tim", "timothy"}, {"timmy", "timothy"}, {"tom", "thomas"}, {"tommy", "thomas"},
    {"tony", "anthony"}, {"trish", "patricia"}, {"trudy", "gertrude"}, {"val", "valerie"}, {"vicky", "victoria"},
    {"vince", "vincent"}, {"walt", "walter"}, {"wendy", "gwendolyn"}, {"will", "william"}, {"willy", "william"},
    {"zach", "zachary"}, {"zack", "zachary"},
}};

}  // namespace

std::vector<std::string_view> FormalNames(std::string_view given) {
  std::vector<std::string_view> names{given};
  const auto it = std::lower_bound(kNicknames.begin(), kNicknames.end(), given,
                                   [](const auto& row, std::string_view key) { return row.first < key; });
  if (it != kNicknames.end() && it->first == given) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      names.push_back(rest.substr(0, space));
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool AreNicknameEquivalent(std::string_view a, std::string_view b) {
  if (a == b || a.empty() || b.empty()) return false;
  const std::vector<std::string_view> left = FormalNames(a);
  const std::vector<std::string_view> right = FormalNames(b);
  for (std::string_view name : left) {
    if (std::binary_search(right.begin(), right.end(), name)) return true;
  }
  return false;
}

std::size_t NicknameTableSize() { return kNicknames.size(); }

bool NicknameTableIsSorted() {
  return std::is_sorted(kNicknames.begin(), kNicknames.end(),
                        [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace pdex::member_match
