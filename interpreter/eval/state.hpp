// The state of one evaluation, shared by the parts of the evaluator (internal to eval/): the
// computed values per definition and entity, the parameters (with their overrides), the pending
// evaluation errors, the key indexes, the apportionments and the interned provenance sets.
// evaluation.cpp drives it (what to compute, in which order), interpreter.cpp computes one
// expression for one entity, groups.cpp one `verdeling` per group.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "eval/coverage.hpp"
#include "eval/evaluation.hpp"
#include "eval/index.hpp"
#include "eval/provenance.hpp"

namespace verdeel::eval {

// Thrown when a value rests on a failed value (the error is already recorded in State::errors).
struct Poisoned {
  std::uint32_t error;
};
// Thrown when the evaluation-step limit is passed (reported at once: it stops everything).
struct StepLimit {
  SourceSpan span;  // the expression being computed when the limit was passed
  int article = -1;
};

// What the value being computed has read so far: its provenance and, when a derivation is being
// recorded, its direct inputs.
struct Collector {
  Provenance provenance;
  std::vector<InputRef>* inputs = nullptr;
};

// One `verdeling` for one group: the record and what each taking-part row and the whole read.
struct Group {
  ApportionmentRecord record;
  std::uint32_t error = 0;  // the group could not be apportioned
};

struct State {
  State(const check::Program& p, const data::Dataset& d);

  const check::Program& program;
  const data::Dataset& data;
  SetPool pool;
  std::vector<SetId> tableSet;    // {t} per table
  std::vector<SetId> articleSet;  // {a} per article

  std::vector<std::vector<Computed>> definitions;  // [definition][row, or 0 for a single value]
  std::vector<Computed> parameters;
  std::vector<std::optional<Value>> overrides;  // per parameter: a scenario's value
  std::vector<bool> definitionDone, parameterDone;
  bool complete = false;  // everything is computed

  // Evaluation errors not reported yet: error e is errors[e - 1].
  std::vector<Diagnostic> errors;
  std::vector<bool> reported;
  std::vector<bool> isTie;  // errors[e - 1] is an undecided tie (E0506)
  std::uint32_t addError(Diagnostic d, bool tie = false);

  // Key indexes per (table, column) and per definition, made on first use.
  std::map<std::pair<int, int>, std::unique_ptr<KeyIndex>> columnIndexes;
  std::map<int, std::unique_ptr<KeyIndex>> definitionIndexes;
  const KeyIndex& columnIndex(int table, int column);
  const KeyIndex& definitionIndex(int def);

  // Apportionments: per definition, per group row (-1 without `binnen`).
  std::vector<std::map<int, std::unique_ptr<Group>>> groups;

  Coverage* coverage = nullptr;  // `verdeel test`: what was reached is recorded here

  std::uint64_t steps = 0;
  std::uint64_t stepLimit = 500'000'000;
  std::size_t digitLimit = 100'000;  // digits of one number, numerator and denominator (E0513)

  // The provenance of one row of a table, and of a table as a whole (an aggregate over no rows).
  Provenance rowProvenance(int table, int row) const {
    return {0, tableSet[static_cast<std::size_t>(table)],
            data.tables[static_cast<std::size_t>(table)].herkomst[static_cast<std::size_t>(row)]};
  }
  Provenance tableProvenance(int table) const {
    return {0, tableSet[static_cast<std::size_t>(table)],
            program.tables[static_cast<std::size_t>(table)].herkomst};
  }
  int rows(int table) const { return static_cast<int>(data.tables[static_cast<std::size_t>(table)].size()); }
  std::string entityName(int table, int row) const;
  std::string format(const Value& v) const;
};

// Computes the values of one definition for every entity (groups.cpp for a `verdeling`).
void computeDefinition(State& s, int def);
void computeApportionment(State& s, int def);
// One value of a definition for one entity; with `derivation`, records its inputs and exceptions.
Computed computeValue(State& s, int def, int row, Derivation* derivation);
// The same, written into `into` (the value's slot: a number is computed in place, not moved there).
void computeValue(State& s, int def, int row, Derivation* derivation, Computed& into);
Computed computeParameter(State& s, int param, Derivation* derivation);
// The inputs of one entity's share of a verdeling, for its derivation.
void apportionmentInputs(State& s, int def, int row, Derivation& derivation);

}  // namespace verdeel::eval
