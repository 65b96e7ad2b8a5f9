#include "diff/changes.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace verdeel::diff {

namespace {

// The rows of a table as text, by key (or by position), with the herkomst of each row.
std::map<std::string, std::pair<std::string, std::uint32_t>> rowsOf(const eval::Evaluation& ev, int t) {
  const check::Table& table = ev.program().tables[static_cast<std::size_t>(t)];
  const data::TableData& td = ev.data().tables[static_cast<std::size_t>(t)];
  std::map<std::string, std::pair<std::string, std::uint32_t>> out;
  for (std::size_t row = 0; row < td.size(); ++row) {
    std::string text;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
      text += table.columns[c].name + "=" + ev.format(td.cell(row, c)) + "\x1f";
    text += ast::herkomstName(td.herkomst[row]);
    const std::string key = table.key >= 0 ? ev.format(td.cell(row, static_cast<std::size_t>(table.key)))
                                           : std::to_string(row + 1);
    out[key] = {std::move(text), td.lines[row]};
  }
  return out;
}

std::string columnsOf(const check::Table& t) {
  std::string out = ast::herkomstName(t.herkomst);
  for (const auto& c : t.columns)
    out += fmt::format(";{}:{}:{}", c.name, c.csvHeader, static_cast<int>(c.type.kind));
  return out;
}

}  // namespace

bool findCandidates(eval::Evaluation& before, eval::Evaluation& after, Result& r) {
  const check::Program& po = before.program();
  const check::Program& pn = after.program();
  // Articles whose text differs, or that exist in one rule set only.
  std::map<std::string, std::string> oldText;
  for (const auto& a : po.articles)
    if (!a.repealed) oldText[a.label()] = a.fingerprint;
  std::set<std::string> newLabels;
  std::map<std::string, std::size_t> articleCandidate;  // label -> index in r.candidates
  for (const auto& a : pn.articles) {
    if (a.repealed) continue;
    newLabels.insert(a.label());
    auto it = oldText.find(a.label());
    if ((it == oldText.end() || it->second != a.fingerprint) && !articleCandidate.count(a.label())) {
      r.changedArticles.push_back(it == oldText.end() ? a.label() + " (nieuw)" : a.label());
      articleCandidate[a.label()] = r.candidates.size();
      r.candidates.push_back({Candidate::Kind::Article, a.number, a.label(), {}, {}, 0});
    }
  }
  for (const auto& a : po.articles)
    if (!a.repealed && !newLabels.count(a.label()) && !articleCandidate.count(a.label())) {
      r.changedArticles.push_back(a.label() + " (vervallen)");
      articleCandidate[a.label()] = r.candidates.size();
      r.candidates.push_back({Candidate::Kind::Article, a.number, a.label() + " (vervallen)", {}, {}, 0});
    }
  // Parameters whose value differs. One declared in a changed article is part of that change.
  for (std::size_t i = 0; i < pn.parameters.size(); ++i)
    for (std::size_t j = 0; j < po.parameters.size(); ++j) {
      if (po.parameters[j].name != pn.parameters[i].name) continue;
      const eval::Computed* vn = after.parameter(static_cast<int>(i));
      const eval::Computed* vo = before.parameter(static_cast<int>(j));
      if (!vn || !vo) return false;
      if (vn->value == vo->value) continue;
      auto text = [](const eval::Evaluation& ev, const Value& v) {
        const auto* q = std::get_if<mpq_class>(&v);
        return q ? formatDutch(*q) : ev.format(v);
      };
      const std::string what = fmt::format("parameter {}: {} -> {}", pn.parameters[i].name,
                                           text(before, vo->value), text(after, vn->value));
      r.changedParameters.push_back(what);
      const int art = pn.parameters[i].article;
      const auto in = art >= 0 ? articleCandidate.find(pn.articles[static_cast<std::size_t>(art)].label())
                               : articleCandidate.end();
      if (in != articleCandidate.end()) {
        r.candidates[in->second].label += fmt::format(" ({})", what);
      } else {
        r.candidates.push_back({Candidate::Kind::Parameter, pn.parameters[i].name, what, {}, {}, 0});
      }
    }
  // Data tables: a table whose declaration, file or rows differ.
  for (std::size_t tn = 0; tn < pn.tables.size(); ++tn) {
    const check::Table& t = pn.tables[tn];
    const int to = po.table(t.name);
    Candidate c{Candidate::Kind::Table, t.name, "", t.declared, {}, 0};
    if (to < 0) {
      c.label = fmt::format("tabel {} (nieuw): {}", t.name, t.declared);
      r.candidates.push_back(std::move(c));
      continue;
    }
    const auto oldRows = rowsOf(before, to), newRows = rowsOf(after, static_cast<int>(tn));
    for (const auto& [key, row] : newRows) {
      auto it = oldRows.find(key);
      if (it == oldRows.end() || it->second.first != row.first) c.rows.emplace_back(key, row.second);
    }
    for (const auto& [key, row] : oldRows)
      if (!newRows.count(key)) c.rows.emplace_back(key, 0);
    c.changedRows = c.rows.size();
    const bool declaration = columnsOf(po.tables[static_cast<std::size_t>(to)]) != columnsOf(t);
    if (c.rows.empty() && !declaration) continue;
    const std::string& oldFile = po.tables[static_cast<std::size_t>(to)].declared;
    c.label = oldFile == t.declared
                  ? fmt::format("tabel {}: {}", t.name, t.declared)
                  : fmt::format("tabel {}: {} in plaats van {}", t.name, t.declared, oldFile);
    r.candidates.push_back(std::move(c));
  }
  for (const auto& t : po.tables)
    if (pn.table(t.name) < 0)
      r.candidates.push_back(
          {Candidate::Kind::Table, t.name, fmt::format("tabel {} (vervallen)", t.name), {}, {}, 0});
  return true;
}

}  // namespace verdeel::diff
