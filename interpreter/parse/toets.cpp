// The AST builder of a test file (`.toets`): converts the labelled contexts of `testFile` into
// ast::Test nodes. Paths are resolved against the test file's folder; names are only read here
// (the toets stage resolves them against the rules of the version the test uses).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "lang/language.hpp"
#include "parse/builder.hpp"

namespace verdeel::parse {

namespace {

class TestBuilder {
 public:
  TestBuilder(std::uint32_t file, std::string baseDir, Diagnostics& diags)
      : file_(file), baseDir_(std::move(baseDir)), diags_(diags) {}

  void build(G::TestFileContext* ctx, ast::TestFile& out) {
    out.file = file_;
    for (auto* t : ctx->test()) out.tests.push_back(test(t));
  }

 private:
  std::uint32_t file_;
  std::string baseDir_;
  Diagnostics& diags_;

  SourceSpan span(antlr4::ParserRuleContext* c) const { return ctxSpan(file_, c); }
  SourceSpan span(antlr4::Token* t) const { return tokenSpan(file_, t); }
  ast::Ident ident(antlr4::Token* t) const { return ast::Ident{t->getText(), span(t)}; }
  std::string path(antlr4::Token* t) const {
    return (std::filesystem::path(baseDir_) / Builder::unquote(t->getText())).lexically_normal().string();
  }

  std::optional<Date> date(antlr4::Token* t) {
    auto d = Date::parse(t->getText());
    if (!d) {
      auto& diag =
          diags_.report(Code::E0106, span(t), trf("`{}` is not a date in the calendar", t->getText()));
      diag.help = tr("write dates as jjjj-mm-dd, for example 2024-01-31");
    }
    return d;
  }

  // Inline rows: the text between the quotes, each line at its line in the test file (blank lines
  // before it: the CSV reader skips blank lines), so that a diagnostic about a cell names its line;
  // the block's common indentation taken off, as of a wettekst, so that no cell starts with spaces.
  // What was taken off each line is kept, so that a diagnostic can name the column in the test file.
  void inlineRows(antlr4::Token* block, ast::TestData& data) const {
    data.rowsSpan = span(block);
    const std::vector<std::string> lines = Builder::blockLines(block->getText());
    const std::size_t indent = Builder::commonIndent(lines, 1);
    auto lead = [](const std::string& l) { return std::min(l.find_first_not_of(" \t"), l.size()); };
    const std::size_t first = lead(lines.front());
    data.rows = std::string(data.rowsSpan.line - 1, '\n') + lines.front().substr(first);
    for (std::size_t i = 1; i < lines.size(); ++i)
      data.rows += '\n' + (lines[i].size() > indent ? lines[i].substr(indent) : std::string());
    data.rowsFirstShift = data.rowsSpan.col - 1 + 3 + static_cast<std::uint32_t>(first);
    data.rowsShift = static_cast<std::uint32_t>(indent);
  }

  ast::TestValue value(G::TestValueContext* v) {
    ast::TestValue out;
    out.span = span(v);
    using K = ast::TestValue::Kind;
    if (auto* n = as<G::TestNumberContext>(v)) {
      out.kind = K::Number;
      out.text = (n->negative ? "-" : "") + n->NUMBER(0)->getText();
      if (n->denominator) out.denominator = n->denominator->getText();
      for (std::string* s : {&out.text, &out.denominator})
        s->erase(std::remove(s->begin(), s->end(), '_'), s->end());
    } else if (auto* t = as<G::TestTextContext>(v)) {
      out.kind = K::Text;
      out.text = Builder::unquote(t->STRING()->getText());
      out.value = out.text;
    } else if (auto* d = as<G::TestDateContext>(v)) {
      out.kind = K::Date;
      out.text = d->DATE()->getText();
      if (auto parsed = date(d->DATE()->getSymbol())) out.value = *parsed;
    } else if (auto* b = as<G::TestBoolContext>(v)) {
      out.kind = K::Bool;
      out.text = b->value->getText();
      out.value = b->value->getType() == L::WAAR;
    } else if (as<G::TestEmptyContext>(v)) {
      out.kind = K::Empty;
      out.text = "leeg";
    } else if (auto* w = as<G::TestWordContext>(v)) {
      out.kind = K::Word;
      out.text = w->IDENT()->getText();
    }
    return out;
  }

  // A new expectation of the test, of this kind, at the `verwacht` line.
  ast::Expectation& expect(ast::Test& t, ast::Expectation::Kind kind, antlr4::ParserRuleContext* item) {
    ast::Expectation& x = t.expectations.emplace_back();
    x.kind = kind;
    x.span = span(item);
    return x;
  }

  ast::Test test(G::TestContext* t) {
    ast::Test out;
    out.title = Builder::unquote(t->title->getText());
    out.span = span(t->TOETS()->getSymbol());
    out.span.endCol = span(t->title).endCol;
    for (auto* item : t->testItem()) {
      if (auto* p = as<G::TestPeildatumContext>(item)) {
        out.peildatum = date(p->date);
      } else if (auto* z = as<G::TestSettingContext>(item)) {
        out.settings.push_back({ident(z->name), value(z->value)});
      } else if (auto* g = as<G::TestDataContext>(item)) {
        ast::TestData data;
        data.table = ident(g->tableName);
        if (g->path) data.path = path(g->path);
        if (g->rows) inlineRows(g->rows, data);
        out.data.push_back(std::move(data));
      } else if (auto* e = as<G::TestExpectValueContext>(item)) {
        ast::Expectation& x = expect(out, ast::Expectation::Kind::Value, item);
        x.name = ident(e->name);
        if (e->entity) {
          ast::TestValue entity;
          entity.span = span(e->entity);
          entity.kind = e->entity->STRING() ? ast::TestValue::Kind::Text : ast::TestValue::Kind::Word;
          entity.text = e->entity->STRING() ? Builder::unquote(e->entity->getText()) : e->entity->getText();
          x.entity = entity;
        }
        x.expected = value(e->value);
      } else if (auto* c = as<G::TestExpectControleContext>(item)) {
        ast::Expectation& x = expect(out, ast::Expectation::Kind::Controle, item);
        x.claim = c->kind->getType() == L::BEWERING;
        x.description = Builder::unquote(c->description->getText());
        x.expected = value(c->value);
      } else if (auto* a = as<G::TestExpectEveryControleContext>(item)) {
        expect(out, ast::Expectation::Kind::EveryControle, item).expected = value(a->value);
      } else if (auto* o = as<G::TestExpectOutputContext>(item)) {
        ast::Expectation& x = expect(out, ast::Expectation::Kind::Output, item);
        x.description = Builder::unquote(o->name->getText());
        x.path = path(o->path);
      }
    }
    return out;
  }
};

}  // namespace

void buildTests(G::TestFileContext* ctx, std::uint32_t file, const std::string& baseDir, Diagnostics& diags,
                ast::TestFile& out) {
  TestBuilder(file, baseDir, diags).build(ctx, out);
}

}  // namespace verdeel::parse
