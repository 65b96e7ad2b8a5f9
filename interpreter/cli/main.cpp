// The `verdeel` command line: a thin layer over the Engine API. Subcommands `check`, `run` and
// `stdlib-docs`; exit codes as documented in docs/cli.md (0 ok, 1 rules, 2 data, 3 controle,
// 64 usage, 73 output not written).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <malloc.h>
#include <pthread.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/heap.hpp"
#include "diag/machine.hpp"
#include "lang/language.hpp"
#include "source/sanitized.hpp"
#include "stdlib/builtins.hpp"
#include "value/memory.hpp"

// Writes the execution profile of a build made with -fprofile-generate (libgcov; CMakeLists.txt,
// VERDEEL_PROFILE); weak, so that in every other build it is absent and its address is null.
extern "C" void __gcov_dump() __attribute__((weak));  // NOLINT(bugprone-reserved-identifier): libgcov's

namespace {

using namespace verdeel;
using namespace verdeel::cli;

// A limit is a whole number from 1 to `most`, written in digits only: `-1` is not read as the
// largest number, and a number past `most` is not cut off silently (exit 64 for both).
CLI::Validator limitRange(std::uint64_t most) {
  return CLI::Validator(
      [most](const std::string& text) -> std::string {
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
          return trf("`{}` is not a whole number from 1 to {}", text, most);
        std::uint64_t v = 0;
        for (char c : text) {
          const auto digit = static_cast<std::uint64_t>(c - '0');
          if (v > (most - digit) / 10) return trf("`{}` is more than the largest allowed, {}", text, most);
          v = v * 10 + digit;
        }
        if (v == 0) return tr("a limit of 0 leaves nothing to do; give at least 1");
        return {};
      },
      fmt::format("1..{}", most));
}

template <typename T>
void addLimit(CLI::App* g, const char* name, T& field, const char* help, std::uint64_t most) {
  g->add_option(name, field, help)
      ->check(limitRange(most))
      ->type_name(tr("NUMBER"))
      ->group(tr("Limits (docs/reliability.md)"));
}

// A folder named on the command line: never the empty text (which would mean "here" to some calls
// and "nothing" to others).
const CLI::Validator kFolderName(
    [](const std::string& text) -> std::string {
      return text.empty() ? std::string(tr("the folder name is empty; name a folder")) : std::string();
    },
    "");

// An option naming a folder (`--data`, `--out`): never empty, shown as FOLDER in the help.
void addFolderOption(CLI::App* cmd, const char* name, std::string& folder, const char* help) {
  cmd->add_option(name, folder, help)->check(kFolderName)->type_name(tr("FOLDER"));
}
// `--data`, for the commands that read one rule set's data.
void addDataOption(CLI::App* cmd, std::string& folder) {
  addFolderOption(cmd, "--data", folder,
                  tr("Read the data tables from this folder instead of the rule set's own"));
}

// `--csv-letterlijk`, for the commands that write CSV.
void addCsvLiteral(CLI::App* cmd) {
  cmd->add_flag_callback(
      "--csv-letterlijk", [] { csvCells() = output::CsvCells::Literal; },
      tr("Write CSV cells exactly, without the ' that keeps a spreadsheet from reading text as a formula "
         "(for programs that read the CSV)"));
}

// The options every command that reads rules has: `--peildatum` and the limits (docs/reliability.md).
void addCommon(CLI::App* cmd, std::string& peildatumText) {
  addLanguageOption(cmd);
  addDiagnosticsOption(cmd);
  cmd->add_option("--peildatum", peildatumText,
                  tr("Use the version of the rules in force on this date (jjjj-mm-dd)"));
  cmd->add_option("--zet", settings(),
                  tr("Set a parameter for this run: NAAM=WAARDE (repeat for several; a scenario)"))
      ->take_all()
      ->allow_extra_args(false);
  Limits& l = limits();
  auto* g = cmd;
  constexpr std::uint64_t kTiB = std::uint64_t{1} << 40;
  constexpr std::uint64_t kInt = (std::uint64_t{1} << 31) - 2;  // rows and widths are counted in int
  addLimit(g, "--max-regelbestand", l.ruleFileBytes, tr("Bytes per rule file (default 10 MiB)"), kTiB);
  addLimit(g, "--max-diepte", l.nesting, tr("Nesting of one rule (default 1000, at most 100000)"), 100000);
  addLimit(g, "--max-meldingen", l.diagnostics, tr("Diagnostics and notes shown (default 100)"), kInt);
  addLimit(g, "--max-stappen", l.evaluationSteps, tr("Evaluation steps (default 500000000)"),
           std::uint64_t{1} << 62);
  addLimit(g, "--max-rijen", l.tableRows, tr("Rows per data table (default 1000000)"), kInt);
  addLimit(g, "--max-regellengte", l.csvLineBytes, tr("Bytes per line of a data file (default 1 MiB)"), kInt);
  addLimit(g, "--max-veldlengte", l.csvFieldBytes, tr("Bytes per field of a data file (default 64 KiB)"),
           kInt);
  addLimit(g, "--max-gegevensbestand", l.dataFileBytes, tr("Bytes per data file (default 1 GiB)"), kTiB);
  addLimit(g, "--max-cijfers", l.digits, tr("Digits of one number in a calculation (default 100000)"), kInt);
}

// The command this command line runs: its first word that is no option and no option's value
// (`verdeel --taal en run ...`); empty for `verdeel --help` and the like. Only that command gets
// its options: building the options of all thirteen commands cost every run about a millisecond
// (docs/performance.md), and `verdeel --help` lists the commands, not their options.
std::string chosenCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") break;
    if (word == "--taal" || word == "--diagnostics") {
      ++i;  // and its value
      continue;
    }
    if (!word.empty() && word[0] == '-') continue;
    return std::string(word);
  }
  return {};
}

}  // namespace

static int runCommandLine(int argc, char** argv) {
  if (const int code = chooseLanguage(argc, argv); code != 0) return code;
  if (const int code = chooseDiagnosticsFormat(argc, argv); code != 0) return code;
  CLI::App app{tr("verdeel: rules for distribution decisions under the Spreidingswet"), "verdeel"};
  localiseHelp(app);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(VERDEEL_VERSION),
                       tr("Display program version information and exit"));
  addLanguageOption(&app);

  const std::string chosen = chosenCommand(argc, argv);
  std::string rules, dataDir, outDir = "uitvoer", peildatumText, receiptFile;
  std::vector<std::string> formats;

  auto* check = app.add_subcommand("check", tr("Check a rule set and its data; prints diagnostics only"));
  if (chosen == "check") {
    addCommon(check, peildatumText);
    check->add_option(tr("RULES"), rules, tr("A .regels file or a folder of them"))->required();
    addDataOption(check, dataDir);
  }

  auto* run = app.add_subcommand("run", tr("Evaluate a rule set and write its decision tables"));
  if (chosen == "run") {
    addCommon(run, peildatumText);
    auto* rulesOpt = run->add_option(tr("RULES"), rules, tr("A .regels file or a folder of them"));
    run->add_option("--check-receipt", receiptFile,
                    tr("Recompute the run an ontvangstbewijs.json describes and say whether its outputs are "
                       "reproduced"))
        ->excludes(rulesOpt);
    addDataOption(run, dataDir);
    addFolderOption(run, "--out", outDir, tr("Folder for the decision tables (default: uitvoer)"));
    run->add_option("--format", formats,
                    tr("Output format(s): csv, json, md, xlsx, html, pdf (default csv; repeat or separate "
                       "with commas)"))
        ->delimiter(',')
        ->check(CLI::IsMember({"csv", "json", "md", "xlsx", "html", "pdf"}))
        ->type_name(tr("FORMAT"));
    addCsvLiteral(run);
  }

  ExplainOptions ex;
  auto* explainCmd = app.add_subcommand("explain", tr("Explain how one number was computed, step by step"));
  if (chosen == "explain") {
    addCommon(explainCmd, peildatumText);
    explainCmd->add_option(tr("RULES"), ex.rules, tr("A .regels file or a folder of them"))->required();
    explainCmd
        ->add_option(
            tr("ENTITY"), ex.entity,
            tr("A gemeente (or other entity) by code or name, `tabel:naam` if ambiguous; or a parameter "
               "or a value computed once (`capaciteitsraming`)"))
        ->required();
    explainCmd->add_option(
        tr("DEFINITION"), ex.definition,
        tr("The value to explain (default: the last computed column of the entity's first output)"));
    addDataOption(explainCmd, ex.dataDir);
    explainCmd->add_flag("--alles", ex.all, tr("Show every level, down to the data files"));
    explainCmd->add_option("--format", ex.format, tr("text (default), md or html (for a nota), or json"))
        ->check(CLI::IsMember({"text", "md", "html", "json"}))
        ->type_name(tr("FORMAT"));
    explainCmd->add_option("--depth", ex.depth, tr("Levels of inputs to show (default 2; --alles: all)"))
        ->check(CLI::Range(0, 100));
    explainCmd->add_flag("--wettekst", ex.lawText, tr("Show the text of each article"));
    explainCmd->add_flag("--json", ex.json, tr("Write the tree as JSON instead of text"));
  }

  VerifyOptions vo;
  auto* verifyCmd =
      app.add_subcommand("verify", tr("Check published decision tables against the rules, cell by cell"));
  if (chosen == "verify") {
    addCommon(verifyCmd, peildatumText);
    verifyCmd->add_option(tr("RULES"), vo.rules, tr("A .regels file or a folder of them"))->required();
    verifyCmd->add_option("--published", vo.published, tr("Published table(s), CSV; repeat or give several"))
        ->required()
        ->expected(1, -1);
    addDataOption(verifyCmd, vo.dataDir);
    verifyCmd->add_option("--sleutel", vo.entityColumn,
                          tr("Column naming the entity (default `code`, else `naam`)"));
    verifyCmd->add_option("--kolom", vo.mappings,
                          tr("Compare a published column with a definition: GEPUBLICEERD=DEFINITIE"));
    verifyCmd->add_flag("--alleen-gepubliceerd", vo.onlyPublished, tr("Compare only the published entities"));
    verifyCmd
        ->add_option(
            "--notatie", vo.notation,
            tr("Numbers in the publication: nl (1.234,5) or en (1,234.5); default: nl in a file with "
               "semicolons, plain numbers otherwise"))
        ->check(CLI::IsMember({"nl", "en"}));
    verifyCmd->add_option("--apart", vo.apart,
                          tr("Count rows whose column KOLOM holds WAARDE apart (figures of third parties): "
                             "KOLOM=WAARDE; compared, never a difference"));
  }

  DiffOptions dOpt;
  auto* diffCmd =
      app.add_subcommand("diff", tr("Compare two rule sets (paths or git REV:PATH) on the same data"));
  if (chosen == "diff") {
    addCommon(diffCmd, peildatumText);
    diffCmd->add_option(tr("OLD"), dOpt.oldRules, tr("The rule set before: a path, or REV:PATH from git"))
        ->required();
    diffCmd->add_option(tr("NEW"), dOpt.newRules, tr("The rule set after: a path, or REV:PATH from git"))
        ->required();
    addFolderOption(diffCmd, "--data", dOpt.dataDir,
                    tr("Read the data of both from this folder instead of their own"));
    diffCmd->add_option("--format", dOpt.format, tr("text (default), csv or md"));
    addCsvLiteral(diffCmd);
    diffCmd->add_option("--zet-nieuw", dOpt.newSettings,
                        tr("Set a parameter in NEW only: NAAM=WAARDE (what a scenario changes)"));
    diffCmd
        ->add_option("--definitie", dOpt.definitions,
                     tr("Show only these values (comma-separated definitions)"))
        ->delimiter(',');
    diffCmd
        ->add_option("--entiteit", dOpt.entities,
                     tr("Show only these entities, by key or name (comma-separated: GM0193,Deventer)"))
        ->delimiter(',');
    diffCmd->add_option("--per", dOpt.per,
                        tr("Summarise per group: a table the entities refer to (`--per provincie`)"));
    diffCmd->add_flag("--zonder-oorzaken", dOpt.noCauses,
                      tr("Do not seek the cause of each change (no one-at-a-time evaluations; faster)"));
  }

  SweepCommand sw;
  auto* sweepCmd = app.add_subcommand(
      "sweep", tr("Evaluate a rule set for every value of parameter ranges, in one process, with paradoxes"));
  if (chosen == "sweep") {
    addCommon(sweepCmd, peildatumText);
    sweepCmd->add_option(tr("RULES"), sw.rules, tr("A .regels file or a folder of them"))->required();
    sweepCmd
        ->add_option("--kolommen", sw.columns, tr("The values to follow per scenario (definitions, columns)"))
        ->delimiter(',')
        ->required();
    addCsvLiteral(sweepCmd);
    addFolderOption(sweepCmd, "--out", sw.outDir, tr("Folder for the sweep tables (default: uitvoer)"));
    addDataOption(sweepCmd, sw.dataDir);
    sweepCmd->add_option("--max-scenarios", limits().scenarios, tr("Scenarios of one sweep (default 10000)"))
        ->check(limitRange(1'000'000'000));
  }

  ReadingsCommand kz;
  auto* keuzesCmd = app.add_subcommand(
      "keuzes",
      tr("Evaluate every combination of the readings of the keuzes and set each against the claims"));
  if (chosen == "keuzes") {
    addCommon(keuzesCmd, peildatumText);
    keuzesCmd->add_option(tr("RULES"), kz.rules, tr("A .regels file or a folder of them"))->required();
    keuzesCmd
        ->add_option("--lezingen", kz.readings,
                     tr("Only these readings of a keuze: KEUZE=LEZING,LEZING (repeat for several keuzes)"))
        ->take_all()
        ->allow_extra_args(false);
    addCsvLiteral(keuzesCmd);
    addFolderOption(keuzesCmd, "--out", kz.outDir,
                    tr("Folder for the matrix and the report (default: uitvoer)"));
    addDataOption(keuzesCmd, kz.dataDir);
  }

  std::string lintRules;
  auto* lintCmd = app.add_subcommand(
      "lint", tr("Check how a rule set is written: named rules beyond the checker, levels in lint.conf"));
  if (chosen == "lint") {
    lintCmd->add_option(tr("RULES"), lintRules, tr("A .regels file or a folder of them"))->required();
    addCommon(lintCmd, peildatumText);
  }

  std::vector<std::string> fmtPaths;
  bool fmtCheck = false;
  auto* fmtCmd = app.add_subcommand(
      "fmt", tr("Write rule files and test files in the canonical layout (folders are searched through)"));
  if (chosen == "fmt") {
    fmtCmd->add_option(tr("PATHS"), fmtPaths, tr("Files (.regels, .toets) or folders holding them"))
        ->required();
    fmtCmd->add_flag("--check", fmtCheck, tr("Write nothing; fail when a file is not formatted"));
    addLanguageOption(fmtCmd);
    addDiagnosticsOption(fmtCmd);
  }

  auto* lspCmd = app.add_subcommand(
      "lsp", tr("Serve editors: the Language Server Protocol on standard input and output"));
  if (chosen == "lsp") {
    addLanguageOption(lspCmd);
  }

  TestCommand testCommand;
  double minCoverage = -1;
  auto* testCmd = app.add_subcommand(
      "test", tr("Run the tests of a rule set (toetsen/*.toets) and report the coverage per article"));
  if (chosen == "test") {
    testCmd->add_option(tr("RULES"), testCommand.rules, tr("A .regels file or a folder of them"))->required();
    testCmd->add_flag("--dekking", testCommand.coverageText,
                      tr("Show the coverage per article and what no test reached"));
    testCmd->add_option("--dekking-html", testCommand.coverageHtml,
                        tr("Write the coverage per article as an HTML page"));
    testCmd->add_option("--junit", testCommand.junit,
                        tr("Write the results as a JUnit XML report, for a CI server"));
    testCmd
        ->add_option("--min-dekking", minCoverage,
                     tr("Fail when the tests reach less than P percent of the rules"))
        ->check(CLI::Range(0.0, 100.0));
    addLanguageOption(testCmd);
    addDiagnosticsOption(testCmd);
  }

  std::string timelineRules;
  auto* timelineCmd = app.add_subcommand(
      "tijdlijn", tr("List every date on which something in a rule set takes effect, and what"));
  if (chosen == "tijdlijn") {
    timelineCmd->add_option(tr("RULES"), timelineRules, tr("A .regels file or a folder of them"))->required();
    addCommon(timelineCmd, peildatumText);
  }

  auto* docs =
      app.add_subcommand("stdlib-docs", tr("Print docs/stdlib.md, generated from the builtin registry"));

  for (CLI::App* sub : app.get_subcommands({})) {
    sub->group(tr("Subcommands"));
    sub->set_help_flag("-h,--help", tr("Print this help message and exit"));
  }
  if (chosen == "stdlib-docs") {
    addLanguageOption(docs);
    addDiagnosticsOption(docs);
  }

  // A first word that is no command (and no option) is a misspelt command.
  if (argc > 1 && argv[1][0] != '-') {
    const std::vector<std::string> commands = {"check", "run",    "explain",  "verify",      "diff",
                                               "sweep", "keuzes", "tijdlijn", "stdlib-docs", "lint",
                                               "test",  "fmt",    "lsp"};
    if (std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
      const std::string m = closestMatch(argv[1], commands);
      return usage(trf("unknown command `{}`", argv[1]),
                   m.empty() ? tr("the commands are check, run, explain, verify, diff, sweep, keuzes, lint, "
                                  "test, fmt, lsp, tijdlijn and stdlib-docs")
                             : trf("did you mean `{}`?", m));
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage(commandLineError(e), tr("run `verdeel --help` or `verdeel COMMAND --help`"));
  }
  if (formats.empty()) formats = {"csv"};
  for (std::size_t i = 0; i < formats.size(); ++i)
    if (std::find(formats.begin(), formats.begin() + static_cast<long>(i), formats[i]) !=
        formats.begin() + static_cast<long>(i))
      return usage(trf("--format: `{}` is given twice", formats[i]),
                   tr("name each format once, for example `--format csv,md`"));
  if (!peildatumText.empty()) {
    peildatum() = Date::parse(peildatumText);
    if (!peildatum()) {
      return usage(trf("--peildatum: `{}` is not a date jjjj-mm-dd", peildatumText));
    }
  }
  if (*check) return commandCheck(rules, dataDir);
  if (*timelineCmd) return commandTimeline(timelineRules);
  if (*lintCmd) return commandLint(lintRules);
  if (*fmtCmd) return commandFormat(fmtPaths, fmtCheck);
  if (*lspCmd) return commandLsp();
  if (*testCmd) {
    if (minCoverage >= 0) testCommand.minCoverage = minCoverage;
    return commandTest(testCommand);
  }
  if (*run && !receiptFile.empty()) return commandCheckReceipt(receiptFile);
  if (*run && rules.empty()) {
    return usage(trf("{} is required", tr("RULES")), tr("run `verdeel run --help`"));
  }
  if (*run) return commandRun(rules, dataDir, outDir, formats);
  if (*explainCmd) return commandExplain(ex);
  if (*verifyCmd) return commandVerify(vo);
  if (*diffCmd) return commandDiff(dOpt);
  if (*sweepCmd) return commandSweep(sw);
  if (*keuzesCmd) return commandReadings(kz);
  if (*docs) {
    std::fputs(stdlib::renderDocs().c_str(), stdout);
    return kExitOk;
  }
  return kExitUsage;
}

// A bug or exhausted memory must still end with a message and a documented exit code, never with
// an uncaught exception; outputs are never half-written because writing is atomic.
static int guarded(int argc, char** argv) {
  try {
    return runCommandLine(argc, argv);
  } catch (const std::bad_alloc&) {
    if (diagnosticsFormat() != DiagnosticsFormat::Text)
      printMachine({machineUsage("internal", tr("out of memory; no output was written"), {})}, 0);
    else
      std::fputs(tr("verdeel: error[internal]: out of memory; no output was written\n"), stderr);
  } catch (const std::exception& e) {
    if (diagnosticsFormat() != DiagnosticsFormat::Text)
      printMachine({machineUsage("internal", trf("{}; please report this", e.what()), {})}, 0);
    else
      std::fputs(trf("verdeel: error[internal]: {}; please report this\n", e.what()).c_str(), stderr);
  }
  return verdeel::kExitInternal;
}

namespace {
// The process ends without running the destructors of static objects (ANTLR's prediction caches
// among them): the operating system takes the memory back at once, as it does the engine's
// (LeftAtExit). Every stream is flushed first. Under a sanitizer the ordinary exit runs, so that
// leak checks see everything.
[[noreturn]] void leaveProcess(int code) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  // A build that records a profile (scripts/build.sh's first stage) writes it at exit, which
  // _Exit skips: it is written here.
  if (__gcov_dump != nullptr) __gcov_dump();
  if (verdeel::kSanitized) std::exit(code);
  std::_Exit(code);
}

struct Call {
  int argc;
  char** argv;
  int result;
};
}  // namespace

// The heap is made ready before the static initialisers of the other files run (priority 101 comes
// before every initialiser without one), so that their blocks (ANTLR's parser tables: about 230 KB)
// land in its 2 MB pages too instead of in 4 KB pages, one fault each. One malloc arena: the work
// runs on its own thread, whose arena would otherwise grow a page at a time (an mprotect call each),
// and there is no other thread to contend with.
[[gnu::constructor(101)]] static void prepareProcessHeap() {
  mallopt(M_ARENA_MAX, 1);
  verdeel::cli::prepareHeap();
}

// The work runs on a thread with a 1 GiB stack (reserved, not used, until needed): parsing,
// checking and evaluating recurse once per nesting level, and `--max-diepte` (at most 100,000)
// must never reach the end of the stack.
int main(int argc, char** argv) {
  verdeel::installNumberMemory();  // the heap is ready (prepareProcessHeap)
  // A file-size limit (`ulimit -f`) makes a write fail with EFBIG, reported as E0602 with that
  // reason, instead of killing the process without a word.
  std::signal(SIGXFSZ, SIG_IGN);
  Call call{argc, argv, verdeel::kExitInternal};
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, std::size_t{1} << 30) == 0 &&
      pthread_create(
          &thread, &attr,
          [](void* p) -> void* {
            auto* c = static_cast<Call*>(p);
            c->result = guarded(c->argc, c->argv);
            // The process ends here, in the work thread: ending the thread first would only give
            // its kept memory (cli/blocks.hpp) back to malloc block by block. Under a sanitizer the
            // thread ends and main() exits, so that the leak check sees every block.
            if (!verdeel::kSanitized) leaveProcess(c->result);
            return nullptr;
          },
          &call) == 0) {
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    leaveProcess(call.result);
  }
  return guarded(argc, argv);  // no thread: the default stack, with the default limits
}
