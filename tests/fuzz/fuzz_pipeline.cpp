// libFuzzer target: the whole pipeline on a small generated rule set with data. The input is split
// at its first byte 0x00: before it the rule file, after it the data file `data.csv` that the rules
// may declare (`tabel t uit "data.csv"`). Both are written to a scratch folder, then loaded, checked,
// evaluated (controles, claims, verdelingen), turned into decision tables and rendered in every format.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "api/verdeel.hpp"
#include "output/render.hpp"

namespace {
const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("verdeel-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace verdeel;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto cut = input.find('\0');
  const std::string rules = input.substr(0, cut);
  const std::string csv = cut == std::string::npos ? std::string() : input.substr(cut + 1);
  std::ofstream(scratch() / "r.regels", std::ios::binary | std::ios::trunc) << rules;
  std::ofstream(scratch() / "data.csv", std::ios::binary | std::ios::trunc) << csv;
  Limits limits;
  limits.evaluationSteps = 200'000;  // a generated rule set may do a lot; keep every run short
  limits.tableRows = 200;
  Engine engine(limits);
  if (engine.loadRules((scratch() / "r.regels").string()) && engine.loadData()) {
    (void)engine.runControles();
    if (!engine.evaluation().failed())
      if (auto decisions = engine.decisions())
        for (const auto& table : decisions->tables)
          for (auto f : {output::Format::Csv, output::Format::Json, output::Format::Markdown})
            for (auto cells : {output::CsvCells::Guarded, output::CsvCells::Literal})
              (void)output::render(f, table, *decisions, cells);
  }
  (void)engine.renderDiagnostics();
  return 0;
}
