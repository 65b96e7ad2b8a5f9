#include "diag/machine.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace verdeel {

namespace {

MachinePosition position(const SourceSpan& span, const SourceManager& sources) {
  MachinePosition p;
  if (!span.valid()) return p;
  p.file = sources.path(span.file);
  p.line = span.line;
  p.column = span.col;
  p.endLine = span.endLine != 0 ? span.endLine : span.line;
  p.endColumn = span.endCol != 0 ? span.endCol : span.col;
  return p;
}

nlohmann::ordered_json positionJson(const MachinePosition& p) {
  if (p.file.empty()) return nullptr;
  return {{"file", p.file},
          {"line", p.line},
          {"column", p.column},
          {"end_line", p.endLine},
          {"end_column", p.endColumn}};
}

nlohmann::ordered_json sarifLocation(const MachinePosition& p, const std::string& message = {}) {
  nlohmann::ordered_json loc = {{"physicalLocation",
                                 {{"artifactLocation", {{"uri", uriOf(p.file)}}},
                                  {"region",
                                   {{"startLine", p.line},
                                    {"startColumn", p.column},
                                    {"endLine", p.endLine},
                                    {"endColumn", std::max(p.endColumn, p.column)}}}}}};
  if (!message.empty()) loc["message"] = {{"text", message}};
  return loc;
}

std::pair<std::size_t, std::size_t> counts(const std::vector<MachineDiagnostic>& diags) {
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : diags) (d.severity == "error" ? errors : warnings)++;
  return {errors, warnings};
}

}  // namespace

MachineDiagnostic machine(const Diagnostic& d, const SourceManager& sources) {
  MachineDiagnostic out;
  const CodeInfo& info = codeInfo(d.code);
  out.code = std::string(info.name);
  out.severity = d.severity() == Severity::Error ? "error" : "warning";
  out.title = std::string(info.title());
  out.message = d.message;
  out.at = position(d.span, sources);
  for (const Note& n : d.notes) out.notes.push_back({n.message, position(n.span, sources)});
  out.help = d.help;
  out.basis = d.basis;
  return out;
}

MachineDiagnostic machineUsage(const std::string& code, const std::string& message, const std::string& help) {
  MachineDiagnostic out;
  out.code = code;
  out.severity = "error";
  out.message = message;
  out.help = help;
  return out;
}

// A path as a URI reference: every byte outside the unreserved characters and `/` percent-encoded.
std::string uriOf(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4U];
      out += hex[c & 15U];
    }
  }
  return out;
}

std::string renderJson(const std::vector<MachineDiagnostic>& diags, std::size_t notShown) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : diags) {
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const auto& n : d.notes) notes.push_back({{"message", n.message}, {"position", positionJson(n.at)}});
    nlohmann::ordered_json item = {{"code", d.code},
                                   {"severity", d.severity},
                                   {"title", d.title},
                                   {"message", d.message},
                                   {"position", positionJson(d.at)},
                                   {"notes", notes},
                                   {"help", d.help},
                                   {"basis", d.basis}};
    if (!d.versions.empty()) item["versions"] = d.versions;
    list.push_back(std::move(item));
  }
  const auto [errors, warnings] = counts(diags);
  const nlohmann::ordered_json doc = {
      {"diagnostics", list}, {"errors", errors}, {"warnings", warnings}, {"not_shown", notShown}};
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string renderSarif(const std::vector<MachineDiagnostic>& diags, std::size_t notShown,
                        const std::string& version) {
  // One rule per code, in code order, with its title; results point at their rule by index.
  std::map<std::string, std::string> titles;
  for (const auto& d : diags) titles.emplace(d.code, d.title);
  std::map<std::string, std::size_t> index;
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& [code, title] : titles) {
    index[code] = rules.size();
    nlohmann::ordered_json rule = {{"id", code}};
    if (!title.empty()) rule["shortDescription"] = {{"text", title}};
    if (code.size() == 5 && (code[0] == 'E' || code[0] == 'W'))
      rule["help"] = {{"text", "docs/diagnostics.md, " + code}};
    rules.push_back(std::move(rule));
  }
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const auto& d : diags) {
    std::string text = d.message;
    if (!d.help.empty()) text += "\n" + d.help;
    nlohmann::ordered_json result = {{"ruleId", d.code},
                                     {"ruleIndex", index[d.code]},
                                     {"level", d.severity == "error" ? "error" : "warning"},
                                     {"message", {{"text", text}}}};
    if (!d.at.file.empty()) result["locations"] = nlohmann::ordered_json::array({sarifLocation(d.at)});
    nlohmann::ordered_json related = nlohmann::ordered_json::array();
    for (const auto& n : d.notes)
      if (!n.at.file.empty()) related.push_back(sarifLocation(n.at, n.message));
    if (!related.empty()) result["relatedLocations"] = related;
    nlohmann::ordered_json props = nlohmann::ordered_json::object();
    std::vector<std::string> notes;
    for (const auto& n : d.notes)
      if (n.at.file.empty()) notes.push_back(n.message);
    if (!notes.empty()) props["notes"] = notes;
    if (!d.basis.empty()) props["basis"] = d.basis;
    if (!d.versions.empty()) props["versions"] = d.versions;
    if (!props.empty()) result["properties"] = props;
    results.push_back(std::move(result));
  }
  nlohmann::ordered_json run = {
      {"tool", {{"driver", {{"name", "verdeel"}, {"version", version}, {"rules", rules}}}}},
      {"results", results}};
  if (notShown > 0) run["properties"] = {{"not_shown", notShown}};
  const nlohmann::ordered_json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", {run}}};
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace verdeel
