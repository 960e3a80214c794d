// The receiving side of a payer-to-payer exchange (pdex-facts §3.3, §7.4): store what another payer
// released ($everything searchset pages, or a collection/transaction Bundle) in this payer's record,
// as a FHIR transaction of PUTs. docs/release-and-ingest.md.
#pragma once

#include "common/issue.h"
#include "pdex/common/release_filter.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pdex::pdex_ingest {

struct IngestOptions {
  std::string patient;      // "Patient/ID": the member in the receiver's record (required)
  nlohmann::json receiver;  // Reference to this (receiving) payer: the custodian of what is stored
  std::string recorded;     // instant of the custodian Provenances; default now (kept when already stored)
  std::string base;         // the receiver's FHIR base, for entry.fullUrl; empty leaves fullUrl out
};

struct IngestResult {
  // A `transaction` Bundle of PUT Type/id entries (null when refused): only what is new or changed, so
  // a second ingest of the same pages into the updated record gives a transaction with no entry.
  nlohmann::json transaction;
  // Counts and the id map (sender reference → receiver Type/id); never resource content.
  nlohmann::json report;
  Issues issues;
};

// `received`: the parsed pages, in any order, duplicates allowed. `receiver_record`: what the receiver
// holds (Bundle or array) — it must hold options.patient. `filter` withholds what the consent does not
// allow (empty: store everything). Never throws.
IngestResult IngestRelease(const std::vector<nlohmann::json>& received, const nlohmann::json& receiver_record,
                           const IngestOptions& options, const pdex_common::ReleaseFilter& filter);

}  // namespace pdex::pdex_ingest
