// Definitions and parameters, one value at a time (internal to eval/): the default logic of
// exceptions (the exceptions whose condition holds and that no other such exception overrules; two
// such is E0503), then the body of the one that applies or of the definition, and the provenance of
// the result. A value that fails keeps the error instead of a value (see state.hpp).
#include <fmt/format.h>

#include <set>

#include "eval/interpreter.hpp"
#include "lang/language.hpp"

namespace verdeel::eval {

namespace {

// Does exception `a` take precedence over `b`, directly or through a chain of `gaat voor`?
bool beats(const check::Program& p, int a, int b) {
  std::vector<int> todo{a};
  std::set<int> seen;
  while (!todo.empty()) {
    const int x = todo.back();
    todo.pop_back();
    for (int y : p.exceptions[static_cast<std::size_t>(x)].beats) {
      if (y == b) return true;
      if (seen.insert(y).second) todo.push_back(y);
    }
  }
  return false;
}

// The provenance of a finished value: what it read, its article, and the article's own floor (an
// article marked `herkomst gereconstrueerd` lowers the certainty of its values).
void finish(State& s, Computed& c, Collector& col) {
  c.provenance = col.provenance;
  if (c.article >= 0) {
    merge(c.provenance, Provenance{s.articleSet[static_cast<std::size_t>(c.article)], 0, ast::Herkomst::Echt},
          s.pool);
    if (const auto& floor = s.program.articles[static_cast<std::size_t>(c.article)].herkomst)
      c.provenance.herkomst = std::max(c.provenance.herkomst, *floor);
  }
  if (col.inputs) dedupe(*col.inputs);
}

}  // namespace

Computed computeValue(State& s, int def, int row, Derivation* derivation) {
  Computed c;
  computeValue(s, def, row, derivation, c);
  return c;
}

void computeValue(State& s, int def, int row, Derivation* derivation, Computed& c) {
  const check::Program& p = s.program;
  const check::Definition& d = p.definitions[static_cast<std::size_t>(def)];
  Interpreter in(s);
  Collector col;
  if (derivation) col.inputs = &derivation->inputs;
  Frame f{d.subject, row, -1, &col, d.article};
  c.article = d.article;
  c.exception = -1;
  c.error = 0;
  try {
    std::vector<int> held;
    for (int e : d.exceptions) {
      const check::Exception& ex = p.exceptions[static_cast<std::size_t>(e)];
      Frame ef{d.subject, row, -1, &col, ex.article};
      const bool holds = in.truth(*ex.condition, ef);
      if (derivation) derivation->exceptions.push_back(ExceptionOutcome{e, holds, -1});
      if (holds) held.push_back(e);
    }
    std::vector<int> winners;
    for (int e : held) {
      int overruledBy = -1;
      for (int o : held)
        if (o != e && beats(p, o, e)) overruledBy = o;
      if (derivation)
        for (auto& out : derivation->exceptions)
          if (out.exception == e) out.overruledBy = overruledBy;
      if (overruledBy < 0) winners.push_back(e);
    }
    if (s.coverage)
      for (int e : d.exceptions)
        s.coverage->exceptions[static_cast<std::size_t>(e)] |=
            winners.size() == 1 && winners[0] == e ? Coverage::kApplied : Coverage::kNotApplied;
    if (winners.size() > 1) {
      const check::Exception& a = p.exceptions[static_cast<std::size_t>(winners[0])];
      const check::Exception& b = p.exceptions[static_cast<std::size_t>(winners[1])];
      const std::string who = in.forWhom(f);
      in.fail(Code::E0503, a.span,
              trf("exceptions `{}` and `{}` on `{}` both apply{}, and neither goes before the other", a.name,
                  b.name, d.name, who.empty() ? std::string() : trf(" to {}", who.substr(5))),
              f, {{b.span, trf("exception `{}` is here", b.name)}},
              trf("state which one wins, for example `gaat voor {}` after exception `{}`", b.name, a.name));
    }
    if (winners.empty()) {
      in.eval(*d.body, f, c.value);
    } else {
      const check::Exception& ex = p.exceptions[static_cast<std::size_t>(winners[0])];
      Frame ef{d.subject, row, -1, &col, ex.article};
      in.eval(*ex.body, ef, c.value);
      c.article = ex.article;
      c.exception = winners[0];
      if (d.article >= 0)
        merge(col.provenance,
              Provenance{s.articleSet[static_cast<std::size_t>(d.article)], 0, ast::Herkomst::Echt}, s.pool);
    }
  } catch (const Poisoned& poisoned) {
    c.value = Empty{};
    c.error = poisoned.error;
  }
  finish(s, c, col);
}

Computed computeParameter(State& s, int param, Derivation* derivation) {
  const check::Parameter& prm = s.program.parameters[static_cast<std::size_t>(param)];
  Computed c;
  c.article = prm.article;
  Collector col;
  if (derivation) col.inputs = &derivation->inputs;
  if (const auto& o = s.overrides[static_cast<std::size_t>(param)]) {
    c.value = *o;  // a scenario's value replaces the rule's; its basis is still the article
  } else {
    Interpreter in(s);
    Frame f{-1, -1, -1, &col, prm.article};
    try {
      c.value = in.eval(*prm.value, f);
    } catch (const Poisoned& poisoned) {
      c.value = Empty{};
      c.error = poisoned.error;
    }
  }
  finish(s, c, col);
  return c;
}

void computeDefinition(State& s, int def) {
  const check::Definition& d = s.program.definitions[static_cast<std::size_t>(def)];
  s.definitionIndexes.erase(def);  // an index over earlier values of this definition is stale now
  if (d.apportion) {
    computeApportionment(s, def);
    return;
  }
  auto& slots = s.definitions[static_cast<std::size_t>(def)];
  // A keuze's definition takes the chosen reading's values as they are, with the keuze's own
  // provenance added: what `als keuze = "r" dan x (lezing r) anders ...` gives, without evaluating
  // it per entity (derivation() still evaluates it, for explanations).
  if (d.selectsBy >= 0 && d.exceptions.empty()) {
    const Computed& keuze = s.parameters[static_cast<std::size_t>(d.selectsBy)];
    const auto* reading = std::get_if<std::string>(&keuze.value);
    for (const auto& [name, from] : d.readings) {
      if (!reading || name != *reading || keuze.error != 0) continue;
      const auto& values = s.definitions[static_cast<std::size_t>(from)];
      for (std::size_t r = 0; r < slots.size(); ++r) {
        slots[r] = values[r];
        merge(slots[r].provenance, keuze.provenance, s.pool);
        slots[r].article = d.article;
      }
      return;
    }
  }
  if (d.subject < 0) {
    computeValue(s, def, -1, nullptr, slots[0]);
    return;
  }
  for (std::size_t r = 0; r < slots.size(); ++r) computeValue(s, def, static_cast<int>(r), nullptr, slots[r]);
}

}  // namespace verdeel::eval
