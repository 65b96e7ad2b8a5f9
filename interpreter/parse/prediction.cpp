#include "parse/prediction.hpp"

#include "parse/first_token.hpp"
#include "parse/operator_loop.hpp"

#include <mutex>
#include <unordered_map>

namespace verdeel::parse {

namespace {

using antlr4::atn::ATNConfig;
using antlr4::atn::ATNConfigSet;
using antlr4::atn::ATNState;

// The closures computed so far, by decision state; the ATN is static, so its states live as long as
// the process. Parsers may run on several threads (the language server), hence the lock.
struct Closures {
  std::mutex lock;
  std::unordered_map<const ATNState*, std::unique_ptr<const ATNConfigSet>> byState;
};

Closures& closures() {
  static Closures c;
  return c;
}

// A copy with configurations of its own: ANTLR may merge into a configuration of a set it was
// given, which must never reach the shared closure.
std::unique_ptr<ATNConfigSet> copyOf(const ATNConfigSet& closure) {
  auto copy = std::make_unique<ATNConfigSet>(closure.fullCtx);
  for (const auto& config : closure.configs) copy->add(std::make_shared<ATNConfig>(config));
  return copy;
}

}  // namespace

Prediction::Prediction(grammar::VerdeelParser& recognizer)
    : ParserATNSimulator(&recognizer, recognizer.getATN(),
                         recognizer.getInterpreter<ParserATNSimulator>()->decisionToDFA,
                         recognizer.getInterpreter<ParserATNSimulator>()->getSharedContextCache()) {}

std::unique_ptr<ATNConfigSet> Prediction::computeStartState(ATNState* p, antlr4::RuleContext* ctx,
                                                            bool fullCtx) {
  if (fullCtx || !ctx->isEmpty()) return ParserATNSimulator::computeStartState(p, ctx, fullCtx);
  Closures& c = closures();
  {
    const std::lock_guard<std::mutex> hold(c.lock);
    if (auto it = c.byState.find(p); it != c.byState.end()) return copyOf(*it->second);
  }
  std::unique_ptr<ATNConfigSet> computed = ParserATNSimulator::computeStartState(p, ctx, fullCtx);
  std::unique_ptr<ATNConfigSet> kept = copyOf(*computed);
  const std::lock_guard<std::mutex> hold(c.lock);
  c.byState.emplace(p, std::move(kept));  // a closure another thread kept first is the same
  return computed;
}

std::size_t Prediction::adaptivePredict(antlr4::TokenStream* input, std::size_t decision,
                                        antlr4::ParserRuleContext* outerContext) {
  if (getPredictionMode() == antlr4::atn::PredictionMode::SLL) {
    static const OperatorLoop loop(atn, grammar::VerdeelParser::RuleExpr);
    static FirstTokenDecisions firstToken(atn);
    const std::size_t token = input->LA(1);
    if (const std::size_t alt = loop.predict(decision, token, parser->getPrecedence())) return alt;
    if (const std::size_t alt = firstToken.predict(decision, token)) return alt;
  }
  return ParserATNSimulator::adaptivePredict(input, decision, outerContext);
}

void installPrediction(grammar::VerdeelParser& parser) {
  parser.setInterpreter(new Prediction(parser));  // NOLINT: ANTLR owns the simulator
}

}  // namespace verdeel::parse
