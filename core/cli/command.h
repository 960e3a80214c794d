// One `pdex` subcommand: its name, a one-line summary, its help text and the function that runs it.
#pragma once

#include <string>
#include <vector>

namespace pdex::cli {

// Exit codes shared by every subcommand (documented in `pdex --help`).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // an error-level issue, or an evaluation error
inline constexpr int kExitUsage = 2;

struct Command {
  const char* name;
  const char* summary;
  const char* help;
  int (*run)(const std::vector<std::string>& args);
};

// Prints "pdex NAME: MESSAGE" and the hint to use --help on stderr; returns kExitUsage.
int UsageError(const char* command, const std::string& message);

int RunValidate(const std::vector<std::string>& args);
extern const char kValidateHelp[];

int RunFhirpath(const std::vector<std::string>& args);
extern const char kFhirpathHelp[];

// Consent decisions and segmentation (segment_command.cpp).
int RunSegment(const std::vector<std::string>& args);
extern const char kSegmentHelp[];
// Claims → clinical (core/pdex/claims).
int RunClaimsToClinical(const std::vector<std::string>& args);
extern const char kClaimsToClinicalHelp[];
// PDex release assembly and ingest (release_command.cpp, ingest_command.cpp).
int RunRelease(const std::vector<std::string>& args);
extern const char kReleaseHelp[];
int RunIngest(const std::vector<std::string>& args);
extern const char kIngestHelp[];
int RunMemberMatch(const std::vector<std::string>& args);  // HRex $member-match (member_match_command.cpp)
extern const char kMemberMatchHelp[];

}  // namespace pdex::cli
