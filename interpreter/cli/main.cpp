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
#include <iostream>

#include "cli/commands.hpp"
#include "stdlib/builtins.hpp"
#include "value/memory.hpp"

namespace {

using namespace verdeel;
using namespace verdeel::cli;

// A limit is a whole number from 1 to `most`, written in digits only: `-1` is not read as the
// largest number, and a number past `most` is not cut off silently (exit 64 for both).
CLI::Validator limitRange(std::uint64_t most) {
  return CLI::Validator(
      [most](const std::string& text) -> std::string {
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
          return fmt::format("`{}` is not a whole number from 1 to {}", text, most);
        std::uint64_t v = 0;
        for (char c : text) {
          const auto digit = static_cast<std::uint64_t>(c - '0');
          if (v > (most - digit) / 10)
            return fmt::format("`{}` is more than the largest allowed, {}", text, most);
          v = v * 10 + digit;
        }
        if (v == 0) return "a limit of 0 leaves nothing to do; give at least 1";
        return {};
      },
      fmt::format("1..{}", most));
}

template <typename T>
void addLimit(CLI::Option_group* g, const char* name, T& field, const char* help, std::uint64_t most) {
  g->add_option(name, field, help)->check(limitRange(most));
}

// A folder named on the command line: never the empty text (which would mean "here" to some calls
// and "nothing" to others).
const CLI::Validator kFolderName(
    [](const std::string& text) -> std::string {
      return text.empty() ? std::string("the folder name is empty; name a folder") : std::string();
    },
    "FOLDER");

// `--csv-letterlijk`, for the commands that write CSV.
void addCsvLiteral(CLI::App* cmd) {
  cmd->add_flag_callback(
      "--csv-letterlijk", [] { csvCells() = output::CsvCells::Literal; },
      "Write CSV cells exactly, without the ' that keeps a spreadsheet from reading text as a formula "
      "(for programs that read the CSV)");
}

// The options every command that reads rules has: `--peildatum` and the limits (docs/reliability.md).
void addCommon(CLI::App* cmd, std::string& peildatumText) {
  cmd->add_option("--peildatum", peildatumText,
                  "Use the version of the rules in force on this date (jjjj-mm-dd)");
  cmd->add_option("--zet", settings(),
                  "Set a parameter for this run: NAAM=WAARDE (repeat for several; a scenario)")
      ->take_all()
      ->allow_extra_args(false);
  Limits& l = limits();
  auto* g = cmd->add_option_group("limits", "Limits (docs/reliability.md)");
  constexpr std::uint64_t kTiB = std::uint64_t{1} << 40;
  constexpr std::uint64_t kInt = (std::uint64_t{1} << 31) - 2;  // rows and widths are counted in int
  addLimit(g, "--max-regelbestand", l.ruleFileBytes, "Bytes per rule file (default 10 MiB)", kTiB);
  addLimit(g, "--max-diepte", l.nesting, "Nesting of one rule (default 1000, at most 100000)", 100000);
  addLimit(g, "--max-meldingen", l.diagnostics, "Diagnostics and notes shown (default 100)", kInt);
  addLimit(g, "--max-stappen", l.evaluationSteps, "Evaluation steps (default 500000000)",
           std::uint64_t{1} << 62);
  addLimit(g, "--max-rijen", l.tableRows, "Rows per data table (default 1000000)", kInt);
  addLimit(g, "--max-regellengte", l.csvLineBytes, "Bytes per line of a data file (default 1 MiB)", kInt);
  addLimit(g, "--max-veldlengte", l.csvFieldBytes, "Bytes per field of a data file (default 64 KiB)", kInt);
  addLimit(g, "--max-gegevensbestand", l.dataFileBytes, "Bytes per data file (default 1 GiB)", kTiB);
  addLimit(g, "--max-cijfers", l.digits, "Digits of one number in a calculation (default 100000)", kInt);
}

}  // namespace

static int runCommandLine(int argc, char** argv) {
  CLI::App app{"verdeel: rules for distribution decisions under the Spreidingswet", "verdeel"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(VERDEEL_VERSION));

  std::string rules, dataDir, outDir = "uitvoer", peildatumText;
  std::vector<std::string> formats;

  auto* check = app.add_subcommand("check", "Check a rule set and its data; prints diagnostics only");
  addCommon(check, peildatumText);
  check->add_option("RULES", rules, "A .regels file or a folder of them")->required();
  check->add_option("--data", dataDir, "Read the data tables from this folder instead of the rule set's own")
      ->check(kFolderName);

  auto* run = app.add_subcommand("run", "Evaluate a rule set and write its decision tables");
  addCommon(run, peildatumText);
  std::string receiptFile;
  auto* rulesOpt = run->add_option("RULES", rules, "A .regels file or a folder of them");
  run->add_option(
         "--check-receipt", receiptFile,
         "Recompute the run an ontvangstbewijs.json describes and say whether its outputs are reproduced")
      ->excludes(rulesOpt);
  run->add_option("--data", dataDir, "Read the data tables from this folder instead of the rule set's own")
      ->check(kFolderName);
  run->add_option("--out", outDir, "Folder for the decision tables (default: uitvoer)")->check(kFolderName);
  run->add_option(
         "--format", formats,
         "Output format(s): csv, json, md, xlsx, html, pdf (default csv; repeat or separate with commas)")
      ->delimiter(',')
      ->check(CLI::IsMember({"csv", "json", "md", "xlsx", "html", "pdf"}));
  addCsvLiteral(run);

  ExplainOptions ex;
  auto* explainCmd = app.add_subcommand("explain", "Explain how one number was computed, step by step");
  addCommon(explainCmd, peildatumText);
  explainCmd->add_option("RULES", ex.rules, "A .regels file or a folder of them")->required();
  explainCmd
      ->add_option("ENTITY", ex.entity,
                   "A gemeente (or other entity) by code or name, `tabel:naam` if ambiguous; or a parameter "
                   "or a value computed once (`capaciteitsraming`)")
      ->required();
  explainCmd->add_option(
      "DEFINITION", ex.definition,
      "The value to explain (default: the last computed column of the entity's first output)");
  explainCmd
      ->add_option("--data", ex.dataDir,
                   "Read the data tables from this folder instead of the rule set's own")
      ->check(kFolderName);
  explainCmd->add_flag("--alles", ex.all, "Show every level, down to the data files");
  explainCmd->add_option("--format", ex.format, "text (default), md or html (for a nota), or json")
      ->check(CLI::IsMember({"text", "md", "html", "json"}));
  explainCmd->add_option("--depth", ex.depth, "Levels of inputs to show (default 2; --alles: all)")
      ->check(CLI::Range(0, 100));
  explainCmd->add_flag("--wettekst", ex.lawText, "Show the text of each article");
  explainCmd->add_flag("--json", ex.json, "Write the tree as JSON instead of text");

  VerifyOptions vo;
  auto* verifyCmd =
      app.add_subcommand("verify", "Check published decision tables against the rules, cell by cell");
  addCommon(verifyCmd, peildatumText);
  verifyCmd->add_option("RULES", vo.rules, "A .regels file or a folder of them")->required();
  verifyCmd->add_option("--published", vo.published, "Published table(s), CSV; repeat or give several")
      ->required()
      ->expected(1, -1);
  verifyCmd
      ->add_option("--data", vo.dataDir,
                   "Read the data tables from this folder instead of the rule set's own")
      ->check(kFolderName);
  verifyCmd->add_option("--sleutel", vo.entityColumn,
                        "Column naming the entity (default `code`, else `naam`)");
  verifyCmd->add_option("--kolom", vo.mappings,
                        "Compare a published column with a definition: GEPUBLICEERD=DEFINITIE");
  verifyCmd->add_flag("--alleen-gepubliceerd", vo.onlyPublished, "Compare only the published entities");

  DiffOptions dOpt;
  auto* diffCmd =
      app.add_subcommand("diff", "Compare two rule sets (paths or git REV:PATH) on the same data");
  addCommon(diffCmd, peildatumText);
  diffCmd->add_option("OLD", dOpt.oldRules, "The rule set before: a path, or REV:PATH from git")->required();
  diffCmd->add_option("NEW", dOpt.newRules, "The rule set after: a path, or REV:PATH from git")->required();
  diffCmd->add_option("--data", dOpt.dataDir, "Read the data of both from this folder instead of their own")
      ->check(kFolderName);
  diffCmd->add_option("--format", dOpt.format, "text (default), csv or md");
  addCsvLiteral(diffCmd);
  diffCmd->add_option("--zet-nieuw", dOpt.newSettings,
                      "Set a parameter in NEW only: NAAM=WAARDE (what a scenario changes)");
  diffCmd->add_option("--definitie", dOpt.definitions, "Show only these values (comma-separated definitions)")
      ->delimiter(',');
  diffCmd
      ->add_option("--entiteit", dOpt.entities,
                   "Show only these entities, by key or name (comma-separated: GM0193,Deventer)")
      ->delimiter(',');
  diffCmd->add_option("--per", dOpt.per,
                      "Summarise per group: a table the entities refer to (`--per provincie`)");
  diffCmd->add_flag("--zonder-oorzaken", dOpt.noCauses,
                    "Do not seek the cause of each change (no one-at-a-time evaluations; faster)");

  SweepCommand sw;
  auto* sweepCmd = app.add_subcommand(
      "sweep", "Evaluate a rule set for every value of parameter ranges, in one process, with paradoxes");
  addCommon(sweepCmd, peildatumText);
  sweepCmd->add_option("RULES", sw.rules, "A .regels file or a folder of them")->required();
  sweepCmd->add_option("--kolommen", sw.columns, "The values to follow per scenario (definitions, columns)")
      ->delimiter(',')
      ->required();
  addCsvLiteral(sweepCmd);
  sweepCmd->add_option("--out", sw.outDir, "Folder for the sweep tables (default: uitvoer)")
      ->check(kFolderName);
  sweepCmd
      ->add_option("--data", sw.dataDir,
                   "Read the data tables from this folder instead of the rule set's own")
      ->check(kFolderName);
  sweepCmd->add_option("--max-scenarios", limits().scenarios, "Scenarios of one sweep (default 10000)")
      ->check(limitRange(1'000'000'000));

  std::string timelineRules;
  auto* timelineCmd = app.add_subcommand(
      "tijdlijn", "List every date on which something in a rule set takes effect, and what");
  timelineCmd->add_option("RULES", timelineRules, "A .regels file or a folder of them")->required();
  addCommon(timelineCmd, peildatumText);

  auto* docs = app.add_subcommand("stdlib-docs", "Print docs/stdlib.md, generated from the builtin registry");

  // A first word that is no command (and no option) is a misspelt command.
  if (argc > 1 && argv[1][0] != '-') {
    const std::vector<std::string> commands = {"check", "run",   "explain",  "verify",
                                               "diff",  "sweep", "tijdlijn", "stdlib-docs"};
    if (std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
      std::fprintf(stderr, "verdeel: error[usage]: unknown command `%s`\n", argv[1]);
      const std::string m = closestMatch(argv[1], commands);
      std::fprintf(stderr, "  = help: %s\n",
                   m.empty()
                       ? "the commands are check, run, explain, verify, diff, sweep, tijdlijn and stdlib-docs"
                       : fmt::format("did you mean `{}`?", m).c_str());
      return kExitUsage;
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
    std::fprintf(stderr, "verdeel: error[usage]: %s\n", e.what());
    std::fprintf(stderr, "  = help: run `verdeel --help` or `verdeel COMMAND --help`\n");
    return kExitUsage;
  }
  if (formats.empty()) formats = {"csv"};
  for (std::size_t i = 0; i < formats.size(); ++i)
    if (std::find(formats.begin(), formats.begin() + static_cast<long>(i), formats[i]) !=
        formats.begin() + static_cast<long>(i))
      return usage(fmt::format("--format: `{}` is given twice", formats[i]),
                   "name each format once, for example `--format csv,md`");
  if (!peildatumText.empty()) {
    peildatum() = Date::parse(peildatumText);
    if (!peildatum()) {
      std::fprintf(stderr, "verdeel: error[usage]: --peildatum: `%s` is not a date jjjj-mm-dd\n",
                   peildatumText.c_str());
      return kExitUsage;
    }
  }
  if (*check) return commandCheck(rules, dataDir);
  if (*timelineCmd) return commandTimeline(timelineRules);
  if (*run && !receiptFile.empty()) return commandCheckReceipt(receiptFile);
  if (*run && rules.empty()) {
    std::fprintf(stderr, "verdeel: error[usage]: RULES is required\n");
    std::fprintf(stderr, "  = help: run `verdeel run --help`\n");
    return kExitUsage;
  }
  if (*run) return commandRun(rules, dataDir, outDir, formats);
  if (*explainCmd) return commandExplain(ex);
  if (*verifyCmd) return commandVerify(vo);
  if (*diffCmd) return commandDiff(dOpt);
  if (*sweepCmd) return commandSweep(sw);
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
    std::fputs("verdeel: error[internal]: out of memory; no output was written\n", stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "verdeel: error[internal]: %s; please report this\n", e.what());
  }
  return verdeel::kExitInternal;
}

namespace {
struct Call {
  int argc;
  char** argv;
  int result;
};
}  // namespace

// The work runs on a thread with a 1 GiB stack (reserved, not used, until needed): parsing,
// checking and evaluating recurse once per nesting level, and `--max-diepte` (at most 100,000)
// must never reach the end of the stack.
int main(int argc, char** argv) {
  // One malloc arena: the work runs on its own thread, whose arena would otherwise grow a page at a
  // time (an mprotect call each), and there is no other thread to contend with.
  mallopt(M_ARENA_MAX, 1);
  verdeel::installNumberMemory();
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
            return nullptr;
          },
          &call) == 0) {
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    return call.result;
  }
  return guarded(argc, argv);  // no thread: the default stack, with the default limits
}
