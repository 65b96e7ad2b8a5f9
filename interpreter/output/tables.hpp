// The decision tables: what `verdeel run` writes. build() turns the declared outputs of a Program
// into rows of text cells, evaluated through an Evaluation, sorted by key (deterministic), one
// table per group where the output is split, plus a summary per split output. Every row gets the
// columns `grondslag` (the articles behind its numbers), `herkomst` (the least certain provenance
// of its inputs) and `bronnen` (the data files behind it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"
#include "output/text_rows.hpp"

namespace verdeel::output {

enum class CellKind { Text, Integer, Number, Bool };

// A value of the rules as documents show it: its name and the computed value.
struct NamedValue {
  std::string name;
  Value value;
};

struct DecisionTable {
  std::string file;   // file name without extension: `verdeling`, `verdeling-overijssel`
  std::string title;  // `verdeling (Overijssel)`
  std::vector<std::string> columns;
  std::vector<CellKind> kinds;
  TextRows rows;
  std::string output;    // the declared output's file name (`verdeelbesluit`), for its document template
  bool summary = false;  // the summary of a split output
  std::string groupTable, group;        // a split by a reference: `provincie`, `Overijssel`
  std::vector<NamedValue> groupValues;  // every value computed per group entity, for that group
};

struct Decisions {
  std::string regeling;
  std::string citatie;
  std::string geldigVanaf;
  std::string versie;  // "zoals geldig op 2024-12-20[, gewijzigd bij ...]"
  std::optional<Date> peildatum;
  std::vector<DecisionTable> tables;
  std::vector<NamedValue> globals;  // every parameter and value computed once, for documents
};

// nullopt when the evaluation failed (the diagnostic has been reported).
std::optional<Decisions> build(eval::Evaluation& ev);

// Lower-case file-name part: `Noord-Brabant` -> `noord-brabant`, `Fryslân` -> `fryslân`.
std::string slug(const std::string& name);

}  // namespace verdeel::output
