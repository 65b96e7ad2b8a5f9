// The language of the command line: `--taal nl|en` (anywhere on the line) or else the locale
// chooses it before anything is said; the help texts of CLI11 get their labels and its parse errors
// their words in that language (lang/language.hpp holds the texts).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <utility>

#include "cli/commands.hpp"
#include "lang/language.hpp"

namespace verdeel::cli {

std::vector<std::string_view> optionValues(int argc, char** argv, std::string_view name) {
  std::vector<std::string_view> out;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == name && i + 1 < argc)
      out.emplace_back(argv[i + 1]);
    else if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=')
      out.push_back(arg.substr(name.size() + 1));
  }
  return out;
}

int chooseLanguage(int argc, char** argv) {
  Language chosen = languageFromEnvironment();
  for (const std::string_view value : optionValues(argc, argv, "--taal")) {
    const auto parsed = parseLanguage(value);
    if (!parsed) {
      setLanguage(chosen);
      return usage(trf("--taal: `{}` is not a language of verdeel", std::string(value)),
                   tr("choose `--taal nl` (Dutch, the default) or `--taal en` (English)"));
    }
    chosen = *parsed;
  }
  setLanguage(chosen);
  return 0;
}

void addLanguageOption(CLI::App* cmd) {
  static std::string ignored;  // chooseLanguage() has read it already
  cmd->add_option("--taal", ignored, tr("Language of messages and help: nl (default) or en"));
}

void localiseHelp(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", tr("Usage"));
  formatter->label("OPTIONS", tr("OPTIONS"));
  formatter->label("SUBCOMMAND", tr("SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", tr("SUBCOMMANDS"));
  formatter->label("Positionals", tr("Positionals"));
  formatter->label("REQUIRED", tr("REQUIRED"));
  formatter->label("Excludes", tr("Excludes"));
  formatter->label("Needs", tr("Needs"));
  formatter->label("TEXT", tr("TEXT"));
  formatter->label("INT", tr("INT"));
  formatter->label("UINT", tr("UINT"));
  app.option_defaults()->group(tr("Options"));
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
}

namespace {
// `text` split at the first `separator`: the part before and the part after, or nothing.
std::optional<std::pair<std::string, std::string>> splitAt(const std::string& text,
                                                           std::string_view separator) {
  const std::size_t at = text.find(separator);
  if (at == std::string::npos) return std::nullopt;
  return std::pair{text.substr(0, at), text.substr(at + separator.size())};
}
bool endsWith(const std::string& text, std::string_view end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}
}  // namespace

std::string commandLineError(const CLI::ParseError& error) {
  std::string what = error.what();
  if (language() == Language::English) return what;
  // The messages of CLI 2.1 (CLI/Error.hpp and CLI/Validators.hpp) that this command line can give.
  for (std::string_view lead :
       {"The following argument was not expected: ", "The following arguments were not expected: "})
    if (what.rfind(lead, 0) == 0)
      return trf("not expected on the command line: {}", what.substr(lead.size()));
  if (what == "A subcommand is required") return tr("name a command");
  if (endsWith(what, " missing"))
    if (auto parts = splitAt(what, ": ")) return trf("{}: a value is missing", parts->first);
  if (endsWith(what, " is required")) return trf("{} is required", what.substr(0, what.size() - 12));
  if (auto parts = splitAt(what, " excludes "))
    return trf("{} and {} cannot be given together", parts->first, parts->second);
  if (auto parts = splitAt(what, " requires ")) return trf("{} needs {}", parts->first, parts->second);
  if (what.rfind("Could not convert: ", 0) == 0)
    if (auto parts = splitAt(what.substr(19), " = "))
      return trf("{}: `{}` cannot be read", parts->first, parts->second);
  if (auto parts = splitAt(what, ": ")) {
    if (auto value = splitAt(parts->second, " not in {"); value && endsWith(value->second, "}"))
      return trf("{}: `{}` is not one of {}", parts->first, value->first,
                 value->second.substr(0, value->second.size() - 1));
    if (parts->second.rfind("Value ", 0) == 0)
      if (auto value = splitAt(parts->second.substr(6), " not in range "))
        if (auto bounds = splitAt(value->second, " to "))
          return trf("{}: `{}` is not from {} to {}", parts->first, value->first, bounds->first,
                     bounds->second);
  }
  return what;  // our own validators' messages are in the chosen language already
}

}  // namespace verdeel::cli
