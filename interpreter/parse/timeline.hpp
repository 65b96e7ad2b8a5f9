// The timeline of a rule set: every date on which something in it takes effect (the regulation
// itself, an amendment and each of its parts, a dated parameter value, a dated file of a table, the
// end of a validity), read from the rule set before a version is chosen. `check` checks the version
// of every date; `verdeel tijdlijn` lists them.
#pragma once

#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "source/source.hpp"

namespace verdeel::parse {

struct TimelineEvent {
  Date date;
  std::string what;  // in Dutch: `parameter capaciteitsraming wordt 88_000 (grondslag "...")`
  SourceSpan span;
};

// In date order (events of one date in the order written). Only dates on which the regulation is
// in force, from its own `geldig vanaf` (the first event).
std::vector<TimelineEvent> timeline(const ast::RuleSet& rs, const SourceManager& sources);

// The distinct dates of the timeline: the versions there are.
std::vector<Date> versionDates(const std::vector<TimelineEvent>& events);

}  // namespace verdeel::parse
