// Common English given-name nicknames (hypocorisms), shipped as data in the code.
//
// Source and logic: a hand-compiled table (149 rows) of the nicknames in everyday US use ("Bill" for
// William, "Peggy" for Margaret, ...), written for PDex Bridge from general knowledge of English
// naming; not copied from any list. Each row maps one nickname to the formal name(s) it is short
// for; ambiguous nicknames ("Al", "Chris", "Sam") map to several. Two given names are nickname-equivalent when their formal-name sets intersect, a formal
// name standing for itself. Documented in docs/member-match.md.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace pdex::member_match {

// The formal names `given` (folded, lower case) may stand for: itself, plus the formal names of the
// table when it is a nickname. Sorted, no duplicates.
std::vector<std::string_view> FormalNames(std::string_view given);

// True when the two folded given names are nickname-equivalent (and not equal).
bool AreNicknameEquivalent(std::string_view a, std::string_view b);

// The number of rows of the table (for the documentation and a test).
std::size_t NicknameTableSize();
// True when the table is sorted by nickname (FormalNames binary-searches it; checked by a test).
bool NicknameTableIsSorted();

}  // namespace pdex::member_match
