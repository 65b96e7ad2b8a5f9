#include "lint/lint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <sstream>

#include "check/walk.hpp"
#include "lang/language.hpp"

namespace verdeel::lint {

const std::vector<Rule>& rules() {
  static const std::vector<Rule> all = {
      {"zonder-wettekst", Code::W0601, "an article without `wettekst`"},
      {"los-getal", Code::W0602, "a number written into a rule that should be a parameter"},
      {"afronding-zonder-grondslag", Code::W0603,
       "a rounding in an article whose wettekst says nothing of rounding"},
      {"wettekst-getal-ongebruikt", Code::W0604, "a number of the wettekst that no rule or parameter uses"},
      {"uitzondering-nooit", Code::W0605, "an exception that can never apply"},
      {"dubbele-bewering", Code::W0606, "two claims that say the same"},
      {"ongebruikt", Code::W0201, "a definition, parameter or table nothing uses (the checker's W0201)"},
  };
  return all;
}

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  const auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Whether a condition can never hold: false as written (`onwaar`, `niet waar`, a comparison of two
// numbers that is false, `... en onwaar`).
bool alwaysFalse(const check::CExpr& e);
std::optional<bool> constant(const check::CExpr& e) {
  if (const auto* l = std::get_if<check::Literal>(&e.node))
    if (const auto* b = std::get_if<bool>(&l->value)) return *b;
  if (const auto* u = std::get_if<check::Unary>(&e.node); u && u->op == ast::UnOp::Not)
    if (auto v = constant(*u->operand)) return !*v;
  if (const auto* b = std::get_if<check::Binary>(&e.node)) {
    if (b->op == ast::BinOp::And || b->op == ast::BinOp::Or) {
      const auto l = constant(*b->lhs), r = constant(*b->rhs);
      if (b->op == ast::BinOp::And && ((l && !*l) || (r && !*r))) return false;
      if (b->op == ast::BinOp::Or && ((l && *l) || (r && *r))) return true;
      if (l && r) return b->op == ast::BinOp::And ? (*l && *r) : (*l || *r);
      return std::nullopt;
    }
    const auto* ll = std::get_if<check::Literal>(&b->lhs->node);
    const auto* rl = std::get_if<check::Literal>(&b->rhs->node);
    const auto* lq = ll ? std::get_if<mpq_class>(&ll->value) : nullptr;
    const auto* rq = rl ? std::get_if<mpq_class>(&rl->value) : nullptr;
    if (!lq || !rq) return std::nullopt;
    switch (b->op) {
      case ast::BinOp::Eq: return *lq == *rq;
      case ast::BinOp::Ne: return *lq != *rq;
      case ast::BinOp::Lt: return *lq < *rq;
      case ast::BinOp::Le: return *lq <= *rq;
      case ast::BinOp::Gt: return *lq > *rq;
      case ast::BinOp::Ge: return *lq >= *rq;
      default: return std::nullopt;
    }
  }
  return std::nullopt;
}
bool alwaysFalse(const check::CExpr& e) {
  const auto v = constant(e);
  return v && !*v;
}

// The numbers a wettekst names in figures: with thousands points (`96.000`), a decimal comma (`2,5`),
// a percentage (`75%`, `75 procent`), or of three digits or more that are not a year; numbers after
// `artikel`, `lid`, `onderdeel` and in dates are article and date references, not amounts.
std::vector<std::pair<std::string, mpq_class>> lawNumbers(const std::string& text) {
  static const std::regex number(R"((\d{1,3}(?:\.\d{3})+|\d+,\d+|\d+)(\s*(?:%|procent))?)");
  std::vector<std::pair<std::string, mpq_class>> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const auto at = static_cast<std::size_t>(m.position(0));
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '.' ||
                   text[at - 1] == '-' || text[at - 1] == '/'))
      continue;
    const std::size_t end = at + static_cast<std::size_t>(m.length(0));
    if (end < text.size() &&
        (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-' || text[end] == '/' ||
         (text[end] == '.' && end + 1 < text.size() &&
          std::isdigit(static_cast<unsigned char>(text[end + 1])))))
      continue;
    std::string before = text.substr(at >= 12 ? at - 12 : 0, at >= 12 ? 12 : at);
    std::transform(before.begin(), before.end(), before.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    bool reference = false;  // an article, a publication or a parliamentary paper, not an amount
    for (const char* word : {"artikel", "lid", "onderdeel", "art.", "stcrt", "staatscourant", "nr.", "nummer",
                             "kamerstuk", "stb.", "staatsblad", "bwbr"})
      reference = reference || before.find(word) != std::string::npos;
    if (reference) continue;
    std::string digits = m[1].str();
    const bool thousands = digits.find('.') != std::string::npos;
    const bool comma = digits.find(',') != std::string::npos;
    const bool percent = m[2].matched;
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    std::replace(digits.begin(), digits.end(), ',', '.');
    mpq_class q;
    if (comma) {
      const auto point = digits.find('.');
      const mpz_class whole(digits.substr(0, point));
      const std::string frac = digits.substr(point + 1);
      mpz_class scale;
      mpz_ui_pow_ui(scale.get_mpz_t(), 10, frac.size());
      q = mpq_class(whole * scale + mpz_class(frac), scale);
    } else {
      q = mpq_class(mpz_class(digits));
    }
    q.canonicalize();
    const bool year = !thousands && !comma && !percent && digits.size() == 4 && q >= 1900 && q <= 2100;
    if (!thousands && !comma && !percent && (digits.size() < 3 || year)) continue;
    if (percent) q /= 100;
    q.canonicalize();
    out.emplace_back(m.str(), q);
  }
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

std::map<std::string, Level> readConfig(const std::string& text, std::uint32_t file, Diagnostics& diags) {
  std::map<std::string, Level> levels;
  for (const Rule& r : rules()) levels[r.name] = Level::Warning;
  std::istringstream in(text);
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string content = trim(line.substr(0, line.find('#')));
    if (content.empty()) continue;
    const auto eq = content.find('=');
    const std::string name = trim(content.substr(0, eq));
    const std::string level = eq == std::string::npos ? std::string() : trim(content.substr(eq + 1));
    const SourceSpan at{file, number, 1, number, static_cast<std::uint32_t>(line.size() + 1)};
    std::vector<std::string> names;
    for (const Rule& r : rules()) names.emplace_back(r.name);
    if (!levels.count(name)) {
      auto& d = diags.report(Code::E0111, at, trf("`{}` is not a rule of the linter", name));
      const std::string m = closestMatch(name, names);
      d.help = m.empty() ? trf("the rules are {}", fmt::join(names, ", ")) : trf("did you mean `{}`?", m);
      continue;
    }
    if (level == "uit")
      levels[name] = Level::Off;
    else if (level == "waarschuwing")
      levels[name] = Level::Warning;
    else if (level == "fout")
      levels[name] = Level::Error;
    else
      diags.report(Code::E0111, at,
                   trf("`{}` is not a level: write `{} = uit`, `waarschuwing` or `fout`", level, name));
  }
  return levels;
}

void run(const check::Program& p, const SourceManager& sources, const std::map<std::string, Level>& levels,
         Diagnostics& diags) {
  auto on = [&](const char* rule) {
    auto it = levels.find(rule);
    return it == levels.end() || it->second != Level::Off;
  };
  auto report = [&](const char* rule, Code code, const SourceSpan& at, std::string message, int article) {
    diags.setBasis(p.basis(article));
    auto& d = diags.report(code, at, std::move(message));
    diags.setBasis("");
    d.notes.push_back({SourceSpan{}, trf("lint rule `{}`", rule)});
    if (auto it = levels.find(rule); it != levels.end() && it->second == Level::Error) diags.raise(d);
    return &d;
  };
  const std::vector<check::Rooted> exprs = check::ruleExpressions(p);
  // The checker's own warning, reported already: its level is set here too.
  if (auto it = levels.find("ongebruikt"); it != levels.end()) {
    if (it->second == Level::Off) diags.removeWarnings(Code::W0201);
    if (it->second == Level::Error) diags.raiseWarnings(Code::W0201);
  }

  if (on("zonder-wettekst"))
    for (std::size_t a = 0; a < p.articles.size(); ++a) {
      const check::Article& art = p.articles[a];
      if (art.repealed || !trim(art.lawText).empty()) continue;
      report("zonder-wettekst", Code::W0601, art.span, trf("{} has no `wettekst`", art.label()),
             static_cast<int>(a))
          ->help =
          tr("quote the text of the law this article carries out in a `wettekst` block, so that a reader can "
             "check the rules against it");
    }

  if (on("los-getal"))
    for (const check::Rooted& r : exprs)
      check::walk(*r.expr, [&](const check::CExpr& e) {
        const auto* l = std::get_if<check::Literal>(&e.node);
        const auto* q = l ? std::get_if<mpq_class>(&l->value) : nullptr;
        if (!q || *q == 0 || *q == 1) return;
        report("los-getal", Code::W0602, e.span,
               trf("the number {} is written into `{}`", formatNumber(*q), r.owner), r.article)
            ->help =
            tr("make it a `parameter` with its basis, so that it can be found, explained and changed by an "
               "amendment; 0 and 1 are not counted");
      });

  if (on("afronding-zonder-grondslag"))
    for (const check::Rooted& r : exprs) {
      const std::string text =
          r.article >= 0 ? lower(p.articles[static_cast<std::size_t>(r.article)].lawText) : std::string();
      if (text.find("afgerond") != std::string::npos || text.find("afronding") != std::string::npos ||
          text.find("afrond") != std::string::npos || text.find("rond") != std::string::npos)
        continue;
      check::walk(*r.expr, [&](const check::CExpr& e) {
        if (!std::holds_alternative<check::Round>(e.node)) return;
        report("afronding-zonder-grondslag", Code::W0603, e.span,
               trf("`{}` rounds, but the wettekst of its article says nothing of rounding", r.owner),
               r.article)
            ->help =
            tr("quote the provision that prescribes the rounding in the article's `wettekst`, or move the "
               "rounding to the article that does");
      });
    }

  if (on("wettekst-getal-ongebruikt")) {
    std::set<mpq_class> used;
    for (const check::Rooted& r : exprs)
      check::walk(*r.expr, [&](const check::CExpr& e) {
        if (const auto* l = std::get_if<check::Literal>(&e.node))
          if (const auto* q = std::get_if<mpq_class>(&l->value)) used.insert(*q);
      });
    for (const check::Parameter& prm : p.parameters)
      if (prm.value)
        check::walk(*prm.value, [&](const check::CExpr& e) {
          if (const auto* l = std::get_if<check::Literal>(&e.node))
            if (const auto* q = std::get_if<mpq_class>(&l->value)) used.insert(*q);
        });
    for (const check::Controle& c : p.controles)
      if (c.condition)
        check::walk(*c.condition, [&](const check::CExpr& e) {
          if (const auto* l = std::get_if<check::Literal>(&e.node))
            if (const auto* q = std::get_if<mpq_class>(&l->value)) used.insert(*q);
        });
    for (std::size_t a = 0; a < p.articles.size(); ++a) {
      const check::Article& art = p.articles[a];
      if (art.repealed) continue;
      std::set<std::string> said;
      for (const auto& [written, value] : lawNumbers(art.lawText)) {
        if (used.count(value) || !said.insert(written).second) continue;
        report("wettekst-getal-ongebruikt", Code::W0604, art.span,
               trf("the wettekst of {} names {}, which no rule or parameter uses", art.label(), written),
               static_cast<int>(a))
            ->help =
            tr("give the number a `parameter` in this article, or say in a comment why the rules do not "
               "need it");
      }
    }
  }

  if (on("uitzondering-nooit"))
    for (std::size_t i = 0; i < p.exceptions.size(); ++i) {
      const check::Exception& x = p.exceptions[i];
      if (!x.condition) continue;
      if (alwaysFalse(*x.condition)) {
        report("uitzondering-nooit", Code::W0605, x.condition->span,
               trf("the condition of exception `{}` is false as written: it never applies", x.name),
               x.article)
            ->help = tr("remove the exception, or write the condition the provision means");
        continue;
      }
      const std::string mine = spanText(x.condition->span, sources);
      for (std::size_t j = 0; j < p.exceptions.size(); ++j) {
        const check::Exception& y = p.exceptions[j];
        if (j == i || y.definition != x.definition || !y.condition) continue;
        const bool beats = std::find(y.beats.begin(), y.beats.end(), static_cast<int>(i)) != y.beats.end();
        if (!beats || spanText(y.condition->span, sources) != mine) continue;
        auto* d = report(
            "uitzondering-nooit", Code::W0605, x.condition->span,
            trf("exception `{}` has the same condition as `{}`, which goes before it: it never applies",
                x.name, y.name),
            x.article);
        d->notes.push_back({y.condition->span, trf("the condition of `{}`", y.name)});
        d->help = tr("remove one of the two, or give them the conditions the provisions mean");
        break;
      }
    }

  if (on("dubbele-bewering"))
    for (std::size_t i = 0; i < p.controles.size(); ++i) {
      const check::Controle& c = p.controles[i];
      if (!c.claim) continue;
      for (std::size_t j = 0; j < i; ++j) {
        const check::Controle& e = p.controles[j];
        if (!e.claim) continue;
        const bool sameText = lower(trim(e.description)) == lower(trim(c.description));
        const bool sameCondition =
            e.subject == c.subject && c.condition && e.condition &&
            spanText(e.condition->span, sources) == spanText(c.condition->span, sources);
        if (!sameText && !sameCondition) continue;
        auto* d = report("dubbele-bewering", Code::W0606, c.span,
                         sameText ? std::string(tr("this claim says the same as an earlier one"))
                                  : std::string(tr("this claim checks the same condition as an earlier one")),
                         c.article);
        d->notes.push_back({e.span, tr("the earlier claim")});
        d->help = tr("keep one claim, with every source that makes it");
        break;
      }
    }
}

}  // namespace verdeel::lint
