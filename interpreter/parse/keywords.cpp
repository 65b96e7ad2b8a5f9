#include "parse/keywords.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "ListTokenSource.h"
#include "VerdeelLexer.h"
#include "VerdeelParser.h"
#include "antlr4-runtime.h"
#include "parse/parse.hpp"

namespace verdeel::parse {

namespace {

using Table = std::unordered_map<std::string, std::size_t>;

// Keyword text -> token type, from the literal names of the vocabulary of a parser made for the
// purpose (over a text of no tokens but the end).
const Table& table() {
  static const Table out = [] {
    std::vector<std::unique_ptr<antlr4::Token>> end;
    end.push_back(std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF));
    antlr4::ListTokenSource source(std::move(end));
    antlr4::CommonTokenStream tokens(&source);
    grammar::VerdeelParser parser(&tokens);
    const antlr4::dfa::Vocabulary& vocab = parser.getVocabulary();
    Table words;
    for (std::size_t t = 1; t <= vocab.getMaxTokenType(); ++t) {
      const std::string lit = vocab.getLiteralName(t);
      if (lit.size() < 3 || lit.front() != '\'') continue;
      const std::string word = lit.substr(1, lit.size() - 2);
      if (std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        words.emplace(word, t);
    }
    return words;
  }();
  return out;
}

}  // namespace

std::size_t keywordType(std::string_view word) {
  const auto it = table().find(std::string(word));
  if (it == table().end()) return grammar::VerdeelLexer::IDENT;
  return it->second;
}

std::size_t keywordType(const std::u32string& text, std::size_t start, std::size_t length) {
  constexpr std::size_t kLongest = 24;  // longer than every keyword
  if (length > kLongest) return grammar::VerdeelLexer::IDENT;
  std::string word(length, ' ');
  for (std::size_t k = 0; k < length; ++k) {
    const char32_t c = text[start + k];
    if (c < 'a' || c > 'z') return grammar::VerdeelLexer::IDENT;
    word[k] = static_cast<char>(c);
  }
  return keywordType(word);
}

std::vector<std::string> keywords() {
  std::vector<std::string> out;
  for (const auto& [word, type] : table()) out.push_back(word);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace verdeel::parse
