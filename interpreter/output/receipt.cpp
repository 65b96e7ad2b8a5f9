#include "output/receipt.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "lang/language.hpp"
#include "source/utf8.hpp"

namespace verdeel::output {

namespace {
nlohmann::ordered_json hashes(const std::vector<FileHash>& files) {
  auto a = nlohmann::ordered_json::array();
  for (const auto& f : files) a.push_back({{"bestand", f.file}, {"sha256", f.sha256}});
  return a;
}
}  // namespace

void describe(Receipt& r, const check::Program& p) {
  r.title = p.header.title;
  r.citation = p.header.citation;
  r.validFrom = p.header.validFrom.str();
  r.validUntil = p.header.validUntil ? p.header.validUntil->str() : std::string();
  r.peildatum = p.peildatum ? p.peildatum->str() : std::string();
  r.versie = p.version;
}

std::string renderReceipt(const Receipt& r) {
  nlohmann::ordered_json j;
  j["programma"] = {{"naam", r.program}, {"versie", r.version}};
  j["opdracht"] = {
      {"regels", r.rules},
      {"data", r.dataDir.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.dataDir)},
      {"formaten", r.formats}};
  if (!r.scenario.empty()) j["opdracht"]["zet"] = r.scenario;
  if (r.csvLiteral) j["opdracht"]["csv_letterlijk"] = true;
  if (r.command == "sweep") {
    j["opdracht"]["soort"] = r.command;
    j["opdracht"]["kolommen"] = r.columns;
  } else if (r.command == "keuzes") {
    j["opdracht"]["soort"] = r.command;
    j["opdracht"]["lezingen"] = r.readings;
  }
  j["regeling"] = {{"titel", r.title},
                   {"citatie", r.citation},
                   {"geldig_vanaf", r.validFrom},
                   {"geldig_tot", r.validUntil.empty() ? nlohmann::ordered_json(nullptr)
                                                       : nlohmann::ordered_json(r.validUntil)}};
  j["peildatum"] =
      r.peildatum.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.peildatum);
  j["versie"] = r.versie;
  j["invoer"] = hashes(r.inputs);
  j["uitvoer"] = hashes(r.outputs);
  return j.dump(2) + "\n";
}

namespace {

// Reads the fields of a receipt; a missing field or one of the wrong kind throws Bad with its path
// (`regeling.geldig_tot`, `uitvoer[].sha256`) and, for an element of a list, the text near it.
struct Bad {
  std::string message;
  std::string path = {};
  std::string near = {};
};

// Where `path` (and then `near`) is written in the receipt's text: the line and column of the
// field's name, or of the innermost part found; line 0 when nothing is found.
std::pair<std::uint32_t, std::uint32_t> locate(const std::string& input, const Bad& b) {
  std::size_t at = std::string::npos, from = 0;
  auto find = [&](const std::string& needle) {
    const std::size_t k = input.find(needle, from);
    if (k == std::string::npos) return false;
    at = k;
    from = k + needle.size();
    return true;
  };
  std::size_t start = 0;
  while (start <= b.path.size() && !b.path.empty()) {
    std::size_t end = b.path.find('.', start);
    if (end == std::string::npos) end = b.path.size();
    std::string part = b.path.substr(start, end - start);
    if (part.size() > 2 && part.ends_with("[]")) part.resize(part.size() - 2);
    // In a list, the element is found by the text it holds (`near`).
    if (!find(end == b.path.size() && !b.near.empty() ? nlohmann::json(b.near).dump() : "\"" + part + "\""))
      break;
    start = end + 1;
  }
  if (at == std::string::npos) return {0, 0};
  const utf8::Position p = utf8::positionOf(input, at);
  return {p.line, p.col};
}

const nlohmann::json& field(const nlohmann::json& j, const char* name, const std::string& path) {
  if (!j.is_object() || !j.contains(name))
    throw Bad{trf("the receipt has no `{}{}`", path, name),
              path.empty() ? std::string() : path.substr(0, path.size() - 1)};
  return j.at(name);
}

std::string text(const nlohmann::json& j, const char* name, const std::string& path) {
  const auto& v = field(j, name, path);
  if (!v.is_string()) throw Bad{trf("`{}{}` in the receipt should be a text", path, name), path + name};
  return v.get<std::string>();
}

std::string textOrNull(const nlohmann::json& j, const char* name, const std::string& path) {
  const auto& v = field(j, name, path);
  if (v.is_null()) return {};
  if (!v.is_string())
    throw Bad{trf("`{}{}` in the receipt should be a text or null", path, name), path + name};
  return v.get<std::string>();
}

std::vector<std::string> texts(const nlohmann::json& j, const char* name, const std::string& path) {
  const auto& v = field(j, name, path);
  if (!v.is_array()) throw Bad{trf("`{}{}` in the receipt should be a list", path, name), path + name};
  std::vector<std::string> out;
  for (const auto& e : v) {
    if (!e.is_string())
      throw Bad{trf("`{}{}` in the receipt should be a list of texts", path, name), path + name};
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::vector<FileHash> hashesOf(const nlohmann::json& j, const char* name) {
  const auto& v = field(j, name, "");
  if (!v.is_array()) throw Bad{trf("`{}` in the receipt should be a list of files", name), name};
  std::vector<FileHash> out;
  for (const auto& e : v) {
    FileHash h{text(e, "bestand", std::string(name) + "[]."), text(e, "sha256", std::string(name) + "[].")};
    if (h.sha256.size() != 64 || h.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
      throw Bad{trf("the SHA-256 of `{}` in the receipt is not 64 hexadecimal digits", h.file),
                std::string(name) + "[].sha256", h.file};
    if (h.file.empty())
      throw Bad{trf("a file in `{}` of the receipt has no name", name), std::string(name) + "[].bestand"};
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

std::optional<Receipt> parseReceipt(const std::string& input, std::uint32_t file, Diagnostics& diags) {
  auto bad = [&](SourceSpan at, std::string message) -> std::optional<Receipt> {
    diags.report(Code::E0415, at, std::move(message)).help =
        tr("give the `ontvangstbewijs.json` a run of `verdeel run` or `verdeel sweep` wrote, unchanged");
    return std::nullopt;
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(input);
  } catch (const nlohmann::json::parse_error& e) {
    // The position of the error, as a line and column of the receipt.
    const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, input.size());
    const auto [line, col] = utf8::positionOf(input, at);
    return bad(SourceSpan{file, line, col, line, col + 1},
               at >= input.size()
                   ? std::string(tr("the receipt ends before it is complete"))
                   : std::string(tr("this is not a receipt: the text is not valid JSON here")));
  } catch (const nlohmann::json::exception&) {
    // Valid JSON that the reader cannot hold: a number too large for it (`5e917039`). No receipt
    // verdeel writes has a number at all.
    return bad(SourceSpan{file, 0, 0, 0, 0},
               tr("this is not a receipt: it holds a number too large to read"));
  }
  try {
    Receipt r;
    const auto& program = field(j, "programma", "");
    r.program = text(program, "naam", "programma.");
    r.version = text(program, "versie", "programma.");
    if (r.program != "verdeel")
      throw Bad{trf("the receipt was written by `{}`, not by verdeel", r.program), "programma.naam"};
    const auto& command = field(j, "opdracht", "");
    r.rules = text(command, "regels", "opdracht.");
    r.dataDir = textOrNull(command, "data", "opdracht.");
    r.formats = texts(command, "formaten", "opdracht.");
    for (const auto& f : r.formats)
      if (f != "csv" && f != "json" && f != "md" && f != "xlsx" && f != "html" && f != "pdf")
        throw Bad{trf("`{}` in `opdracht.formaten` of the receipt is no format of verdeel", f),
                  "opdracht.formaten", f};
    if (command.contains("zet")) r.scenario = texts(command, "zet", "opdracht.");
    if (command.contains("csv_letterlijk")) {
      if (!command.at("csv_letterlijk").is_boolean())
        throw Bad{tr("`opdracht.csv_letterlijk` in the receipt should be true or false"),
                  "opdracht.csv_letterlijk"};
      r.csvLiteral = command.at("csv_letterlijk").get<bool>();
    }
    if (command.contains("soort")) {
      r.command = text(command, "soort", "opdracht.");
      if (r.command != "sweep" && r.command != "run" && r.command != "keuzes")
        throw Bad{trf("`{}` in `opdracht.soort` of the receipt is no command of verdeel", r.command),
                  "opdracht.soort"};
      if (r.command == "sweep") r.columns = texts(command, "kolommen", "opdracht.");
      if (r.command == "keuzes") r.readings = texts(command, "lezingen", "opdracht.");
    }
    const auto& regulation = field(j, "regeling", "");
    r.title = text(regulation, "titel", "regeling.");
    if (regulation.contains("citatie")) r.citation = text(regulation, "citatie", "regeling.");
    // Every date in the receipt is a real date: 2024-02-30 is an error, not a date ignored.
    auto date = [](const nlohmann::json& in, const char* name, const std::string& path) {
      std::string d = textOrNull(in, name, path);
      if (!d.empty() && !Date::parse(d))
        throw Bad{trf("`{}` in `{}{}` of the receipt is not a date jjjj-mm-dd", d, path, name), path + name};
      return d;
    };
    r.validFrom = date(regulation, "geldig_vanaf", "regeling.");
    r.validUntil = date(regulation, "geldig_tot", "regeling.");
    r.peildatum = date(j, "peildatum", "");
    r.versie = text(j, "versie", "");
    r.inputs = hashesOf(j, "invoer");
    r.outputs = hashesOf(j, "uitvoer");
    // An output is a file in the receipt's own folder: a name, never a path to elsewhere.
    for (const auto& o : r.outputs)
      if (o.file.find('/') != std::string::npos || o.file == "." || o.file == "..")
        throw Bad{trf("output `{}` in the receipt is not a file name in the receipt's folder", o.file),
                  "uitvoer[].bestand", o.file};
    return r;
  } catch (const Bad& b) {
    const auto [line, col] = locate(input, b);
    return bad(line ? SourceSpan{file, line, col, line, col + 1} : SourceSpan{file, 0, 0, 0, 0}, b.message);
  }
}

}  // namespace verdeel::output
