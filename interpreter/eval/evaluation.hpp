// The evaluator: computes every parameter and definition of one checked Program for every entity of
// one Dataset, in the Program's dependency order, so that a value never waits on another and nothing
// recurses across definitions. Every value keeps the article it came from, the exception that applied
// and its provenance (herkomst, articles and data tables: eval/provenance.hpp). What a value was
// made of, input by input, is recomputed on demand for explanations (derivation()).
// An evaluation error (division by zero, a missing value, conflicting exceptions, a tie) does not
// stop the others: it marks the value, and every value that uses it, as failed. It is reported when
// a failed value is asked for (by an output, a controle, an explanation); from then on the
// evaluation has failed and every call returns nullptr. Overrides of parameters (`--zet`, sweeps)
// re-evaluate only what the changed parameters reach. Arithmetic is exact (GMP).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "data/dataset.hpp"
#include "diag/diagnostic.hpp"
#include "eval/coverage.hpp"
#include "eval/provenance.hpp"
#include "stdlib/apportion.hpp"
#include "stdlib/builtins.hpp"

namespace verdeel::eval {

// The stdlib rounding of a rounding mode of the language (`rekenkundig` is half up, ...).
stdlib::Rounding rounding(ast::RoundMode m);

// One computed value: of a definition for one entity, or of a parameter.
struct Computed {
  Value value;
  Provenance provenance;
  int article = -1;         // the article of the rule that gave the value (exception or definition)
  int exception = -1;       // the exception that applied; -1: the general rule
  std::uint32_t error = 0;  // internal: 0, or the evaluation error the value rests on
  ast::Herkomst herkomst() const { return provenance.herkomst; }
};

struct InputRef {
  enum class Kind { Cell, Definition, Parameter } kind;
  int table = -1;  // Cell: the table; Definition: the subject table or -1
  int row = -1;    // Cell or Definition: the entity row, -1 for a single value
  int index = -1;  // Cell: column; Definition: definition; Parameter: parameter
  bool operator==(const InputRef&) const = default;
};

struct ExceptionOutcome {
  int exception = -1;
  bool conditionHeld = false;
  int overruledBy = -1;  // when the condition held but another exception took precedence
};

// How one value was made, for explanations: its direct inputs in first-use order without repeats
// (for an aggregate only the rows that met its condition) and what each exception did.
struct Derivation {
  std::vector<InputRef> inputs;
  std::vector<ExceptionOutcome> exceptions;
};

struct ControleFailure {
  int row = -1;        // -1 for a single-valued controle
  std::string detail;  // for a comparison: both sides, e.g. "links 1001, rechts 1000"
};

// One entity of a claim (`bewering`), for the claims report: whether it held, the least certain
// data it rests on, and both sides of each comparison in the condition ("links 2419, rechts 2189").
struct Comparison {
  ast::BinOp op = ast::BinOp::Eq;
  Value lhs, rhs;
};
struct ClaimRow {
  int row = -1;
  bool held = false;
  ast::Herkomst herkomst = ast::Herkomst::Echt;
  std::string sides;
  std::vector<Comparison> comparisons;  // what `sides` says, as values (blank sides left out)
};

struct ControleResult {
  int controle = -1;
  std::size_t checked = 0;
  std::size_t undecided = 0;  // entities not checked: what they rest on is undecided by a tie
  std::vector<ControleFailure> failures;
  std::vector<ClaimRow> rows;                    // claims only: every entity (or the single value)
  ast::Herkomst herkomst = ast::Herkomst::Echt;  // the least certain data the outcome rests on
  std::string sides;  // a single-valued comparison: both sides ("links 1001, rechts 1000"), held or not
};

// A tie at the cut-off of one group's apportionment: entities with the same remainder (or priority)
// of which only some get a unit. Decided by the declared order (`bij gelijke stand k1, k2`), by the
// table's key after it, or by a drawn lot (`lot uit KOLOM`); or not decided: then the group's values
// are undecided (E0506) while every other group is computed.
struct TieOutcome {
  enum class By { Order, Key, Lot, Undecided };
  By by = By::Undecided;
  int decidingKey = -1;               // Order, Lot: the tie-break key that decided (index in tieBreak)
  std::vector<std::size_t> entities;  // positions in ApportionmentRecord::rows, in tie-break order
  std::vector<bool> gets;             // decided: whether each got (or kept) the unit
  std::size_t units = 0;              // how many of them get one
  stdlib::Priority value;             // the remainder or priority they share
  std::uint32_t error = 0;            // Undecided: the E0506 behind the group's values
};

// The apportionment behind a `verdeling`, for one group: the entities that took part (rows of the
// subject table that meet the filter, in row order), what was given to the method, and its result.
// Entity k of input and result is rows[k]. Kept for explanations ("why 97, not 96").
struct ApportionmentRecord {
  int definition = -1;
  int groupRow = -1;      // row of the `binnen` table; -1 without `binnen`
  std::vector<int> rows;  // subject rows taking part
  // The values of the declared tie-break keys per row taking part (empty without `bij gelijke
  // stand`), so that an explanation can show what decided a tie.
  std::vector<std::vector<Value>> tieKeys;
  stdlib::ApportionInput input;
  stdlib::ApportionResult result;
  std::optional<TieOutcome> tie;  // a tie at the cut-off, decided or not
  int indexOf(int row) const;     // position in rows, or -1 when the row did not take part
};

struct State;

class Evaluation {
 public:
  Evaluation(const check::Program& program, const data::Dataset& data, Diagnostics& diags);
  ~Evaluation();
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;

  // The evaluation-step limit (E0512), before the first value is asked for.
  void setStepLimit(std::uint64_t limit);
  // The limit on the digits of one number (E0513), before the first value is asked for.
  void setDigitLimit(std::size_t digits);
  std::uint64_t steps() const;
  // Records what the evaluation reaches (branches, exceptions) into `c`, before the first value is
  // asked for (`verdeel test`; eval/coverage.hpp).
  void setCoverage(Coverage* c);
  // Starts counting steps again (a sweep: the limit holds per scenario).
  void resetSteps();
  // Replaces a parameter's value (a scenario: `--zet`). The next value asked for is computed with
  // it; only the parameters and definitions it reaches are computed again.
  void setParameter(int param, Value value);
  // The parameters set so, with their values, in parameter order.
  std::vector<std::pair<int, Value>> overrides() const;
  // Computes everything that is not computed yet; false after an error that stops the evaluation
  // (the step limit). Called by the accessors below; a sweep calls it once per scenario.
  bool update();

  // The value of a definition for one entity (row of its subject table; -1 for a single value).
  // nullptr, without a diagnostic, for a reading of a keuze that is not the one chosen.
  const Computed* definition(int def, int row);
  // Whether a definition is computed in this evaluation: true, except for a reading of a keuze that
  // is not the one chosen (check::Definition::choiceParameter).
  bool selected(int def) const;
  // Whether at least one value of the definition was computed without an error (after update()):
  // the coverage of `verdeel test`. False for a table without rows and a reading not chosen.
  bool computedAny(int def) const;
  const Computed* parameter(int param);
  // How the value was made (inputs, exceptions); nullopt when the value failed.
  std::optional<Derivation> derivation(int def, int row);
  // The apportionment a `verdeling` definition made for the group of entity `row`.
  const ApportionmentRecord* apportionment(int def, int row);
  // One expression of a rule, for the entity `row` of `subjectTable` (-1, -1: a single value),
  // computed as the evaluator computes it, for explanations; nullopt when it cannot be computed.
  std::optional<Value> evaluate(const check::CExpr& e, int subjectTable, int row);
  // Evaluates one controle over all its entities; nullopt after an evaluation error. The result is
  // kept until a parameter changes (a run asks for it twice: for the exit code and for its table).
  std::optional<ControleResult> controle(int index);
  bool failed() const { return failed_; }
  // `run`: a value that rests on a tie nothing decided (E0506) is given as blank instead of failing
  // the evaluation, and a controle over it is not decided for those entities; ties() names them.
  void allowUndecided() {
    undecidedAllowed_ = true;
    controles_.clear();
  }
  // Every tie at the cut-off of every computed `verdeling`, per definition and group in order.
  std::vector<const ApportionmentRecord*> ties();
  // Whether a value is blank because a tie decided nothing (only under allowUndecided()).
  bool undecided(const Computed& c) const;
  // Reports the E0506 of every undecided tie not reported yet; returns how many ties were undecided.
  std::size_t reportUndecided();
  // Goes on after an evaluation error (the keuzes workbench: the error belongs to one combination of
  // readings). Values that failed stay failed until what they read changes.
  void recover() { failed_ = false; }

  // The articles and data tables behind a value, ascending.
  const std::vector<int>& articles(const Computed& c) const { return members(c.provenance.articles); }
  const std::vector<int>& tables(const Computed& c) const { return members(c.provenance.tables); }
  // Provenance of several values together (a row of an output): the members of a set, the
  // provenance of a data cell, and the union of two.
  const std::vector<int>& members(SetId set) const;
  Provenance cellProvenance(int table, int row) const;
  void merge(Provenance& into, const Provenance& from);

  const check::Program& program() const { return program_; }
  const data::Dataset& data() const { return data_; }
  // "gemeente GM0193 (Zwolle)"
  std::string entityName(int table, int row) const;
  std::string format(const Value& v) const;

 private:
  const Computed* demand(const Computed& c);  // reports the error behind a failed value
  const check::Program& program_;
  const data::Dataset& data_;
  Diagnostics& diags_;
  bool failed_ = false;
  bool undecidedAllowed_ = false;
  std::unique_ptr<State> state_;
  std::vector<std::optional<ControleResult>> controles_;  // per controle, once evaluated
  std::optional<ControleResult> evaluateControle(int index);
  void report(std::uint32_t error);
};

}  // namespace verdeel::eval
