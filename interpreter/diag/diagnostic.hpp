// Diagnostics: what every stage reports instead of throwing. A Diagnostic has a registry code,
// a primary span, a plain-words message, notes (optionally with their own span), a help line and
// the legal basis of the rule being checked or evaluated. The Diagnostics sink collects them in
// order, counts errors and stops accepting more past a limit; render() prints them GNU style.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/source.hpp"

namespace verdeel {

enum class Severity { Error, Warning };

enum class Code : std::uint16_t {
#define VERDEEL_DIAG(code, sev, titleNl, titleEn) code,
#include "diag/codes.def"
#undef VERDEEL_DIAG
};

struct CodeInfo {
  Code code;
  std::string_view name;  // "E0203"
  Severity severity;
  std::string_view titleDutch;
  std::string_view titleEnglish;
  // The title in the current language (lang/language.hpp).
  std::string_view title() const;
};

// The whole registry, in code order.
const std::vector<CodeInfo>& codeRegistry();
const CodeInfo& codeInfo(Code code);

struct Note {
  SourceSpan span;  // may be invalid: a note without position
  std::string message;
};

struct Diagnostic {
  Code code;
  SourceSpan span;
  std::string message;
  std::vector<Note> notes;
  std::string help;
  std::string basis;  // e.g. `art. 2.1 Besluit "Indicatieve verdeling"`
  // A warning a rule set raised to an error (`verdeel lint`, `lint.conf`); else the code's severity.
  std::optional<Severity> raised = std::nullopt;
  Severity severity() const { return raised.value_or(codeInfo(code).severity); }
};

class Diagnostics {
 public:
  explicit Diagnostics(std::size_t limit = 100) : limit_(limit) {}
  // Adds a diagnostic and returns it for notes and help; past the limit it is counted, not kept.
  Diagnostic& report(Code code, SourceSpan span, std::string message);
  bool hasErrors() const { return errors_ > 0; }
  // Makes a reported warning an error (counted as one).
  void raise(Diagnostic& d);
  // For the warnings of one code (a rule set's `lint.conf` for a checker warning): takes them out
  // again, or makes each an error; how many.
  std::size_t removeWarnings(Code code);
  std::size_t raiseWarnings(Code code);
  std::size_t errorCount() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t dropped() const { return dropped_; }
  // How many diagnostics and notes are shown at most (`--max-meldingen`).
  std::size_t limit() const { return limit_; }
  void setBasis(std::string basis) { basis_ = std::move(basis); }  // attached to new reports
  // The diagnostic reported last (for a note on where it happened), or nullptr.
  Diagnostic* last() { return items_.empty() ? nullptr : &items_.back(); }
  // Rewrites every span of every diagnostic and note (a text that stands for part of another file:
  // its positions are given in that file).
  void mapSpans(const std::function<void(SourceSpan&)>& map);
  // Takes the diagnostic reported last out again (the keuzes workbench records an evaluation error
  // of one combination in its matrix and goes on); nullopt when there is none.
  std::optional<Diagnostic> takeLast();

 private:
  std::size_t limit_;
  std::vector<Diagnostic> items_;
  Diagnostic overflow_{};
  std::size_t errors_ = 0;
  std::size_t dropped_ = 0;
  std::string basis_;
};

// Renders all diagnostics: `file:line:col: fout[E0203]: message`, the source line with a caret
// underline, then `= noot:`, `= hulp:` and `= grondslag:` lines (in English `error`, `note`,
// `help`, `basis`: the labels follow the current language, as the messages do). Deterministic, no colour.
// Diagnostics and their notes together are shown up to the limit, the rest counted. Text quoted in a message
// (between backticks) is cut short past 200 characters, and control characters in it are shown as
// `·`: an input never fills the screen or steers the terminal.
std::string render(const Diagnostics& diags, const SourceManager& sources);
std::string render(const Diagnostic& d, const SourceManager& sources);

// Edit distance for "did you mean" suggestions; returns the closest candidate within a small
// distance, or an empty string.
std::string closestMatch(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace verdeel
