// The expression interpreter (internal to eval/): computes one checked expression for one entity,
// reading data cells, parameters and the values of definitions that were computed before it (the
// Program's order guarantees they were), and records what it read in the frame's Collector. An
// aggregate visits only the rows its key lookup gives (eval/index.hpp) and keeps the provenance of
// the rows that met its condition only. An error becomes a recorded, not yet reported, diagnostic
// and the Poisoned exception; so does reading a value that rests on one.
#pragma once

#include <gmpxx.h>

#include <optional>
#include <string>
#include <vector>

#include "eval/state.hpp"

namespace verdeel::eval {

// The comparisons of a controle's condition (its own, through `en` and `of`) whose two sides are
// kept as they are evaluated: what a claim's report shows, without evaluating them a second time.
struct SideWatch {
  std::vector<const check::CExpr*> nodes;
  std::vector<std::optional<Comparison>> sides;  // per node: its sides, once it was evaluated
  void note(const check::CExpr& e, ast::BinOp op, const Value& lhs, const Value& rhs);
};

struct Frame {
  int subjectTable = -1;  // the table the rule is per (-1: a single value)
  int subject = -1;       // the entity's row
  int loop = -1;          // the row of the aggregate being computed
  Collector* collector = nullptr;
  int article = -1;            // for the legal basis of a diagnostic
  SideWatch* watch = nullptr;  // the comparisons whose sides are kept (a controle's own frame only)
};

class Interpreter {
 public:
  explicit Interpreter(State& s) : s_(s), p_(s.program), d_(s.data) {}

  Value eval(const check::CExpr& e, Frame& f);
  // The same, written into `out` (a number in place: GMP's rationals allocate when they are moved).
  void eval(const check::CExpr& e, Frame& f, Value& out);
  mpq_class number(const check::CExpr& e, Frame& f);
  bool truth(const check::CExpr& e, Frame& f);
  // The value of `e` without a copy: where it is stored when `e` reads it (a literal, a data cell, a
  // computed value), else computed into `scratch`.
  const Value& ref(const check::CExpr& e, Frame& f, Value& scratch);
  const mpq_class& num(const check::CExpr& e, Frame& f, Value& scratch);

  // Records a diagnostic for the value being computed and throws Poisoned.
  [[noreturn]] void fail(Code code, const SourceSpan& span, std::string message, const Frame& f,
                         std::vector<Note> notes = {}, std::string help = {});
  [[noreturn]] void missing(const check::CExpr& e, const Frame& f);
  // Fails with E0513 when `q` has more digits than the limit: no calculation grows without bound.
  void bounded(const mpq_class& q, const check::CExpr& e, const Frame& f);
  // " for gemeente GM0193 (Zwolle)", or nothing for a single value.
  std::string forWhom(const Frame& f) const;

 private:
  State& s_;
  const check::Program& p_;
  const data::Dataset& d_;

  void evalNode(const check::CExpr& e, const check::EntityOf& n, Frame& f, Value& out);
  void evalNode(const check::CExpr& e, const check::Unary& n, Frame& f, Value& out);
  void evalNode(const check::CExpr& e, const check::Binary& n, Frame& f, Value& out);
  void evalNode(const check::CExpr& e, const check::IsEmpty& n, Frame& f, Value& out);
  void evalNode(const check::CExpr& e, const check::Aggregate& n, Frame& f, Value& out);
  void evalNode(const check::CExpr& e, const check::Round& n, Frame& f, Value& out);
  void evalNode(const check::CExpr& e, const check::UnitQuery& n, Frame& f, Value& out);  // cutoff.cpp
  Value unitQuery(const check::CExpr& e, const check::UnitQuery& n, Frame& f);
  // A computed value read by the expression: its provenance is merged, its error thrown.
  const Value& read(const Computed& c, const InputRef& ref, Frame& f);
  const Value& field(const check::Field& n, Frame& f);
};

// Removes repeated inputs, keeping the first use of each.
void dedupe(std::vector<InputRef>& inputs);

}  // namespace verdeel::eval
