// The AST builder of the parse stage: converts the labelled parse tree contexts of one rule file
// into ast:: nodes with typed functions (no antlrcpp::Any). Its definitions are in three files:
// builder.cpp (files, articles, rules, tables, outputs), builder_expr.cpp (expressions) and
// builder_parts.cpp (amending regulations and their parts). Internal to interpreter/parse.
#pragma once

#include <cstdint>
#include <string>
#include <typeinfo>

#include "VerdeelLexer.h"
#include "VerdeelParser.h"
#include "antlr4-runtime.h"
#include "ast/ast.hpp"
#include "ast/toets.hpp"
#include "diag/diagnostic.hpp"
#include "parse/tokens.hpp"

namespace verdeel::parse {

// The node `ctx` as the labelled alternative (or rule) T, or nullptr when it is another. Every T asked
// for is a leaf of the generated classes, so its exact class decides: typeid compares that class once,
// where dynamic_cast walks the class hierarchy and compares type names at every level of it.
template <typename T, typename Ctx>
T* as(Ctx* ctx) {
  return ctx != nullptr && typeid(*ctx) == typeid(T) ? static_cast<T*>(ctx) : nullptr;
}

using G = grammar::VerdeelParser;
using L = grammar::VerdeelLexer;

class Builder {
 public:
  Builder(std::uint32_t file, std::string baseDir, antlr4::CharStream& input, Diagnostics& diags)
      : file_(file), baseDir_(std::move(baseDir)), input_(input), diags_(diags) {}

  void build(G::RuleFileContext* ctx, ast::RuleSet& out);

  // A string token's text without its quotes (`""` is one `"`).
  static std::string unquote(const std::string& raw);
  // A text block keeps its lines verbatim, less the first line break and the common indentation.
  static std::string textBlock(const std::string& raw);
  // The lines of a text block's body (between the quotes of `raw`), a carriage return before each
  // line feed left out; and the indentation (spaces and tabs) the lines from `first` on that hold
  // more than white space have in common (0 when none does).
  static std::vector<std::string> blockLines(const std::string& raw);
  static std::size_t commonIndent(const std::vector<std::string>& lines, std::size_t first);

 private:
  std::uint32_t file_;
  std::string baseDir_;
  antlr4::CharStream& input_;
  Diagnostics& diags_;

  SourceSpan span(antlr4::ParserRuleContext* c) const { return ctxSpan(file_, c); }
  SourceSpan span(antlr4::Token* t) const { return tokenSpan(file_, t); }
  ast::Ident ident(antlr4::Token* t) const { return ast::Ident{t->getText(), span(t)}; }

  std::string text(G::TextContext* t) const;
  Date date(antlr4::Token* t);
  ast::Header header(G::HeaderContext* h);
  void amendmentFile(G::AmendmentHeaderContext* h, G::RuleFileContext* ctx, ast::RuleSet& out);
  // The source text of a rule context as written (comments and white space inside included).
  std::string textOf(antlr4::ParserRuleContext* c);
  // An article number as written, its words one space apart (`8a P`, `2.1a besluit`, `I`).
  std::string articleNumber(antlr4::ParserRuleContext* c);
  ast::AmendmentPart part(G::PartContext* p);
  void member(G::MemberContext* m, int index, ast::Fragment& out);
  void choice(G::ChoiceContext* k, int index, ast::Fragment& out);
  void artikel(G::ArtikelContext* a, ast::Fragment& out);
  ast::TypeRef typeRef(G::TypeRefContext* t);
  ast::TableDecl table(G::TableContext* t);
  ast::TableSourceDecl datedSource(G::DatedSourceContext* s);
  static ast::Herkomst herkomst(G::HerkomstStatusContext* s);
  ast::ParameterDecl parameter(G::ParameterContext* p, int article);
  ast::ParameterValue parameterValue(G::ExprContext* e, antlr4::Token* from, antlr4::Token* basis,
                                     antlr4::ParserRuleContext* v);
  ast::DefinitionDecl definition(G::DefinitionContext* d, int article);
  ast::DefinitionDecl apportionment(G::ApportionmentContext* v, int article);
  ast::ExceptionDecl exception(G::ExceptionContext* e, int article);
  ast::ControleDecl controle(G::ControleContext* c, int article);
  ast::ControleDecl claim(G::ClaimContext* c, int article);
  ast::OutputDecl output(G::OutputContext* o);
  template <typename T>
  ast::ExprPtr make(antlr4::ParserRuleContext* ctx, T node) {
    auto e = std::make_unique<ast::Expr>();
    e->span = span(ctx);
    e->node = std::move(node);
    return e;
  }

  static ast::BinOp binOp(antlr4::Token* op);
  ast::ExprPtr expr(G::ExprContext* e);
  ast::ExprPtr primary(G::PrimaryContext* p);
  ast::ExprPtr unitQuery(G::NameRefContext* u);
};

// The builder of a test file (parse/toets.cpp).
void buildTests(G::TestFileContext* ctx, std::uint32_t file, const std::string& baseDir, Diagnostics& diags,
                ast::TestFile& out);

}  // namespace verdeel::parse
