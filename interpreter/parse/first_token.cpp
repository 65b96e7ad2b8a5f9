#include "parse/first_token.hpp"

#include <limits>

namespace verdeel::parse {

using antlr4::Token;
using antlr4::atn::ATNState;
using antlr4::atn::Transition;

FirstTokenDecisions::FirstTokenDecisions(const antlr4::atn::ATN& atn)
    : atn_(atn), withPredicates_(atn.ruleToStartState.size(), false), tables_(atn.decisionToState.size()) {
  for (const ATNState* s : atn.states) {
    if (s == nullptr || s->ruleIndex >= withPredicates_.size()) continue;
    for (const Transition* t : s->transitions) {
      const auto type = t->getSerializationType();
      if (type == Transition::PREDICATE || type == Transition::PRECEDENCE)
        withPredicates_[s->ruleIndex] = true;
    }
  }
}

void FirstTokenDecisions::read(std::size_t decision, Table& table) const {
  table.read = true;
  const antlr4::atn::DecisionState* state = atn_.decisionToState[decision];
  const std::size_t alts = state->transitions.size();
  if (state->ruleIndex >= withPredicates_.size() || withPredicates_[state->ruleIndex] ||
      alts > std::numeric_limits<std::uint16_t>::max())
    return;
  const antlr4::atn::LL1Analyzer analyzer(atn_);
  constexpr std::uint16_t kOpen = 0;                                             // no alternative yet
  constexpr std::uint16_t kSeveral = std::numeric_limits<std::uint16_t>::max();  // more than one
  std::vector<std::uint16_t> candidates(atn_.maxTokenType + 1, kOpen);           // index 0: EOF
  std::uint16_t reachesEnd = kOpen;  // the alternative that can reach the rule's end, or kSeveral
  const auto add = [](std::uint16_t& slot, std::uint16_t alt) {
    slot = slot == kOpen || slot == alt ? alt : kSeveral;
  };
  for (std::size_t i = 0; i < alts; ++i) {
    const auto alt = static_cast<std::uint16_t>(i + 1);
    const antlr4::misc::IntervalSet first = analyzer.LOOK(state->transitions[i]->target, nullptr, nullptr);
    for (const ssize_t token : first.toList()) {
      if (token == static_cast<ssize_t>(Token::EPSILON)) {
        add(reachesEnd, alt);
      } else if (token == static_cast<ssize_t>(Token::EOF)) {
        add(candidates[0], alt);
      } else if (token > 0 && static_cast<std::size_t>(token) < candidates.size()) {
        add(candidates[static_cast<std::size_t>(token)], alt);
      } else {
        return;  // a token outside the vocabulary: leave the decision to ANTLR
      }
    }
  }
  if (reachesEnd == kSeveral) return;
  // An alternative that reaches the end is a candidate for every token (it may follow the rule).
  for (std::uint16_t& slot : candidates) {
    if (reachesEnd != kOpen) add(slot, reachesEnd);
    if (slot == kSeveral) slot = 0;
  }
  table.altByToken = std::move(candidates);
}

std::size_t FirstTokenDecisions::predict(std::size_t decision, std::size_t token) {
  if (decision >= tables_.size()) return 0;
  const std::lock_guard<std::mutex> hold(lock_);
  Table& table = tables_[decision];
  if (!table.read) read(decision, table);
  const std::size_t index = token == Token::EOF ? 0 : token;
  return index < table.altByToken.size() ? table.altByToken[index] : 0;
}

}  // namespace verdeel::parse
