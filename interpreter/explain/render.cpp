// The renderings of an explanation: text for the terminal, JSON for programs, Markdown and HTML for
// a nota. Pure functions of the tree.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "explain/explain.hpp"

#include "source/text.hpp"

namespace verdeel::explain {

namespace {

void text(const Node& n, int level, std::string& out) {
  const std::string pad(static_cast<std::size_t>(level) * 2, ' ');
  out += fmt::format("{}{} = {}", pad, n.what, n.value);
  out += fmt::format("   [{}; {}]\n", n.rule, n.herkomst);
  for (const auto& note : n.notes) out += fmt::format("{}  · {}\n", pad, note);
  if (!n.lawText.empty()) {
    std::string t = n.lawText;
    std::size_t start = 0;
    while (start < t.size()) {
      std::size_t end = t.find('\n', start);
      if (end == std::string::npos) end = t.size();
      out += fmt::format("{}  | {}\n", pad, t.substr(start, end - start));
      start = end + 1;
    }
  }
  for (const auto& c : n.inputs) text(c, level + 1, out);
  if (n.inputsLeftOut > 0) out += fmt::format("{}  … en {} andere invoer\n", pad, n.inputsLeftOut);
  if (n.foldedBelow)
    out += fmt::format("{}  … (de invoer hiervan: verdeel explain --alles, of een grotere --depth)\n", pad);
}

nlohmann::ordered_json json(const Node& n) {
  nlohmann::ordered_json j;
  j["wat"] = n.what;
  j["waarde"] = n.raw.empty() ? n.value : n.raw;
  j["regel"] = n.rule;
  j["herkomst"] = n.herkomst;
  if (!n.lawText.empty()) j["wettekst"] = n.lawText;
  j["toelichting"] = n.notes;
  auto inputs = nlohmann::ordered_json::array();
  for (const auto& c : n.inputs) inputs.push_back(json(c));
  j["invoer"] = inputs;
  if (n.inputsLeftOut > 0) j["invoer_weggelaten"] = n.inputsLeftOut;
  if (n.foldedBelow) j["ingeklapt"] = true;
  return j;
}

}  // namespace

std::string renderText(const Node& root) {
  std::string out = root.version.empty() ? std::string() : fmt::format("volgens: {}\n", root.version);
  text(root, 0, out);
  return out;
}

namespace {

// Markdown for a nota: a nested list, each step with its value, rule and provenance.
void markdown(const Node& n, int level, std::string& out) {
  const std::string pad(static_cast<std::size_t>(level) * 2, ' ');
  out += fmt::format("{}- **{}** = {} ({}; {})\n", pad, n.what, n.value, n.rule, n.herkomst);
  for (const auto& note : n.notes) out += fmt::format("{}  - {}\n", pad, note);
  for (const auto& c : n.inputs) markdown(c, level + 1, out);
  if (n.inputsLeftOut > 0) out += fmt::format("{}  - en {} andere invoer\n", pad, n.inputsLeftOut);
}

}  // namespace

namespace {

void html(const Node& n, std::string& out) {
  out += fmt::format("<li><strong>{}</strong> = {} <span class=\"regel\">({}; {})</span>", escapeHtml(n.what),
                     escapeHtml(n.value), escapeHtml(n.rule), escapeHtml(n.herkomst));
  if (!n.notes.empty() || !n.inputs.empty() || n.inputsLeftOut > 0) {
    out += "\n<ul>\n";
    for (const auto& note : n.notes)
      out += fmt::format("<li class=\"toelichting\">{}</li>\n", escapeHtml(note));
    for (const auto& c : n.inputs) html(c, out);
    if (n.inputsLeftOut > 0) out += fmt::format("<li>en {} andere invoer</li>\n", n.inputsLeftOut);
    out += "</ul>";
  }
  out += "</li>\n";
}

}  // namespace

std::string renderHtml(const Node& root) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Uitleg: {0}</title>\n"
      "<style>body {{ font: 10.5pt/1.45 sans-serif; max-width: 60em; margin: 1em auto; color: #111; }} "
      ".regel {{ color: #444; font-size: 9pt; }} .toelichting {{ list-style: circle; color: #222; "
      "}}</style>\n"
      "</head>\n<body>\n<h1>Uitleg: {0}</h1>\n",
      escapeHtml(root.what));
  if (!root.version.empty()) out += fmt::format("<p>Volgens {}.</p>\n", escapeHtml(root.version));
  out += "<ul>\n";
  html(root, out);
  out += "</ul>\n</body>\n</html>\n";
  return out;
}

std::string renderMarkdown(const Node& root) {
  std::string out = fmt::format("# Uitleg: {}\n\n", root.what);
  if (!root.version.empty()) out += fmt::format("Volgens {}.\n\n", root.version);
  markdown(root, 0, out);
  return out;
}

std::string renderJson(const Node& root) {
  nlohmann::ordered_json j;
  j["versie"] = root.version;
  j["uitleg"] = json(root);
  return j.dump(2) + "\n";
}

}  // namespace verdeel::explain
