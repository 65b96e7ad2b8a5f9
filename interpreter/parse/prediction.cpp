#include "parse/prediction.hpp"

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

SharedStartStates::SharedStartStates(grammar::VerdeelParser& parser)
    : ParserATNSimulator(&parser, parser.getATN(), parser.getInterpreter<ParserATNSimulator>()->decisionToDFA,
                         parser.getInterpreter<ParserATNSimulator>()->getSharedContextCache()) {}

std::unique_ptr<ATNConfigSet> SharedStartStates::computeStartState(ATNState* p, antlr4::RuleContext* ctx,
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

void shareStartStates(grammar::VerdeelParser& parser) {
  parser.setInterpreter(new SharedStartStates(parser));  // NOLINT: ANTLR owns the simulator
}

}  // namespace verdeel::parse
