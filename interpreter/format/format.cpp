#include "format/format.hpp"

#include <algorithm>
#include <vector>

#include "parse/layout.hpp"

namespace verdeel::format {

namespace {

using K = parse::LayoutToken::Kind;

bool isPunct(const parse::LayoutToken& t, std::string_view p) {
  return t.kind == K::Punct && t.text == p;
}

// A word after which `(` opens its arguments: the aggregates, `afgerond`, and a name (`laatste_eenheid(x)`).
bool callsWith(const parse::LayoutToken& t) {
  if (t.kind == K::Name) return true;
  static const char* const words[] = {"som", "minimum", "maximum", "lijst", "aantal", "afgerond"};
  return t.kind == K::Word && std::find(std::begin(words), std::end(words), t.text) != std::end(words);
}

// A `-` that negates: after an operator, `(`, `,`, `:` or a keyword, or first in the file; `before`
// is the token before it (on an earlier line too), or nullptr.
bool unaryMinus(const parse::LayoutToken& t, const parse::LayoutToken* before) {
  if (!isPunct(t, "-")) return false;
  if (before == nullptr || before->kind == K::Word) return true;
  return before->kind == K::Punct && before->text != ")";
}

// The tokens of one line, one space apart where the layout wants one; `before` is the last token of
// the code before the line (for a `-` that starts it), or nullptr.
std::string join(const std::vector<parse::LayoutToken>& tokens, const parse::LayoutToken* before = nullptr) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const parse::LayoutToken& t = tokens[i];
    if (i > 0) {
      const parse::LayoutToken& p = tokens[i - 1];
      bool space = true;
      if (t.kind == K::Comment) {
        out += "  ";  // a comment after code: two spaces before the `#`
        space = false;
      }
      if (isPunct(t, ",") || isPunct(t, ")") || isPunct(t, ".") || isPunct(t, ":")) space = false;
      if (isPunct(p, "(") || isPunct(p, ".")) space = false;
      if (isPunct(t, "(") && callsWith(p)) space = false;
      if (unaryMinus(p, i >= 2 ? &tokens[i - 2] : before)) space = false;
      // A fraction written as two numbers: `2/3`.
      if ((isPunct(t, "/") && p.kind == K::Number && i + 1 < tokens.size() &&
           tokens[i + 1].kind == K::Number) ||
          (isPunct(p, "/") && t.kind == K::Number && i >= 2 && tokens[i - 2].kind == K::Number))
        space = false;
      if (space) out += ' ';
    }
    out += t.text;
  }
  return out;
}

std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

std::optional<std::string> format(std::uint32_t file, const SourceManager& sources, Diagnostics& diags,
                                  bool test) {
  auto layout = parse::layout(file, sources, diags, test);
  if (!layout) return std::nullopt;
  auto& lines = layout->lines;
  const std::size_t n = lines.size();

  // The indentation of every code line; a comment line takes the next code line's.
  std::vector<std::size_t> indent(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const parse::LayoutLine& l = lines[i];
    if (l.tokens.front().kind == K::Comment) continue;
    indent[i] = static_cast<std::size_t>(l.level) * 2;  // parse/layout.hpp: two spaces a level
  }
  for (std::size_t i = n; i-- > 0;)
    if (lines[i].tokens.front().kind == K::Comment) indent[i] = i + 1 < n ? indent[i + 1] : 0;

  // The text of every line, with the types of consecutive `kolom` lines aligned.
  std::vector<std::string> text(n);
  const parse::LayoutToken* before = nullptr;
  for (std::size_t i = 0; i < n; ++i) {
    text[i] = join(lines[i].tokens, before);
    for (const auto& t : lines[i].tokens)
      if (t.kind != K::Comment) before = &t;
  }
  for (std::size_t i = 0; i < n;) {
    if (!lines[i].tableColumn) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t widest = 0;
    std::vector<std::size_t> colon(n, 0);
    while (j < n && lines[j].tableColumn && (j == i || lines[j].line == lines[j - 1].line + 1)) {
      const auto& toks = lines[j].tokens;
      const auto at = std::find_if(toks.begin(), toks.end(), [](const auto& t) { return isPunct(t, ":"); });
      if (at == toks.end()) break;
      colon[j] = width(join({toks.begin(), at + 1}));
      widest = std::max(widest, colon[j]);
      ++j;
    }
    for (std::size_t k = i; k < j; ++k) {
      const auto& toks = lines[k].tokens;
      const auto at = std::find_if(toks.begin(), toks.end(), [](const auto& t) { return isPunct(t, ":"); });
      text[k] =
          join({toks.begin(), at + 1}) + std::string(widest - colon[k] + 1, ' ') + join({at + 1, toks.end()});
    }
    i = j;
  }

  std::string out;
  std::uint32_t previousEnd = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && lines[i].line > previousEnd + 1) out += '\n';  // blank lines: one
    out += std::string(indent[i], ' ') + text[i] + '\n';
    previousEnd = lines[i].line;
    for (const auto& t : lines[i].tokens) previousEnd = std::max(previousEnd, t.endLine);
  }
  return out;
}

}  // namespace verdeel::format
