// `verdeel check` and `verdeel run`: load, check, evaluate, run the controles and write the tables.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "output/render.hpp"
#include "output/write.hpp"

namespace verdeel::cli {

int finish(Engine& engine, int code) {
  std::fputs(engine.renderDiagnostics().c_str(), stderr);
  return code;
}

int usage(const std::string& message, const std::string& help) {
  std::fprintf(stderr, "verdeel: error[usage]: %s\n", message.c_str());
  if (!help.empty()) std::fprintf(stderr, "  = help: %s\n", help.c_str());
  return kExitUsage;
}

int commandCheck(const std::string& rules, const std::string& dataDir) {
  Engine engine;
  if (!engine.loadRules(rules)) return finish(engine, kExitRuleErrors);
  if (!engine.loadData({dataDir})) return finish(engine, kExitDataErrors);
  return finish(engine, kExitOk);
}

int commandRun(const std::string& rules, const std::string& dataDir, const std::string& outDir,
               const std::vector<std::string>& formats) {
  Engine engine;
  if (!engine.loadRules(rules)) return finish(engine, kExitRuleErrors);
  if (!engine.loadData({dataDir})) return finish(engine, kExitDataErrors);
  bool controlesOk = engine.runControles();
  if (engine.evaluation().failed()) return finish(engine, kExitRuleErrors);
  if (!controlesOk) {
    engine.diagnostics()
        .report(Code::E0505, {}, "no output was written because a controle or bewering failed")
        .help = "correct the rules or the data so that every controle holds";
    return finish(engine, kExitControleFailed);
  }
  auto decisions = engine.decisions();
  if (!decisions) return finish(engine, kExitRuleErrors);
  std::vector<output::OutputFile> files;
  for (const std::string& f : formats) {
    output::Format format = f == "json" ? output::Format::Json
                            : f == "md" ? output::Format::Markdown
                                        : output::Format::Csv;
    for (const auto& table : decisions->tables)
      files.push_back({fmt::format("{}.{}", table.file, output::extension(format)),
                       output::render(format, table, *decisions)});
  }
  if (!output::writeAtomically(outDir, files, engine.inputFiles(), engine.diagnostics()))
    return finish(engine, kExitOutputFailed);
  for (const auto& f : files) std::printf("geschreven: %s/%s\n", outDir.c_str(), f.name.c_str());
  return finish(engine, kExitOk);
}

}  // namespace verdeel::cli
