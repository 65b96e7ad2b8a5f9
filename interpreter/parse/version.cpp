// Choosing the version in force: given a peildatum (default: the regulation's own `geldig vanaf`),
// applies the amending regulations in force on that date, in date order, part by part (parse/
// amend.cpp), and picks each parameter's value and each table's file in force. A regulation that
// builds on another takes the other's provisions as amended on that date, then applies its own
// `onderdeel`s, then its own amendments. Two amendments of the same date that change the same thing,
// or two values of one parameter (two files of one table) from the same date, are E0216; an
// amendment that names what is not there is E0215; nothing in force on the date is E0217.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "lang/language.hpp"
#include "parse/amend.hpp"
#include "parse/parse.hpp"

namespace verdeel::parse {

namespace {

void chooseParameters(ast::RuleSet& rs, const std::optional<Date>& at, Diagnostics& diags) {
  for (ast::ParameterDecl& p : rs.parameters) {
    if (p.value || p.values.empty()) continue;
    int chosen = -1;
    for (std::size_t i = 0; i < p.values.size(); ++i) {
      const auto& v = p.values[i];
      for (std::size_t j = 0; j < i; ++j)
        if (p.values[j].from == v.from) {
          auto& d =
              diags.report(Code::E0216, v.span,
                           v.from ? trf("parameter `{}` has two values from {}", p.name.name, v.from->str())
                                  : trf("parameter `{}` has two values without a date", p.name.name));
          d.notes.push_back({p.values[j].span, tr("the other value is here")});
        }
      if (v.from && at && *at < *v.from) continue;
      if (v.from && !at) continue;
      if (chosen < 0 || (v.from && (!p.values[static_cast<std::size_t>(chosen)].from ||
                                    *p.values[static_cast<std::size_t>(chosen)].from < *v.from)))
        chosen = static_cast<int>(i);
    }
    if (chosen < 0) {
      auto& d = diags.report(Code::E0217, p.name.span,
                             trf("parameter `{}` has no value in force on {}", p.name.name,
                                 at ? at->str() : std::string(tr("the peildatum"))));
      d.help = tr("give a value from an earlier date, or choose another `--peildatum`");
      continue;
    }
    for (std::size_t i = 0; i < p.values.size(); ++i)
      p.history.push_back(
          {p.values[i].from, p.values[i].text, p.values[i].basis, static_cast<int>(i) == chosen});
    ast::ParameterValue& v = p.values[static_cast<std::size_t>(chosen)];
    p.value = std::move(v.value);
    if (!v.basis.empty()) p.basis = v.basis;
    if (p.article >= 0 && p.values.size() > 1)
      rs.articles[static_cast<std::size_t>(p.article)].fingerprint += fmt::format(
          "\n# {} = waarde vanaf {}", p.name.name, v.from ? v.from->str() : std::string("het begin"));
  }
}

void chooseSources(ast::RuleSet& rs, const std::optional<Date>& at, Diagnostics& diags,
                   std::vector<std::string>& chosen) {
  for (ast::TableDecl& t : rs.tables) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < t.sources.size(); ++i) {
      const auto& s = t.sources[i];
      for (std::size_t j = 1; j < i; ++j)
        if (t.sources[j].from == s.from) {
          auto& d = diags.report(Code::E0216, s.span,
                                 trf("table `{}` has two files from {}", t.name.name, s.from->str()));
          d.notes.push_back({t.sources[j].span, tr("the other file is here")});
        }
      if (!at || *at < *s.from) continue;
      if (best == 0 || *t.sources[best].from < *s.from) best = i;
    }
    ast::useSource(t, best);
    if (best > 0)
      chosen.push_back(fmt::format("{} uit {} (vanaf {})", t.name.name, t.path, t.sourceFrom->str()));
  }
}

}  // namespace

void chooseVersion(ast::RuleSet& rs, std::optional<Date> peildatum, Diagnostics& diags) {
  std::optional<Date> at = peildatum;
  if (!rs.headers.empty()) {
    const ast::Header& base = rs.headers.front();
    if (!at) at = base.validFrom;
    const bool reversed =
        base.validUntil && *base.validUntil < base.validFrom;  // E0212, reported by the checker
    if (!reversed && (*at < base.validFrom || (base.validUntil && *base.validUntil < *at))) {
      auto& d = diags.report(Code::E0217, base.span,
                             trf("the regulation `{}` is not in force on {}: it is valid from {}{}",
                                 base.title, at->str(), base.validFrom.str(),
                                 base.validUntil ? trf(" until {}", base.validUntil->str()) : std::string()));
      d.help = tr("choose a `--peildatum` within its validity");
      return;
    }
  }
  // Amendments of the regulations below this one (a base) come first, then this one's own parts,
  // then its own amendments; each group in date order.
  const int top = static_cast<int>(rs.bases.size());
  auto level = [&](const ast::Amendment& am) -> int {
    if (!rs.headers.empty() && am.target == rs.headers.front().title) return top;
    for (std::size_t k = 0; k < rs.bases.size(); ++k)
      if (am.target == rs.bases[k].header.title) return static_cast<int>(k);
    return -1;
  };
  std::vector<ast::Amendment*> inForce;
  for (ast::Amendment& am : rs.amendments) {
    if (!rs.headers.empty() && level(am) < 0) {
      auto& d = diags.report(Code::E0215, am.targetSpan,
                             trf("the amendment `{}` changes `{}`, but this rule set is `{}`",
                                 am.header.title, am.target, rs.headers.front().title));
      d.help = tr("after `wijzigt` give the exact title of the regulation it changes");
      continue;
    }
    if (at && am.header.validFrom <= *at && (!am.header.validUntil || *at <= *am.header.validUntil))
      inForce.push_back(&am);
  }
  std::stable_sort(inForce.begin(), inForce.end(), [&](const ast::Amendment* a, const ast::Amendment* b) {
    return std::make_pair(level(*a), a->header.validFrom) < std::make_pair(level(*b), b->header.validFrom);
  });
  // Two amendments of the same date may not change the same thing: which would win is undefined.
  for (std::size_t i = 0; i < inForce.size(); ++i)
    for (std::size_t j = i + 1; j < inForce.size(); ++j) {
      if (!(inForce[i]->header.validFrom == inForce[j]->header.validFrom)) continue;
      std::set<std::string> touched;
      for (const auto& p : inForce[i]->parts) touched.insert(partTarget(p));
      for (const auto& p : inForce[j]->parts)
        if (touched.count(partTarget(p))) {
          auto& d =
              diags.report(Code::E0216, p.span,
                           trf("`{}` and `{}` both change {} from {}", inForce[i]->header.title,
                               inForce[j]->header.title, partTarget(p), inForce[j]->header.validFrom.str()));
          d.notes.push_back({inForce[i]->header.span, tr("the other amendment is here")});
          d.help = tr("give one of them a later date, or merge them");
        }
    }
  if (diags.hasErrors()) return;
  std::vector<std::string> applied;
  auto applyAll = [&](ast::Amendment& am) {
    std::vector<std::string> labels;
    for (ast::AmendmentPart& p : am.parts) {
      applyPart(p, fmt::format("onderdeel {} of `{}`", p.label, am.header.title), rs, diags);
      labels.push_back(p.label);
    }
    applied.push_back(fmt::format("{} (onderdeel {})", am.header.title, fmt::join(labels, ", ")));
  };
  // Layer by layer from the lowest: its own parts (what it changes of the layer below), then the
  // amendments of it that are in force.
  std::size_t next = 0;
  for (int layer = 0; layer <= top; ++layer) {
    const bool own = layer == top;
    if (own && rs.headers.empty()) break;
    auto& parts = own ? rs.ownParts : rs.bases[static_cast<std::size_t>(layer)].parts;
    const std::string& title =
        own ? rs.headers.front().title : rs.bases[static_cast<std::size_t>(layer)].header.title;
    for (ast::AmendmentPart& p : parts)
      applyPart(p, fmt::format("onderdeel {} of `{}`", p.label, title), rs, diags);
    for (; next < inForce.size() && level(*inForce[next]) == layer; ++next) applyAll(*inForce[next]);
  }
  chooseParameters(rs, at, diags);
  std::vector<std::string> sources;
  chooseSources(rs, at, diags, sources);
  rs.peildatum = at;
  rs.version = at ? fmt::format("zoals geldig op {}", at->str()) : std::string();
  if (!rs.bases.empty()) {
    std::vector<std::string> titles;
    for (auto it = rs.bases.rbegin(); it != rs.bases.rend(); ++it) titles.push_back(it->header.title);
    rs.version += fmt::format(", voortbouwend op {}", fmt::join(titles, ", op "));
  }
  if (!applied.empty()) rs.version += fmt::format(", gewijzigd bij {}", fmt::join(applied, "; "));
  if (!sources.empty()) rs.version += fmt::format("; gegevens: {}", fmt::join(sources, "; "));
}

}  // namespace verdeel::parse
