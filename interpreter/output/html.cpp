#include "output/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <kainjow/mustache.hpp>

#include "output/chart.hpp"

namespace verdeel::output {

namespace mu = kainjow::mustache;

namespace {

const char* const kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                               "juli",    "augustus", "september", "oktober", "november", "december"};

ast::Herkomst rank(std::string_view h) {
  return h == "fictief"           ? ast::Herkomst::Fictief
         : h == "gereconstrueerd" ? ast::Herkomst::Gereconstrueerd
                                  : ast::Herkomst::Echt;
}

// A cell of a decision table for readers: numbers in Dutch notation, `waar`/`onwaar` as ja/nee.
std::string cellText(std::string_view text, CellKind kind) {
  if (kind == CellKind::Bool) return text == "waar" ? "ja" : text == "onwaar" ? "nee" : std::string(text);
  if (kind == CellKind::Integer || kind == CellKind::Number) {
    mpq_class q;
    if (!text.empty() && parseFormatted(text, q)) return formatDutch(q);
  }
  return std::string(text);
}

// The values of a group or of the rules: each by name, a truth value also as a section.
mu::data valuesObject(const std::vector<NamedValue>& values) {
  mu::data obj{mu::data::type::object};
  for (const NamedValue& v : values) {
    if (const auto* b = std::get_if<bool>(&v.value)) {
      obj.set(v.name, mu::data(*b));
      obj.set(v.name + "_tekst", *b ? "ja" : "nee");
    } else {
      obj.set(v.name, dutchText(v.value));
    }
  }
  return obj;
}

}  // namespace

std::string dutchDate(const Date& d) {
  return fmt::format("{} {} {}", d.day, kMonths[(d.month - 1) % 12], d.year);
}

std::string dutchText(const Value& v) {
  if (const auto* q = std::get_if<mpq_class>(&v)) return formatDutch(*q);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "ja" : "nee";
  if (const auto* d = std::get_if<Date>(&v)) return dutchDate(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* h = std::get_if<ast::Herkomst>(&v)) return ast::herkomstName(*h);
  return "";
}

std::optional<std::string> renderHtml(const DecisionTable& t, const Decisions& d, const std::string& templ,
                                      std::string& error) {
  mu::mustache m(templ.empty() ? defaultTemplate() : templ);
  if (!m.is_valid()) {
    error = m.error_message();
    return std::nullopt;
  }
  mu::data ctx{mu::data::type::object};
  ctx.set("titel", t.title);
  ctx.set("regeling", d.regeling);
  ctx.set("citatie", d.citatie);
  ctx.set("versie", d.versie);
  if (auto from = Date::parse(d.geldigVanaf)) ctx.set("geldig_vanaf", dutchDate(*from));
  if (d.peildatum) ctx.set("peildatum", dutchDate(*d.peildatum));
  ctx.set("groep", t.group);
  ctx.set("samenvatting", mu::data(t.summary));

  const auto herkomstCol = std::find(t.columns.begin(), t.columns.end(), "herkomst");
  const std::size_t hc = static_cast<std::size_t>(herkomstCol - t.columns.begin());
  ast::Herkomst worst = ast::Herkomst::Echt;
  mu::data kolommen{mu::data::type::list};
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    mu::data k{mu::data::type::object};
    k.set("naam", t.columns[c]);
    k.set("getal", mu::data(t.kinds[c] == CellKind::Integer || t.kinds[c] == CellKind::Number));
    kolommen.push_back(k);
  }
  ctx.set("kolommen", kolommen);
  mu::data rijen{mu::data::type::list};
  std::vector<mpq_class> sums(t.columns.size(), 0);
  std::vector<std::string> labels;
  for (const auto row : t.rows) {
    mu::data r{mu::data::type::object};
    mu::data cellen{mu::data::type::list};
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string text = cellText(row[c], t.kinds[c]);
      mu::data cell{mu::data::type::object};
      cell.set("tekst", text);
      cell.set("getal", mu::data(t.kinds[c] == CellKind::Integer || t.kinds[c] == CellKind::Number));
      cellen.push_back(cell);
      if (t.kinds[c] == CellKind::Bool) {
        r.set(t.columns[c], mu::data(row[c] == "waar"));
        r.set(t.columns[c] + "_tekst", text);
      } else {
        r.set(t.columns[c], text);
      }
      mpq_class q;
      if (t.kinds[c] == CellKind::Integer && !row[c].empty() && parseFormatted(row[c], q)) sums[c] += q;
    }
    r.set("cellen", cellen);
    if (herkomstCol != t.columns.end()) {
      const ast::Herkomst h = rank(row[hc]);
      worst = std::max(worst, h);
      r.set("niet_echt", mu::data(h != ast::Herkomst::Echt));
    }
    labels.emplace_back(row.size() > 1 && !t.summary ? row[1] : row[0]);
    rijen.push_back(r);
  }
  ctx.set("rijen", rijen);
  ctx.set("aantal_rijen", std::to_string(t.rows.size()));
  // The totals row (not for a summary: it has its own `totaal` row).
  if (!t.summary && !t.rows.empty()) {
    mu::data totalen{mu::data::type::list};
    mu::data totaal{mu::data::type::object};
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      mu::data cell{mu::data::type::object};
      const bool integer = t.kinds[c] == CellKind::Integer;
      cell.set("tekst", c == 0 ? std::string("totaal") : integer ? formatDutch(sums[c]) : std::string());
      cell.set("getal", mu::data(integer));
      totalen.push_back(cell);
      if (integer) totaal.set(t.columns[c], formatDutch(sums[c]));
    }
    ctx.set("totalen", totalen);
    ctx.set("heeft_totalen", mu::data(true));
    ctx.set("totaal", totaal);
  }
  if (worst != ast::Herkomst::Echt) {
    ctx.set("concept", mu::data(true));
    ctx.set("banner_kort", worst == ast::Herkomst::Fictief ? "CONCEPT — FICTIEF GEGEVEN"
                                                           : "CONCEPT — GERECONSTRUEERD GEGEVEN");
    ctx.set("banner",
            worst == ast::Herkomst::Fictief
                ? "CONCEPT — FICTIEF GEGEVEN: getallen in dit document rusten op fictieve gegevens; "
                  "het is geen besluit"
                : "CONCEPT — GERECONSTRUEERD GEGEVEN: getallen in dit document rusten op "
                  "gereconstrueerde gegevens");
  } else {
    ctx.set("concept", mu::data(false));
  }
  if (!t.groupTable.empty()) ctx.set(t.groupTable, valuesObject(t.groupValues));
  ctx.set("regels", valuesObject(d.globals));
  // The chart: every whole-number column whose name ends in `_totaal`, per row.
  std::vector<ChartSeries> series;
  for (std::size_t c = 0; c < t.columns.size() && !t.summary; ++c) {
    const std::string& n = t.columns[c];
    if (t.kinds[c] != CellKind::Integer || n.size() < 7 || n.compare(n.size() - 7, 7, "_totaal") != 0)
      continue;
    ChartSeries s{n.substr(0, n.size() - 7), {}};
    for (const auto row : t.rows) {
      mpq_class q = 0;
      if (!row[c].empty()) parseFormatted(row[c], q);
      s.values.push_back(q);
    }
    series.push_back(std::move(s));
  }
  // A chart is drawn for a document a reader can take in (a province, not the whole country).
  const std::string chart = t.rows.size() <= 80 ? barChart(t.title, labels, series) : std::string();
  ctx.set("grafiek", chart);
  ctx.set("heeft_grafiek", mu::data(!chart.empty()));
  std::string out = m.render(ctx);
  if (!m.is_valid()) {
    error = m.error_message();
    return std::nullopt;
  }
  return out;
}

}  // namespace verdeel::output
