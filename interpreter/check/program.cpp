#include <fmt/format.h>

#include "check/program.hpp"

namespace verdeel::check {

int Table::column(std::string_view n) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == n) return static_cast<int>(i);
  return -1;
}

std::string Article::label() const {
  return fmt::format("art. {}", number);
}

std::string Program::basis(int article) const {
  if (article < 0) return fmt::format("{} ({})", header.title, header.citation);
  const Article& a = articles.at(static_cast<std::size_t>(article));
  if (a.title.empty()) return fmt::format("{} ({})", a.label(), header.citation);
  return fmt::format("{} \"{}\" ({})", a.label(), a.title, header.citation);
}

int Program::mainDefinition(int table) const {
  for (const Output& o : outputs) {
    if (o.subject != table) continue;
    for (auto it = o.columns.rbegin(); it != o.columns.rend(); ++it)
      if (it->isDefinition) return it->index;
  }
  return -1;
}

int Program::table(std::string_view name) const {
  for (std::size_t i = 0; i < tables.size(); ++i)
    if (tables[i].name == name) return static_cast<int>(i);
  return -1;
}

const Choice::Alternative& Choice::standard() const {
  for (const auto& a : alternatives)
    if (a.isDefault) return a;
  return alternatives.front();
}

const Choice::Alternative* Choice::find(std::string_view reading) const {
  for (const auto& a : alternatives)
    if (a.name == reading) return &a;
  return nullptr;
}

const Choice* Program::choiceOf(int param) const {
  for (const auto& c : choices)
    if (c.parameter == param) return &c;
  return nullptr;
}

}  // namespace verdeel::check
