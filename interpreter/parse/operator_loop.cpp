#include "parse/operator_loop.hpp"

#include <functional>

namespace verdeel::parse {

namespace {

using antlr4::Token;
using antlr4::atn::ATN;
using antlr4::atn::ATNState;
using antlr4::atn::LL1Analyzer;
using antlr4::atn::Transition;
using antlr4::misc::IntervalSet;

// The precedence of the predicate an operator alternative begins with, and the state after it;
// {-1, nullptr} when the alternative does not begin with one (after plain epsilon steps).
std::pair<int, ATNState*> precedenceOf(ATNState* s) {
  for (int step = 0; step < 16 && s != nullptr && s->transitions.size() == 1; ++step) {
    const Transition* t = s->transitions[0];
    if (t->getSerializationType() == Transition::PRECEDENCE)
      return {dynamic_cast<const antlr4::atn::PrecedencePredicateTransition*>(t)->precedence, t->target};
    if (t->getSerializationType() != Transition::EPSILON) break;
    s = t->target;
  }
  return {-1, nullptr};
}

// Every token that can follow an invocation of rule `rule` other than through its own operator loop
// (`loopEntry`): after it in other rules (and what follows those rules in turn), and after it inside
// the rule up to the loop.
IntervalSet followOutsideLoop(const ATN& atn, std::size_t rule, ATNState* loopEntry) {
  // The invocations of each rule: the calling state and the transition.
  std::vector<std::vector<std::pair<const ATNState*, const antlr4::atn::RuleTransition*>>> calls(
      atn.ruleToStartState.size());
  for (const ATNState* s : atn.states) {
    if (s == nullptr) continue;
    for (const Transition* t : s->transitions)
      if (t->getSerializationType() == Transition::RULE && t->target->ruleIndex < calls.size())
        calls[t->target->ruleIndex].emplace_back(s, dynamic_cast<const antlr4::atn::RuleTransition*>(t));
  }
  const LL1Analyzer analyzer(atn);
  IntervalSet follow;
  std::vector<bool> seen(calls.size(), false);
  std::function<void(std::size_t)> addFollowOf = [&](std::size_t of) {
    if (seen[of]) return;
    seen[of] = true;
    for (const auto& [caller, call] : calls[of]) {
      const bool inside = caller->ruleIndex == rule;
      // Inside the rule, what follows up to the loop (reaching it is the loop, decided as such);
      // elsewhere what follows, and where that reaches the end of the calling rule, its follow.
      IntervalSet next = analyzer.LOOK(call->followState, inside ? loopEntry : nullptr, nullptr);
      const bool reachesEnd = next.contains(Token::EPSILON);
      next.remove(Token::EPSILON);
      follow.addAll(next);
      if (reachesEnd && !inside) addFollowOf(caller->ruleIndex);
    }
  };
  addFollowOf(rule);
  return follow;
}

}  // namespace

OperatorLoop::OperatorLoop(const ATN& atn, std::size_t ruleIndex) {
  antlr4::atn::StarLoopEntryState* entry = nullptr;
  for (antlr4::atn::DecisionState* d : atn.decisionToState) {
    auto* loop = dynamic_cast<antlr4::atn::StarLoopEntryState*>(d);
    if (loop != nullptr && loop->isPrecedenceDecision && loop->ruleIndex == ruleIndex) entry = loop;
  }
  if (entry == nullptr || entry->transitions.size() != 2 ||
      entry->transitions[1]->target->getStateType() != ATNState::LOOP_END)
    return;
  const auto* block = dynamic_cast<const antlr4::atn::StarBlockStartState*>(entry->transitions[0]->target);
  if (block == nullptr || block->decision < 0 || entry->decision < 0) return;

  const LL1Analyzer analyzer(atn);
  std::vector<Operator> operators(atn.maxTokenType + 1);
  for (std::size_t alt = 0; alt < block->transitions.size(); ++alt) {
    const auto [precedence, after] = precedenceOf(block->transitions[alt]->target);
    if (after == nullptr) return;
    const IntervalSet first = analyzer.LOOK(after, nullptr, nullptr);
    if (first.contains(Token::EPSILON)) return;
    for (const ssize_t token : first.toList()) {
      if (token < 0 || static_cast<std::size_t>(token) >= operators.size()) return;
      Operator& op = operators[static_cast<std::size_t>(token)];
      if (op.alt != 0) return;  // two operators begin with one token: ANTLR's to decide
      op = Operator{alt + 1, precedence, false};
    }
  }
  const IntervalSet follow = followOutsideLoop(atn, ruleIndex, entry);
  for (std::size_t token = 0; token < operators.size(); ++token)
    if (operators[token].alt != 0 && follow.contains(token)) operators[token].toAntlr = true;
  loopDecision_ = static_cast<std::size_t>(entry->decision);
  operatorDecision_ = static_cast<std::size_t>(block->decision);
  operators_ = std::move(operators);
}

std::size_t OperatorLoop::predict(std::size_t decision, std::size_t token, int precedence) const {
  if (operators_.empty() || (decision != loopDecision_ && decision != operatorDecision_)) return 0;
  const Operator none;
  const Operator& op = token < operators_.size() ? operators_[token] : none;  // EOF is not an operator
  if (op.toAntlr) return 0;
  if (decision == loopDecision_) return op.alt != 0 && op.precedence >= precedence ? 1 : 2;
  return op.alt;  // 0 (ANTLR's to report) when the token begins no operator
}

}  // namespace verdeel::parse
