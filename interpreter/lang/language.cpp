#include "lang/language.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <unordered_map>

namespace verdeel {

namespace {

std::atomic<Language>& current() {
  static std::atomic<Language> value{Language::Dutch};
  return value;
}

struct Entry {
  const char* english;
  const char* dutch;
};

// The catalogue, English text to Dutch text; built once, on first use (main builds it at start,
// so that the out-of-memory message needs no allocation).
const std::unordered_map<std::string_view, const char*>& catalogue() {
  static const std::unordered_map<std::string_view, const char*> map = [] {
    static constexpr Entry kEntries[] = {
#define VERDEEL_TEXT(topic, english, dutch) {english, dutch},
#include "lang/catalogue.def"
#undef VERDEEL_TEXT
    };
    std::unordered_map<std::string_view, const char*> m;
    m.reserve(std::size(kEntries));
    for (const Entry& e : kEntries) m.emplace(e.english, e.dutch);
    return m;
  }();
  return map;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Language language() {
  return current().load(std::memory_order_relaxed);
}

void setLanguage(Language language) {
  (void)catalogue();
  current().store(language, std::memory_order_relaxed);
}

std::optional<Language> parseLanguage(std::string_view text) {
  const std::string t = lower(text);
  if (t == "nl" || t == "nederlands" || t == "dutch") return Language::Dutch;
  if (t == "en" || t == "english" || t == "engels") return Language::English;
  return std::nullopt;
}

Language languageFromEnvironment() {
  // POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty one counts as unset.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read before any thread
    if (value == nullptr || *value == '\0') continue;
    const std::string v = lower(value);
    return v.rfind("en", 0) == 0 ? Language::English : Language::Dutch;
  }
  return Language::Dutch;
}

const char* dutchOf(std::string_view english) {
  const auto& map = catalogue();
  const auto it = map.find(english);
  return it == map.end() ? nullptr : it->second;
}

const char* tr(const char* english) {
  if (language() == Language::English) return english;
  const char* dutch = dutchOf(english);
  return dutch != nullptr ? dutch : english;
}

}  // namespace verdeel
