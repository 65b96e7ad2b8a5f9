#include "parse/builder.hpp"
#include "lang/language.hpp"
#include "parse/parse.hpp"
#include "source/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace verdeel::parse {

void Builder::build(G::RuleFileContext* ctx, ast::RuleSet& out) {
  if (auto* h = ctx->header()) out.headers.push_back(header(h));
  if (auto* a = ctx->amendmentHeader()) {
    amendmentFile(a, ctx, out);
    return;
  }
  for (auto* p : ctx->parameter()) out.parameters.push_back(parameter(p, -1));
  for (auto* item : ctx->item()) {
    // An `onderdeel` of a regulation that builds on another changes what it takes over; whether the
    // regulation does is known once all its files are read (parse/load.cpp).
    if (auto* pt = as<G::ItemPartContext>(item))
      out.ownParts.push_back(part(pt->part()));
    else if (auto* a = as<G::ItemArtikelContext>(item))
      artikel(a->artikel(), out);
    else if (auto* t = as<G::ItemTableContext>(item)) {
      out.tables.push_back(table(t->table()));
      for (auto* p : t->parameter()) out.parameters.push_back(parameter(p, -1));
    } else if (auto* o = as<G::ItemOutputContext>(item)) {
      out.outputs.push_back(output(o->output()));
      for (auto* p : o->parameter()) out.parameters.push_back(parameter(p, -1));
    }
  }
}

std::string Builder::unquote(const std::string& raw) {
  std::string s = raw.substr(1, raw.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') ++i;
  }
  return out;
}

std::vector<std::string> Builder::blockLines(const std::string& raw) {
  const std::string_view body = std::string_view(raw).substr(3, raw.size() - 6);
  std::vector<std::string> lines;
  for (std::size_t start = 0;;) {
    const std::size_t nl = body.find('\n', start);
    std::string line(body.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::size_t Builder::commonIndent(const std::vector<std::string>& lines, std::size_t first) {
  std::size_t indent = std::string::npos;
  for (std::size_t i = first; i < lines.size(); ++i)
    if (const std::size_t lead = lines[i].find_first_not_of(" \t"); lead != std::string::npos)
      indent = std::min(indent, lead);
  return indent == std::string::npos ? 0 : indent;
}

// A text block keeps its lines verbatim, less the first line break and the common indentation.
std::string Builder::textBlock(const std::string& raw) {
  std::vector<std::string> lines = blockLines(raw);
  if (lines.size() > 1 && lines.front().empty()) lines.erase(lines.begin());  // the first line break
  while (!lines.empty() && lines.back().find_first_not_of(" \t") == std::string::npos) lines.pop_back();
  const std::size_t indent = commonIndent(lines, 0);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    if (lines[i].size() >= indent) out += lines[i].substr(indent);
  }
  return out;
}

std::string Builder::text(G::TextContext* t) const {
  std::string raw = t->getText();
  return t->TEXTBLOCK() ? textBlock(raw) : unquote(raw);
}

Date Builder::date(antlr4::Token* t) {
  auto d = Date::parse(t->getText());
  if (!d) {
    auto& diag = diags_.report(Code::E0106, span(t), trf("`{}` is not a date in the calendar", t->getText()));
    diag.help = tr("write dates as jjjj-mm-dd, for example 2024-01-31");
    return Date{1, 1, 1};
  }
  return *d;
}

ast::Header Builder::header(G::HeaderContext* h) {
  ast::Header out;
  out.title = unquote(h->title->getText());
  out.citation = unquote(h->citation->getText());
  out.validFrom = date(h->from);
  if (h->until) out.validUntil = date(h->until);
  if (h->base) {
    out.base = unquote(h->base->getText());
    out.baseSpan = span(h->base);
  }
  out.span = span(h);
  return out;
}

// The source text of a rule context as written (comments and white space inside included).
std::string Builder::textOf(antlr4::ParserRuleContext* c) {
  return input_.getText(antlr4::misc::Interval(c->getStart()->getStartIndex(), c->getStop()->getStopIndex()));
}

std::string Builder::articleNumber(antlr4::ParserRuleContext* c) {
  return oneLine(textOf(c));
}

void Builder::member(G::MemberContext* m, int index, ast::Fragment& out) {
  if (auto* p = as<G::MemberParameterContext>(m))
    out.parameters.push_back(parameter(p->parameter(), index));
  else if (auto* d = as<G::MemberDefinitionContext>(m))
    out.definitions.push_back(definition(d->definition(), index));
  else if (auto* e = as<G::MemberExceptionContext>(m))
    out.exceptions.push_back(exception(e->exception(), index));
  else if (auto* c = as<G::MemberControleContext>(m))
    out.controles.push_back(controle(c->controle(), index));
  else if (auto* b = as<G::MemberClaimContext>(m))
    out.controles.push_back(claim(b->claim(), index));
  else if (auto* v = as<G::MemberApportionmentContext>(m))
    out.definitions.push_back(apportionment(v->apportionment(), index));
}

void Builder::choice(G::ChoiceContext* k, int index, ast::Fragment& out) {
  ast::ChoiceDecl c;
  c.name = ident(k->name);
  if (k->question) c.question = unquote(k->question->getText());
  c.article = index;
  c.span = span(k->name);
  for (auto* a : k->alternative()) {
    ast::ChoiceDecl::Alternative alt;
    alt.name = ident(a->name);
    if (a->title) alt.title = unquote(a->title->getText());
    alt.reasoning = text(a->reasoning);
    alt.isDefault = a->isDefault != nullptr;
    alt.span = span(a->name);
    for (auto* m : a->choiceMember()) {
      if (auto* d = as<G::ChoiceDefinitionContext>(m))
        out.definitions.push_back(definition(d->definition(), index));
      else if (auto* v = as<G::ChoiceApportionmentContext>(m))
        out.definitions.push_back(apportionment(v->apportionment(), index));
      else
        continue;
      out.definitions.back().choice = c.name.name;
      out.definitions.back().alternative = alt.name.name;
    }
    c.alternatives.push_back(std::move(alt));
  }
  out.choices.push_back(std::move(c));
  expandChoice(out, out.choices.back(), diags_);
}

void Builder::artikel(G::ArtikelContext* a, ast::Fragment& out) {
  ast::Article art;
  auto* num = a->number;
  art.number = articleNumber(num);
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
  if (a->choice()) choice(a->choice(), index, out);
}

ast::TypeRef Builder::typeRef(G::TypeRefContext* t) {
  ast::TypeRef out;
  out.span = span(t);
  if (as<G::TypeIntegerContext>(t))
    out.kind = ast::TypeKind::Integer;
  else if (as<G::TypeNumberContext>(t))
    out.kind = ast::TypeKind::Number;
  else if (as<G::TypeTextContext>(t))
    out.kind = ast::TypeKind::Text;
  else if (as<G::TypeBoolContext>(t))
    out.kind = ast::TypeKind::Bool;
  else if (as<G::TypeDateContext>(t))
    out.kind = ast::TypeKind::Date;
  else if (as<G::TypeHerkomstContext>(t))
    out.kind = ast::TypeKind::Herkomst;
  else if (auto* r = as<G::TypeReferenceContext>(t)) {
    out.kind = ast::TypeKind::Reference;
    out.target = ident(r->target);
  }
  return out;
}

ast::TableDecl Builder::table(G::TableContext* t) {
  ast::TableDecl out;
  out.name = ident(t->name);
  out.baseDir = baseDir_;
  out.span = span(t);
  ast::TableSourceDecl first;
  first.path = unquote(t->path->getText());
  first.pathSpan = span(t->path);
  first.baseDir = baseDir_;
  first.span = span(t->path);
  out.sources.push_back(std::move(first));
  // `bron`, `peildatum` and `herkomst` describe the file named last before them.
  std::vector<SourceSpan> seen;
  for (auto* item : t->tableItem()) {
    ast::TableSourceDecl& current = out.sources.back();
    auto once = [&](bool given) {
      if (given) out.repeated.push_back(span(item));
    };
    if (auto* k = as<G::TableKeyContext>(item)) {
      once(out.key.has_value());
      out.key = ident(k->column);
    } else if (auto* c = as<G::TableColumnContext>(item)) {
      ast::ColumnDecl col;
      col.name = ident(c->name);
      col.csvHeader = c->csvHeader ? unquote(c->csvHeader->getText()) : col.name.name;
      col.type = typeRef(c->type);
      col.optional = c->optional != nullptr;
      if (c->via) {
        col.matchVia = ident(c->via);
        col.matchColumn = ident(c->other);
      }
      col.span = span(c);
      out.columns.push_back(std::move(col));
    } else if (auto* s = as<G::TableStatusContext>(item)) {
      once(current.status.has_value());
      current.status = herkomst(s->status);
    } else if (auto* b = as<G::TableSourceContext>(item)) {
      once(!current.source.empty());
      current.source = unquote(b->source->getText());
    } else if (auto* p = as<G::TablePeildatumContext>(item)) {
      once(current.peildatum.has_value());
      current.peildatum = date(p->date);
    } else if (auto* sep = as<G::TableSeparatorContext>(item)) {
      once(!out.separator.empty());
      out.separator = unquote(sep->separator->getText());
      if (out.separator != "," && out.separator != ";") {
        auto& d = diags_.report(Code::E0209, span(sep->separator),
                                trf("separator `{}` is not supported", out.separator));
        d.help = tr("use \",\" or \";\" (or leave it out: verdeel then reads it from the header line)");
      }
    } else if (auto* m = as<G::TableMissingContext>(item)) {
      once(!out.missing.empty());
      out.missing = unquote(m->marker->getText());
    } else if (auto* dm = as<G::TableDecimalContext>(item)) {
      once(!out.decimal.empty());
      out.decimal = unquote(dm->mark->getText());
      if (out.decimal != "," && out.decimal != ".") {
        auto& d = diags_.report(Code::E0209, span(dm->mark),
                                trf("decimal mark `{}` is not supported", out.decimal));
        d.help = tr("use \".\" or \",\"");
      }
    } else if (auto* ds = as<G::TableDatedSourceContext>(item)) {
      ast::TableSourceDecl next;
      next.path = unquote(ds->path->getText());
      next.pathSpan = span(ds->path);
      next.baseDir = baseDir_;
      next.from = date(ds->from);
      next.span = span(ds);
      out.sources.push_back(std::move(next));
    } else if (auto* v = as<G::TableValidityContext>(item)) {
      once(out.validFromColumn.has_value());
      out.validFromColumn = ident(v->from);
      if (v->until) out.validUntilColumn = ident(v->until);
    }
  }
  ast::useSource(out, 0);
  return out;
}

ast::TableSourceDecl Builder::datedSource(G::DatedSourceContext* s) {
  ast::TableSourceDecl out;
  out.path = unquote(s->path->getText());
  out.pathSpan = span(s->path);
  out.baseDir = baseDir_;
  out.from = date(s->from);
  out.span = span(s);
  for (auto* item : s->sourceItem()) {
    if (auto* b = as<G::SourceBronContext>(item))
      out.source = unquote(b->source->getText());
    else if (auto* p = as<G::SourcePeildatumContext>(item))
      out.peildatum = date(p->date);
    else if (auto* st = as<G::SourceStatusContext>(item))
      out.status = herkomst(st->status);
  }
  return out;
}

ast::Herkomst Builder::herkomst(G::HerkomstStatusContext* s) {
  if (s->ECHT()) return ast::Herkomst::Echt;
  if (s->GERECONSTRUEERD()) return ast::Herkomst::Gereconstrueerd;
  return ast::Herkomst::Fictief;
}

ast::ParameterValue Builder::parameterValue(G::ExprContext* e, antlr4::Token* from, antlr4::Token* basis,
                                            antlr4::ParserRuleContext* v) {
  ast::ParameterValue pv;
  pv.value = expr(e);
  pv.text = textOf(e);
  if (from) pv.from = date(from);
  if (basis) pv.basis = unquote(basis->getText());
  pv.span = span(v);
  return pv;
}

ast::ParameterDecl Builder::parameter(G::ParameterContext* p, int article) {
  ast::ParameterDecl out;
  out.name = ident(p->name);
  out.type = typeRef(p->type);
  for (G::ParameterValueContext* v = p->first; v; v = v->next) {
    out.values.push_back(parameterValue(v->value, v->from, v->basis, v));
    // A value's span ends with it, not with the values after it.
    antlr4::Token* end = v->basis ? v->basis : v->from ? v->from : v->value->getStop();
    const SourceSpan last = span(end);
    out.values.back().span.endLine = last.endLine;
    out.values.back().span.endCol = last.endCol;
  }
  out.article = article;
  out.span = span(p);
  return out;
}

ast::DefinitionDecl Builder::definition(G::DefinitionContext* d, int article) {
  ast::DefinitionDecl out;
  out.name = ident(d->name);
  if (d->subject) out.subject = ident(d->subject);
  out.type = typeRef(d->type);
  out.body = expr(d->body);
  out.article = article;
  out.span = span(d);
  return out;
}

ast::DefinitionDecl Builder::apportionment(G::ApportionmentContext* v, int article) {
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
  if (v->rescaled) {
    a.rescaled = true;
    a.rescaledSpan = span(v->rescaled);
  }
  if (as<G::MethodDHondtContext>(m))
    a.method = ast::ApportionMethod::DHondt;
  else if (as<G::MethodSainteLagueContext>(m))
    a.method = ast::ApportionMethod::SainteLague;
  else if (as<G::MethodHuntingtonHillContext>(m))
    a.method = ast::ApportionMethod::HuntingtonHill;
  else if (as<G::MethodAdamsContext>(m))
    a.method = ast::ApportionMethod::Adams;
  else if (as<G::MethodStagedContext>(m))
    a.method = ast::ApportionMethod::Staged;
  for (auto* r : v->restRounds) {
    ast::RestRoundDecl round;
    round.span = span(r);
    round.surplus = r->surplus != nullptr;
    if (r->average && r->average->getText() != "gemiddelde" && r->average->getText() != "gemiddelden") {
      diags_
          .report(Code::E0104, span(r->average),
                  trf("`grootste {}` is not a priority of a round", r->average->getText()))
          .help = tr("a round gives its units by `grootste overschotten` or by `grootste gemiddelden`");
      continue;
    }
    if (r->perEntity) round.perEntity = r->perEntity->getText();
    if (r->perTable) round.perTable = ident(r->perTable);
    if (r->filter) round.filter = expr(r->filter);
    a.rounds.push_back(std::move(round));
  }
  if (v->majority) {
    a.majority = true;
    a.majoritySpan = span(v->majority);
  }
  for (auto* k : v->tieKeys) {
    ast::TieKeyDecl key;
    if (auto* lot = as<G::TieLotContext>(k)) {
      // `lot uit KOLOM`: the column read as a name of the subject table, ascending.
      if (lot->lot->getText() != "lot") {
        auto& diag = diags_.report(Code::E0104, span(lot->lot),
                                   trf("`{} uit ...` is not a tie-break", lot->lot->getText()));
        diag.help =
            tr("write `lot uit KOLOM` for an order drawn by lot, or a column with `oplopend` or `aflopend`");
        continue;
      }
      key.key = make(lot, ast::NameRef{lot->column->getText()});
      key.key->span = span(lot->column);
      key.text = lot->column->getText();
      key.lot = true;
    } else {
      auto* order = as<G::TieOrderContext>(k);
      key.key = expr(order->key);
      key.text = textOf(order->key);
      key.descending = order->direction && order->direction->getType() == L::AFLOPEND;
    }
    a.tieBreak.push_back(std::move(key));
  }
  out.apportion = std::move(a);
  return out;
}

ast::ExceptionDecl Builder::exception(G::ExceptionContext* e, int article) {
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

ast::ControleDecl Builder::controle(G::ControleContext* c, int article) {
  ast::ControleDecl out;
  out.description = unquote(c->description->getText());
  if (c->subject) out.subject = ident(c->subject);
  out.condition = expr(c->condition);
  out.article = article;
  out.span = span(c);
  return out;
}

ast::ControleDecl Builder::claim(G::ClaimContext* c, int article) {
  ast::ControleDecl out;
  out.description = unquote(c->quote->getText());
  out.claim = true;
  if (c->source) out.source = unquote(c->source->getText());
  out.reportOnly = c->toets != nullptr;
  if (c->subject) out.subject = ident(c->subject);
  out.condition = expr(c->condition);
  out.article = article;
  out.span = span(c);
  return out;
}

ast::OutputDecl Builder::output(G::OutputContext* o) {
  ast::OutputDecl out;
  out.name = unquote(o->name->getText());
  if (o->subject) out.subject = ident(o->subject);
  if (o->splitBy) out.splitBy = ident(o->splitBy);
  for (auto* c : o->columns) out.columns.push_back(ident(c));
  out.span = span(o);
  return out;
}

}  // namespace verdeel::parse
