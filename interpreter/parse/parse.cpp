// The AST builder: runs the ANTLR lexer and parser over one source and converts the labelled parse
// tree contexts into ast:: nodes with typed functions (no antlrcpp::Any). Syntax errors are
// reworded by SyntaxErrorListener.
#include <fmt/format.h>

#include <algorithm>

#include "VerdeelLexer.h"
#include "VerdeelParser.h"
#include "antlr4-runtime.h"
#include "parse/lexer.hpp"
#include "parse/parse.hpp"
#include "source/utf8.hpp"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace verdeel::parse {

using G = grammar::VerdeelParser;
using L = grammar::VerdeelLexer;

namespace {

// ------------------------------------------------------------------ positions

SourceSpan tokenSpan(std::uint32_t file, const antlr4::Token* t) {
  if (t == nullptr) return {};
  auto line = static_cast<std::uint32_t>(t->getLine());
  auto col = static_cast<std::uint32_t>(t->getCharPositionInLine()) + 1;
  std::string text = t->getType() == antlr4::Token::EOF ? std::string() : t->getText();
  std::uint32_t endLine = line, endCol = col;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++endLine;
      endCol = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++endCol;
    }
  }
  if (text.empty()) endCol = col + 1;
  return SourceSpan{file, line, col, endLine, endCol};
}

SourceSpan ctxSpan(std::uint32_t file, antlr4::ParserRuleContext* ctx) {
  SourceSpan a = tokenSpan(file, ctx->getStart());
  SourceSpan b = tokenSpan(file, ctx->getStop() ? ctx->getStop() : ctx->getStart());
  a.endLine = b.endLine;
  a.endCol = b.endCol;
  return a;
}

// ------------------------------------------------------------------ syntax errors

std::string describeToken(const antlr4::dfa::Vocabulary& vocab, std::size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "the end of the file";
    case L::IDENT: return "a name";
    case L::NUMBER: return "a number";
    case L::STRING: return "a text in quotes";
    case L::TEXTBLOCK: return "a text block";
    case L::DATE: return "a date (jjjj-mm-dd)";
    default: break;
  }
  std::string lit = vocab.getLiteralName(type);
  if (lit.size() >= 2 && lit.front() == '\'') lit = lit.substr(1, lit.size() - 2);
  return fmt::format("`{}`", lit);
}

std::string keywordText(const antlr4::dfa::Vocabulary& vocab, std::size_t type) {
  std::string lit = vocab.getLiteralName(type);
  if (lit.size() >= 2 && lit.front() == '\'') return lit.substr(1, lit.size() - 2);
  return {};
}

// A character as shown in a message: itself between backticks, or its code point when it cannot be
// seen (control characters, a byte-order mark, non-breaking and zero-width spaces).
std::string visible(const std::string& ch) {
  const auto* b = reinterpret_cast<const unsigned char*>(ch.data());
  std::uint32_t cp = 0;
  if (ch.size() == 1)
    cp = b[0];
  else if (ch.size() == 2)
    cp = ((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
  else if (ch.size() == 3)
    cp = ((b[0] & 0x0Fu) << 12) | ((b[1] & 0x3Fu) << 6) | (b[2] & 0x3Fu);
  else if (ch.size() == 4)
    cp = ((b[0] & 0x07u) << 18) | ((b[1] & 0x3Fu) << 12) | ((b[2] & 0x3Fu) << 6) | (b[3] & 0x3Fu);
  if (cp < 0x20 || cp == 0x7F) return fmt::format("U+{:04X} (a control character)", cp);
  if (cp == 0xFEFF) return "U+FEFF (a byte-order mark)";
  if (cp == 0x200B || cp == 0x00A0 || cp == 0x2060) return fmt::format("U+{:04X} (an invisible space)", cp);
  return fmt::format("`{}`", ch);
}

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(std::uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}
  bool failed() const { return failed_; }

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t, size_t,
                   const std::string&, std::exception_ptr) override {
    if (failed_) return;  // the first error per file only
    failed_ = true;
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    SourceSpan span = tokenSpan(file_, offending);
    const int type =
        offending ? static_cast<int>(offending->getType()) : static_cast<int>(antlr4::Token::EOF);
    if (type == L::UNTERMINATED_STRING || type == L::UNTERMINATED_TEXTBLOCK) {
      span.endLine = span.line;
      span.endCol = span.col + 1;
      auto& d = diags_.report(Code::E0102, span, "this text has no closing quote");
      d.help = type == L::UNTERMINATED_STRING ? "end the text with `\"` on the same line, or use a text "
                                                "block `\"\"\"...\"\"\"` for several lines"
                                              : "end the text block with `\"\"\"`";
      return;
    }
    if (type == L::BAD_CHAR) {
      auto& d = diags_.report(Code::E0103, span,
                              fmt::format("unexpected character {}", visible(offending->getText())));
      d.help = "comments start with `#`; texts go between double quotes";
      return;
    }
    const auto& vocab = parser->getVocabulary();
    antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
    std::vector<std::size_t> types;
    for (const auto& iv : expected.getIntervals())
      for (ssize_t t = iv.a; t <= iv.b; ++t) types.push_back(static_cast<std::size_t>(t));
    // A text block is accepted wherever a text is; do not list it twice.
    if (std::find(types.begin(), types.end(), L::STRING) != types.end())
      types.erase(std::remove(types.begin(), types.end(), static_cast<std::size_t>(L::TEXTBLOCK)),
                  types.end());
    std::string found = static_cast<long long>(type) == static_cast<long long>(antlr4::Token::EOF)
                            ? "the end of the file"
                            : fmt::format("`{}`", offending->getText());
    std::string message;
    std::string help;
    if (!types.empty() && types.size() <= 4) {
      std::string list;
      for (std::size_t i = 0; i < types.size(); ++i) {
        if (i > 0) list += i + 1 == types.size() ? " or " : ", ";
        list += describeToken(vocab, types[i]);
      }
      message = fmt::format("expected {}, found {}", list, found);
    } else {
      message = found == "the end of the file" ? std::string("the file ends in the middle of a rule")
                                               : fmt::format("unexpected {}", found);
      if (!types.empty()) {
        std::string list;
        std::size_t shown = std::min<std::size_t>(types.size(), 8);
        for (std::size_t i = 0; i < shown; ++i) list += (i ? ", " : "") + describeToken(vocab, types[i]);
        if (shown < types.size()) list += ", ...";
        help = fmt::format("here the rules allow {}", list);
      }
    }
    // "did you mean": a name close to a keyword that was expected here.
    if (type == L::IDENT) {
      std::vector<std::string> keywords;
      for (std::size_t t : types)
        if (auto k = keywordText(vocab, t); !k.empty()) keywords.push_back(k);
      std::string m = closestMatch(offending->getText(), keywords);
      if (m.empty()) {
        // ANTLR's expected set can miss keywords of an enclosing loop (a `definitie` after the
        // members of an artikel), so a near miss of any keyword is suggested too.
        std::vector<std::string> all;
        for (std::size_t t = 1; t <= vocab.getMaxTokenType(); ++t)
          if (auto k = keywordText(vocab, t); !k.empty()) all.push_back(k);
        m = closestMatch(offending->getText(), all);
      }
      if (!m.empty()) help = fmt::format("did you mean `{}`?", m);
    } else if (offending && !keywordText(vocab, static_cast<std::size_t>(type)).empty() &&
               std::find(types.begin(), types.end(), static_cast<std::size_t>(L::IDENT)) != types.end()) {
      help =
          fmt::format("`{}` is a keyword of the language and cannot be used as a name", offending->getText());
    }
    auto& d = diags_.report(Code::E0104, span, message);
    d.help = help;
  }

 private:
  std::uint32_t file_;
  Diagnostics& diags_;
  bool failed_ = false;
};

// ------------------------------------------------------------------ the builder

class Builder {
 public:
  Builder(std::uint32_t file, std::string baseDir, antlr4::CharStream& input, Diagnostics& diags)
      : file_(file), baseDir_(std::move(baseDir)), input_(input), diags_(diags) {}

  void build(G::RuleFileContext* ctx, ast::RuleSet& out) {
    if (auto* h = ctx->header()) out.headers.push_back(header(h));
    if (auto* a = ctx->amendmentHeader()) {
      amendmentFile(a, ctx, out);
      return;
    }
    for (auto* p : ctx->parameter()) out.parameters.push_back(parameter(p, -1));
    for (auto* item : ctx->item()) {
      if (auto* pt = dynamic_cast<G::ItemPartContext*>(item)) {
        auto& d = diags_.report(Code::E0215, span(pt->part()->getStart()),
                                "an `onderdeel` belongs in an amending regulation (`wijziging`)");
        d.help =
            "start the file with `wijziging \"titel\" citatie \"...\" geldig vanaf jjjj-mm-dd wijzigt "
            "\"...\"`";
      } else if (auto* a = dynamic_cast<G::ItemArtikelContext*>(item))
        artikel(a->artikel(), out);
      else if (auto* t = dynamic_cast<G::ItemTableContext*>(item)) {
        out.tables.push_back(table(t->table()));
        for (auto* p : t->parameter()) out.parameters.push_back(parameter(p, -1));
      } else if (auto* o = dynamic_cast<G::ItemOutputContext*>(item)) {
        out.outputs.push_back(output(o->output()));
        for (auto* p : o->parameter()) out.parameters.push_back(parameter(p, -1));
      }
    }
  }

 private:
  std::uint32_t file_;
  std::string baseDir_;
  antlr4::CharStream& input_;
  Diagnostics& diags_;

  SourceSpan span(antlr4::ParserRuleContext* c) const { return ctxSpan(file_, c); }
  SourceSpan span(antlr4::Token* t) const { return tokenSpan(file_, t); }
  ast::Ident ident(antlr4::Token* t) const { return ast::Ident{t->getText(), span(t)}; }

  static std::string unquote(const std::string& raw) {
    std::string s = raw.substr(1, raw.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      out += s[i];
      if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') ++i;
    }
    return out;
  }

  // A text block keeps its lines verbatim, less the first line break and the common indentation.
  static std::string textBlock(const std::string& raw) {
    std::string s = raw.substr(3, raw.size() - 6);
    if (!s.empty() && s.front() == '\r') s.erase(0, 1);
    if (!s.empty() && s.front() == '\n') s.erase(0, 1);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
      std::size_t nl = s.find('\n', start);
      std::string line = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    while (!lines.empty() && lines.back().find_first_not_of(" \t") == std::string::npos) lines.pop_back();
    std::size_t indent = std::string::npos;
    for (const auto& l : lines) {
      std::size_t first = l.find_first_not_of(" \t");
      if (first != std::string::npos) indent = std::min(indent, first);
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& l = lines[i];
      if (i) out += '\n';
      out += (indent != std::string::npos && l.size() >= indent) ? l.substr(indent) : std::string();
    }
    return out;
  }

  std::string text(G::TextContext* t) const {
    std::string raw = t->getText();
    return t->TEXTBLOCK() ? textBlock(raw) : unquote(raw);
  }

  Date date(antlr4::Token* t) {
    auto d = Date::parse(t->getText());
    if (!d) {
      auto& diag = diags_.report(Code::E0106, span(t),
                                 fmt::format("`{}` is not a date in the calendar", t->getText()));
      diag.help = "write dates as jjjj-mm-dd, for example 2024-01-31";
      return Date{1, 1, 1};
    }
    return *d;
  }

  ast::Header header(G::HeaderContext* h) {
    ast::Header out;
    out.title = unquote(h->title->getText());
    out.citation = unquote(h->citation->getText());
    out.validFrom = date(h->from);
    if (h->until) out.validUntil = date(h->until);
    out.span = span(h);
    return out;
  }

  void amendmentFile(G::AmendmentHeaderContext* h, G::RuleFileContext* ctx, ast::RuleSet& out) {
    ast::Amendment am;
    am.header.title = unquote(h->title->getText());
    am.header.citation = unquote(h->citation->getText());
    am.header.validFrom = date(h->from);
    if (h->until) am.header.validUntil = date(h->until);
    am.header.span = span(h);
    am.target = unquote(h->target->getText());
    am.targetSpan = span(h->target);
    am.file = file_;
    if (!ctx->parameter().empty()) {
      auto& d = diags_.report(Code::E0215, span(ctx->parameter(0)->getStart()),
                              "an amending regulation holds only `onderdeel`s");
      d.help = "write the change as `onderdeel A: vervangt artikel 2 door artikel 2 ...`";
    }
    for (auto* item : ctx->item()) {
      auto* pt = dynamic_cast<G::ItemPartContext*>(item);
      if (!pt) {
        auto& d = diags_.report(Code::E0215, span(item->getStart()),
                                "an amending regulation holds only `onderdeel`s");
        d.help = "write the change as `onderdeel A: vervangt artikel 2 door artikel 2 ...`";
        continue;
      }
      am.parts.push_back(part(pt->part()));
    }
    out.amendments.push_back(std::move(am));
  }

  // The source text of a rule context as written (comments and white space inside included).
  std::string textOf(antlr4::ParserRuleContext* c) {
    return input_.getText(
        antlr4::misc::Interval(c->getStart()->getStartIndex(), c->getStop()->getStopIndex()));
  }

  ast::AmendmentPart part(G::PartContext* p) {
    ast::AmendmentPart out;
    out.span = span(p);
    using K = ast::AmendmentPart::Kind;
    if (auto* r = dynamic_cast<G::PartReplaceArticleContext*>(p)) {
      out.kind = K::ReplaceArticle;
      out.label = r->label->getText();
      out.article = textOf(r->number);
      artikel(r->artikel(), out.content);
    } else if (auto* i = dynamic_cast<G::PartInsertArticleContext*>(p)) {
      out.kind = K::InsertArticle;
      out.label = i->label->getText();
      artikel(i->artikel(), out.content);
    } else if (auto* v = dynamic_cast<G::PartRepealArticleContext*>(p)) {
      out.kind = K::RepealArticle;
      out.label = v->label->getText();
      out.article = textOf(v->number);
    } else if (auto* d = dynamic_cast<G::PartReplaceDefinitionContext*>(p)) {
      out.kind = K::ReplaceDefinition;
      out.label = d->label->getText();
      out.definition = ident(d->name);
      member(d->member(), -1, out.content);
    } else if (auto* x = dynamic_cast<G::PartRepealDefinitionContext*>(p)) {
      out.kind = K::RepealDefinition;
      out.label = x->label->getText();
      out.definition = ident(x->name);
    }
    return out;
  }

  void member(G::MemberContext* m, int index, ast::Fragment& out) {
    if (auto* p = dynamic_cast<G::MemberParameterContext*>(m))
      out.parameters.push_back(parameter(p->parameter(), index));
    else if (auto* d = dynamic_cast<G::MemberDefinitionContext*>(m))
      out.definitions.push_back(definition(d->definition(), index));
    else if (auto* e = dynamic_cast<G::MemberExceptionContext*>(m))
      out.exceptions.push_back(exception(e->exception(), index));
    else if (auto* c = dynamic_cast<G::MemberControleContext*>(m))
      out.controles.push_back(controle(c->controle(), index));
    else if (auto* b = dynamic_cast<G::MemberClaimContext*>(m))
      out.controles.push_back(claim(b->claim(), index));
    else if (auto* v = dynamic_cast<G::MemberApportionmentContext*>(m))
      out.definitions.push_back(apportionment(v->apportionment(), index));
  }

  void artikel(G::ArtikelContext* a, ast::Fragment& out) {
    ast::Article art;
    auto* num = a->number;
    art.number = textOf(num);
    art.fingerprint = textOf(a);
    if (a->title) art.title = unquote(a->title->getText());
    if (a->lawText) art.lawText = text(a->lawText);
    if (a->status) art.herkomst = herkomst(a->status);
    art.span = SourceSpan{file_, static_cast<std::uint32_t>(a->getStart()->getLine()),
                          static_cast<std::uint32_t>(a->getStart()->getCharPositionInLine()) + 1, 0, 0};
    SourceSpan last = span(a->title ? a->title : num->getStop());
    art.span.endLine = last.endLine;
    art.span.endCol = last.endCol;
    int index = static_cast<int>(out.articles.size());
    out.articles.push_back(std::move(art));
    for (auto* m : a->member()) member(m, index, out);
  }

  ast::TypeRef typeRef(G::TypeRefContext* t) {
    ast::TypeRef out;
    out.span = span(t);
    if (dynamic_cast<G::TypeIntegerContext*>(t))
      out.kind = ast::TypeKind::Integer;
    else if (dynamic_cast<G::TypeNumberContext*>(t))
      out.kind = ast::TypeKind::Number;
    else if (dynamic_cast<G::TypeTextContext*>(t))
      out.kind = ast::TypeKind::Text;
    else if (dynamic_cast<G::TypeBoolContext*>(t))
      out.kind = ast::TypeKind::Bool;
    else if (dynamic_cast<G::TypeDateContext*>(t))
      out.kind = ast::TypeKind::Date;
    else if (dynamic_cast<G::TypeHerkomstContext*>(t))
      out.kind = ast::TypeKind::Herkomst;
    else if (auto* r = dynamic_cast<G::TypeReferenceContext*>(t)) {
      out.kind = ast::TypeKind::Reference;
      out.target = ident(r->target);
    }
    return out;
  }

  ast::TableDecl table(G::TableContext* t) {
    ast::TableDecl out;
    out.name = ident(t->name);
    out.path = unquote(t->path->getText());
    out.pathSpan = span(t->path);
    out.baseDir = baseDir_;
    out.span = span(t);
    for (auto* item : t->tableItem()) {
      auto once = [&](bool given) {
        if (given) out.repeated.push_back(span(item));
      };
      if (auto* k = dynamic_cast<G::TableKeyContext*>(item)) {
        once(out.key.has_value());
        out.key = ident(k->column);
      } else if (auto* c = dynamic_cast<G::TableColumnContext*>(item)) {
        ast::ColumnDecl col;
        col.name = ident(c->name);
        col.csvHeader = c->csvHeader ? unquote(c->csvHeader->getText()) : col.name.name;
        col.type = typeRef(c->type);
        col.optional = c->optional != nullptr;
        col.span = span(c);
        out.columns.push_back(std::move(col));
      } else if (auto* s = dynamic_cast<G::TableStatusContext*>(item)) {
        once(out.status.has_value());
        out.status = herkomst(s->status);
      } else if (auto* b = dynamic_cast<G::TableSourceContext*>(item)) {
        once(!out.source.empty());
        out.source = unquote(b->source->getText());
      } else if (auto* p = dynamic_cast<G::TablePeildatumContext*>(item)) {
        once(out.peildatum.has_value());
        out.peildatum = date(p->date);
      } else if (auto* sep = dynamic_cast<G::TableSeparatorContext*>(item)) {
        once(!out.separator.empty());
        out.separator = unquote(sep->separator->getText());
        if (out.separator != "," && out.separator != ";") {
          auto& d = diags_.report(Code::E0209, span(sep->separator),
                                  fmt::format("separator `{}` is not supported", out.separator));
          d.help = "use \",\" or \";\" (or leave it out: verdeel then reads it from the header line)";
        }
      } else if (auto* m = dynamic_cast<G::TableMissingContext*>(item)) {
        once(!out.missing.empty());
        out.missing = unquote(m->marker->getText());
      } else if (auto* dm = dynamic_cast<G::TableDecimalContext*>(item)) {
        once(!out.decimal.empty());
        out.decimal = unquote(dm->mark->getText());
        if (out.decimal != "," && out.decimal != ".") {
          auto& d = diags_.report(Code::E0209, span(dm->mark),
                                  fmt::format("decimal mark `{}` is not supported", out.decimal));
          d.help = "use \".\" or \",\"";
        }
      }
    }
    return out;
  }

  static ast::Herkomst herkomst(G::HerkomstStatusContext* s) {
    if (s->ECHT()) return ast::Herkomst::Echt;
    if (s->GERECONSTRUEERD()) return ast::Herkomst::Gereconstrueerd;
    return ast::Herkomst::Fictief;
  }

  ast::ParameterDecl parameter(G::ParameterContext* p, int article) {
    ast::ParameterDecl out;
    out.name = ident(p->name);
    out.type = typeRef(p->type);
    auto value = [&](G::ExprContext* e, antlr4::Token* from, antlr4::Token* basis,
                     antlr4::ParserRuleContext* v) {
      ast::ParameterValue pv;
      pv.value = expr(e);
      if (from) pv.from = date(from);
      if (basis) pv.basis = unquote(basis->getText());
      pv.span = span(v);
      out.values.push_back(std::move(pv));
    };
    for (auto* v : p->dated) value(v->value, v->from, v->basis, v);
    value(p->last->value, p->last->from, p->last->basis, p->last);
    out.article = article;
    out.span = span(p);
    return out;
  }

  ast::DefinitionDecl definition(G::DefinitionContext* d, int article) {
    ast::DefinitionDecl out;
    out.name = ident(d->name);
    if (d->subject) out.subject = ident(d->subject);
    out.type = typeRef(d->type);
    out.body = expr(d->body);
    out.article = article;
    out.span = span(d);
    return out;
  }

  ast::DefinitionDecl apportionment(G::ApportionmentContext* v, int article) {
    ast::DefinitionDecl out;
    out.name = ident(v->name);
    out.subject = ident(v->subject);
    out.type.kind = ast::TypeKind::Integer;
    out.type.span = span(v->name);
    out.article = article;
    out.span = span(v);
    ast::ApportionDecl a;
    a.total = expr(v->total);
    a.weight = expr(v->weight);
    if (v->filter) a.filter = expr(v->filter);
    if (v->minimum) a.minimum = expr(v->minimum);
    if (v->maximum) a.maximum = expr(v->maximum);
    if (v->within) a.within = ident(v->within);
    auto* m = v->method;
    a.methodSpan = span(m);
    if (dynamic_cast<G::MethodDHondtContext*>(m))
      a.method = ast::ApportionMethod::DHondt;
    else if (dynamic_cast<G::MethodSainteLagueContext*>(m))
      a.method = ast::ApportionMethod::SainteLague;
    else if (dynamic_cast<G::MethodHuntingtonHillContext*>(m))
      a.method = ast::ApportionMethod::HuntingtonHill;
    else if (dynamic_cast<G::MethodAdamsContext*>(m))
      a.method = ast::ApportionMethod::Adams;
    for (auto* k : v->tieKeys) {
      ast::TieKeyDecl key;
      key.key = expr(k->key);
      key.descending = k->direction && k->direction->getType() == L::AFLOPEND;
      a.tieBreak.push_back(std::move(key));
    }
    out.apportion = std::move(a);
    return out;
  }

  ast::ExceptionDecl exception(G::ExceptionContext* e, int article) {
    ast::ExceptionDecl out;
    out.name = ident(e->name);
    out.target = ident(e->target);
    out.condition = expr(e->condition);
    out.body = expr(e->body);
    for (auto* b : e->beats) out.beats.push_back(ident(b));
    out.article = article;
    out.span = span(e);
    return out;
  }

  ast::ControleDecl controle(G::ControleContext* c, int article) {
    ast::ControleDecl out;
    out.description = unquote(c->description->getText());
    if (c->subject) out.subject = ident(c->subject);
    out.condition = expr(c->condition);
    out.article = article;
    out.span = span(c);
    return out;
  }

  ast::ControleDecl claim(G::ClaimContext* c, int article) {
    ast::ControleDecl out;
    out.description = unquote(c->quote->getText());
    out.claim = true;
    if (c->source) out.source = unquote(c->source->getText());
    if (c->subject) out.subject = ident(c->subject);
    out.condition = expr(c->condition);
    out.article = article;
    out.span = span(c);
    return out;
  }

  ast::OutputDecl output(G::OutputContext* o) {
    ast::OutputDecl out;
    out.name = unquote(o->name->getText());
    if (o->subject) out.subject = ident(o->subject);
    if (o->splitBy) out.splitBy = ident(o->splitBy);
    for (auto* c : o->columns) out.columns.push_back(ident(c));
    out.span = span(o);
    return out;
  }

  // ---------------------------------------------------------------- expressions

  template <typename T>
  ast::ExprPtr make(antlr4::ParserRuleContext* ctx, T node) {
    auto e = std::make_unique<ast::Expr>();
    e->span = span(ctx);
    e->node = std::move(node);
    return e;
  }

  static ast::BinOp binOp(antlr4::Token* op) {
    switch (op->getType()) {
      case L::PLUS: return ast::BinOp::Add;
      case L::MINUS: return ast::BinOp::Sub;
      case L::STAR: return ast::BinOp::Mul;
      case L::SLASH: return ast::BinOp::Div;
      case L::EQ: return ast::BinOp::Eq;
      case L::NE: return ast::BinOp::Ne;
      case L::LT: return ast::BinOp::Lt;
      case L::LE: return ast::BinOp::Le;
      case L::GT: return ast::BinOp::Gt;
      default: return ast::BinOp::Ge;
    }
  }

  ast::ExprPtr expr(G::ExprContext* e) {
    if (auto* p = dynamic_cast<G::PrimaryExprContext*>(e)) return primary(p->primary());
    if (auto* m = dynamic_cast<G::MemberExprContext*>(e))
      return make(e, ast::Member{expr(m->entity), ident(m->field)});
    if (auto* n = dynamic_cast<G::NegateExprContext*>(e))
      return make(e, ast::Unary{ast::UnOp::Neg, expr(n->operand)});
    if (auto* n = dynamic_cast<G::NotExprContext*>(e))
      return make(e, ast::Unary{ast::UnOp::Not, expr(n->operand)});
    if (auto* b = dynamic_cast<G::MulDivExprContext*>(e))
      return make(e, ast::Binary{binOp(b->op), expr(b->lhs), expr(b->rhs)});
    if (auto* b = dynamic_cast<G::AddSubExprContext*>(e))
      return make(e, ast::Binary{binOp(b->op), expr(b->lhs), expr(b->rhs)});
    if (auto* b = dynamic_cast<G::CompareExprContext*>(e))
      return make(e, ast::Binary{binOp(b->op), expr(b->lhs), expr(b->rhs)});
    if (auto* b = dynamic_cast<G::AndExprContext*>(e))
      return make(e, ast::Binary{ast::BinOp::And, expr(b->lhs), expr(b->rhs)});
    if (auto* b = dynamic_cast<G::OrExprContext*>(e))
      return make(e, ast::Binary{ast::BinOp::Or, expr(b->lhs), expr(b->rhs)});
    if (auto* i = dynamic_cast<G::IsEmptyExprContext*>(e))
      return make(e, ast::IsEmpty{expr(i->operand), i->negated != nullptr});
    auto* f = dynamic_cast<G::IfExprContext*>(e);
    return make(e, ast::If{expr(f->condition), expr(f->thenValue), expr(f->elseValue)});
  }

  ast::ExprPtr primary(G::PrimaryContext* p) {
    if (dynamic_cast<G::NumberLitContext*>(p)) {
      std::string t = p->getText();
      t.erase(std::remove(t.begin(), t.end(), '_'), t.end());
      return make(p, ast::NumberLit{t});
    }
    if (dynamic_cast<G::TextLitContext*>(p)) return make(p, ast::TextLit{unquote(p->getText())});
    if (auto* d = dynamic_cast<G::DateLitContext*>(p))
      return make(p, ast::DateLit{date(d->DATE()->getSymbol())});
    if (auto* b = dynamic_cast<G::BoolLitContext*>(p))
      return make(p, ast::BoolLit{b->value->getType() == L::WAAR});
    if (auto* t = dynamic_cast<G::ThisEntityContext*>(p)) return make(p, ast::ThisRef{ident(t->tableName)});
    if (auto* a = dynamic_cast<G::AggregateContext*>(p)) {
      ast::AggFn fn = a->fn->getType() == L::SOM       ? ast::AggFn::Sum
                      : a->fn->getType() == L::MINIMUM ? ast::AggFn::Min
                      : a->fn->getType() == L::LIJST   ? ast::AggFn::List
                                                       : ast::AggFn::Max;
      return make(
          p, ast::Aggregate{fn, expr(a->value), ident(a->tableName), a->filter ? expr(a->filter) : nullptr});
    }
    if (auto* c = dynamic_cast<G::CountContext*>(p))
      return make(p, ast::Aggregate{ast::AggFn::Count, nullptr, ident(c->tableName),
                                    c->filter ? expr(c->filter) : nullptr});
    if (auto* r = dynamic_cast<G::RoundContext*>(p)) {
      ast::RoundMode mode = ast::RoundMode::HalfUp;
      if (dynamic_cast<G::ModeDownContext*>(r->rounding))
        mode = ast::RoundMode::Down;
      else if (dynamic_cast<G::ModeUpContext*>(r->rounding))
        mode = ast::RoundMode::Up;
      else if (dynamic_cast<G::ModeHalfEvenContext*>(r->rounding))
        mode = ast::RoundMode::HalfEven;
      std::optional<int> decimals;
      if (r->decimals) {
        std::string t = r->decimals->getText();
        if (t.find('.') != std::string::npos || t.size() > 2) {
          auto& d = diags_.report(Code::E0107, span(r->decimals),
                                  fmt::format("`{}` is not a usable number of decimals", t));
          d.help = "give a whole number from 0 to 99, for example `2 decimalen`";
        } else {
          decimals = std::stoi(t);
        }
      }
      return make(p, ast::Round{expr(r->value), mode, decimals});
    }
    if (auto* n = dynamic_cast<G::NameRefContext*>(p)) return make(p, ast::NameRef{n->name->getText()});
    auto* par = dynamic_cast<G::ParenContext*>(p);
    return expr(par->inner);
  }
};

}  // namespace

namespace {

// Before parsing: how deep does any rule nest? Open parentheses, `als` within one rule, runs of
// prefix operators and the number of operators in one rule all become recursion in the parser, the
// checker and the evaluator, so together they are bounded (E0109) and nothing can overflow the stack.
bool nestingWithinLimit(antlr4::CommonTokenStream& tokens, std::uint32_t file, std::size_t limit,
                        Diagnostics& diags) {
  std::size_t parens = 0, als = 0, unary = 0, operators = 0;
  bool afterOperand = false;
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    const auto type = t->getType();
    switch (type) {
      case L::ARTIKEL:
      case L::DEFINITIE:
      case L::PARAMETER:
      case L::UITZONDERING:
      case L::CONTROLE:
      case L::BEWERING:
      case L::VERDELING:
      case L::TABEL:
      case L::UITVOER:
      case L::ONDERDEEL:
        parens = als = unary = operators = 0;
        afterOperand = false;
        continue;
      case L::LPAREN:
        ++parens;
        afterOperand = false;
        break;
      case L::RPAREN:
        if (parens > 0) --parens;
        afterOperand = true;
        unary = 0;
        break;
      case L::ALS:
        ++als;
        afterOperand = false;
        break;
      case L::MINUS:
      case L::NIET:
        if (!afterOperand)
          ++unary;
        else
          ++operators;
        afterOperand = false;
        break;
      case L::PLUS:
      case L::STAR:
      case L::SLASH:
      case L::EN:
      case L::OF:
      case L::EQ:
      case L::NE:
      case L::LT:
      case L::LE:
      case L::GT:
      case L::GE:
      case L::DOT:
        ++operators;
        afterOperand = false;
        break;
      default: afterOperand = true; unary = 0;
    }
    if (parens + als + unary + operators > limit) {
      auto& d = diags.report(Code::E0109, tokenSpan(file, t),
                             fmt::format("this rule nests more than {} levels deep", limit));
      d.help = "split it into several definitions, or raise the limit with `--max-diepte`";
      return false;
    }
  }
  return true;
}

// Every character of a name is a letter, `_`, or (after the first) a digit, in the sense of Unicode
// (ICU's general categories L and N). The lexer accepts any non-ASCII character in a name (see
// VerdeelLexer.g4); the first one that is not a letter or digit is reported here, as the lexer would
// have reported an unexpected character.
bool namesAreLetters(antlr4::CommonTokenStream& tokens, std::uint32_t file, Diagnostics& diags) {
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getType() != L::IDENT) continue;
    const std::string text = t->getText();
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    std::size_t column = 0;  // code points before the character
    while (i < length) {
      const std::int32_t start = i;
      UChar32 c = 0;
      U8_NEXT(bytes, i, length, c);
      if (c >= 0x80) {
        const std::uint32_t mask = U_GET_GC_MASK(c);
        const bool ok = (mask & U_GC_L_MASK) != 0 || (column > 0 && (mask & U_GC_N_MASK) != 0);
        if (!ok) {
          SourceSpan span = tokenSpan(file, t);
          span.col += static_cast<std::uint32_t>(column);
          span.endLine = span.line;
          span.endCol = span.col + 1;
          auto& d = diags.report(Code::E0103, span,
                                 fmt::format("unexpected character {}",
                                             visible(text.substr(static_cast<std::size_t>(start),
                                                                 static_cast<std::size_t>(i - start)))));
          d.help = "comments start with `#`; texts go between double quotes";
          return false;
        }
      }
      ++column;
    }
  }
  return true;
}

}  // namespace

void parseSource(std::uint32_t fileId, const std::string& baseDir, const SourceManager& sources,
                 Diagnostics& diags, ast::RuleSet& out, std::size_t maxNesting) {
  antlr4::ANTLRInputStream input(sources.text(fileId));
  KeywordLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  if (!namesAreLetters(tokens, fileId, diags)) return;
  if (!nestingWithinLimit(tokens, fileId, maxNesting, diags)) return;
  // Two stages, as ANTLR advises: the fast SLL prediction, which stops at the first error; only
  // when it fails, the full LL prediction over the same tokens, whose first error is reported.
  G parser(&tokens);
  parser.removeErrorListeners();
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  G::RuleFileContext* tree = nullptr;
  try {
    tree = parser.ruleFile();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }
  SyntaxErrorListener listener(fileId, diags);
  if (tree == nullptr) {
    tokens.seek(0);
    parser.reset();
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.addErrorListener(&listener);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    tree = parser.ruleFile();
  }
  if (listener.failed()) return;  // no AST from a file with a syntax error
  Builder(fileId, baseDir, input, diags).build(tree, out);
}

}  // namespace verdeel::parse
