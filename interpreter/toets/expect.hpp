// The expectations of a test (`verwacht ...`), compared with what the engine computed: a value of a
// definition or parameter (exactly: `826` is not `825,9`), a controle or claim that holds or fails,
// every controle holding, a whole output table against a CSV file. Internal to interpreter/toets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/verdeel.hpp"
#include "ast/toets.hpp"

namespace verdeel::toets {

class Expecter {
 public:
  // `controles[i]`: the outcome of controle i (nullopt when it could not run); `suite` holds the
  // test files and takes the diagnostics about them (and reads an expected table).
  Expecter(Engine& engine, const std::vector<std::optional<eval::ControleResult>>& controles, Engine& suite)
      : engine_(engine), controles_(controles), suite_(suite), diags_(suite.diagnostics()) {}

  // nullopt when the expectation holds, or when it has an error of its own (reported into the
  // suite's diagnostics); else what was expected against what was computed, with the explanation.
  std::optional<std::string> check(const ast::Expectation& x);

 private:
  Engine& engine_;
  const std::vector<std::optional<eval::ControleResult>>& controles_;
  Engine& suite_;
  Diagnostics& diags_;

  std::optional<std::string> value(const ast::Expectation& x);
  std::optional<std::string> controle(const ast::Expectation& x);
  std::optional<std::string> everyControle(const ast::Expectation& x);
  std::optional<std::string> output(const ast::Expectation& x);
  // The test's value as a value of `type`; nullopt after E0702 (or E0701 for an unknown entity).
  std::optional<Value> expected(const ast::TestValue& v, const check::Type& type);
  std::optional<bool> truth(const ast::TestValue& v);
  // The row of the entity `v` names (by key or name) in `table`; -1 after E0701.
  int entity(int table, const ast::TestValue& v);
  // What a controle's outcome was, for a failure: `geldt`, or `faalt voor 2 van de 12 rijen: ...`.
  std::string outcome(int controle) const;
};

// A value for readers: numbers as explain shows them (`1.826`, `494,8`, `2397/38 (≈ 63,08)`), `waar`,
// `leeg`, `gemeente GM0193 (Zwolle)`.
std::string shown(const eval::Evaluation& ev, const Value& v);

}  // namespace verdeel::toets
