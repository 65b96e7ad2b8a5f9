// Explanations: the derivation of one computed number as a tree, in plain Dutch, built from what the
// evaluator kept (eval::Computed and eval::ApportionmentRecord): for each step the rule and its
// article, the value, the provenance, the inputs (data cells with their file and line, parameters,
// other values), which exceptions applied and which did not and why, and for a `verdeling` the
// apportionment of the units ("why 97, not 96"). Used by `verdeel explain` and by `verify`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"

namespace verdeel::explain {

struct Node {
  std::string version;             // on the root only: the version of the rules used
  std::string what;                // "besluit_totaal van gemeente GM0193 (Zwolle)"
  std::string value;               // "1.826", "2397/38 (≈ 63,08)": for readers, in Dutch notation
  std::string raw;                 // "1826", "2397/38": exact, for programs (JSON)
  std::string rule;                // "art. 5 wet \"Verdeelbesluit\"", or the data file and line of a cell
  std::string lawText;             // the article's text, when asked for
  std::string herkomst;            // echt, gereconstrueerd, fictief
  std::vector<std::string> notes;  // exceptions, apportionment, "zie boven"
  std::vector<Node> inputs;
  std::size_t inputsLeftOut = 0;  // inputs not shown (more than Options::maxInputs)
  bool foldedBelow = false;       // its inputs are not shown (depth reached)
};

struct Options {
  int depth = 100;             // levels of inputs shown below the value asked for (100: all)
  bool lawText = false;        // show each article's text
  std::size_t maxInputs = 12;  // inputs shown per step
};

struct Entity {
  int table = -1;
  int row = -1;
};

// Finds an entity by its key or its name (`naam` column), in any table; `tabel:naam` narrows it to
// one table. `preferTable` (>= 0) decides between equal matches. On failure, `error` says why
// (with near names).
std::optional<Entity> findEntity(const eval::Evaluation& ev, const std::string& text, int preferTable,
                                 std::string& error);

// The definition explained when none is named: the last computed column of the first output per
// the entity's table (for a gemeente in rules/2024: besluit_totaal).
int defaultDefinition(const check::Program& p, int table);

// An exact number for readers, in Dutch notation: `1.234`, `0,25`; a fraction without a finite
// decimal as `2397/38 (≈ 63,08)`.
std::string exact(const mpq_class& q);

// nullopt when the evaluation failed (the diagnostic has been reported).
std::optional<Node> explain(eval::Evaluation& ev, int definition, int row, const Options& options);

// A parameter on its own: its value in force, the grondslag of that value and its other dated values.
std::optional<Node> explainParameter(eval::Evaluation& ev, int parameter, const Options& options);

std::string renderText(const Node& root);
// A nested list for a nota (`--format md`).
std::string renderMarkdown(const Node& root);
// The same as an HTML page (lang="nl"), to open or paste into a nota (`--format html`).
std::string renderHtml(const Node& root);
std::string renderJson(const Node& root);

}  // namespace verdeel::explain
