// Running one test: the situation (version, data, settings) is made in an engine of its own, all of
// it computed and every controle run, then each expectation compared (toets/expect.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "lang/language.hpp"
#include "parse/parse.hpp"
#include "scenario/setting.hpp"
#include "source/utf8.hpp"
#include "toets/expect.hpp"
#include "toets/toets.hpp"

namespace verdeel::toets {

namespace fs = std::filesystem;

std::vector<std::string> testFiles(const std::string& rules) {
  std::error_code ec;
  fs::path dir = fs::is_directory(rules, ec) ? fs::path(rules) : fs::path(rules).parent_path();
  dir /= "toetsen";
  std::vector<std::string> out;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".toets") out.push_back(entry.path().lexically_normal().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<ast::TestFile> readTestFile(const std::string& path, Engine& suite, const Limits& limits) {
  std::string error;
  bool tooLarge = false;
  auto text = readFile(path, &error, limits.ruleFileBytes, &tooLarge);
  if (!text) {
    suite.diagnostics().report(
        Code::E0105, {},
        tooLarge ? trf("test file `{}` is larger than the limit of {} bytes", path, limits.ruleFileBytes)
                 : trf("cannot read test file `{}`: {}", path, error));
    return std::nullopt;
  }
  const std::size_t before = suite.diagnostics().errorCount();
  const std::uint32_t file =
      parse::registerRuleText(path, std::move(*text), suite.sources(), suite.diagnostics());
  if (file == 0) return std::nullopt;
  ast::TestFile out;
  out.path = path;
  std::string dir = fs::path(path).parent_path().string();
  parse::parseTestSource(file, dir.empty() ? "." : dir, suite.sources(), suite.diagnostics(), out,
                         limits.nesting);
  if (suite.diagnostics().errorCount() > before) return std::nullopt;
  return out;
}

void Runner::addVersions() {
  Engine dates(limits_);
  auto events = dates.timeline(rules_);
  std::vector<std::optional<Date>> versions = {std::nullopt};
  if (events)
    for (const Date& d : parse::versionDates(*events)) versions.emplace_back(d);
  for (const auto& when : versions) {
    Engine e(limits_);
    if (!e.loadRules(rules_, when)) continue;
    if (const auto folders = e.ruleFolders(); !folders.empty()) coverage_.setOwnFolder(folders.front());
    coverage_.addProgram(e.program(), e.sources());
  }
}

namespace {

// The text a setting has on the command line (`--zet naam=waarde`).
std::string settingText(const ast::TestSetting& s) {
  std::string value = s.value.text;
  if (!s.value.denominator.empty()) value += "/" + s.value.denominator;
  return s.name.name + "=" + value;
}

}  // namespace

TestReport Runner::run(const ast::TestFile& file, const ast::Test& test) {
  TestReport report;
  report.where = fmt::format("{}:{}", file.path, test.span.line);
  report.file = file.path;
  report.line = test.span.line;
  report.title = test.title;
  Diagnostics& diags = suite_.diagnostics();
  const std::size_t errorsBefore = diags.errorCount();
  auto testError = [&] {
    report.failures.emplace_back(tr("the test itself has an error (see the messages below)"));
    return report;
  };

  Engine engine(limits_);
  if (!engine.loadRules(rules_, test.peildatum)) {
    rulesFailed_ = true;
    diags.report(Code::E0702, test.span,
                 test.peildatum ? trf("the rules in force on {} cannot be read", test.peildatum->str())
                                : std::string(tr("the rules cannot be read")));
    for (const Diagnostic& d : engine.diagnostics().all())
      report.failures.push_back(render(d, engine.sources()));
    return report;
  }
  const check::Program& p = engine.program();

  // The tables the test gives its own rows.
  data::LoadOptions options;
  struct InlineRows {
    std::uint32_t source;  // the rows as the CSV reader reads them (engine's sources)
    const ast::TestData* given;
  };
  std::vector<InlineRows> inlineRows;
  for (const ast::TestData& given : test.data) {
    const int t = p.table(given.table.name);
    if (t < 0) {
      std::vector<std::string> names;
      for (const check::Table& tab : p.tables) names.push_back(tab.name);
      auto& d =
          diags.report(Code::E0701, given.table.span, trf("the rules have no table `{}`", given.table.name));
      if (auto m = closestMatch(given.table.name, names); !m.empty()) d.help = trf("did you mean `{}`?", m);
      continue;
    }
    if (options.files.count(given.table.name) || options.rows.count(given.table.name)) {
      diags.report(Code::E0702, given.table.span,
                   trf("table `{}` is given twice in this test", given.table.name));
      continue;
    }
    if (!given.path.empty()) {
      std::error_code ec;
      if (!fs::is_regular_file(given.path, ec)) {
        diags
            .report(
                Code::E0703, given.table.span,
                trf("cannot read `{}`, the rows of table `{}` in this test", given.path, given.table.name))
            .help = tr("the path is relative to the folder of the test file");
        continue;
      }
      options.files[given.table.name] = given.path;
    } else {
      const std::uint32_t rows = engine.sources().add(file.path, given.rows + "\n");
      options.rows[given.table.name] = rows;
      inlineRows.push_back({rows, &given});
    }
  }

  // The settings, one by one so that a wrong one is pointed at.
  std::vector<std::string> settings;
  for (const ast::TestSetting& s : test.settings) {
    std::string error, help;
    if (std::none_of(p.parameters.begin(), p.parameters.end(),
                     [&](const check::Parameter& prm) { return prm.name == s.name.name; })) {
      std::vector<std::string> names;
      for (const check::Parameter& prm : p.parameters) names.push_back(prm.name);
      auto& d = diags.report(Code::E0701, s.name.span, trf("the rules have no parameter `{}`", s.name.name));
      if (auto m = closestMatch(s.name.name, names); !m.empty()) d.help = trf("did you mean `{}`?", m);
      continue;
    }
    const std::string text = settingText(s);
    if (s.value.kind == ast::TestValue::Kind::Empty ||
        !scenario::parseSetting(p, text, false, 1, error, help)) {
      const bool empty = s.value.kind == ast::TestValue::Kind::Empty;
      auto& d = diags.report(Code::E0702, s.name.span,
                             empty ? std::string(tr("a parameter cannot be set to `leeg`")) : error);
      d.help = help;
      continue;
    }
    settings.push_back(text);
  }

  const bool loaded = engine.loadData(options);
  if (!inlineRows.empty()) {
    // A position in inline rows is shown as a position in the test file: its line and column there,
    // with that line (the whole test file stands in the engine's sources for this).
    const ast::TestData& any = *inlineRows.front().given;
    const std::uint32_t whole = engine.sources().add(file.path, suite_.sources().text(any.table.span.file));
    engine.diagnostics().mapSpans([&](SourceSpan& span) {
      for (const InlineRows& r : inlineRows) {
        if (span.file != r.source || !span.valid()) continue;
        auto shift = [&](std::uint32_t line) {
          return line == r.given->rowsSpan.line ? r.given->rowsFirstShift : r.given->rowsShift;
        };
        span.file = whole;
        span.col += shift(span.line);
        if (span.endLine != 0) span.endCol += shift(span.endLine);
        return;
      }
    });
  }
  if (!loaded) {
    report.failures.push_back(tr("the test's data cannot be read:") + std::string("\n") +
                              engine.renderDiagnostics());
    return report;
  }
  {
    std::string error, help;
    if (!engine.setScenario(settings, error, help)) {
      diags.report(Code::E0702, test.span, error).help = help;
      return testError();
    }
    // A wrong table or setting above was left out; the expectations are still checked, so that one
    // run names every error in the test.
  }

  // Everything computed, every controle run; what it reached recorded.
  eval::Evaluation& ev = engine.evaluation();
  eval::Coverage reached;
  ev.setCoverage(&reached);
  ev.update();
  const std::size_t evalErrorsBefore = engine.diagnostics().errorCount();
  for (std::size_t def = 0; def < p.definitions.size(); ++def) {
    if (!ev.selected(static_cast<int>(def))) continue;
    const int subject = p.definitions[def].subject;
    const int rows =
        subject < 0 ? 1 : static_cast<int>(engine.dataset().tables[static_cast<std::size_t>(subject)].size());
    for (int r = 0; r < rows; ++r)
      if (!ev.definition(static_cast<int>(def), subject < 0 ? -1 : r)) ev.recover();
  }
  std::vector<std::optional<eval::ControleResult>> controles;
  std::vector<bool> ran;
  for (std::size_t i = 0; i < p.controles.size(); ++i) {
    controles.push_back(ev.controle(static_cast<int>(i)));
    if (!controles.back()) ev.recover();
    ran.push_back(controles.back().has_value());
  }
  coverage_.record(p, engine.sources(), ev, reached, ran);
  if (engine.diagnostics().errorCount() > evalErrorsBefore)
    report.failures.push_back(tr("the rules could not compute every value in this situation:") +
                              std::string("\n") + engine.renderDiagnostics());

  Expecter expect(engine, controles, suite_);
  for (const ast::Expectation& x : test.expectations)
    if (auto failure = expect.check(x)) report.failures.push_back(*failure);
  if (diags.errorCount() > errorsBefore) return testError();
  report.passed = report.failures.empty();
  return report;
}

}  // namespace verdeel::toets
