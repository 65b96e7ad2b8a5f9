// The layout of a file for the formatter: the parse tree gives every statement its depth and token
// range; each line is then a statement's start or a continuation of the innermost statement it lies
// in. A continuation line is one level deeper than the statement, unless it continues a construct
// (an expression) that began on an earlier continuation line: it then stands level with that line
// when the construct began that line (the operands of `en`, `dan` and `anders` under `als`, an
// `anders als` chain as one), and one level deeper when the construct began after a label in it
// (the second side of a comparison after `ter toetsing:`). Only the line breaks and the parse tree
// decide, not the spaces the author typed: formatting twice gives the same. Comments come from the
// hidden channel.
#include "parse/layout.hpp"

#include <algorithm>
#include <map>

#include "VerdeelLexer.h"
#include "parse/driver.hpp"
#include "source/limits.hpp"

namespace verdeel::parse {

namespace {

using L = grammar::VerdeelLexer;

struct Statement {
  std::size_t start = 0, stop = 0;  // token indices
  int depth = 0;
  bool tableColumn = false;
};

// The token range of a node of the parse tree.
struct Node {
  std::size_t start = 0, stop = 0;
};

// Every node of the tree; the `als` in the `anders` of another `als` counts as beginning where that
// one begins (a chain `als .. dan .. anders als .. dan .. anders ..` is laid out as one construct).
void collectNodes(antlr4::tree::ParseTree* t, std::vector<Node>& out, antlr4::Token* chainStart = nullptr) {
  auto* c = dynamic_cast<antlr4::ParserRuleContext*>(t);
  if (c == nullptr) return;
  antlr4::Token* start = chainStart != nullptr ? chainStart : c->getStart();
  if (start != nullptr && c->getStop() != nullptr && c->getStop()->getTokenIndex() >= start->getTokenIndex())
    out.push_back({start->getTokenIndex(), c->getStop()->getTokenIndex()});
  auto* ifExpr = dynamic_cast<G::IfExprContext*>(c);
  for (auto* child : c->children) {
    const bool chained = ifExpr != nullptr && child == ifExpr->elseValue &&
                         dynamic_cast<G::IfExprContext*>(ifExpr->elseValue) != nullptr;
    collectNodes(child, out, chained ? start : nullptr);
  }
}

class Walker {
 public:
  std::vector<Statement> statements;
  std::vector<Node> nodes;

  void add(antlr4::Token* start, antlr4::Token* stop, int depth, bool column = false) {
    if (start == nullptr) return;
    statements.push_back({start->getTokenIndex(), (stop ? stop : start)->getTokenIndex(), depth, column});
  }
  void add(antlr4::ParserRuleContext* c, int depth) {
    if (c != nullptr) add(c->getStart(), c->getStop(), depth);
  }

  void ruleFile(G::RuleFileContext* f) {
    if (auto* h = f->header()) header(h, h->getStop());
    if (auto* h = f->amendmentHeader()) header(h, h->getStop());
    for (auto* p : f->parameter()) add(p, 0);
    for (auto* item : f->item()) {
      if (auto* a = dynamic_cast<G::ItemArtikelContext*>(item)) artikel(a->artikel(), 0);
      if (auto* p = dynamic_cast<G::ItemPartContext*>(item)) part(p->part(), 0);
      if (auto* t = dynamic_cast<G::ItemTableContext*>(item)) {
        table(t->table(), 0);
        for (auto* p : t->parameter()) add(p, 0);
      }
      if (auto* o = dynamic_cast<G::ItemOutputContext*>(item)) {
        output(o->output(), 0);
        for (auto* p : o->parameter()) add(p, 0);
      }
    }
  }

  void testFile(G::TestFileContext* f) {
    for (auto* t : f->test()) {
      add(t, 0);
      for (auto* item : t->testItem()) add(item, 1);
    }
  }

 private:
  // Every line of the header is a statement of depth 0: each keyword that starts one.
  void header(antlr4::ParserRuleContext* h, antlr4::Token* stop) {
    for (auto* child : h->children)
      if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
        const auto type = t->getSymbol()->getType();
        if (type == L::REGELING || type == L::WIJZIGING || type == L::CITATIE || type == L::WIJZIGT ||
            type == L::BOUWT || (type == L::GELDIG))
          add(t->getSymbol(), stop, 0);
      }
  }

  void artikel(G::ArtikelContext* a, int depth) {
    add(a, depth);
    if (a->WETTEKST() != nullptr) add(a->WETTEKST()->getSymbol(), a->lawText->getStop(), depth + 1);
    for (auto* m : a->member()) add(m, depth + 1);
    if (auto* k = a->choice()) {
      add(k, depth + 1);
      for (auto* alt : k->alternative()) {
        add(alt, depth + 2);
        add(alt->MOTIVERING()->getSymbol(), alt->reasoning->getStop(), depth + 3);
        for (auto* m : alt->choiceMember()) add(m, depth + 3);
      }
    }
  }

  void table(G::TableContext* t, int depth) {
    add(t, depth);
    for (auto* item : t->tableItem()) {
      if (dynamic_cast<G::TableColumnContext*>(item) != nullptr)
        add(item->getStart(), item->getStop(), depth + 1, true);
      else
        add(item, depth + 1);
    }
  }

  void output(G::OutputContext* o, int depth) {
    add(o, depth);
    add(o->KOLOMMEN()->getSymbol(), o->getStop(), depth + 1);
  }

  void part(G::PartContext* p, int depth) {
    add(p, depth);
    auto* c = p->change();
    if (auto* x = dynamic_cast<G::PartReplaceArticleContext*>(c)) artikel(x->artikel(), depth + 1);
    if (auto* x = dynamic_cast<G::PartInsertArticleContext*>(c)) artikel(x->artikel(), depth + 1);
    if (auto* x = dynamic_cast<G::PartAddMembersContext*>(c))
      for (auto* m : x->member()) add(m, depth + 1);
    if (auto* x = dynamic_cast<G::PartReplaceDefinitionContext*>(c)) add(x->member(), depth + 1);
    if (auto* x = dynamic_cast<G::PartReplaceParameterContext*>(c)) add(x->parameter(), depth + 1);
    if (auto* x = dynamic_cast<G::PartAddParameterValueContext*>(c)) add(x->value, depth + 1);
    if (auto* x = dynamic_cast<G::PartReplaceExceptionContext*>(c)) add(x->exception(), depth + 1);
    if (auto* x = dynamic_cast<G::PartReplaceControleContext*>(c)) add(x->member(), depth + 1);
    if (auto* x = dynamic_cast<G::PartReplaceTableContext*>(c)) table(x->table(), depth + 1);
    if (auto* x = dynamic_cast<G::PartInsertTableContext*>(c)) table(x->table(), depth + 1);
    if (auto* x = dynamic_cast<G::PartAddTableSourceContext*>(c))
      for (auto* item : x->source->sourceItem()) add(item, depth + 1);
    if (auto* x = dynamic_cast<G::PartReplaceOutputContext*>(c)) output(x->output(), depth + 1);
    if (auto* x = dynamic_cast<G::PartInsertOutputContext*>(c)) output(x->output(), depth + 1);
  }
};

LayoutToken::Kind kindOf(const antlr4::Token* t) {
  using K = LayoutToken::Kind;
  switch (t->getType()) {
    case L::COMMENT: return K::Comment;
    case L::IDENT: return K::Name;
    case L::NUMBER: return K::Number;
    case L::STRING: return K::Text;
    case L::TEXTBLOCK: return K::TextBlock;
    case L::DATE: return K::Date;
    case L::LPAREN:
    case L::RPAREN:
    case L::COMMA:
    case L::COLON:
    case L::DOT:
    case L::PLUS:
    case L::MINUS:
    case L::STAR:
    case L::SLASH:
    case L::LE:
    case L::GE:
    case L::NE:
    case L::LT:
    case L::GT:
    case L::EQ: return K::Punct;
    default: return K::Word;  // keywords, `d'hondt` and the like
  }
}

// The lines of the file from its tokens (comments included), each with the statement it starts or
// continues and its level of indentation.
void lines(std::vector<Statement>& st, std::vector<Node>& nodes, antlr4::CommonTokenStream& tokens,
           std::uint32_t fileId, Layout& out) {
  std::sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) { return a.start < b.start; });
  std::map<std::size_t, int> levelOf;              // source line -> the level of indentation it was given
  std::map<std::size_t, std::size_t> firstOfLine;  // source line -> its first token (not a comment)
  auto lineOf = [&](std::size_t index) { return tokens.get(index)->getLine(); };
  // Innermost first when two statements start at one token (a member and its definition): the
  // later one added is the deeper one, so a stable sort by start keeps that order last.
  std::stable_sort(st.begin(), st.end(),
                   [](const Statement& a, const Statement& b) { return a.start < b.start; });
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getType() == antlr4::Token::EOF) break;
    const auto line = static_cast<std::uint32_t>(t->getLine());
    if (out.lines.empty() || out.lines.back().line != line) {
      LayoutLine l;
      l.line = line;
      out.lines.push_back(l);
    }
    LayoutLine& l = out.lines.back();
    const SourceSpan span = tokenSpan(fileId, t);
    l.tokens.push_back({kindOf(t), t->getText(), line, span.endLine});
    if (l.tokens.size() > 1 || t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    // The line's first token: the innermost statement it starts, or else the innermost one it lies in.
    const std::size_t index = t->getTokenIndex();
    const Statement* starts = nullptr;
    const Statement* within = nullptr;
    for (const Statement& s : st) {
      if (s.start > index) break;
      if (s.start == index) starts = &s;
      if (s.stop >= index) within = &s;
    }
    const Statement* s = starts ? starts : within;
    if (s == nullptr) continue;
    l.depth = s->depth;
    l.starts = starts != nullptr;
    l.level = s->depth;
    if (!l.starts) {
      // The innermost node that holds this token and began on an earlier line.
      const std::size_t statementLine = lineOf(s->start);
      std::size_t began = statementLine;
      std::size_t beganAt = s->start;
      auto it = std::lower_bound(nodes.begin(), nodes.end(), index,
                                 [](const Node& n, std::size_t i) { return n.start < i; });
      while (it != nodes.begin()) {
        --it;
        if (it->stop >= index && lineOf(it->start) < line) {
          began = lineOf(it->start);
          beganAt = it->start;
          break;
        }
      }
      const auto earlier = levelOf.find(began);
      if (began <= statementLine || earlier == levelOf.end())
        l.level = s->depth + 1;
      else
        l.level = earlier->second + (firstOfLine[began] == beganAt ? 0 : 1);
    }
    levelOf[line] = l.level;
    firstOfLine[line] = index;
    l.tableColumn = starts != nullptr && s->tableColumn &&
                    tokens.get(s->stop)->getLine() == static_cast<std::size_t>(line);
  }
}

}  // namespace

std::optional<Layout> layout(std::uint32_t fileId, const SourceManager& sources, Diagnostics& diags,
                             bool test) {
  Walker walker;
  std::optional<Layout> out;
  auto fill = [&](antlr4::CommonTokenStream& tokens) {
    out = Layout{};
    lines(walker.statements, walker.nodes, tokens, fileId, *out);
  };
  if (test)
    withTree<G::TestFileContext>(
        fileId, sources, diags, Limits{}.nesting, [](G& p) { return p.testFile(); },
        [&](G::TestFileContext* tree, antlr4::CharStream&, antlr4::CommonTokenStream& tokens) {
          walker.testFile(tree);
          collectNodes(tree, walker.nodes);
          fill(tokens);
        });
  else
    withTree<G::RuleFileContext>(
        fileId, sources, diags, Limits{}.nesting, [](G& p) { return p.ruleFile(); },
        [&](G::RuleFileContext* tree, antlr4::CharStream&, antlr4::CommonTokenStream& tokens) {
          walker.ruleFile(tree);
          collectNodes(tree, walker.nodes);
          fill(tokens);
        });
  return out;
}

}  // namespace verdeel::parse
