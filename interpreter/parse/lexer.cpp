#include "parse/lexer.hpp"
#include "parse/parse.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace verdeel::parse {

namespace {

// Keyword text -> token type, from the literal names of the grammar's vocabulary (`'regeling'`).
const std::unordered_map<std::string, std::size_t>& keywords(const antlr4::dfa::Vocabulary& vocab) {
  static const std::unordered_map<std::string, std::size_t> table = [&] {
    std::unordered_map<std::string, std::size_t> out;
    for (std::size_t t = 1; t <= vocab.getMaxTokenType(); ++t) {
      const std::string lit = vocab.getLiteralName(t);
      if (lit.size() < 3 || lit.front() != '\'') continue;
      const std::string word = lit.substr(1, lit.size() - 2);
      bool isWord = true;
      for (char c : word) isWord = isWord && c >= 'a' && c <= 'z';
      if (isWord) out.emplace(word, t);
    }
    return out;
  }();
  return table;
}

// The table, from the vocabulary of a lexer made for the purpose.
const std::unordered_map<std::string, std::size_t>& keywordTable() {
  static const auto* table = [] {
    antlr4::ANTLRInputStream input("");
    grammar::VerdeelLexer lexer(&input);
    return &keywords(lexer.getVocabulary());
  }();
  return *table;
}

}  // namespace

std::size_t keywordType(const std::u32string& text, std::size_t start, std::size_t length) {
  constexpr std::size_t kLongest = 24;  // longer than every keyword
  if (length > kLongest) return grammar::VerdeelLexer::IDENT;
  std::string word(length, ' ');
  for (std::size_t k = 0; k < length; ++k) {
    const char32_t c = text[start + k];
    if (c < 'a' || c > 'z') return grammar::VerdeelLexer::IDENT;
    word[k] = static_cast<char>(c);
  }
  const auto& table = keywordTable();
  const auto it = table.find(word);
  if (it == table.end()) return grammar::VerdeelLexer::IDENT;
  return it->second;
}

antlr4::Token* KeywordLexer::emit() {
  if (type == IDENT) {
    const auto& table = keywords(getVocabulary());
    if (auto it = table.find(getText()); it != table.end()) type = it->second;
  }
  return grammar::VerdeelLexer::emit();
}

std::vector<std::string> keywords() {
  std::vector<std::string> out;
  for (const auto& [word, type] : keywordTable()) out.push_back(word);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace verdeel::parse
