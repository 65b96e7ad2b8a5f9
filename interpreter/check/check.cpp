// The checker: declarations (header, tables, names, exceptions, outputs) and the driver. Expression
// typing is in expr.cpp, dependency analysis in deps.cpp; all three share the Checker class.
#include "check/checker.hpp"
#include "lang/language.hpp"
#include "source/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace verdeel::check {

std::string typeName(const Type& t, const std::vector<Table>& tables) {
  switch (t.kind) {
    case Kind::Integer: return "geheel getal";
    case Kind::Number: return "getal";
    case Kind::Text: return "tekst";
    case Kind::Bool: return "waarheid";
    case Kind::Date: return "datum";
    case Kind::Herkomst: return "herkomst";
    case Kind::Entity:
      return t.table >= 0 && static_cast<std::size_t>(t.table) < tables.size()
                 ? "verwijzing naar " + tables[static_cast<std::size_t>(t.table)].name
                 : "verwijzing";
  }
  return "?";
}

std::optional<Type> Checker::resolveType(const ast::TypeRef& t) {
  switch (t.kind) {
    case ast::TypeKind::Integer: return Type{Kind::Integer};
    case ast::TypeKind::Number: return Type{Kind::Number};
    case ast::TypeKind::Text: return Type{Kind::Text};
    case ast::TypeKind::Bool: return Type{Kind::Bool};
    case ast::TypeKind::Date: return Type{Kind::Date};
    case ast::TypeKind::Herkomst: return Type{Kind::Herkomst};
    case ast::TypeKind::Reference: {
      int table = p_.table(t.target.name);
      if (table < 0) {
        unknownTable(t.target);
        return std::nullopt;
      }
      return Type{Kind::Entity, table};
    }
  }
  return std::nullopt;
}

void Checker::unknownTable(const ast::Ident& id) {
  auto& d = diags_.report(Code::E0206, id.span, trf("there is no table `{}`", id.name));
  std::vector<std::string> names;
  for (const Table& t : p_.tables) names.push_back(t.name);
  if (auto m = closestMatch(id.name, names); !m.empty())
    d.help = trf("did you mean `{}`?", m);
  else if (!names.empty())
    d.help = trf("the tables are: {}", fmt::join(names, ", "));
  else
    d.help = tr("declare the table with `tabel NAAM uit \"bestand.csv\"`");
}

void Checker::header() {
  if (rs_.headers.empty()) {
    SourceSpan at{rs_.files.empty() ? 0u : rs_.files.front(), 0, 0, 0, 0};
    auto& d = diags_.report(Code::E0207, at, tr("the rule set has no `regeling` header"));
    d.help = tr("start one file with `regeling \"titel\"`, `citatie \"...\"` and `geldig vanaf jjjj-mm-dd`");
    return;
  }
  for (std::size_t i = 1; i < rs_.headers.size(); ++i) {
    auto& d = diags_.report(Code::E0207, rs_.headers[i].span, tr("a second `regeling` header"));
    d.notes.push_back({rs_.headers[0].span, tr("the first header is here")});
    d.help = tr("a rule set has one header; the other files of the folder hold only articles and tables");
  }
  p_.header = rs_.headers[0];
  p_.peildatum = rs_.peildatum;
  p_.version = rs_.version;
  const ast::Header& h = p_.header;
  if (h.validUntil && *h.validUntil < h.validFrom) {
    auto& d = diags_.report(
        Code::E0212, h.span,
        trf("`geldig tot` {} lies before `geldig vanaf` {}", h.validUntil->str(), h.validFrom.str()));
    d.help = tr("swap the two dates or correct the one that is wrong");
  }
}

void Checker::tables() {
  namespace fs = std::filesystem;
  // Names first, so references between tables can point forward.
  for (const ast::TableDecl& t : rs_.tables) {
    if (int prev = p_.table(t.name.name); prev >= 0) {
      auto& d = diags_.report(Code::E0202, t.name.span, trf("table `{}` is declared twice", t.name.name));
      d.notes.push_back({p_.tables[static_cast<std::size_t>(prev)].span, tr("first declared here")});
    }
    Table out;
    out.name = t.name.name;
    out.declared = t.path;
    out.root = t.baseDir;
    out.path = (fs::path(t.baseDir) / t.path).lexically_normal().string();
    out.pathSpan = t.pathSpan;
    // A rule set reads its data from its own folder: no absolute paths, no way out with `..`. Data
    // elsewhere is named on the command line (`--data`), where the user can see it.
    const fs::path declared = fs::path(t.path).lexically_normal();
    if (declared.is_absolute() || declared.empty() || *declared.begin() == "..") {
      auto& d =
          diags_.report(Code::E0218, t.pathSpan, trf("`{}` points outside the rule set's folder", t.path));
      d.help =
          tr("keep the data in (a folder under) the rule set's folder, or name another folder with `--data`");
    }
    out.span = t.name.span;
    out.source = t.source;
    out.peildatum = t.peildatum;
    out.separator = t.separator.empty() ? 0 : t.separator[0];
    out.missing = t.missing;
    out.decimal = t.decimal.empty() ? 0 : t.decimal[0];
    p_.tables.push_back(std::move(out));
  }
  for (std::size_t ti = 0; ti < rs_.tables.size(); ++ti) {
    const ast::TableDecl& t = rs_.tables[ti];
    Table& out = p_.tables[ti];
    for (const SourceSpan& s : t.repeated) {
      auto& d = diags_.report(Code::E0209, s, trf("this item is given twice for table `{}`", t.name.name));
      d.help = t.sources.size() > 1
                   ? tr("after `uit \"...\" vanaf D`, every `herkomst`, `bron` and `peildatum` belongs to "
                        "that file: "
                        "put the dated files last in the table, each followed by its own items")
                   : tr("keep one: `sleutel`, `herkomst`, `bron`, `peildatum` and `scheidingsteken` appear "
                        "once per "
                        "table");
    }
    for (const ast::ColumnDecl& c : t.columns) {
      if (int prev = out.column(c.name.name); prev >= 0) {
        auto& d = diags_.report(Code::E0202, c.name.span,
                                trf("column `{}` is declared twice in table `{}`", c.name.name, t.name.name));
        d.notes.push_back({out.columns[static_cast<std::size_t>(prev)].span, tr("first declared here")});
        continue;
      }
      auto type = resolveType(c.type);
      if (!type) continue;
      if (type->kind == Kind::Entity && static_cast<std::size_t>(type->table) == ti) {
        // A table may refer to itself (for example a merged task naming its lead gemeente).
      }
      if (type->kind == Kind::Herkomst) {
        if (out.herkomstColumn >= 0) {
          auto& d =
              diags_.report(Code::E0209, c.span, tr("a table has at most one column of type `herkomst`"));
          d.notes.push_back(
              {out.columns[static_cast<std::size_t>(out.herkomstColumn)].span, tr("the other one")});
        }
        out.herkomstColumn = static_cast<int>(out.columns.size());
      }
      if (c.name.name == "naam" && type->kind == Kind::Text)
        out.nameColumn = static_cast<int>(out.columns.size());
      out.columns.push_back(Column{c.name.name, c.csvHeader, *type, c.optional, c.span});
    }
    if (!t.key) {
      auto& d = diags_.report(Code::E0209, t.name.span, trf("table `{}` has no `sleutel`", t.name.name));
      d.help = tr("name the column that identifies each row, for example `sleutel code`");
    } else {
      out.key = out.column(t.key->name);
      if (out.key < 0) {
        auto& d = diags_.report(Code::E0209, t.key->span,
                                trf("key `{}` is not a column of table `{}`", t.key->name, t.name.name));
        std::vector<std::string> names;
        for (const Column& c : out.columns) names.push_back(c.name);
        if (auto m = closestMatch(t.key->name, names); !m.empty())
          d.help = trf("did you mean `{}`?", m);
        else
          d.help = trf("declare it: `kolom {}: tekst`", t.key->name);
      } else if (out.columns[static_cast<std::size_t>(out.key)].optional) {
        diags_.report(Code::E0209, t.key->span, trf("key `{}` cannot be optional", t.key->name));
      }
    }
    if (!t.status) {
      auto& d = diags_.report(Code::E0209, t.name.span,
                              trf("table `{}` does not state its `herkomst`", t.name.name));
      d.help = tr(
          "add `herkomst echt`, `herkomst gereconstrueerd` or `herkomst fictief`: every decision shows where "
          "its numbers come from");
    } else {
      out.herkomst = *t.status;
    }
    if (t.source.empty()) {
      auto& d =
          diags_.report(Code::E0209, t.name.span, trf("table `{}` does not name its `bron`", t.name.name));
      d.help = tr("add `bron \"...\"` with the publication or file the data comes from");
    }
    // `geldig vanaf kolom a tot kolom b`: date columns, blank meaning "from the start" / "no end".
    auto validity = [&](const std::optional<ast::Ident>& id) {
      if (!id) return -1;
      const int c = out.column(id->name);
      if (c < 0) {
        auto& d = diags_.report(Code::E0209, id->span,
                                trf("`{}` is not a column of table `{}`", id->name, t.name.name));
        d.help = trf("declare it: `kolom {}: datum optioneel`", id->name);
      } else if (out.columns[static_cast<std::size_t>(c)].type.kind != Kind::Date) {
        auto& d = diags_.report(Code::E0209, id->span,
                                trf("the validity of a row is read from a date column, and `{}` is "
                                    "a column of type {}",
                                    id->name, tname(out.columns[static_cast<std::size_t>(c)].type)));
        d.help = trf("declare it: `kolom {}: datum optioneel`", id->name);
      }
      return c;
    };
    out.validFromColumn = validity(t.validFromColumn);
    out.validUntilColumn = validity(t.validUntilColumn);
    out.sourceFrom = t.sourceFrom;
  }
}

void Checker::names() {
  for (std::size_t i = 0; i < rs_.parameters.size(); ++i)
    declareName(rs_.parameters[i].name, false, static_cast<int>(i));
  for (std::size_t i = 0; i < rs_.definitions.size(); ++i) {
    const ast::DefinitionDecl& d = rs_.definitions[i];
    declareName(d.name, true, static_cast<int>(i));
    Definition out;
    out.name = d.name.name;
    out.article = d.article;
    out.span = d.name.span;
    if (d.subject) {
      out.subject = p_.table(d.subject->name);
      if (out.subject < 0)
        unknownTable(*d.subject);
      else if (int col = p_.tables[static_cast<std::size_t>(out.subject)].column(d.name.name); col >= 0) {
        auto& diag =
            diags_.report(Code::E0202, d.name.span,
                          trf("`{}` is already a column of table `{}`", d.name.name, d.subject->name));
        diag.notes.push_back(
            {p_.tables[static_cast<std::size_t>(out.subject)].columns[static_cast<std::size_t>(col)].span,
             tr("the column is declared here")});
        diag.help = tr("give the definition another name");
      }
    }
    if (!d.choice.empty())
      if (auto it = globals_.find(d.choice); it != globals_.end() && !it->second.isDefinition) {
        (d.alternative.empty() ? out.selectsBy : out.choiceParameter) = it->second.index;
        out.alternative = d.alternative;
      }
    p_.definitions.push_back(std::move(out));
  }
  for (Definition& d : p_.definitions)
    if (d.selectsBy >= 0)
      for (std::size_t i = 0; i < p_.definitions.size(); ++i)
        if (p_.definitions[i].choiceParameter == d.selectsBy &&
            p_.definitions[i].name == fmt::format("{} (lezing {})", d.name, p_.definitions[i].alternative))
          d.readings.emplace_back(p_.definitions[i].alternative, static_cast<int>(i));
  for (const ast::ChoiceDecl& c : rs_.choices) {
    auto it = globals_.find(c.name.name);
    if (it == globals_.end() || it->second.isDefinition) continue;  // not expanded: reported
    Choice out{c.name.name, c.question, c.article, it->second.index, {}, c.span};
    for (const auto& a : c.alternatives)
      out.alternatives.push_back({a.name.name, a.title, a.reasoning, a.isDefault, a.name.span});
    // The keuze's parameter names one of its readings (an amendment may have replaced it).
    const ast::ParameterDecl& prm = rs_.parameters[static_cast<std::size_t>(it->second.index)];
    const auto* text = prm.value ? std::get_if<ast::TextLit>(&prm.value->node) : nullptr;
    if (!text || !out.find(text->value)) {
      std::vector<std::string> readings;
      for (const auto& a : out.alternatives) readings.push_back(a.name);
      auto& d = diags_.report(Code::E0221, prm.value ? prm.value->span : prm.span,
                              trf("parameter `{}` selects a reading of its keuze, and {} is none of them",
                                  c.name.name, text ? fmt::format("`{}`", text->value) : tr("this value")));
      d.notes.push_back({c.span, tr("the keuze is here")});
      d.help = trf("write one of its readings between quotes: {}",
                   fmt::format("\"{}\"", fmt::join(readings, "\", \"")));
    }
    p_.choices.push_back(std::move(out));
  }
}

void Checker::declareName(const ast::Ident& id, bool isDefinition, int index) {
  auto it = globals_.find(id.name);
  if (it != globals_.end()) {
    auto& d = diags_.report(Code::E0202, id.span, trf("`{}` is declared twice", id.name));
    const ast::Ident& first = it->second.isDefinition
                                  ? rs_.definitions[static_cast<std::size_t>(it->second.index)].name
                                  : rs_.parameters[static_cast<std::size_t>(it->second.index)].name;
    d.notes.push_back({first.span, tr("first declared here")});
    d.help = tr("every parameter and definition needs its own name");
    return;
  }
  globals_[id.name] = Global{isDefinition, index};
}

void Checker::exceptions() {
  for (const ast::ExceptionDecl& e : rs_.exceptions) {
    Exception out;
    out.name = e.name.name;
    out.article = e.article;
    out.span = e.name.span;
    auto it = globals_.find(e.target.name);
    if (it == globals_.end() || !it->second.isDefinition) {
      auto& d = diags_.report(Code::E0201, e.target.span,
                              trf("`{}` is not a definition, so it can have no exception", e.target.name));
      std::vector<std::string> names;
      for (const Definition& def : p_.definitions) names.push_back(def.name);
      if (auto m = closestMatch(e.target.name, names); !m.empty()) d.help = trf("did you mean `{}`?", m);
    } else {
      out.definition = it->second.index;
      auto& list = p_.definitions[static_cast<std::size_t>(out.definition)].exceptions;
      for (int other : list) {
        if (p_.exceptions[static_cast<std::size_t>(other)].name == out.name) {
          auto& d = diags_.report(Code::E0202, e.name.span,
                                  trf("exception `{}` on `{}` is declared twice", out.name, e.target.name));
          d.notes.push_back({p_.exceptions[static_cast<std::size_t>(other)].span, tr("first declared here")});
        }
      }
      list.push_back(static_cast<int>(p_.exceptions.size()));
    }
    p_.exceptions.push_back(std::move(out));
  }
  // `gaat voor` names exceptions on the same definition.
  for (std::size_t i = 0; i < rs_.exceptions.size(); ++i) {
    Exception& out = p_.exceptions[i];
    if (out.definition < 0) continue;
    const auto& siblings = p_.definitions[static_cast<std::size_t>(out.definition)].exceptions;
    for (const ast::Ident& b : rs_.exceptions[i].beats) {
      int found = -1;
      std::vector<std::string> names;
      for (int s : siblings) {
        if (p_.exceptions[static_cast<std::size_t>(s)].name == b.name) found = s;
        if (static_cast<std::size_t>(s) != i)
          names.push_back(p_.exceptions[static_cast<std::size_t>(s)].name);
      }
      if (found < 0 || static_cast<std::size_t>(found) == i) {
        auto& d = diags_.report(
            Code::E0208, b.span,
            found < 0 ? trf("`{}` is not an exception on `{}`", b.name, rs_.exceptions[i].target.name)
                      : trf("exception `{}` cannot go before itself", b.name));
        if (auto m = closestMatch(b.name, names); !m.empty())
          d.help = trf("did you mean `{}`?", m);
        else if (!names.empty())
          d.help = trf("the other exceptions on `{}` are: {}", rs_.exceptions[i].target.name,
                       fmt::join(names, ", "));
        continue;
      }
      out.beats.push_back(found);
    }
  }
}

void Checker::outputs() {
  diags_.setBasis("");  // outputs stand outside the articles
  for (const ast::OutputDecl& o : rs_.outputs) {
    Output out;
    out.name = o.name;
    out.span = o.span;
    if (o.name.empty() || o.name.find_first_of("/\\") != std::string::npos || o.name[0] == '.') {
      auto& d = diags_.report(Code::E0211, o.span,
                              trf("`{}` cannot be used as the name of an output file", o.name));
      d.help = tr("use letters, digits and `-`, for example `verdeelbesluit`");
    }
    for (const Output& prev : p_.outputs) {
      if (prev.name == o.name) {
        auto& d = diags_.report(Code::E0202, o.span, trf("output `{}` is declared twice", o.name));
        d.notes.push_back({prev.span, tr("first declared here")});
      } else if (fileNameOf(prev.name) == fileNameOf(o.name)) {
        auto& d = diags_.report(Code::E0211, o.span,
                                trf("outputs `{}` and `{}` would be written to the same file `{}`", prev.name,
                                    o.name, fileNameOf(o.name)));
        d.notes.push_back({prev.span, tr("the other output is declared here")});
        d.help =
            tr("a file name keeps letters and digits only, in lower case, and file systems do not all tell "
               "upper and lower case apart; rename one of the two");
      }
    }
    if (o.subject) {
      out.subject = p_.table(o.subject->name);
      if (out.subject < 0) {
        unknownTable(*o.subject);
        continue;
      }
    }
    auto column = [&](const ast::Ident& id) -> std::optional<OutputColumn> {
      if (out.subject >= 0) {
        const Table& t = p_.tables[static_cast<std::size_t>(out.subject)];
        if (int c = t.column(id.name); c >= 0) return OutputColumn{id.name, false, false, c};
      }
      auto it = globals_.find(id.name);
      if (it != globals_.end()) {
        if (!it->second.isDefinition) return OutputColumn{id.name, false, true, it->second.index};
        const Definition& d = p_.definitions[static_cast<std::size_t>(it->second.index)];
        if (d.subject == out.subject || d.subject < 0)
          return OutputColumn{id.name, true, false, it->second.index};
        auto& diag = diags_.report(
            Code::E0211, id.span,
            trf("`{}` is defined per {}, but this output has one row {}", id.name,
                p_.tables[static_cast<std::size_t>(d.subject)].name,
                out.subject < 0 ? tr("in all")
                                : "per " + p_.tables[static_cast<std::size_t>(out.subject)].name));
        diag.help = tr("an output's columns are columns and definitions of its own table, or single values");
        return std::nullopt;
      }
      auto& diag = diags_.report(Code::E0201, id.span, trf("unknown name `{}`", id.name));
      std::vector<std::string> names;
      for (const auto& [n, g] : globals_) names.push_back(n);
      if (out.subject >= 0)
        for (const Column& c : p_.tables[static_cast<std::size_t>(out.subject)].columns)
          names.push_back(c.name);
      if (auto m = closestMatch(id.name, names); !m.empty()) diag.help = trf("did you mean `{}`?", m);
      return std::nullopt;
    };
    if (o.splitBy) {
      if (out.subject < 0) {
        diags_.report(Code::E0211, o.splitBy->span, tr("only an output `per` table can be split"));
      } else if (auto c = column(*o.splitBy)) {
        out.splitBy = *c;
      }
    }
    for (const ast::Ident& id : o.columns) {
      if (auto c = column(id)) {
        if (c->isDefinition) used_.insert(c->index);
        out.columns.push_back(*c);
      }
    }
    if (out.splitBy && out.splitBy->isDefinition) used_.insert(out.splitBy->index);
    p_.outputs.push_back(std::move(out));
  }
  reservedOutputNames();
}

// The files a run writes besides the declared outputs: the receipt, the claims report, the ties
// report, and the summary of each split output. An output whose file would have such a name is refused here,
// before any data is read, rather than when the set is written.
void Checker::reservedOutputNames() {
  const bool claims =
      std::any_of(p_.controles.begin(), p_.controles.end(), [](const Controle& c) { return c.claim; });
  const bool apportions = std::any_of(p_.definitions.begin(), p_.definitions.end(),
                                      [](const Definition& d) { return d.apportion.has_value(); });
  for (const Output& o : p_.outputs) {
    const std::string file = fileNameOf(o.name);
    std::string taken;
    if (file == "ontvangstbewijs") taken = tr("the receipt (`ontvangstbewijs.json`) every run writes");
    if (file == "beweringen" && claims) taken = tr("the report of the claims (`bewering`) of this rule set");
    if (file == "gelijke-standen" && apportions)
      taken = tr("the report of the ties in the apportionments (`verdeling`) of this rule set");
    for (const Output& split : p_.outputs)
      if (split.splitBy && &split != &o && file == fileNameOf(split.name) + "-samenvatting")
        taken = trf("the summary of output `{}`, which is split per {}", split.name, split.splitBy->name);
    if (taken.empty()) continue;
    auto& d = diags_.report(Code::E0211, o.span,
                            trf("output `{}` would be written as `{}`: that is {}", o.name, file, taken));
    d.help = tr("give the output another name");
  }
}

std::optional<Program> Checker::run() {
  header();
  for (const ast::Article& a : rs_.articles)
    p_.articles.push_back(
        Article{a.number, a.title, a.lawText, a.span, a.herkomst, a.fingerprint, a.repealed});
  p_.files = rs_.files;
  tables();
  columnMatches();
  names();
  exceptions();
  if (diags_.hasErrors()) return std::nullopt;
  bodies();
  outputs();
  diags_.setBasis("");
  if (diags_.hasErrors()) return std::nullopt;
  dependencies();
  if (diags_.hasErrors()) return std::nullopt;
  unused();
  lookalikes();
  return std::move(p_);
}

std::optional<Program> check(const ast::RuleSet& rules, Diagnostics& diags) {
  return Checker(rules, diags).run();
}

}  // namespace verdeel::check
