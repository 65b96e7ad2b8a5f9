// The language verdeel speaks: Dutch by default, English with `--taal en` or an English locale
// (LC_ALL, LC_MESSAGES or LANG starting with `en`). tr() gives a message's text in that language
// from the catalogue (lang/catalogue.def), keyed by the English text written at the call site, as
// gettext does; trf() formats it (the English text is checked against the arguments at compile
// time, the catalogue's Dutch one has the same placeholders). tests/lang/catalogue_check.py reads
// the sources and the catalogue and fails on a text without a Dutch entry, an entry no source
// uses, or placeholders that differ.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace verdeel {

enum class Language { Dutch, English };

Language language();
void setLanguage(Language language);
// `nl` or `en` (also `nederlands`, `english`), any case; nothing for another text.
std::optional<Language> parseLanguage(std::string_view text);
// From the locale variables: English when the first one set names an English locale, else Dutch.
Language languageFromEnvironment();

// The text in the current language. The result lives as long as the program (it is a literal).
const char* tr(const char* english);

// The Dutch text of an English one, or nullptr when the catalogue has none.
const char* dutchOf(std::string_view english);

// tr() of a format string, formatted with the arguments.
template <typename... T>
std::string trf(fmt::format_string<T...> english, T&&... args) {
  const fmt::string_view text = english;
  const char* dutch = language() == Language::Dutch ? dutchOf({text.data(), text.size()}) : nullptr;
  return fmt::vformat(dutch != nullptr ? fmt::string_view(dutch) : text, fmt::make_format_args(args...));
}

}  // namespace verdeel
