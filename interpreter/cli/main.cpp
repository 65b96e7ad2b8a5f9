// The `verdeel` command line: a thin layer over the Engine API. Subcommands `check`, `run` and
// `stdlib-docs`; exit codes as documented in docs/cli.md (0 ok, 1 rules, 2 data, 3 controle,
// 64 usage, 73 output not written).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "api/verdeel.hpp"
#include "output/render.hpp"
#include "output/write.hpp"
#include "stdlib/builtins.hpp"

namespace {

using namespace verdeel;

int finish(Engine& engine, int code) {
  std::fputs(engine.renderDiagnostics().c_str(), stderr);
  return code;
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

}  // namespace

static int runCommandLine(int argc, char** argv) {
  CLI::App app{"verdeel: rules for distribution decisions under the Spreidingswet", "verdeel"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(VERDEEL_VERSION));

  std::string rules, dataDir, outDir = "uitvoer";
  std::vector<std::string> formats;

  auto* check = app.add_subcommand("check", "Check a rule set and its data; prints diagnostics only");
  check->add_option("RULES", rules, "A .regels file or a folder of them")->required();
  check->add_option("--data", dataDir, "Read the data tables from this folder instead of the rule set's own");

  auto* run = app.add_subcommand("run", "Evaluate a rule set and write its decision tables");
  run->add_option("RULES", rules, "A .regels file or a folder of them")->required();
  run->add_option("--data", dataDir, "Read the data tables from this folder instead of the rule set's own");
  run->add_option("--out", outDir, "Folder for the decision tables (default: uitvoer)");
  run->add_option("--format", formats,
                  "Output format(s): csv, json, md (default csv; repeat or separate with commas)")
      ->delimiter(',')
      ->check(CLI::IsMember({"csv", "json", "md"}));

  auto* docs = app.add_subcommand("stdlib-docs", "Print docs/stdlib.md, generated from the builtin registry");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "verdeel: error[usage]: %s\n", e.what());
    std::fprintf(stderr, "  = help: run `verdeel --help` or `verdeel COMMAND --help`\n");
    return kExitUsage;
  }
  if (formats.empty()) formats = {"csv"};
  if (*check) return commandCheck(rules, dataDir);
  if (*run) return commandRun(rules, dataDir, outDir, formats);
  if (*docs) {
    std::fputs(stdlib::renderDocs().c_str(), stdout);
    return kExitOk;
  }
  return kExitUsage;
}

// A bug or exhausted memory must still end with a message and a documented exit code, never with
// an uncaught exception; outputs are never half-written because writing is atomic.
int main(int argc, char** argv) {
  try {
    return runCommandLine(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("verdeel: error[internal]: out of memory; no output was written\n", stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "verdeel: error[internal]: %s; please report this\n", e.what());
  }
  return verdeel::kExitInternal;
}
