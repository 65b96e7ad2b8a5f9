#include "parse/transplant.hpp"

#include <algorithm>

#include "parse/amend.hpp"

namespace verdeel::parse {

namespace {

using Kind = ast::AmendmentPart::Kind;

int articleIndex(const ast::RuleSet& rs, const std::string& number) {
  for (std::size_t i = 0; i < rs.articles.size(); ++i)
    if (!rs.articles[i].repealed && rs.articles[i].number == number) return static_cast<int>(i);
  return -1;
}

// Moves the members of article `index` of `rs` into `out` (article index 0 of the fragment).
template <class T>
void take(std::vector<T>& from, std::vector<T>& to, int index) {
  for (auto it = from.begin(); it != from.end();) {
    if (it->article == index) {
      to.push_back(std::move(*it));
      to.back().article = 0;
      it = from.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace

bool transplantArticle(ast::RuleSet& into, ast::RuleSet& from, const std::string& number) {
  const int there = articleIndex(from, number);
  const int here = articleIndex(into, number);
  if (there < 0 && here < 0) return false;
  Diagnostics quiet;
  ast::AmendmentPart part;
  part.article = number;
  if (there < 0) {
    part.kind = Kind::RepealArticle;
  } else {
    part.kind = here < 0 ? Kind::InsertArticle : Kind::ReplaceArticle;
    part.content.articles.push_back(from.articles[static_cast<std::size_t>(there)]);
    take(from.parameters, part.content.parameters, there);
    take(from.definitions, part.content.definitions, there);
    take(from.exceptions, part.content.exceptions, there);
    take(from.controles, part.content.controles, there);
    take(from.choices, part.content.choices, there);
  }
  applyPart(part, "diff", into, quiet);
  return !quiet.hasErrors();
}

bool transplantTable(ast::RuleSet& into, ast::RuleSet& from, const std::string& name) {
  auto find = [&](const ast::RuleSet& rs) {
    auto it = std::find_if(rs.tables.begin(), rs.tables.end(),
                           [&](const ast::TableDecl& t) { return t.name.name == name; });
    return it == rs.tables.end() ? -1 : static_cast<int>(it - rs.tables.begin());
  };
  const int there = find(from), here = find(into);
  if (there < 0 && here < 0) return false;
  if (there < 0) {
    into.tables.erase(into.tables.begin() + here);
  } else if (here < 0) {
    into.tables.push_back(std::move(from.tables[static_cast<std::size_t>(there)]));
  } else {
    into.tables[static_cast<std::size_t>(here)] = std::move(from.tables[static_cast<std::size_t>(there)]);
  }
  return true;
}

}  // namespace verdeel::parse
