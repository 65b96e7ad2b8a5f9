#include "diag/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lang/language.hpp"
#include "source/utf8.hpp"

namespace verdeel {

const std::vector<CodeInfo>& codeRegistry() {
  static const std::vector<CodeInfo> registry = {
#define VERDEEL_DIAG(code, sev, titleNl, titleEn) {Code::code, #code, Severity::sev, titleNl, titleEn},
#include "diag/codes.def"
#undef VERDEEL_DIAG
  };
  return registry;
}

std::string_view CodeInfo::title() const {
  return language() == Language::English ? titleEnglish : titleDutch;
}

const CodeInfo& codeInfo(Code code) {
  return codeRegistry().at(static_cast<std::size_t>(code));
}

void Diagnostics::mapSpans(const std::function<void(SourceSpan&)>& map) {
  for (Diagnostic& d : items_) {
    map(d.span);
    for (Note& n : d.notes) map(n.span);
  }
}

std::optional<Diagnostic> Diagnostics::takeLast() {
  if (items_.empty()) return std::nullopt;
  Diagnostic d = std::move(items_.back());
  items_.pop_back();
  if (d.severity() == Severity::Error && errors_ > 0) --errors_;
  return d;
}

void Diagnostics::raise(Diagnostic& d) {
  if (d.severity() == Severity::Error) return;
  d.raised = Severity::Error;
  ++errors_;
}

std::size_t Diagnostics::removeWarnings(Code code) {
  const auto before = items_.size();
  items_.erase(std::remove_if(
                   items_.begin(), items_.end(),
                   [&](const Diagnostic& d) { return d.code == code && d.severity() == Severity::Warning; }),
               items_.end());
  return before - items_.size();
}

std::size_t Diagnostics::raiseWarnings(Code code) {
  std::size_t n = 0;
  for (Diagnostic& d : items_)
    if (d.code == code && d.severity() == Severity::Warning) {
      raise(d);
      ++n;
    }
  return n;
}

Diagnostic& Diagnostics::report(Code code, SourceSpan span, std::string message) {
  bool isError = codeInfo(code).severity == Severity::Error;
  if (isError) ++errors_;
  if (items_.size() >= limit_) {
    ++dropped_;
    overflow_ = Diagnostic{code, span, std::move(message), {}, {}, {}};
    return overflow_;
  }
  items_.push_back(Diagnostic{code, span, std::move(message), {}, {}, basis_});
  return items_.back();
}

namespace {

std::string location(const SourceSpan& s, const SourceManager& sources) {
  if (s.file == 0) return "verdeel";
  if (s.line == 0) return sources.path(s.file);
  return fmt::format("{}:{}:{}", sources.path(s.file), s.line, s.col);
}

// The source line and a caret line under the span (on the first line of the span only).
void appendSnippet(std::string& out, const SourceSpan& s, const SourceManager& sources) {
  if (!s.valid()) return;
  std::string_view text = sources.line(s.file, s.line);
  if (utf8::firstInvalid(text) != std::string_view::npos) return;  // never echo broken bytes
  // Tabs are shown as one space so the caret lines up; control characters and byte-order marks,
  // which a terminal would not show (or would obey), as a middle dot, one character wide as well.
  std::string shown;
  shown.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t') {
      shown += ' ';
    } else if (c < 0x20 || c == 0x7F) {
      shown += "\u00B7";
    } else if (text.substr(i, 3) == "\xEF\xBB\xBF") {
      shown += "\u00B7";
      i += 2;
    } else {
      shown += static_cast<char>(c);
    }
  }
  if (shown.size() > 200) return;  // very long lines (data) are not echoed
  std::string gutter = fmt::format("{}", s.line);
  std::string pad(gutter.size(), ' ');
  std::size_t width = utf8::length(shown);
  std::size_t start = s.col > 0 ? s.col - 1 : 0;
  if (start > width) start = width;
  std::size_t end = (s.endLine == s.line && s.endCol > s.col) ? s.endCol - 1 : start + 1;
  if (end > width && width > start) end = width;
  if (end <= start) end = start + 1;
  out += fmt::format(" {} | {}\n", gutter, shown);
  out += fmt::format(" {} | {}{}\n", pad, std::string(start, ' '), std::string(end - start, '^'));
}

// A message as shown: control characters as `·`, and a quoted text (between backticks) of more
// than 200 characters cut to its first 160 and `…`.
std::string shownMessage(std::string_view m) {
  constexpr std::size_t kLong = 200, kKept = 160;
  std::string out;
  out.reserve(m.size());
  bool quoted = false;
  std::size_t quotedChars = 0;
  std::size_t i = 0;
  while (i < m.size()) {
    const auto c = static_cast<unsigned char>(m[i]);
    if (c == '`') {
      if (!quoted) {
        // Find how long this quote is, in characters.
        const std::size_t close = m.find('`', i + 1);
        const std::size_t inner = close == std::string_view::npos ? m.size() - i - 1 : close - i - 1;
        quotedChars = utf8::length(m.substr(i + 1, inner)) > kLong ? kKept : std::string_view::npos;
      }
      quoted = !quoted;
      out += '`';
      ++i;
      continue;
    }
    std::size_t len = 1;
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    len = std::min(len, m.size() - i);
    if (quoted && quotedChars != std::string_view::npos) {
      if (quotedChars == 0) {  // past what is kept: skip to the closing backtick
        const std::size_t close = m.find('`', i);
        out += "\u2026";
        i = close == std::string_view::npos ? m.size() : close;
        quotedChars = std::string_view::npos;
        continue;
      }
      --quotedChars;
    }
    if (c < 0x20 || c == 0x7F)
      out += "\u00B7";
    else
      out.append(m.substr(i, len));
    i += len;
  }
  return out;
}

void renderInto(std::string& out, const Diagnostic& d, const SourceManager& sources, std::size_t notes) {
  const CodeInfo& info = codeInfo(d.code);
  out += fmt::format("{}: {}[{}]: {}\n", location(d.span, sources),
                     d.severity() == Severity::Error ? tr("error") : tr("warning"), info.name,
                     shownMessage(d.message));
  appendSnippet(out, d.span, sources);
  for (std::size_t k = 0; k < notes && k < d.notes.size(); ++k) {
    const Note& n = d.notes[k];
    if (n.span.valid()) {
      out += fmt::format("{}: {}: {}\n", location(n.span, sources), tr("note"), shownMessage(n.message));
      appendSnippet(out, n.span, sources);
    } else {
      out += fmt::format("  = {}: {}\n", tr("note"), shownMessage(n.message));
    }
  }
  if (!d.help.empty()) out += fmt::format("  = {}: {}\n", tr("help"), shownMessage(d.help));
  if (!d.basis.empty()) out += fmt::format("  = {}: {}\n", tr("basis"), shownMessage(d.basis));
}

}  // namespace

std::string render(const Diagnostic& d, const SourceManager& sources) {
  std::string out;
  renderInto(out, d, sources, d.notes.size());
  return out;
}

std::string render(const Diagnostics& diags, const SourceManager& sources) {
  std::string out;
  // Notes count toward the limit as diagnostics do: a diagnostic with a thousand notes does not
  // print a thousand lines.
  std::size_t budget = diags.limit(), droppedNotes = 0, droppedDiagnostics = diags.dropped();
  for (const Diagnostic& d : diags.all()) {
    if (budget == 0) {
      ++droppedDiagnostics;
      continue;
    }
    --budget;
    const std::size_t notes = std::min(budget, d.notes.size());
    budget -= notes;
    droppedNotes += d.notes.size() - notes;
    renderInto(out, d, sources, notes);
  }
  if (droppedDiagnostics > 0 || droppedNotes > 0)
    out +=
        trf("verdeel: note: {} more diagnostics and {} more notes not shown (limit reached; "
            "`--max-meldingen` shows more)\n",
            droppedDiagnostics, droppedNotes);
  return out;
}

namespace {
std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string closestMatch(std::string_view name, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  std::string best;
  std::size_t bestDist = limit + 1;
  for (const std::string& c : candidates) {
    std::size_t d = editDistance(name, c);
    if (d == 0) continue;
    if (d < bestDist || (d == bestDist && c < best)) {
      bestDist = d;
      best = c;
    }
  }
  return best;
}

}  // namespace verdeel
