// Keuzes made ordinary rules, as each is read (so that an amendment can change what comes of it, the
// default reading by `vervangt parameter`, or a whole article with its keuze): a `keuze` becomes a text
// parameter of its own name whose value is the default reading (`--zet` and `verdeel keuzes` set it to
// another), each reading's definition `x` is renamed `x (lezing r)`, and `x` itself becomes a definition that
// takes the value of the selected reading's (`als keuze = "r" dan x (lezing r) anders ...`). The
// evaluator computes only the selected reading's definitions (check::Definition::choiceParameter).
// Reported here: a keuze without exactly one default reading (E0219), readings that do not define
// the same names with the same type and subject, or two readings of one name (E0220).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "lang/language.hpp"
#include "parse/parse.hpp"

namespace verdeel::parse {

namespace {

ast::ExprPtr node(SourceSpan span, auto value) {
  auto e = std::make_unique<ast::Expr>();
  e->span = span;
  e->node = std::move(value);
  return e;
}

std::string typeText(const ast::DefinitionDecl& d) {
  return fmt::format("{}/{}/{}", static_cast<int>(d.type.kind), d.type.target.name,
                     d.subject ? d.subject->name : std::string());
}

// Checks one keuze; true when it can be expanded.
bool valid(const ast::ChoiceDecl& c, const std::vector<const ast::DefinitionDecl*>& defs,
           Diagnostics& diags) {
  bool ok = true;
  std::vector<const ast::ChoiceDecl::Alternative*> defaults;
  std::set<std::string> seen;
  for (const auto& a : c.alternatives) {
    if (a.isDefault) defaults.push_back(&a);
    if (!seen.insert(a.name.name).second) {
      auto& d = diags.report(Code::E0220, a.name.span,
                             trf("keuze `{}` has two readings called `{}`", c.name.name, a.name.name));
      d.help = tr("give every reading of a keuze its own name");
      ok = false;
    }
  }
  if (defaults.size() != 1) {
    auto& d = diags.report(Code::E0219, c.name.span,
                           defaults.empty()
                               ? trf("keuze `{}` has no default reading", c.name.name)
                               : trf("keuze `{}` has {} default readings", c.name.name, defaults.size()));
    for (std::size_t i = 1; i < defaults.size(); ++i)
      d.notes.push_back({defaults[i]->name.span, tr("another default reading is here")});
    d.help = tr("write `standaard` after the name of exactly one reading: the one the decisions use");
    ok = false;
  }
  // Every reading defines the same names, once each, with one type and subject.
  std::map<std::string, const ast::DefinitionDecl*> first;
  for (const auto* d : defs) first.emplace(d->name.name, d);
  for (const auto& a : c.alternatives) {
    std::map<std::string, const ast::DefinitionDecl*> own;
    for (const auto* d : defs) {
      if (d->alternative != a.name.name) continue;
      if (!own.emplace(d->name.name, d).second) {
        auto& r = diags.report(
            Code::E0220, d->name.span,
            trf("reading `{}` of keuze `{}` defines `{}` twice", a.name.name, c.name.name, d->name.name));
        r.help = tr("a reading gives each name one rule");
        ok = false;
      }
      const ast::DefinitionDecl* other = first.at(d->name.name);
      if (typeText(*other) != typeText(*d)) {
        auto& r = diags.report(Code::E0220, d->name.span,
                               trf("`{}` has another type or subject in reading `{}` than in reading `{}`",
                                   d->name.name, a.name.name, other->alternative));
        r.notes.push_back({other->name.span, tr("the other definition is here")});
        r.help = tr(
            "the readings of a keuze are alternatives for the same values: give them one type and subject");
        ok = false;
      }
    }
    for (const auto& [name, d] : first)
      if (!own.count(name)) {
        auto& r =
            diags.report(Code::E0220, a.name.span,
                         trf("reading `{}` of keuze `{}` does not define `{}`, which reading `{}` defines",
                             a.name.name, c.name.name, name, d->alternative));
        r.notes.push_back({d->name.span, tr("defined here")});
        r.help =
            tr("every reading of a keuze defines the same names, so that the rules that use them work "
               "under each reading");
        ok = false;
      }
  }
  return ok;
}

}  // namespace

void expandChoice(ast::Fragment& rs, const ast::ChoiceDecl& c, Diagnostics& diags) {
  {
    std::vector<const ast::DefinitionDecl*> defs;
    for (const auto& d : rs.definitions)
      if (d.choice == c.name.name && d.article == c.article) defs.push_back(&d);
    if (!valid(c, defs, diags)) return;
    const auto* standard = &*std::find_if(c.alternatives.begin(), c.alternatives.end(),
                                          [](const auto& a) { return a.isDefault; });
    // The keuze's parameter: the default reading, with the keuze as its basis.
    ast::ParameterDecl p;
    p.name = c.name;
    p.type.kind = ast::TypeKind::Text;
    p.type.span = c.span;
    ast::ParameterValue v;
    v.value = node(c.span, ast::TextLit{standard->name.name});
    v.text = fmt::format("\"{}\"", standard->name.name);
    v.basis = fmt::format("keuze: lezing {} is de standaard", standard->name.name);
    v.span = standard->span;
    p.values.push_back(std::move(v));
    p.article = c.article;
    p.span = c.span;
    rs.parameters.push_back(std::move(p));
    // One definition per name that takes the selected reading's value; the readings' own renamed.
    std::vector<std::string> names;
    for (const auto* d : defs)
      if (std::find(names.begin(), names.end(), d->name.name) == names.end()) names.push_back(d->name.name);
    std::vector<ast::DefinitionDecl> selectors;
    for (const std::string& name : names) {
      ast::DefinitionDecl sel;
      ast::ExprPtr body;
      for (auto it = c.alternatives.rbegin(); it != c.alternatives.rend(); ++it) {
        auto* d = &*std::find_if(rs.definitions.begin(), rs.definitions.end(), [&](const auto& x) {
          return x.choice == c.name.name && x.article == c.article && x.alternative == it->name.name &&
                 x.name.name == name;
        });
        if (!body) {
          sel.name = d->name;
          sel.subject = d->subject;
          sel.type = d->type;
          sel.article = c.article;
          sel.span = c.span;
          sel.choice = c.name.name;  // no reading: the definition that selects
        }
        d->name.name = fmt::format("{} (lezing {})", name, it->name.name);
        ast::ExprPtr value = node(c.span, ast::NameRef{d->name.name});
        if (!body) {
          body = std::move(value);
          continue;
        }
        ast::If choose;
        choose.condition = node(c.span, ast::Binary{ast::BinOp::Eq, node(c.span, ast::NameRef{c.name.name}),
                                                    node(c.span, ast::TextLit{it->name.name})});
        choose.thenValue = std::move(value);
        choose.elseValue = std::move(body);
        body = node(c.span, std::move(choose));
      }
      sel.body = std::move(body);
      selectors.push_back(std::move(sel));
    }
    for (auto& sel : selectors) rs.definitions.push_back(std::move(sel));
  }
}

}  // namespace verdeel::parse
