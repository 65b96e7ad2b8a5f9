// Choosing the version in force: given a peildatum (default: the regulation's own `geldig vanaf`),
// applies the amending regulations in force on that date, in date order, part by part, and picks
// each parameter's value in force. Two amendments of the same date that change the same article or
// definition, or two values of one parameter from the same date, are E0216; an amendment that names
// what is not there is E0215; nothing in force on the date is E0217.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "parse/parse.hpp"

namespace verdeel::parse {

namespace {

using Kind = ast::AmendmentPart::Kind;

template <class T>
void eraseArticle(std::vector<T>& v, int article) {
  v.erase(std::remove_if(v.begin(), v.end(), [&](const T& x) { return x.article == article; }), v.end());
}

// Removes every rule of article `article` (its text stays until it is replaced or repealed).
void clearArticle(ast::RuleSet& rs, int article) {
  eraseArticle(rs.parameters, article);
  eraseArticle(rs.definitions, article);
  eraseArticle(rs.exceptions, article);
  eraseArticle(rs.controles, article);
}

int findArticle(const ast::RuleSet& rs, const std::string& number) {
  for (std::size_t i = 0; i < rs.articles.size(); ++i)
    if (!rs.articles[i].repealed && rs.articles[i].number == number) return static_cast<int>(i);
  return -1;
}

int findDefinition(const ast::RuleSet& rs, const std::string& name) {
  for (std::size_t i = 0; i < rs.definitions.size(); ++i)
    if (rs.definitions[i].name.name == name) return static_cast<int>(i);
  return -1;
}

// Moves the rules of an amendment's new text into the rule set, under article `index`.
void adopt(ast::Fragment& from, ast::RuleSet& rs, int index) {
  auto move = [&](auto& src, auto& dst) {
    for (auto& x : src) {
      x.article = index;
      dst.push_back(std::move(x));
    }
    src.clear();
  };
  move(from.parameters, rs.parameters);
  move(from.definitions, rs.definitions);
  move(from.exceptions, rs.exceptions);
  move(from.controles, rs.controles);
}

std::string what(const ast::AmendmentPart& p) {
  switch (p.kind) {
    case Kind::ReplaceArticle:
    case Kind::RepealArticle: return "artikel " + p.article;
    case Kind::InsertArticle:
      return "artikel " + (p.content.articles.empty() ? std::string() : p.content.articles[0].number);
    default: return "definitie " + p.definition.name;
  }
}

void apply(ast::Amendment& am, ast::RuleSet& rs, Diagnostics& diags) {
  for (ast::AmendmentPart& p : am.parts) {
    const std::string where = fmt::format("onderdeel {} of `{}`", p.label, am.header.title);
    auto missing = [&](const std::string& thing) {
      std::vector<std::string> names;
      for (const auto& a : rs.articles)
        if (!a.repealed) names.push_back(a.number);
      for (const auto& d : rs.definitions) names.push_back(d.name.name);
      auto& d = diags.report(Code::E0215, p.span,
                             fmt::format("{} changes {}, which the regulation does not have", where, thing));
      const std::string bare = thing.substr(thing.find(' ') + 1);
      if (thing.rfind("artikel", 0) == 0) {
        std::vector<std::string> articles;
        for (const auto& a : rs.articles)
          if (!a.repealed && articles.size() < 12) articles.push_back(a.number);
        d.help = fmt::format("the regulation has artikel {}", fmt::join(articles, ", "));
      } else if (auto m = closestMatch(bare, names); !m.empty()) {
        d.help = fmt::format("did you mean `{}`?", m);
      }
    };
    switch (p.kind) {
      case Kind::ReplaceArticle: {
        const int idx = findArticle(rs, p.article);
        if (idx < 0) {
          missing("artikel " + p.article);
          break;
        }
        clearArticle(rs, idx);
        rs.articles[static_cast<std::size_t>(idx)] = std::move(p.content.articles.front());
        adopt(p.content, rs, idx);
        break;
      }
      case Kind::InsertArticle: {
        const std::string number = p.content.articles.front().number;
        if (findArticle(rs, number) >= 0) {
          auto& d = diags.report(Code::E0215, p.span,
                                 fmt::format("{} inserts artikel {}, which exists already", where, number));
          d.help = "to change an existing article, write `vervangt artikel ... door`";
          break;
        }
        const int idx = static_cast<int>(rs.articles.size());
        rs.articles.push_back(std::move(p.content.articles.front()));
        adopt(p.content, rs, idx);
        break;
      }
      case Kind::RepealArticle: {
        const int idx = findArticle(rs, p.article);
        if (idx < 0) {
          missing("artikel " + p.article);
          break;
        }
        clearArticle(rs, idx);
        ast::Article& a = rs.articles[static_cast<std::size_t>(idx)];
        a.repealed = true;
        a.title = "(vervallen)";
        a.lawText.clear();
        a.fingerprint.clear();
        break;
      }
      case Kind::ReplaceDefinition: {
        const int idx = findDefinition(rs, p.definition.name);
        if (idx < 0) {
          missing("definitie " + p.definition.name);
          break;
        }
        if (p.content.definitions.size() != 1 || p.content.definitions[0].name.name != p.definition.name) {
          diags.report(Code::E0215, p.span,
                       fmt::format("{} must give a new `definitie {}`", where, p.definition.name));
          break;
        }
        ast::DefinitionDecl& old = rs.definitions[static_cast<std::size_t>(idx)];
        const int article = old.article;
        old = std::move(p.content.definitions[0]);
        old.article = article;
        // The article now reads differently: diff and explanations must see that.
        if (article >= 0) rs.articles[static_cast<std::size_t>(article)].fingerprint += "\n# " + where;
        break;
      }
      case Kind::RepealDefinition: {
        const int idx = findDefinition(rs, p.definition.name);
        if (idx < 0) {
          missing("definitie " + p.definition.name);
          break;
        }
        const int article = rs.definitions[static_cast<std::size_t>(idx)].article;
        rs.definitions.erase(rs.definitions.begin() + idx);
        if (article >= 0) rs.articles[static_cast<std::size_t>(article)].fingerprint += "\n# " + where;
        break;
      }
    }
  }
}

void chooseParameters(ast::RuleSet& rs, const std::optional<Date>& at, Diagnostics& diags) {
  for (ast::ParameterDecl& p : rs.parameters) {
    if (p.value || p.values.empty()) continue;
    int chosen = -1;
    for (std::size_t i = 0; i < p.values.size(); ++i) {
      const auto& v = p.values[i];
      for (std::size_t j = 0; j < i; ++j)
        if (p.values[j].from == v.from) {
          auto& d = diags.report(
              Code::E0216, v.span,
              v.from ? fmt::format("parameter `{}` has two values from {}", p.name.name, v.from->str())
                     : fmt::format("parameter `{}` has two values without a date", p.name.name));
          d.notes.push_back({p.values[j].span, "the other value is here"});
        }
      if (v.from && at && *at < *v.from) continue;
      if (v.from && !at) continue;
      if (chosen < 0 || (v.from && (!p.values[static_cast<std::size_t>(chosen)].from ||
                                    *p.values[static_cast<std::size_t>(chosen)].from < *v.from)))
        chosen = static_cast<int>(i);
    }
    if (chosen < 0) {
      auto& d = diags.report(Code::E0217, p.name.span,
                             fmt::format("parameter `{}` has no value in force on {}", p.name.name,
                                         at ? at->str() : std::string("the peildatum")));
      d.help = "give a value from an earlier date, or choose another `--peildatum`";
      continue;
    }
    ast::ParameterValue& v = p.values[static_cast<std::size_t>(chosen)];
    p.value = std::move(v.value);
    if (!v.basis.empty()) p.basis = v.basis;
    if (p.article >= 0 && p.values.size() > 1)
      rs.articles[static_cast<std::size_t>(p.article)].fingerprint += fmt::format(
          "\n# {} = waarde vanaf {}", p.name.name, v.from ? v.from->str() : std::string("het begin"));
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
      auto& d =
          diags.report(Code::E0217, base.span,
                       fmt::format("the regulation `{}` is not in force on {}: it is valid from {}{}",
                                   base.title, at->str(), base.validFrom.str(),
                                   base.validUntil ? " until " + base.validUntil->str() : std::string()));
      d.help = "choose a `--peildatum` within its validity";
      return;
    }
  }
  std::vector<ast::Amendment*> inForce;
  for (ast::Amendment& am : rs.amendments) {
    if (!rs.headers.empty() && am.target != rs.headers.front().title) {
      auto& d = diags.report(Code::E0215, am.targetSpan,
                             fmt::format("the amendment `{}` changes `{}`, but this rule set is `{}`",
                                         am.header.title, am.target, rs.headers.front().title));
      d.help = "after `wijzigt` give the exact title of the regulation it changes";
      continue;
    }
    if (at && am.header.validFrom <= *at && (!am.header.validUntil || *at <= *am.header.validUntil))
      inForce.push_back(&am);
  }
  std::stable_sort(inForce.begin(), inForce.end(), [](const ast::Amendment* a, const ast::Amendment* b) {
    return a->header.validFrom < b->header.validFrom;
  });
  // Two amendments of the same date may not change the same thing: which would win is undefined.
  for (std::size_t i = 0; i < inForce.size(); ++i)
    for (std::size_t j = i + 1; j < inForce.size(); ++j) {
      if (!(inForce[i]->header.validFrom == inForce[j]->header.validFrom)) continue;
      std::set<std::string> touched;
      for (const auto& p : inForce[i]->parts) touched.insert(what(p));
      for (const auto& p : inForce[j]->parts)
        if (touched.count(what(p))) {
          auto& d = diags.report(
              Code::E0216, p.span,
              fmt::format("`{}` and `{}` both change {} from {}", inForce[i]->header.title,
                          inForce[j]->header.title, what(p), inForce[j]->header.validFrom.str()));
          d.notes.push_back({inForce[i]->header.span, "the other amendment is here"});
          d.help = "give one of them a later date, or merge them";
        }
    }
  if (diags.hasErrors()) return;
  std::vector<std::string> applied;
  for (ast::Amendment* am : inForce) {
    apply(*am, rs, diags);
    std::vector<std::string> labels;
    for (const auto& p : am->parts) labels.push_back(p.label);
    applied.push_back(fmt::format("{} (onderdeel {})", am->header.title, fmt::join(labels, ", ")));
  }
  chooseParameters(rs, at, diags);
  rs.peildatum = at;
  rs.version = at ? fmt::format("zoals geldig op {}", at->str()) : std::string();
  if (!applied.empty()) rs.version += fmt::format(", gewijzigd bij {}", fmt::join(applied, "; "));
}

}  // namespace verdeel::parse
