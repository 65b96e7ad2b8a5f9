#include "parse/amend.hpp"
#include "lang/language.hpp"

#include <fmt/format.h>

#include <algorithm>

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
  eraseArticle(rs.choices, article);
}

int findArticle(const ast::RuleSet& rs, const std::string& number) {
  for (std::size_t i = 0; i < rs.articles.size(); ++i)
    if (!rs.articles[i].repealed && rs.articles[i].number == number) return static_cast<int>(i);
  return -1;
}

template <class T, class Name>
int findBy(const std::vector<T>& v, Name name) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (name(v[i])) return static_cast<int>(i);
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
  move(from.choices, rs.choices);
}

// The article a rule belongs to now reads differently: diff and explanations must see that.
void touch(ast::RuleSet& rs, int article, const std::string& where) {
  if (article >= 0) rs.articles[static_cast<std::size_t>(article)].fingerprint += "\n# " + where;
}

const char* controleWord(bool claim) {
  return claim ? "bewering" : "controle";
}

}  // namespace

std::string partTarget(const ast::AmendmentPart& p) {
  switch (p.kind) {
    case Kind::ReplaceArticle:
    case Kind::RepealArticle:
    case Kind::AddMembers: return "artikel " + p.article;
    case Kind::InsertArticle:
      return "artikel " + (p.content.articles.empty() ? std::string() : p.content.articles[0].number);
    case Kind::ReplaceDefinition:
    case Kind::RepealDefinition: return "definitie " + p.definition.name;
    case Kind::ReplaceParameter:
    case Kind::RepealParameter:
    case Kind::AddParameterValue: return "parameter " + p.definition.name;
    case Kind::ReplaceException:
    case Kind::RepealException: return "uitzondering " + p.definition.name;
    case Kind::ReplaceControle:
    case Kind::RepealControle: return fmt::format("{} \"{}\"", controleWord(p.claim), p.definition.name);
    case Kind::ReplaceTable:
    case Kind::InsertTable:
    case Kind::RepealTable:
    case Kind::AddTableSource: return "tabel " + p.definition.name;
    case Kind::ReplaceOutput:
    case Kind::InsertOutput:
    case Kind::RepealOutput: return fmt::format("uitvoer \"{}\"", p.definition.name);
  }
  return {};
}

std::string partAction(const ast::AmendmentPart& p) {
  const std::string target = partTarget(p);
  switch (p.kind) {
    case Kind::ReplaceArticle:
    case Kind::ReplaceDefinition:
    case Kind::ReplaceParameter:
    case Kind::ReplaceException:
    case Kind::ReplaceControle:
    case Kind::ReplaceTable:
    case Kind::ReplaceOutput: return "vervangt " + target;
    case Kind::InsertArticle:
    case Kind::InsertTable:
    case Kind::InsertOutput: return "voegt in: " + target;
    case Kind::RepealArticle:
    case Kind::RepealDefinition:
    case Kind::RepealParameter:
    case Kind::RepealException:
    case Kind::RepealControle:
    case Kind::RepealTable:
    case Kind::RepealOutput: return "laat vervallen: " + target;
    case Kind::AddMembers: {
      std::vector<std::string> names;
      for (const auto& x : p.content.parameters) names.push_back("parameter " + x.name.name);
      for (const auto& x : p.content.definitions) names.push_back("definitie " + x.name.name);
      for (const auto& x : p.content.exceptions) names.push_back("uitzondering " + x.name.name);
      for (const auto& x : p.content.controles) names.push_back(controleWord(x.claim));
      return fmt::format("voegt aan {} toe: {}", target, fmt::join(names, ", "));
    }
    case Kind::AddParameterValue: {
      const auto& v = p.content.parameters.front().values.front();
      return fmt::format("voegt aan {} een waarde toe{}", target,
                         v.from ? " vanaf " + v.from->str() : std::string());
    }
    case Kind::AddTableSource:
      return fmt::format("voegt aan {} het bestand \"{}\" toe, vanaf {}", target, p.source->path,
                         p.source->from ? p.source->from->str() : std::string("het begin"));
  }
  return target;
}

void applyPart(ast::AmendmentPart& p, const std::string& where, ast::RuleSet& rs, Diagnostics& diags) {
  auto missing = [&](std::vector<std::string> names) {
    const std::string thing = partTarget(p);
    auto& d = diags.report(Code::E0215, p.span,
                           trf("{} changes {}, which the regulation does not have", where, thing));
    const std::string bare = thing.substr(thing.find(' ') + 1);
    if (thing.rfind("artikel", 0) == 0) {
      if (names.size() > 12) names.resize(12);
      d.help = trf("the regulation has artikel {}", fmt::join(names, ", "));
    } else if (auto m = closestMatch(bare, names); !m.empty())
      d.help = trf("did you mean `{}`?", m);
    else if (names.size() <= 12 && !names.empty())
      d.help = trf("the regulation has {}", fmt::join(names, ", "));
  };
  auto exists = [&](const std::string& help) {
    auto& d =
        diags.report(Code::E0215, p.span, trf("{} inserts {}, which exists already", where, partTarget(p)));
    d.help = help;
  };
  auto articleNumbers = [&] {
    std::vector<std::string> out;
    for (const auto& a : rs.articles)
      if (!a.repealed) out.push_back(a.number);
    return out;
  };
  auto names = [](const auto& v, auto get) {
    std::vector<std::string> out;
    for (const auto& x : v) out.push_back(get(x));
    return out;
  };
  const std::string& name = p.definition.name;
  switch (p.kind) {
    case Kind::ReplaceArticle: {
      const int idx = findArticle(rs, p.article);
      if (idx < 0) return missing(articleNumbers());
      clearArticle(rs, idx);
      rs.articles[static_cast<std::size_t>(idx)] = std::move(p.content.articles.front());
      adopt(p.content, rs, idx);
      return;
    }
    case Kind::InsertArticle: {
      if (findArticle(rs, p.content.articles.front().number) >= 0)
        return exists(tr("to change an existing article, write `vervangt artikel ... door`"));
      const int idx = static_cast<int>(rs.articles.size());
      rs.articles.push_back(std::move(p.content.articles.front()));
      adopt(p.content, rs, idx);
      return;
    }
    case Kind::RepealArticle: {
      const int idx = findArticle(rs, p.article);
      if (idx < 0) return missing(articleNumbers());
      clearArticle(rs, idx);
      ast::Article& a = rs.articles[static_cast<std::size_t>(idx)];
      a.repealed = true;
      a.title = "(vervallen)";
      a.lawText.clear();
      a.fingerprint.clear();
      return;
    }
    case Kind::AddMembers: {
      const int idx = findArticle(rs, p.article);
      if (idx < 0) return missing(articleNumbers());
      adopt(p.content, rs, idx);
      touch(rs, idx, where);
      return;
    }
    case Kind::ReplaceDefinition: {
      const int idx = findBy(rs.definitions, [&](const auto& d) { return d.name.name == name; });
      if (idx < 0) return missing(names(rs.definitions, [](const auto& d) { return d.name.name; }));
      if (p.content.definitions.size() != 1 || p.content.definitions[0].name.name != name) {
        diags.report(Code::E0215, p.span, trf("{} must give a new `definitie {}`", where, name));
        return;
      }
      ast::DefinitionDecl& old = rs.definitions[static_cast<std::size_t>(idx)];
      const int article = old.article;
      old = std::move(p.content.definitions[0]);
      old.article = article;
      touch(rs, article, where);
      return;
    }
    case Kind::RepealDefinition: {
      const int idx = findBy(rs.definitions, [&](const auto& d) { return d.name.name == name; });
      if (idx < 0) return missing(names(rs.definitions, [](const auto& d) { return d.name.name; }));
      const int article = rs.definitions[static_cast<std::size_t>(idx)].article;
      rs.definitions.erase(rs.definitions.begin() + idx);
      touch(rs, article, where);
      return;
    }
    case Kind::ReplaceParameter:
    case Kind::RepealParameter:
    case Kind::AddParameterValue: {
      const int idx = findBy(rs.parameters, [&](const auto& x) { return x.name.name == name; });
      if (idx < 0) return missing(names(rs.parameters, [](const auto& x) { return x.name.name; }));
      ast::ParameterDecl& old = rs.parameters[static_cast<std::size_t>(idx)];
      const int article = old.article;
      if (p.kind == Kind::RepealParameter) {
        rs.parameters.erase(rs.parameters.begin() + idx);
      } else if (p.kind == Kind::AddParameterValue) {
        for (auto& v : p.content.parameters.front().values) old.values.push_back(std::move(v));
      } else {
        ast::ParameterDecl& fresh = p.content.parameters.front();
        if (fresh.name.name != name) {
          diags.report(Code::E0215, p.span, trf("{} must give a new `parameter {}`", where, name));
          return;
        }
        old = std::move(fresh);
        old.article = article;
      }
      touch(rs, article, where);
      return;
    }
    case Kind::ReplaceException:
    case Kind::RepealException: {
      const int idx = findBy(rs.exceptions, [&](const auto& x) { return x.name.name == name; });
      if (idx < 0) return missing(names(rs.exceptions, [](const auto& x) { return x.name.name; }));
      const int article = rs.exceptions[static_cast<std::size_t>(idx)].article;
      if (p.kind == Kind::RepealException) {
        rs.exceptions.erase(rs.exceptions.begin() + idx);
      } else {
        ast::ExceptionDecl& fresh = p.content.exceptions.front();
        if (fresh.name.name != name) {
          diags.report(Code::E0215, p.span, trf("{} must give a new `uitzondering {}`", where, name));
          return;
        }
        rs.exceptions[static_cast<std::size_t>(idx)] = std::move(fresh);
        rs.exceptions[static_cast<std::size_t>(idx)].article = article;
      }
      touch(rs, article, where);
      return;
    }
    case Kind::ReplaceControle:
    case Kind::RepealControle: {
      const int idx =
          findBy(rs.controles, [&](const auto& x) { return x.claim == p.claim && x.description == name; });
      if (idx < 0) return missing(names(rs.controles, [](const auto& x) { return x.description; }));
      const int article = rs.controles[static_cast<std::size_t>(idx)].article;
      if (p.kind == Kind::RepealControle) {
        rs.controles.erase(rs.controles.begin() + idx);
      } else {
        if (p.content.controles.size() != 1 || p.content.controles[0].claim != p.claim) {
          diags.report(Code::E0215, p.span, trf("{} must give a new `{}`", where, controleWord(p.claim)));
          return;
        }
        rs.controles[static_cast<std::size_t>(idx)] = std::move(p.content.controles[0]);
        rs.controles[static_cast<std::size_t>(idx)].article = article;
      }
      touch(rs, article, where);
      return;
    }
    case Kind::ReplaceTable:
    case Kind::InsertTable:
    case Kind::RepealTable:
    case Kind::AddTableSource: {
      const int idx = findBy(rs.tables, [&](const auto& t) { return t.name.name == name; });
      if (p.kind == Kind::InsertTable) {
        if (idx >= 0) return exists(tr("to change an existing table, write `vervangt tabel ... door`"));
        rs.tables.push_back(std::move(p.tables.front()));
        return;
      }
      if (idx < 0) return missing(names(rs.tables, [](const auto& t) { return t.name.name; }));
      ast::TableDecl& t = rs.tables[static_cast<std::size_t>(idx)];
      if (p.kind == Kind::RepealTable) {
        rs.tables.erase(rs.tables.begin() + idx);
      } else if (p.kind == Kind::AddTableSource) {
        t.sources.push_back(std::move(*p.source));  // its path is relative to the amendment's folder
      } else {
        if (p.tables.front().name.name != name) {
          diags.report(Code::E0215, p.span, trf("{} must give a new `tabel {}`", where, name));
          return;
        }
        t = std::move(p.tables.front());
      }
      return;
    }
    case Kind::ReplaceOutput:
    case Kind::InsertOutput:
    case Kind::RepealOutput: {
      const int idx = findBy(rs.outputs, [&](const auto& o) { return o.name == name; });
      if (p.kind == Kind::InsertOutput) {
        if (idx >= 0) return exists(tr("to change an existing output, write `vervangt uitvoer ... door`"));
        rs.outputs.push_back(std::move(p.outputs.front()));
        return;
      }
      if (idx < 0) return missing(names(rs.outputs, [](const auto& o) { return o.name; }));
      if (p.kind == Kind::RepealOutput)
        rs.outputs.erase(rs.outputs.begin() + idx);
      else
        rs.outputs[static_cast<std::size_t>(idx)] = std::move(p.outputs.front());
      return;
    }
  }
}

}  // namespace verdeel::parse
