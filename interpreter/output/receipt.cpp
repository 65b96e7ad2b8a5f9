#include "output/receipt.hpp"

#include <nlohmann/json.hpp>

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
  if (r.command != "run") {
    j["opdracht"]["soort"] = r.command;
    j["opdracht"]["kolommen"] = r.columns;
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

std::optional<Receipt> parseReceipt(const std::string& text, std::string& error) {
  try {
    const auto j = nlohmann::json::parse(text);
    Receipt r;
    r.program = j.at("programma").at("naam").get<std::string>();
    r.version = j.at("programma").at("versie").get<std::string>();
    r.rules = j.at("opdracht").at("regels").get<std::string>();
    if (!j.at("opdracht").at("data").is_null()) r.dataDir = j.at("opdracht").at("data").get<std::string>();
    r.formats = j.at("opdracht").at("formaten").get<std::vector<std::string>>();
    if (j.at("opdracht").contains("zet"))
      r.scenario = j.at("opdracht").at("zet").get<std::vector<std::string>>();
    if (j.at("opdracht").contains("soort")) {
      r.command = j.at("opdracht").at("soort").get<std::string>();
      r.columns = j.at("opdracht").at("kolommen").get<std::vector<std::string>>();
    }
    r.title = j.at("regeling").at("titel").get<std::string>();
    if (!j.at("peildatum").is_null()) r.peildatum = j.at("peildatum").get<std::string>();
    r.versie = j.at("versie").get<std::string>();
    for (const auto& f : j.at("invoer"))
      r.inputs.push_back({f.at("bestand").get<std::string>(), f.at("sha256").get<std::string>()});
    for (const auto& f : j.at("uitvoer"))
      r.outputs.push_back({f.at("bestand").get<std::string>(), f.at("sha256").get<std::string>()});
    return r;
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

}  // namespace verdeel::output
