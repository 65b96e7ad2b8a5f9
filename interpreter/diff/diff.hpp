// Differences between two evaluated rule sets: for every value that appears in an output of the new
// rule set and is computed per entity (gemeente, provincie, ...) in both, the value before and after,
// per entity, with totals, and for each changed value its true causes. The changes between the two
// (articles, parameters, data tables: diff/changes.cpp) are applied one at a time to the old rule
// set (diff/causes.cpp): a cause is a change that moves the value on its own, with its share; what
// the single changes do not add up to is shown as interaction (`samenspel`). Filters and a summary
// per group (`--per provincie`) in diff/summary.cpp; text, CSV and Markdown in diff/render.cpp.
// Used by `verdeel diff`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"
#include "output/render.hpp"
#include "source/limits.hpp"

namespace verdeel::diff {

// One cause of a changed value: a change between the two rule sets and what it does on its own.
struct Cause {
  std::string label;               // `art. 2 keuze`, `tabel aanbod: data/aanbod.csv regel 17`, `samenspel`
  std::string delta;               // `+12` (Dutch notation), empty when the value is not a number
  std::optional<mpq_class> share;  // the same, exact
  std::string change;              // the change as a whole (a table's file, not the row's line)
};

struct Change {
  std::string table, key, name;  // entity: `gemeente`, `GM0193`, `Zwolle`
  std::string definition;
  Value before, after;
  std::string beforeText, afterText, delta;  // delta empty when not numeric
  std::vector<Cause> causes;
  bool main = false;  // the main value of its table (shown in a nota), or chosen by `--definitie`
};

struct Total {
  std::string table, definition, before, after, delta;  // Dutch notation, for readers
  bool main = false;
  mpq_class sumBefore = 0, sumAfter = 0;  // exact, for CSV
};

// A change between the two rule sets, as found before the causes are sought.
struct Candidate {
  enum class Kind { Article, Parameter, Table } kind = Kind::Article;
  std::string key;    // the article's number, the parameter's or the table's name
  std::string label;  // as shown: `art. 2 wet (parameter capaciteitsraming: 96.000 -> 88.000)`
  // Tables: the file in force in the new rule set, and the line there of each changed row by key.
  std::string file;
  std::vector<std::pair<std::string, std::uint32_t>> rows;  // key, line (0: the row is gone)
  std::size_t changedRows = 0;
};

// One group of `--per GROUP`: the summed value of its entities before and after.
struct Group {
  std::string name;
  mpq_class before = 0, after = 0;
  std::size_t members = 0, changed = 0;
  std::vector<std::pair<std::string, mpq_class>> movers;  // entity name, change; largest first
  std::vector<std::pair<std::string, mpq_class>> causes;  // cause label, summed share
};

struct Summary {
  std::string table, groupTable, definition;  // `gemeente`, `provincie`, `besluit_totaal`
  std::vector<Group> groups;
};

struct Result {
  std::vector<Change> changes;
  std::vector<Total> totals;  // per compared numeric definition, sums over the table
  std::vector<Candidate> candidates;
  std::vector<std::string> changedArticles;    // labels, in the new rule set's order (removed ones last)
  std::vector<std::string> changedParameters;  // `parameter X: a -> b` (a scenario or a changed rule)
  std::vector<std::string> notes;              // what could not be tried on its own, and why
  std::size_t compared = 0;                    // values compared
  std::vector<std::string> onlyOld, onlyNew;   // definitions in one rule set only
  std::optional<Summary> summary;              // `--per`
};

// How to load the two rule sets again, for the one-at-a-time evaluations.
struct Setup {
  std::string oldPath, newPath;
  std::optional<Date> oldDate, newDate;
  std::string dataDir;
  std::vector<std::string> oldSettings;  // `--zet` (the new rule set's own go with its parameters)
  Limits limits;
};

// nullopt when an evaluation failed (reported into the evaluations' diagnostics).
std::optional<Result> compare(eval::Evaluation& before, eval::Evaluation& after);

// Finds the causes of every change in `r` by applying each candidate on its own to the old rule set.
void attribute(Result& r, eval::Evaluation& before, eval::Evaluation& after, const Setup& setup);

// Keeps only the changes of these definitions and entities (key or name); empty: all.
void filter(Result& r, const std::vector<std::string>& definitions, const std::vector<std::string>& entities);

// Sums `definition` (empty: the main one of the entity table: the last computed column of its first
// output) per group of `groupTable` (a table the entities refer to). False with a message when that
// cannot be done.
bool summarise(Result& r, eval::Evaluation& before, eval::Evaluation& after, const std::string& groupTable,
               const std::string& definition, std::string& error);

std::string renderText(const Result& r, const std::string& oldName, const std::string& newName);
// CSV with text cells guarded against formulas unless `cells` is Literal (output/render.hpp).
std::string renderCsv(const Result& r, output::CsvCells cells);
// Short enough for a nota: the changes found, the summary per group (when asked), the main values
// per entity with their causes.
std::string renderMarkdown(const Result& r, const std::string& oldName, const std::string& newName);

}  // namespace verdeel::diff
