#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "api/verdeel.hpp"
#include "check/check.hpp"
#include "lang/language.hpp"
#include "parse/parse.hpp"
#include "scenario/setting.hpp"
#include "source/sha256.hpp"

namespace verdeel {

Engine::Engine(const Limits& limits) : limits_(limits), diags_(limits.diagnostics) {}
Engine::~Engine() = default;

bool Engine::loadRules(const std::string& path, std::optional<Date> peildatum) {
  ast::RuleSet rules = parse::parseRuleSet(path, sources_, diags_, peildatum, limits_);
  if (diags_.hasErrors()) return false;
  program_ = check::check(rules, diags_);
  return program_.has_value();
}

std::optional<std::vector<parse::TimelineEvent>> Engine::timeline(const std::string& path) {
  ast::RuleSet rules = parse::readRuleSet(path, sources_, diags_, limits_);
  if (diags_.hasErrors()) return std::nullopt;
  return parse::timeline(rules, sources_);
}

bool Engine::loadData(const data::LoadOptions& options) {
  evaluation_.reset();
  dataset_.reset();
  dataFiles_.clear();
  for (const check::Table& t : program_->tables) dataFiles_.push_back(data::tablePath(t, options));
  data::LoadOptions withLimits = options;
  withLimits.limits = limits_;
  dataset_ = data::load(*program_, withLimits, sources_, diags_);
  return dataset_.has_value();
}

bool Engine::setScenario(const std::vector<std::string>& settings, std::string& error, std::string& help) {
  scenario_.clear();
  for (const std::string& text : settings) {
    auto s = scenario::parseSetting(*program_, text, false, 1, error, help);
    if (!s) return false;
    for (const auto& [param, value] : scenario_)
      if (param == s->parameter) {
        error = trf("parameter `{}` is set twice", s->name);
        help = tr("give each parameter one `--zet`");
        return false;
      }
    scenario_.emplace_back(s->parameter, s->values.front());
  }
  evaluation_.reset();
  return true;
}

eval::Evaluation& Engine::evaluation() {
  if (!evaluation_) {
    evaluation_ = std::make_unique<eval::Evaluation>(*program_, *dataset_, diags_);
    evaluation_->setStepLimit(limits_.evaluationSteps);
    evaluation_->setDigitLimit(limits_.digits);
    for (const auto& [param, value] : scenario_) evaluation_->setParameter(param, value);
  }
  return *evaluation_;
}

bool Engine::runControles() {
  eval::Evaluation& ev = evaluation();
  bool ok = true;
  for (std::size_t i = 0; i < program_->controles.size(); ++i) {
    auto result = ev.controle(static_cast<int>(i));
    if (!result) return false;
    const check::Controle& c = program_->controles[i];
    if (result->failures.empty() || c.reportOnly) continue;
    ok = false;
    const std::string what = c.claim ? "bewering" : "controle";
    std::string quoted = c.description;
    if (c.claim && quoted.size() > 80) {  // a long sentence is shortened, on a character boundary
      std::size_t cut = 77;
      while (cut > 0 && (static_cast<unsigned char>(quoted[cut]) & 0xC0) == 0x80) --cut;
      quoted = quoted.substr(0, cut) + "...";
    }
    auto& d = diags_.report(
        c.claim ? Code::E0508 : Code::E0505, c.span,
        c.subject < 0 ? fmt::format("{} `{}` {}", what, quoted, c.claim ? tr("does not hold") : tr("failed"))
                      : trf("{} `{}` {} for {} of the {} rows of `{}`", what, quoted,
                            c.claim ? tr("does not hold") : tr("failed"), result->failures.size(),
                            result->checked, program_->tables[static_cast<std::size_t>(c.subject)].name));
    if (c.claim && !c.source.empty()) d.notes.push_back({SourceSpan{}, trf("claimed in: {}", c.source)});
    if (c.claim && result->herkomst == ast::Herkomst::Fictief)
      d.notes.push_back(
          {SourceSpan{}, tr("this claim rests on fictitious data (the verslag scenario): it says nothing "
                            "about the real decisions")});
    d.basis = program_->basis(c.article);
    const std::size_t shown = std::min<std::size_t>(result->failures.size(), 20);
    for (std::size_t k = 0; k < shown; ++k) {
      const auto& f = result->failures[k];
      std::string who = f.row >= 0 ? ev.entityName(c.subject, f.row) : std::string(tr("the whole"));
      if (f.row < 0)
        d.notes.push_back({SourceSpan{}, f.detail.empty() ? tr("the condition is false") : f.detail});
      else {
        // Point at the entity's line in its data file, so an agreement or a row can be found at once.
        const data::TableData& td = dataset_->tables[static_cast<std::size_t>(c.subject)];
        const std::uint32_t line = td.lines[static_cast<std::size_t>(f.row)];
        d.notes.push_back({SourceSpan{td.file, line, 1, line, 1},
                           f.detail.empty() ? who : fmt::format("{}: {}", who, f.detail)});
      }
    }
    if (shown < result->failures.size())
      d.notes.push_back({SourceSpan{}, trf("and {} more", result->failures.size() - shown)});
  }
  return ok;
}

std::optional<output::Decisions> Engine::decisions() {
  return output::build(evaluation());
}

std::optional<std::string> Engine::readExtraInput(const std::string& path, std::size_t maxBytes,
                                                  std::string& error) {
  auto text = readFile(path, &error, maxBytes);
  if (!text) return std::nullopt;
  extraInputs_.push_back(sources_.add(path, *text, sha256Hex(*text)));
  return text;
}

std::vector<std::string> Engine::ruleFolders() const {
  std::vector<std::string> out;
  if (!program_) return out;
  // The rule set's own files come last in reading order (its bases are read first).
  for (auto it = program_->files.rbegin(); it != program_->files.rend(); ++it) {
    std::string dir = std::filesystem::path(sources_.path(*it)).parent_path().string();
    if (dir.empty()) dir = ".";
    if (std::find(out.begin(), out.end(), dir) == out.end()) out.push_back(dir);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Engine::inputDigests() const {
  std::vector<std::pair<std::string, std::string>> out;
  if (program_)
    for (std::uint32_t f : program_->files) out.emplace_back(sources_.path(f), sources_.digest(f));
  for (std::uint32_t f : extraInputs_) out.emplace_back(sources_.path(f), sources_.digest(f));
  if (dataset_)
    for (const data::TableData& t : dataset_->tables)
      if (t.file != 0) out.emplace_back(sources_.path(t.file), sources_.digest(t.file));
  return out;
}

std::vector<std::string> Engine::inputFiles() const {
  std::vector<std::string> out;
  for (std::uint32_t f : program_ ? program_->files : std::vector<std::uint32_t>{})
    out.push_back(sources_.path(f));
  out.insert(out.end(), dataFiles_.begin(), dataFiles_.end());
  for (std::uint32_t f : extraInputs_) out.push_back(sources_.path(f));
  return out;
}

}  // namespace verdeel
