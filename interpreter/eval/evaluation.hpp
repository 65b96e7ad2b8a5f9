// The evaluator: computes definitions on demand for one checked Program and one Dataset, memoized
// per (definition, entity). Every computed value keeps what explains it: the article it came from,
// the exception that applied and the ones that did not (and why), its direct inputs (cells,
// parameters, other computed values) and, transitively, the articles, data tables and the least
// certain provenance (echt < gereconstrueerd < fictief) behind it. Arithmetic is exact (GMP).
// An evaluation error (division by zero, conflicting exceptions, ...) is reported once and ends the
// evaluation: the failing call returns nullptr and every later call does too.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "data/dataset.hpp"
#include "diag/diagnostic.hpp"
#include "stdlib/apportion.hpp"

namespace verdeel::eval {

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

struct Computed {
  Value value;
  int article = -1;    // the article of the rule that gave the value (exception or definition)
  int exception = -1;  // the exception that applied; -1: the general rule
  std::vector<ExceptionOutcome> exceptions;
  std::vector<InputRef> inputs;  // direct inputs, in first-use order, without repeats
  std::vector<int> articles;     // every article behind the value, ascending
  std::vector<int> tables;       // every data table behind the value, ascending
  ast::Herkomst herkomst = ast::Herkomst::Echt;
};

struct ControleFailure {
  int row = -1;        // -1 for a single-valued controle
  std::string detail;  // for a comparison: both sides, e.g. "links 1001, rechts 1000"
};

struct ControleResult {
  int controle = -1;
  std::size_t checked = 0;
  std::vector<ControleFailure> failures;
  ast::Herkomst herkomst = ast::Herkomst::Echt;  // the least certain data the outcome rests on
  std::string sides;  // a single-valued comparison: both sides ("links 1001, rechts 1000"), held or not
};

// The apportionment behind a `verdeling`, for one group: the entities that took part (rows of the
// subject table that meet the filter, in row order), what was given to the method, and its result.
// Entity k of input and result is rows[k]. Kept for explanations ("why 97, not 96").
struct ApportionmentRecord {
  int definition = -1;
  int groupRow = -1;      // row of the `binnen` table; -1 without `binnen`
  std::vector<int> rows;  // subject rows taking part
  stdlib::ApportionInput input;
  stdlib::ApportionResult result;
  int indexOf(int row) const;  // position in rows, or -1 when the row did not take part
};

class Evaluation {
 public:
  Evaluation(const check::Program& program, const data::Dataset& data, Diagnostics& diags);
  ~Evaluation();
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;

  // The value of a definition for one entity (row of its subject table; -1 for a single value).
  const Computed* definition(int def, int row);
  const Computed* parameter(int param);
  // The apportionment a `verdeling` definition made for the group of entity `row`.
  const ApportionmentRecord* apportionment(int def, int row);
  // Evaluates one controle over all its entities; nullopt after an evaluation error.
  std::optional<ControleResult> controle(int index);
  bool failed() const { return failed_; }
  // The evaluation-step limit (E0512); countStep() is called by the interpreter for every step and
  // says whether the limit still holds.
  void setStepLimit(std::uint64_t limit) { stepLimit_ = limit; }
  bool countStep() { return ++steps_ <= stepLimit_; }
  std::uint64_t steps() const { return steps_; }

  const check::Program& program() const { return program_; }
  const data::Dataset& data() const { return data_; }
  // "gemeente GM0193 (Zwolle)"
  std::string entityName(int table, int row) const;
  std::string format(const Value& v) const;

 private:
  struct Impl;
  const check::Program& program_;
  const data::Dataset& data_;
  Diagnostics& diags_;
  bool failed_ = false;
  std::uint64_t steps_ = 0;
  std::uint64_t stepLimit_ = 500'000'000;
  std::unique_ptr<Impl> impl_;
};

}  // namespace verdeel::eval
