#include "parse/scanner.hpp"

#include <algorithm>
#include <array>

#include "VerdeelLexer.h"
#include "parse/keywords.hpp"
#include "unicode/utf8.h"

namespace verdeel::parse {

namespace {

using L = grammar::VerdeelLexer;
constexpr char32_t kEnd = 0xFFFFFFFF;  // past the last code point

// The text from one position on, read as the lexer reads it.
struct Cursor {
  const std::u32string& s;
  std::size_t i;
  char32_t at(std::size_t k) const { return i + k < s.size() ? s[i + k] : kEnd; }
  bool startsWith(std::u32string_view word) const {
    return s.size() - i >= word.size() && std::u32string_view(s).substr(i, word.size()) == word;
  }
};

bool digit(char32_t c) {
  return c >= '0' && c <= '9';
}
bool asciiLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// NON_ASCII: ~[\u0000-\u007F\u00A0\u2000-\u206F\u3000\uFEFF]
bool nonAscii(char32_t c) {
  return c > 0x7F && c != 0xA0 && !(c >= 0x2000 && c <= 0x206F) && c != 0x3000 && c != 0xFEFF && c != kEnd;
}
bool nameStart(char32_t c) {
  return asciiLetter(c) || c == '_' || nonAscii(c);
}
bool namePart(char32_t c) {
  return nameStart(c) || digit(c);
}
bool space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0;
}

// Each function below gives the length of the longest prefix of the text at `c` that the rule of
// the same name in VerdeelLexer.g4 matches, or 0 when it matches none.

std::size_t date(const Cursor& c) {
  static constexpr std::array<bool, 10> isDigit{true, true, true, true, false, true, true, false, true, true};
  for (std::size_t k = 0; k < isDigit.size(); ++k)
    if (isDigit[k] ? !digit(c.at(k)) : c.at(k) != '-') return 0;
  return isDigit.size();
}

// NUMBER : [0-9] ([0-9_]* [0-9])? ([.,] [0-9]+)? '%'?
std::size_t number(const Cursor& c) {
  if (!digit(c.at(0))) return 0;
  std::size_t end = 1;
  for (std::size_t k = 1; digit(c.at(k)) || c.at(k) == '_'; ++k)
    if (digit(c.at(k))) end = k + 1;
  if ((c.at(end) == '.' || c.at(end) == ',') && digit(c.at(end + 1))) {
    end += 2;
    while (digit(c.at(end))) ++end;
  }
  if (c.at(end) == '%') ++end;
  return end;
}

// After `"""`: the body holds no run of three quotes, and each quote in it is followed by another
// character; the first run of three or more quotes closes the block with its first three. Gives
// the length of TEXTBLOCK, or sets `toEnd` when the text ends first (UNTERMINATED_TEXTBLOCK).
std::size_t textBlock(const Cursor& c, bool& toEnd) {
  toEnd = false;
  if (!c.startsWith(U"\"\"\"")) return 0;
  std::size_t k = 3;
  for (;;) {
    const char32_t ch = c.at(k);
    if (ch == kEnd) {
      toEnd = true;
      return 0;
    }
    if (ch != '"') {
      ++k;
      continue;
    }
    std::size_t run = 0;
    while (c.at(k + run) == '"') ++run;
    if (run >= 3) return k + 3;
    if (c.at(k + run) == kEnd) {
      toEnd = true;
      return 0;
    }
    k += run;
  }
}

// STRING : '"' (~["\r\n] | '""')* '"'   and   UNTERMINATED_STRING : '"' (~["\r\n] | '""')*
// Both at once: `closed` is the longest STRING (0: none), the result the UNTERMINATED_STRING.
std::size_t string(const Cursor& c, std::size_t& closed) {
  closed = 0;
  if (c.at(0) != '"') return 0;
  std::size_t k = 1;
  for (;;) {
    const char32_t ch = c.at(k);
    if (ch == kEnd || ch == '\r' || ch == '\n') return k;
    if (ch != '"') {
      ++k;
      continue;
    }
    closed = k + 1;  // this quote may close the string ...
    if (c.at(k + 1) != '"') return k;
    k += 2;  // ... or, doubled, stand in it
  }
}

std::size_t ident(const Cursor& c) {
  if (!nameStart(c.at(0))) return 0;
  std::size_t k = 1;
  while (namePart(c.at(k))) ++k;
  return k;
}

std::size_t comment(const Cursor& c) {
  if (c.at(0) != '#') return 0;
  std::size_t k = 1;
  while (c.at(k) != kEnd && c.at(k) != '\r' && c.at(k) != '\n') ++k;
  return k;
}

std::size_t whiteSpace(const Cursor& c) {
  std::size_t k = 0;
  while (space(c.at(k))) ++k;
  return k;
}

std::size_t punctuation(const Cursor& c, std::size_t& type) {
  const char32_t a = c.at(0), b = c.at(1);
  if (a == '<' && b == '=') return type = L::LE, 2;
  if (a == '>' && b == '=') return type = L::GE, 2;
  if (a == '<' && b == '>') return type = L::NE, 2;
  switch (a) {
    case '(': return type = L::LPAREN, 1;
    case ')': return type = L::RPAREN, 1;
    case ',': return type = L::COMMA, 1;
    case ':': return type = L::COLON, 1;
    case '.': return type = L::DOT, 1;
    case '+': return type = L::PLUS, 1;
    case '-': return type = L::MINUS, 1;
    case '*': return type = L::STAR, 1;
    case '/': return type = L::SLASH, 1;
    case '<': return type = L::LT, 1;
    case '>': return type = L::GT, 1;
    case '=': return type = L::EQ, 1;
    default: return 0;
  }
}

// The longest match over all rules, the earlier rule of the grammar on a tie.
struct Match {
  std::size_t length = 0;
  std::size_t type = L::BAD_CHAR;
  void offer(std::size_t len, std::size_t t) {
    if (len > length) length = len, type = t;
  }
  // A rule that matches the end of the text (EOF in the grammar) wins a tie: ANTLR takes the end as
  // one more step of the match.
  void offerToEnd(std::size_t len, std::size_t t) {
    if (len > 0 && len >= length) length = len, type = t;
  }
};

// Only rules whose first character can be the one at `c` are tried; among those, they are offered
// in the grammar's order, so that the earlier rule wins a tie.
Match longest(const Cursor& c) {
  Match m;
  const char32_t first = c.at(0);
  if (first == '"') {
    bool blockToEnd = false;
    m.offer(textBlock(c, blockToEnd), L::TEXTBLOCK);
    std::size_t closed = 0;
    const std::size_t open = string(c, closed);
    m.offer(closed, L::STRING);
    if (blockToEnd) m.offerToEnd(c.s.size() - c.i, L::UNTERMINATED_TEXTBLOCK);
    m.offer(open, L::UNTERMINATED_STRING);
  } else if (digit(first)) {
    m.offer(date(c), L::DATE);
    m.offer(number(c), L::NUMBER);
  } else if (nameStart(first)) {
    if (first == 'd' && c.startsWith(U"d'hondt")) m.offer(7, L::DHONDT);
    if (first == 's' && (c.startsWith(U"sainte-lagu\u00EB") || c.startsWith(U"sainte-lague")))
      m.offer(12, L::SAINTE_LAGUE);
    if (first == 'h' && c.startsWith(U"huntington-hill")) m.offer(15, L::HUNTINGTON_HILL);
    m.offer(ident(c), L::IDENT);
  } else if (first == '#') {
    m.offer(comment(c), L::COMMENT);
  } else if (space(first)) {
    m.offer(whiteSpace(c), L::WS);
  } else {
    std::size_t type = 0;
    if (const std::size_t len = punctuation(c, type)) m.offer(len, type);
  }
  m.offer(1, L::BAD_CHAR);
  return m;
}

}  // namespace

CodePointStream::CodePointStream(std::string_view utf8) {
  if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);  // as ANTLR's stream: no byte-order mark
  utf8_ = utf8;
  _data.resize(utf8.size());  // at most one code point a byte
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  std::size_t n = 0;
  std::size_t more = 0;
  std::int32_t i = 0;
  while (i < length) {
    if (bytes[i] < 0x80) {  // ASCII, nearly all of a rule file
      _data[n++] = bytes[i++];
      continue;
    }
    const std::int32_t from = i;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) valid_ = false;
    more += static_cast<std::size_t>(i - from - 1);
    wide_.push_back(n);
    more_.push_back(more);
    _data[n++] = cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp);
  }
  _data.resize(n);
}

// Where code point `codePoint` starts in utf8_ (utf8_.size() for the end).
std::size_t CodePointStream::byteOffset(std::size_t codePoint) const {
  // The wide code points before this one, and the bytes they take past one each.
  const auto before = std::lower_bound(wide_.begin(), wide_.end(), codePoint) - wide_.begin();
  return codePoint + (before == 0 ? 0 : more_[static_cast<std::size_t>(before) - 1]);
}

std::string CodePointStream::getText(const antlr4::misc::Interval& interval) {
  if (interval.a < 0 || interval.b < 0 || _data.empty()) return {};
  const auto start = static_cast<std::size_t>(interval.a);
  const std::size_t stop = std::min(static_cast<std::size_t>(interval.b), _data.size() - 1);
  if (start >= _data.size() || stop < start) return {};
  if (valid_) {
    const std::size_t from = byteOffset(start);
    return utf8_.substr(from, byteOffset(stop + 1) - from);
  }
  std::string out(4 * (stop - start + 1), '\0');  // at most four bytes a code point
  auto* bytes = reinterpret_cast<std::uint8_t*>(out.data());
  std::int32_t length = 0;
  for (std::size_t k = start; k <= stop; ++k)  // every code point here is valid: decoded above, or U+FFFD
    U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(_data[k]));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::size_t ScannedTokens::fetch(std::size_t n) {
  if (_fetchedEOF) return 0;
  std::size_t fetched = 0;
  while (fetched < n) {
    std::unique_ptr<antlr4::Token> t = _tokenSource->nextToken();
    static_cast<antlr4::CommonToken*>(t.get())->setTokenIndex(_tokens.size());  // see the class
    _tokens.push_back(std::move(t));
    ++fetched;
    if (_tokens.back()->getType() == antlr4::Token::EOF) {
      _fetchedEOF = true;
      break;
    }
  }
  return fetched;
}

antlr4::TokenFactory<antlr4::CommonToken>* Scanner::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

void Scanner::advance(std::size_t length) {
  for (const std::size_t end = at_ + length; at_ < end; ++at_) {
    if (text_[at_] == '\n') {
      ++line_;
      column_ = 0;
    } else {
      ++column_;
    }
  }
}

std::unique_ptr<antlr4::Token> Scanner::nextToken() {
  auto* factory = getTokenFactory();
  for (;;) {
    if (at_ >= text_.size())
      return factory->create({this, &input_}, antlr4::Token::EOF, "", antlr4::Token::DEFAULT_CHANNEL, at_,
                             at_ - 1, line_, column_);
    Match m = longest(Cursor{text_, at_});
    const std::size_t start = at_, line = line_, column = column_;
    advance(m.length);
    if (m.type == L::WS) continue;  // -> skip
    if (m.type == L::IDENT) m.type = keywordType(text_, start, m.length);
    const std::size_t channel =
        m.type == L::COMMENT ? antlr4::Token::HIDDEN_CHANNEL : antlr4::Token::DEFAULT_CHANNEL;
    return factory->create({this, &input_}, m.type, "", channel, start, at_ - 1, line, column);
  }
}

}  // namespace verdeel::parse
