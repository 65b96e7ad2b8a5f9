#include "toets/coverage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "check/walk.hpp"
#include "lang/language.hpp"
#include "source/text.hpp"

namespace verdeel::toets {

namespace {

std::string location(const SourceSpan& s, const SourceManager& sources) {
  return s.valid() ? fmt::format("{}:{}", sources.path(s.file), s.line) : std::string();
}
std::string keyOf(std::string_view kind, const SourceSpan& s, const SourceManager& sources) {
  return fmt::format("{}|{}:{}:{}", kind, s.valid() ? sources.path(s.file) : std::string(), s.line, s.col);
}

// The folder of a file, normal (`.` for a file in the working directory).
std::string folderOf(const std::string& file) {
  const std::string dir = std::filesystem::path(file).parent_path().lexically_normal().string();
  return dir.empty() ? "." : dir;
}

std::string articleName(const check::Program& p, int article) {
  if (article < 0) return tr("the regulation itself");
  const check::Article& a = p.articles[static_cast<std::size_t>(article)];
  return a.title.empty() ? a.label() : fmt::format("{} \"{}\"", a.label(), a.title);
}

// `als stemmen >= drempel`, shortened to one line of at most 60 characters.
std::string condition(const check::CExpr& e, const SourceManager& sources) {
  const std::string text = oneLine(spanText(e.span, sources));
  std::string out;
  std::size_t cps = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++cps > 60) return out + "...";
    out += c;
  }
  return out;
}

std::string definitionName(const check::Definition& d) {
  return d.choiceParameter >= 0
             ? trf("definition {}, reading {}", d.name.substr(0, d.name.find(" (")), d.alternative)
         : d.apportion ? trf("verdeling {}", d.name)
                       : trf("definition {}", d.name);
}

// Every `als` of the rules (not the ones a keuze's selecting definition is made of).
template <typename F>
void forEachIf(const check::Program& p, F&& f) {
  auto visit = [&](const check::CExpr& root, int article) {
    check::walk(root, [&](const check::CExpr& e) {
      if (const auto* n = std::get_if<check::If>(&e.node)) f(e, *n, article);
    });
  };
  for (const check::Rooted& r : check::ruleExpressions(p))
    if (!r.generated) visit(*r.expr, r.article);
  for (const check::Controle& c : p.controles)
    if (c.condition) visit(*c.condition, c.article);
}

}  // namespace

void Coverage::add(const std::string& key, Point p) {
  if (points_.count(key)) return;
  if (std::find(articles_.begin(), articles_.end(), p.article) == articles_.end())
    articles_.push_back(p.article);
  keys_.push_back(key);
  points_.emplace(key, std::move(p));
}

void Coverage::mark(const std::string& key) {
  if (auto it = points_.find(key); it != points_.end()) it->second.reached = true;
}

void Coverage::addProgram(const check::Program& p, const SourceManager& sources) {
  // In the order of the articles: first everything of article 0, then of article 1, ...
  std::vector<std::vector<std::pair<std::string, Point>>> byArticle(p.articles.size() + 1);
  auto put = [&](int article, std::string key, std::string what, const SourceSpan& span) {
    if (!ownFolder_.empty() && span.valid() &&
        folderOf(sources.path(span.file)) != folderOf(ownFolder_ + "/"))
      return;
    byArticle[static_cast<std::size_t>(article) + 1].emplace_back(
        std::move(key), Point{articleName(p, article), std::move(what), location(span, sources)});
  };
  for (const check::Definition& d : p.definitions)
    if (d.selectsBy < 0) put(d.article, keyOf("definitie", d.span, sources), definitionName(d), d.span);
  for (const check::Exception& x : p.exceptions) {
    put(x.article, keyOf("uitzondering+", x.span, sources), trf("exception {}: applies", x.name), x.span);
    put(x.article, keyOf("uitzondering-", x.span, sources), trf("exception {}: does not apply", x.name),
        x.span);
  }
  forEachIf(p, [&](const check::CExpr& e, const check::If& n, int article) {
    const std::string cond = condition(*n.condition, sources);
    put(article, keyOf("als+", e.span, sources), trf("`als {}`: the `dan` branch", cond), e.span);
    put(article, keyOf("als-", e.span, sources), trf("`als {}`: the `anders` branch", cond), e.span);
  });
  for (const check::Controle& c : p.controles)
    put(c.article, keyOf("controle", c.span, sources),
        c.claim ? trf("claim \"{}\"", c.description) : trf("controle \"{}\"", c.description), c.span);
  for (auto& points : byArticle)
    for (auto& [key, point] : points) add(key, std::move(point));
}

void Coverage::record(const check::Program& p, const SourceManager& sources, const eval::Evaluation& ev,
                      const eval::Coverage& reached, const std::vector<bool>& ran) {
  for (std::size_t i = 0; i < p.definitions.size(); ++i)
    if (p.definitions[i].selectsBy < 0 && ev.computedAny(static_cast<int>(i)))
      mark(keyOf("definitie", p.definitions[i].span, sources));
  for (std::size_t i = 0; i < p.exceptions.size() && i < reached.exceptions.size(); ++i) {
    const SourceSpan& span = p.exceptions[i].span;
    if (reached.exceptions[i] & eval::Coverage::kApplied) mark(keyOf("uitzondering+", span, sources));
    if (reached.exceptions[i] & eval::Coverage::kNotApplied) mark(keyOf("uitzondering-", span, sources));
  }
  forEachIf(p, [&](const check::CExpr& e, const check::If&, int) {
    auto it = reached.branches.find(&e);
    if (it == reached.branches.end()) return;
    if (it->second & eval::Coverage::kThen) mark(keyOf("als+", e.span, sources));
    if (it->second & eval::Coverage::kElse) mark(keyOf("als-", e.span, sources));
  });
  for (std::size_t i = 0; i < p.controles.size() && i < ran.size(); ++i)
    if (ran[i]) mark(keyOf("controle", p.controles[i].span, sources));
}

std::vector<ArticleCoverage> Coverage::perArticle() const {
  std::vector<ArticleCoverage> out;
  for (const std::string& a : articles_) out.push_back({a, 0, 0, {}});
  for (const std::string& key : keys_) {
    const Point& p = points_.at(key);
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const ArticleCoverage& c) { return c.article == p.article; });
    ++it->points;
    if (p.reached)
      ++it->reached;
    else
      it->missed.push_back(&p);
  }
  return out;
}

std::size_t Coverage::reached() const {
  return static_cast<std::size_t>(
      std::count_if(points_.begin(), points_.end(), [](const auto& kv) { return kv.second.reached; }));
}

double Coverage::percent() const {
  return points_.empty() ? 100.0
                         : 100.0 * static_cast<double>(reached()) / static_cast<double>(points_.size());
}

namespace {

// `97,9%`: one decimal, Dutch decimal comma; 100% only when everything was reached.
std::string percentText(std::size_t reached, std::size_t points) {
  if (points == 0 || reached == points) return "100%";
  const double p = std::min(99.9, 100.0 * static_cast<double>(reached) / static_cast<double>(points));
  std::string s = fmt::format("{:.1f}%", p);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

}  // namespace

std::string renderText(const Coverage& c, const std::string& ruleSet) {
  std::string out = trf("Coverage per article of {}\n", ruleSet);
  for (const ArticleCoverage& a : c.perArticle()) {
    out += fmt::format("  {:>6}  {:>3}/{:<3}  {}\n", percentText(a.reached, a.points), a.reached, a.points,
                       a.article);
    for (const Point* p : a.missed) out += trf("            not reached: {} ({})\n", p->what, p->where);
  }
  out += trf("Coverage: {} of {} points reached ({})\n", c.reached(), c.points(),
             percentText(c.reached(), c.points()));
  return out;
}

std::string renderHtml(const Coverage& c, const std::string& ruleSet) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n"
      "body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; }}\n"
      "table {{ border-collapse: collapse; width: 100%; }}\n"
      "th, td {{ text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #ccc; vertical-align: top; "
      "}}\n"
      "td.getal {{ text-align: right; white-space: nowrap; }}\n"
      "tr.volledig td.getal {{ color: #1a6b1a; }}\n"
      "tr.onvolledig td.getal {{ color: #a01010; font-weight: bold; }}\n"
      "ul {{ margin: 0.2em 0; }}\n</style>\n</head>\n<body>\n",
      language() == Language::Dutch ? "nl" : "en", escapeHtml(trf("Coverage of {}", ruleSet)));
  out += fmt::format("<h1>{}</h1>\n<p>{}</p>\n", escapeHtml(trf("Coverage of {}", ruleSet)),
                     escapeHtml(trf("{} of {} points reached ({}).", c.reached(), c.points(),
                                    percentText(c.reached(), c.points()))));
  out += fmt::format("<table>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>\n", escapeHtml(tr("Article")),
                     escapeHtml(tr("Reached")), escapeHtml(tr("Not reached")));
  for (const ArticleCoverage& a : c.perArticle()) {
    out += fmt::format("<tr class=\"{}\"><td>{}</td><td class=\"getal\">{} / {} ({})</td><td>",
                       a.missed.empty() ? "volledig" : "onvolledig", escapeHtml(a.article), a.reached,
                       a.points, percentText(a.reached, a.points));
    if (!a.missed.empty()) {
      out += "<ul>";
      for (const Point* p : a.missed)
        out += fmt::format("<li>{} <small>({})</small></li>", escapeHtml(p->what), escapeHtml(p->where));
      out += "</ul>";
    }
    out += "</td></tr>\n";
  }
  out += "</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace verdeel::toets
