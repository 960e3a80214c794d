#include "pdex/segmentation/text_scan.h"

#include "pdex/common/codes.h"
#include "pdex/segmentation/sensitive_codes.h"

#include <cctype>
#include <unordered_map>
#include <vector>

namespace pdex::segmentation {
namespace {

struct Term {
  const char* words;  // lower case, words separated by one space
  Category category;
};

// Names of the conditions, treatments and medications of the sensitive value sets, and the common
// brand names of medications for opioid use disorder and HIV (docs/segmentation.md).
constexpr Term kTerms[] = {
    // Substance use (42 CFR Part 2).
    {"alcoholism", Category::kSubstanceUse}, {"alcoholic", Category::kSubstanceUse},
    {"alcohol use disorder", Category::kSubstanceUse}, {"alcohol dependence", Category::kSubstanceUse},
    {"alcohol abuse", Category::kSubstanceUse}, {"alcohol withdrawal", Category::kSubstanceUse},
    {"opioid use disorder", Category::kSubstanceUse}, {"opioid dependence", Category::kSubstanceUse},
    {"opioid abuse", Category::kSubstanceUse}, {"opioid addiction", Category::kSubstanceUse},
    {"substance use", Category::kSubstanceUse}, {"substance abuse", Category::kSubstanceUse},
    {"drug abuse", Category::kSubstanceUse}, {"drug dependence", Category::kSubstanceUse},
    {"drug addiction", Category::kSubstanceUse}, {"addiction", Category::kSubstanceUse},
    {"addicted", Category::kSubstanceUse}, {"detox", Category::kSubstanceUse},
    {"detoxification", Category::kSubstanceUse}, {"overdose", Category::kSubstanceUse},
    {"buprenorphine", Category::kSubstanceUse}, {"methadone", Category::kSubstanceUse},
    {"naltrexone", Category::kSubstanceUse}, {"naloxone", Category::kSubstanceUse},
    {"suboxone", Category::kSubstanceUse}, {"subutex", Category::kSubstanceUse}, {"zubsolv", Category::kSubstanceUse},
    {"sublocade", Category::kSubstanceUse}, {"vivitrol", Category::kSubstanceUse}, {"bunavail", Category::kSubstanceUse},
    {"lofexidine", Category::kSubstanceUse}, {"disulfiram", Category::kSubstanceUse}, {"antabuse", Category::kSubstanceUse},
    {"acamprosate", Category::kSubstanceUse}, {"heroin", Category::kSubstanceUse}, {"cocaine", Category::kSubstanceUse},
    {"methamphetamine", Category::kSubstanceUse}, {"cannabis dependence", Category::kSubstanceUse},
    {"42 cfr", Category::kSubstanceUse},
    // Mental and behavioural health.
    {"schizophrenia", Category::kMentalHealth}, {"schizophrenic", Category::kMentalHealth},
    {"schizoaffective", Category::kMentalHealth}, {"bipolar", Category::kMentalHealth},
    {"psychosis", Category::kMentalHealth}, {"psychotic", Category::kMentalHealth},
    {"psychiatric", Category::kMentalHealth}, {"psychiatry", Category::kMentalHealth},
    {"psychiatrist", Category::kMentalHealth}, {"psychotherapy", Category::kMentalHealth},
    {"psychotherapist", Category::kMentalHealth}, {"psychologist", Category::kMentalHealth},
    {"depression", Category::kMentalHealth}, {"depressive", Category::kMentalHealth},
    {"anxiety disorder", Category::kMentalHealth}, {"generalized anxiety", Category::kMentalHealth},
    {"panic disorder", Category::kMentalHealth}, {"posttraumatic", Category::kMentalHealth},
    {"post traumatic stress", Category::kMentalHealth}, {"suicidal", Category::kMentalHealth},
    {"suicide", Category::kMentalHealth}, {"self harm", Category::kMentalHealth},
    {"mental disorder", Category::kMentalHealth}, {"mental health", Category::kMentalHealth},
    {"mental illness", Category::kMentalHealth}, {"behavioral health", Category::kMentalHealth},
    {"behavioural health", Category::kMentalHealth}, {"eating disorder", Category::kMentalHealth},
    {"anorexia nervosa", Category::kMentalHealth}, {"bulimia", Category::kMentalHealth},
    {"obsessive compulsive", Category::kMentalHealth}, {"attention deficit", Category::kMentalHealth},
    {"dementia", Category::kMentalHealth}, {"autism", Category::kMentalHealth}, {"autistic", Category::kMentalHealth},
    {"patient health questionnaire", Category::kMentalHealth},
    // HIV.
    {"human immunodeficiency", Category::kHiv}, {"immunodeficiency virus", Category::kHiv},
    {"acquired immune deficiency", Category::kHiv}, {"antiretroviral", Category::kHiv},
    {"zidovudine", Category::kHiv}, {"lamivudine", Category::kHiv}, {"efavirenz", Category::kHiv},
    {"emtricitabine", Category::kHiv}, {"tenofovir", Category::kHiv}, {"bictegravir", Category::kHiv},
    {"dolutegravir", Category::kHiv}, {"raltegravir", Category::kHiv}, {"biktarvy", Category::kHiv},
    {"truvada", Category::kHiv}, {"descovy", Category::kHiv},
    // Sexual health and violence (labels mostly; these terms catch free text).
    {"sexually transmitted", Category::kSexualHealth}, {"syphilis", Category::kSexualHealth},
    {"gonorrhea", Category::kSexualHealth}, {"chlamydia", Category::kSexualHealth},
    {"sexual assault", Category::kSexualHealth}, {"domestic violence", Category::kSexualHealth},
};

// Abbreviations matched in upper case only ("aids" is also hearing aids).
constexpr Term kUpperCaseTerms[] = {
    {"HIV", Category::kHiv}, {"AIDS", Category::kHiv}, {"PTSD", Category::kMentalHealth},
    {"ADHD", Category::kMentalHealth}, {"PHQ", Category::kMentalHealth}, {"GAD", Category::kMentalHealth},
    {"OUD", Category::kSubstanceUse}, {"SUD", Category::kSubstanceUse}, {"MOUD", Category::kSubstanceUse},
};

struct Phrase {
  std::vector<std::string> rest;  // the words after the first
  Category category;
};

struct TermIndex {
  std::unordered_map<std::string, std::vector<Phrase>> by_first_word;
  std::unordered_map<std::string, Category> upper_case;
};

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word), word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

const TermIndex& Index() {
  static const TermIndex* index = [] {
    auto* made = new TermIndex();
    for (const Term& term : kTerms) {
      std::vector<std::string> words = SplitWords(term.words);
      const std::string first = words.front();
      words.erase(words.begin());
      made->by_first_word[first].push_back(Phrase{std::move(words), term.category});
    }
    for (const Term& term : kUpperCaseTerms) made->upper_case.emplace(term.words, term.category);
    return made;
  }();
  return *index;
}

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Tokens of `text`: runs of letters and digits, with '.' kept inside a run (for "F32.9").
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsAlnum(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && (IsAlnum(text[end]) || (text[end] == '.' && end + 1 < text.size() && IsAlnum(text[end + 1])))) {
      ++end;
    }
    if (end > i) tokens.push_back(text.substr(i, end - i));
    i = end;
  }
  return tokens;
}

// An ICD-10-CM-shaped token: upper-case letter, digit, digit or letter, optionally '.' and 1-4 more.
bool LooksLikeIcd10(std::string_view token) {
  if (token.size() < 3 || token.size() > 8) return false;
  if (!(token[0] >= 'A' && token[0] <= 'Z') || !std::isdigit(static_cast<unsigned char>(token[1]))) return false;
  for (std::size_t i = 2; i < token.size(); ++i) {
    const char c = token[i];
    if (!(std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z') || (c == '.' && i == 3))) return false;
  }
  return true;
}

// `text` with XHTML tags and character references replaced by spaces.
std::string StripMarkup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_tag = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_tag) {
      if (c == '>') in_tag = false, out.push_back(' ');
    } else if (c == '<') {
      in_tag = true;
    } else if (c == '&') {
      const std::size_t semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) i = semi;
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<Category> ScanText(std::string_view text, bool markup) {
  std::string stripped;
  if (markup) {
    stripped = StripMarkup(text);
    text = stripped;
  }
  const TermIndex& index = Index();
  // Words: tokens split at '.', lower-cased, for the phrase look-up.
  std::vector<std::string_view> raw_words;
  for (std::string_view token : Tokens(text)) {
    if (LooksLikeIcd10(token)) {
      if (auto category = SensitiveCodeCategory(pdex_codes::kIcd10Cm, token)) return category;
    }
    std::size_t start = 0;
    while (start <= token.size()) {
      const std::size_t dot = token.find('.', start);
      const std::size_t end = dot == std::string_view::npos ? token.size() : dot;
      if (end > start) raw_words.push_back(token.substr(start, end - start));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
  }
  std::vector<std::string> words;
  words.reserve(raw_words.size());
  for (std::string_view word : raw_words) words.push_back(Lower(word));
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto upper = index.upper_case.find(std::string(raw_words[i]));
    if (upper != index.upper_case.end()) return upper->second;
    auto found = index.by_first_word.find(words[i]);
    if (found == index.by_first_word.end() && words[i].size() > 3 && words[i].back() == 's') {
      found = index.by_first_word.find(words[i].substr(0, words[i].size() - 1));  // plurals
    }
    if (found == index.by_first_word.end()) continue;
    for (const Phrase& phrase : found->second) {
      if (i + phrase.rest.size() >= words.size()) continue;  // too few words left
      bool match = true;
      for (std::size_t k = 0; k < phrase.rest.size() && match; ++k) {
        const std::string& want = phrase.rest[k];
        const std::string& have = words[i + 1 + k];
        match = have == want || (have.size() == want.size() + 1 && have.back() == 's' && have.compare(0, want.size(), want) == 0);
      }
      if (match) return phrase.category;
    }
  }
  return std::nullopt;
}

std::optional<std::string> DecodeBase64(std::string_view data, std::size_t max_bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t padding = 0;
  for (char c : data) {
    int value;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    else if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
    else if (c >= '0' && c <= '9') value = c - '0' + 52;
    else if (c == '+' || c == '-') value = 62;
    else if (c == '/' || c == '_') value = 63;
    else if (c == '=') { ++padding; continue; }
    else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    else return std::nullopt;
    if (padding != 0) return std::nullopt;  // data after padding
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
      if (out.size() > max_bytes) return std::nullopt;
    }
  }
  return out;
}

bool IsReadableContentType(std::string_view content_type) {
  const std::string type = Lower(content_type.substr(0, content_type.find(';')));
  return type.rfind("text/", 0) == 0 || type == "application/json" || type == "application/fhir+json" ||
         type == "application/xml" || type == "application/fhir+xml" || type == "application/xhtml+xml";
}

}  // namespace pdex::segmentation
