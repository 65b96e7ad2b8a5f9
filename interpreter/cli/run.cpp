// `verdeel check` and `verdeel run`: load, check, evaluate, run the controles and write the tables.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>

#include "cli/commands.hpp"
#include "cli/pdf.hpp"
#include "lang/language.hpp"
#include "output/html.hpp"
#include "output/receipt.hpp"
#include "output/render.hpp"
#include "output/write.hpp"
#include "output/xlsx.hpp"
#include "source/sha256.hpp"

namespace verdeel::cli {

namespace {

// The template of an output's documents: `sjablonen/<uitvoer>.html` in the rule set's folder, else
// in the folder of a rule set it builds on; none: the built-in one.
std::optional<std::string> documentTemplate(const Engine& engine, const std::string& output) {
  std::error_code ec;
  for (const std::string& dir : engine.ruleFolders()) {
    const auto path = std::filesystem::path(dir) / "sjablonen" / (output + ".html");
    if (std::filesystem::is_regular_file(path, ec)) return path.string();
  }
  return std::nullopt;
}

// The HTML documents of every table. Each template is read once (and named in the receipt). False
// after reporting E0601, with the exit code in `code`.
bool documents(Engine& engine, const output::Decisions& decisions, std::vector<output::OutputFile>& files,
               int& code) {
  std::map<std::string, std::string> templates;
  for (const auto& table : decisions.tables) {
    std::string error;
    const auto path = documentTemplate(engine, table.output);
    if (path && !templates.count(*path)) {
      auto text = engine.readExtraInput(*path, 1U << 20U, error);
      if (!text) {
        engine.diagnostics().report(Code::E0603, {}, trf("cannot read the template `{}`: {}", *path, error));
        code = kExitOutputFailed;
        return false;
      }
      templates[*path] = std::move(*text);
    }
    auto html = output::renderHtml(table, decisions, path ? templates[*path] : std::string(), error);
    if (!html) {
      engine.diagnostics()
          .report(Code::E0603, {},
                  trf("the template `{}` is not valid Mustache: {}", path ? *path : tr("(built in)"), error))
          .help = tr("close every {{#naam}} with {{/naam}}, and write {{! ... }} for a comment");
      code = kExitOutputFailed;
      return false;
    }
    files.push_back({table.file + ".html", std::move(*html)});
  }
  return true;
}

// Every output file of a run, in memory: the tables in each format. nullopt after reporting, with
// the exit code in `code`.
std::optional<std::vector<output::OutputFile>> outputs(Engine& engine,
                                                       const std::vector<std::string>& formats, int& code) {
  // A tie nothing decided leaves its group blank; every other group is computed and written.
  engine.evaluation().allowUndecided();
  const bool controlesOk = engine.runControles();
  if (engine.evaluation().failed()) {
    code = kExitRuleErrors;
    return std::nullopt;
  }
  if (!controlesOk) {
    engine.diagnostics()
        .report(Code::E0505, {}, tr("no output was written because a controle or bewering failed"))
        .help = tr("correct the rules or the data so that every controle holds");
    code = kExitControleFailed;
    return std::nullopt;
  }
  auto decisions = engine.decisions();
  if (!decisions) {
    code = kExitRuleErrors;
    return std::nullopt;
  }
  std::vector<output::OutputFile> files;
  for (const std::string& f : formats) {
    if (f == "html") {  // one document per table, from the rule set's template or the built-in one
      if (!documents(engine, *decisions, files, code)) return std::nullopt;
      continue;
    }
    if (f == "pdf") {  // the documents, printed by headless Chromium
      std::vector<output::OutputFile> html;
      if (!documents(engine, *decisions, html, code)) return std::nullopt;
      std::string error, help;
      auto pdfs = printPdf(html, decisions->geldigVanaf, error, help);
      if (!pdfs) {
        engine.diagnostics().report(Code::E0603, {}, error).help = help;
        code = kExitOutputFailed;
        return std::nullopt;
      }
      for (auto& p : *pdfs) files.push_back(std::move(p));
      continue;
    }
    if (f == "xlsx") {  // one workbook, one sheet per table
      std::string error;
      auto workbook = output::renderWorkbook(*decisions, error);
      if (!workbook) {
        engine.diagnostics().report(Code::E0603, {}, trf("cannot make the workbook: {}", error)).help =
            tr("write the other formats (csv, json, md) and report this");
        code = kExitOutputFailed;
        return std::nullopt;
      }
      files.push_back({output::kWorkbookName, std::move(*workbook)});
      continue;
    }
    const output::Format format = f == "json" ? output::Format::Json
                                  : f == "md" ? output::Format::Markdown
                                              : output::Format::Csv;
    for (const auto& table : decisions->tables)
      files.push_back({fmt::format("{}.{}", table.file, output::extension(format)),
                       output::render(format, table, *decisions, csvCells())});
  }
  return files;
}

}  // namespace

// The hashes of every rule and data file the engine read, of the bytes it read.
std::vector<output::FileHash> inputHashes(const Engine& engine) {
  std::vector<output::FileHash> out;
  for (auto& [path, digest] : engine.inputDigests()) out.push_back({path, digest});
  return out;
}

int commandRun(const std::string& rules, const std::string& dataDir, const std::string& outDir,
               const std::vector<std::string>& formats) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  if (!engine.loadRules(rules, peildatum())) return finish(engine, kExitRuleErrors);
  if (int code = applySettings(engine, settings())) return code;
  if (!engine.loadData({dataDir})) return finish(engine, kExitDataErrors);
  int code = kExitOk;
  auto files = outputs(engine, formats, code);
  if (!files) return finish(engine, code);
  output::Receipt receipt = newReceipt(engine, rules, dataDir, formats);
  code = writeSet(engine, receipt, *files, outDir);
  // Written, but not a decision for the groups of a tie nothing decided: each is reported, exit 3.
  if (code == kExitOk && engine.evaluation().reportUndecided() > 0) code = kExitControleFailed;
  return finish(engine, code);
}

output::Receipt newReceipt(const Engine& engine, const std::string& rules, const std::string& dataDir,
                           std::vector<std::string> formats) {
  output::Receipt receipt;
  receipt.program = "verdeel";
  receipt.version = VERDEEL_VERSION;
  receipt.rules = rules;
  receipt.dataDir = dataDir;
  receipt.formats = std::move(formats);
  receipt.scenario = settings();
  receipt.csvLiteral = csvCells() == output::CsvCells::Literal;
  output::describe(receipt, engine.program());
  receipt.inputs = inputHashes(engine);
  return receipt;
}

int writeSet(Engine& engine, output::Receipt& receipt, std::vector<output::OutputFile>& files,
             const std::string& outDir) {
  for (const auto& f : files) receipt.outputs.push_back({f.name, sha256Hex(f.content)});
  files.push_back({output::kReceiptFile, output::renderReceipt(receipt)});
  if (!output::writeAtomically(outDir, files, engine.inputFiles(), engine.diagnostics()))
    return kExitOutputFailed;
  for (const auto& f : files) std::fputs(trf("written: {}/{}\n", outDir, f.name).c_str(), stdout);
  return kExitOk;
}

int commandCheckReceipt(const std::string& path) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  std::string error;
  auto text = readFile(path, &error, limits().receiptBytes);
  if (!text) return usage(trf("cannot read receipt `{}`: {}", path, error));
  const std::uint32_t file = engine.sources().add(path, *text);
  auto receipt = output::parseReceipt(*text, file, engine.diagnostics());
  if (!receipt) return finish(engine, kExitDataErrors);
  std::optional<Date> at;
  if (!receipt->peildatum.empty()) at = Date::parse(receipt->peildatum);
  if (!engine.loadRules(receipt->rules, at)) return finish(engine, kExitRuleErrors);
  if (receipt->command != "sweep")
    if (int code = applySettings(engine, receipt->scenario)) return code;
  if (!engine.loadData({receipt->dataDir})) return finish(engine, kExitDataErrors);
  csvCells() = receipt->csvLiteral ? output::CsvCells::Literal : output::CsvCells::Guarded;
  int code = kExitOk;
  auto files = receipt->command == "sweep"    ? sweepFiles(engine, receipt->scenario, receipt->columns, code)
               : receipt->command == "keuzes" ? readingsFiles(engine, receipt->readings, code)
                                              : outputs(engine, receipt->formats, code);
  if (!files) return code == kExitUsage ? code : finish(engine, code);
  bool same = true;
  auto differs = [&](std::string message, std::string help = {}) {
    engine.diagnostics().report(Code::E0511, {}, std::move(message)).help = std::move(help);
    same = false;
  };
  // Inputs: the files read now against those the receipt names.
  const auto now = inputHashes(engine);
  for (const auto& was : receipt->inputs) {
    auto it =
        std::find_if(now.begin(), now.end(), [&](const output::FileHash& h) { return h.file == was.file; });
    if (it == now.end())
      differs(trf("input `{}` of the receipt was not read this time", was.file));
    else if (it->sha256 != was.sha256)
      differs(trf("input `{}` has changed since the receipt", was.file));
  }
  for (const auto& h : now)
    if (std::none_of(receipt->inputs.begin(), receipt->inputs.end(),
                     [&](const output::FileHash& w) { return w.file == h.file; }))
      differs(trf("input `{}` is read now but not named in the receipt", h.file));
  // Outputs on disk, in the receipt's folder: each as the receipt says, and nothing else beside them.
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(path).parent_path();
  std::size_t onDisk = 0, reproduced = 0;
  for (const auto& was : receipt->outputs) {
    std::string readError;
    const auto bytes = readFile((folder / was.file).string(), &readError);
    if (!bytes)
      differs(trf("output `{}` of the receipt is not in `{}`: {}", was.file, folder.string(), readError),
              tr("the output set is not complete: run the command again"));
    else if (sha256Hex(*bytes) != was.sha256)
      differs(trf("output `{}` in `{}` is not what the run wrote: it was changed afterwards", was.file,
                  folder.string()),
              tr("restore the file, or run the command again"));
    else
      ++onDisk;
  }
  std::error_code ec;
  std::vector<std::string> extra;
  for (const auto& e : fs::directory_iterator(folder.empty() ? fs::path(".") : folder, ec)) {
    const std::string name = e.path().filename().string();
    if (name == fs::path(path).filename().string()) continue;
    if (std::none_of(receipt->outputs.begin(), receipt->outputs.end(),
                     [&](const output::FileHash& w) { return w.file == name; }))
      extra.push_back(name);
  }
  std::sort(extra.begin(), extra.end());
  for (const auto& name : extra)
    differs(trf("`{}` in `{}` is not named in the receipt", name, folder.string()),
            tr("a file of another run or added by hand: the folder is not one run's output set"));
  // Outputs recomputed, against the receipt's hashes.
  for (const auto& was : receipt->outputs) {
    auto it = std::find_if(files->begin(), files->end(),
                           [&](const output::OutputFile& f) { return f.name == was.file; });
    if (it == files->end())
      differs(trf("output `{}` of the receipt is not produced any more", was.file));
    else if (sha256Hex(it->content) != was.sha256)
      differs(trf("output `{}` is not reproduced: it comes out different", was.file),
              tr("compare the two runs with `verdeel diff`, or explain the numbers with `verdeel explain`"));
    else
      ++reproduced;
  }
  const std::size_t named = receipt->outputs.size();
  std::fputs(trf("on disk: {} of {} output files equal to the receipt\n", onDisk, named).c_str(), stdout);
  std::fputs(trf("recomputed: {} of {} output files equal to the receipt\n", reproduced, named).c_str(),
             stdout);
  if (same) std::fputs(tr("the output is reproduced\n"), stdout);
  return finish(engine, same ? kExitOk : kExitControleFailed);
}

}  // namespace verdeel::cli
