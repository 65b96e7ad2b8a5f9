// The causes of each change, one change at a time: the old rule set with one candidate (an article,
// a parameter, a table) taken over from the new one is evaluated on its own, and every changed value
// is looked up there. A candidate that moves a value is a cause, with the share it moves on its own;
// what the shares do not add up to is interaction (`samenspel`). A candidate that cannot stand on its
// own (an article that uses a definition another new article brings) is tried together with the
// other candidates that cannot, as one group.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "check/check.hpp"
#include "data/load.hpp"
#include "diff/diff.hpp"
#include "parse/parse.hpp"
#include "parse/transplant.hpp"
#include "scenario/setting.hpp"

namespace verdeel::diff {

namespace {

// One evaluation of the old rule set with some candidates of the new one applied.
struct Hybrid {
  SourceManager sources;
  Diagnostics diags;
  std::optional<check::Program> program;
  std::optional<data::Dataset> dataset;
  std::unique_ptr<eval::Evaluation> evaluation;
  explicit Hybrid(const Limits& limits) : diags(limits.diagnostics) {}
  bool ok() const { return evaluation != nullptr; }
  // Why it could not be built or evaluated: the first error, in short.
  std::string why() const {
    for (const Diagnostic& d : diags.all())
      if (d.severity() == Severity::Error) return fmt::format("{}: {}", codeInfo(d.code).name, d.message);
    return "onbekend";
  }
};

std::unique_ptr<Hybrid> build(const Setup& s, const std::vector<const Candidate*>& apply,
                              eval::Evaluation& after) {
  auto h = std::make_unique<Hybrid>(s.limits);
  ast::RuleSet old = parse::parseRuleSet(s.oldPath, h->sources, h->diags, s.oldDate, s.limits);
  ast::RuleSet neu = parse::parseRuleSet(s.newPath, h->sources, h->diags, s.newDate, s.limits);
  if (h->diags.hasErrors()) return h;
  for (const Candidate* c : apply) {
    if (c->kind == Candidate::Kind::Article && !parse::transplantArticle(old, neu, c->key)) return h;
    if (c->kind == Candidate::Kind::Table && !parse::transplantTable(old, neu, c->key)) return h;
  }
  h->program = check::check(old, h->diags);
  if (!h->program) return h;
  data::LoadOptions options;
  options.dataDir = s.dataDir;
  options.limits = s.limits;
  h->dataset = data::load(*h->program, options, h->sources, h->diags);
  if (!h->dataset) return h;
  h->evaluation = std::make_unique<eval::Evaluation>(*h->program, *h->dataset, h->diags);
  h->evaluation->setStepLimit(s.limits.evaluationSteps);
  h->evaluation->setDigitLimit(s.limits.digits);
  for (const std::string& text : s.oldSettings) {
    std::string error, help;
    auto setting = scenario::parseSetting(*h->program, text, false, 1, error, help);
    if (!setting) {
      h->evaluation.reset();
      return h;
    }
    h->evaluation->setParameter(setting->parameter, setting->values.front());
  }
  for (const Candidate* c : apply) {
    if (c->kind != Candidate::Kind::Parameter) continue;
    int here = -1, there = -1;
    for (std::size_t i = 0; i < h->program->parameters.size(); ++i)
      if (h->program->parameters[i].name == c->key) here = static_cast<int>(i);
    for (std::size_t i = 0; i < after.program().parameters.size(); ++i)
      if (after.program().parameters[i].name == c->key) there = static_cast<int>(i);
    const eval::Computed* v = there >= 0 ? after.parameter(there) : nullptr;
    if (here < 0 || !v) {
      h->evaluation.reset();
      return h;
    }
    h->evaluation->setParameter(here, v->value);
  }
  return h;
}

// The value of `change` in the hybrid; nullopt when the hybrid cannot give it.
std::optional<Value> valueIn(Hybrid& h, const Change& change) {
  const check::Program& p = *h.program;
  const int t = p.table(change.table);
  if (t < 0) return std::nullopt;
  int def = -1;
  for (std::size_t i = 0; i < p.definitions.size(); ++i)
    if (p.definitions[i].name == change.definition && p.definitions[i].subject == t)
      def = static_cast<int>(i);
  if (def < 0) return std::nullopt;
  const int row = h.dataset->tables[static_cast<std::size_t>(t)].rowOf(change.key);
  if (row < 0) return std::nullopt;
  const eval::Computed* c = h.evaluation->definition(def, row);
  if (!c) return std::nullopt;
  return c->value;
}

std::string joinLabels(const std::vector<const Candidate*>& group) {
  std::vector<std::string> labels;
  labels.reserve(group.size());
  for (const Candidate* c : group) labels.push_back(c->label);
  return fmt::format("{}", fmt::join(labels, " en "));
}

// The label of a table candidate for one entity: the changed row of that entity, when it has one;
// else the changed rows by line, when they are few.
std::string labelFor(const Candidate& c, const Change& change) {
  if (c.kind != Candidate::Kind::Table || c.rows.empty()) return c.label;
  auto row = [&](const std::pair<std::string, std::uint32_t>& r) {
    return r.second ? fmt::format("regel {} ({})", r.second, r.first)
                    : fmt::format("de rij van {} vervallen", r.first);
  };
  for (const auto& r : c.rows)
    if (r.first == change.key) return fmt::format("tabel {}: {} {}", c.key, c.file, row(r));
  if (c.rows.size() <= 3) {
    std::vector<std::string> rows;
    for (const auto& r : c.rows) rows.push_back(row(r));
    return fmt::format("tabel {}: {} {}", c.key, c.file, fmt::join(rows, ", "));
  }
  return fmt::format("{} ({} rijen gewijzigd)", c.label, c.changedRows);
}

}  // namespace

void attribute(Result& r, eval::Evaluation& before, eval::Evaluation& after, const Setup& setup) {
  (void)before;
  if (r.changes.empty()) return;
  // Each candidate alone. One that cannot stand alone (it uses what another change brings, or a
  // table another change empties refers to it) is tried with one partner: first another that cannot
  // stand alone, then any other; the pair then counts as one change.
  std::vector<std::vector<const Candidate*>> groups;
  std::vector<std::unique_ptr<Hybrid>> hybrids;
  std::vector<const Candidate*> alone;
  std::map<const Candidate*, std::string> whyAlone;
  for (const Candidate& c : r.candidates) {
    auto h = build(setup, {&c}, after);
    if (h->ok()) {
      groups.push_back({&c});
      hybrids.push_back(std::move(h));
    } else {
      alone.push_back(&c);
      whyAlone[&c] = h->why();
    }
  }
  std::vector<const Candidate*> failed;
  std::set<const Candidate*> paired;
  for (const Candidate* c : alone) {
    if (paired.count(c)) continue;
    std::vector<const Candidate*> partners;
    for (const Candidate* d : alone)
      if (d != c && !paired.count(d)) partners.push_back(d);
    for (const Candidate& d : r.candidates)
      if (std::find(alone.begin(), alone.end(), &d) == alone.end()) partners.push_back(&d);
    bool done = false;
    for (const Candidate* d : partners) {
      auto h = build(setup, {c, d}, after);
      if (!h->ok()) continue;
      // A partner that stood alone is now part of the pair only.
      for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups[g].size() == 1 && groups[g].front() == d) {
          groups.erase(groups.begin() + static_cast<std::ptrdiff_t>(g));
          hybrids.erase(hybrids.begin() + static_cast<std::ptrdiff_t>(g));
          break;
        }
      groups.push_back({c, d});
      hybrids.push_back(std::move(h));
      paired.insert(c);
      paired.insert(d);
      r.notes.push_back(fmt::format(
          "{} kunnen alleen samen worden toegepast; hun gevolg staat als één oorzaak", joinLabels({c, d})));
      done = true;
      break;
    }
    if (!done) failed.push_back(c);
  }
  for (const Candidate* c : failed)
    r.notes.push_back(
        fmt::format("{} kan niet op zichzelf worden toegepast ({}); het gevolg ervan valt onder samenspel",
                    c->label, whyAlone[c]));
  std::set<std::size_t> reported;
  for (Change& change : r.changes) {
    const auto* qBefore = std::get_if<mpq_class>(&change.before);
    const auto* qAfter = std::get_if<mpq_class>(&change.after);
    mpq_class explained = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      auto v = valueIn(*hybrids[g], change);
      if (!v) {
        if (reported.insert(g).second)
          r.notes.push_back(fmt::format(
              "{} geeft op zichzelf toegepast een fout ({}); het gevolg ervan valt onder samenspel",
              joinLabels(groups[g]), hybrids[g]->why()));
        continue;
      }
      if (*v == change.before) continue;
      const std::string whole =
          groups[g].size() == 1 ? groups[g].front()->label : "samen: " + joinLabels(groups[g]);
      const std::string label = groups[g].size() == 1 ? labelFor(*groups[g].front(), change) : whole;
      const auto* q = std::get_if<mpq_class>(&*v);
      if (q && qBefore) {
        explained += *q - *qBefore;
        change.causes.push_back({label, formatDutch(*q - *qBefore, 2, true), *q - *qBefore, whole});
      } else {
        change.causes.push_back({label, "", std::nullopt, whole});
      }
    }
    if (qBefore && qAfter) {
      const mpq_class rest = *qAfter - *qBefore - explained;
      if (rest != 0 || change.causes.empty())
        change.causes.push_back({"samenspel", formatDutch(rest, 2, true), rest, "samenspel"});
    } else if (change.causes.empty()) {
      change.causes.push_back({"samenspel", "", std::nullopt, "samenspel"});
    }
  }
}

}  // namespace verdeel::diff
