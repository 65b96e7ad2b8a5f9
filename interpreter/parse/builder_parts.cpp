#include "lang/language.hpp"
#include "parse/builder.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace verdeel::parse {

void Builder::amendmentFile(G::AmendmentHeaderContext* h, G::RuleFileContext* ctx, ast::RuleSet& out) {
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
                            tr("an amending regulation holds only `onderdeel`s"));
    d.help = tr("write the change as `onderdeel A: vervangt artikel 2 door artikel 2 ...`");
  }
  for (auto* item : ctx->item()) {
    auto* pt = as<G::ItemPartContext>(item);
    if (!pt) {
      auto& d = diags_.report(Code::E0215, span(item->getStart()),
                              tr("an amending regulation holds only `onderdeel`s"));
      d.help = tr("write the change as `onderdeel A: vervangt artikel 2 door artikel 2 ...`");
      continue;
    }
    am.parts.push_back(part(pt->part()));
  }
  out.amendments.push_back(std::move(am));
}

ast::AmendmentPart Builder::part(G::PartContext* p) {
  ast::AmendmentPart out;
  out.span = span(p);
  out.label = p->label->getText();
  using K = ast::AmendmentPart::Kind;
  G::ChangeContext* c = p->change();
  if (auto* r = as<G::PartReplaceArticleContext>(c)) {
    out.kind = K::ReplaceArticle;
    out.article = articleNumber(r->number);
    artikel(r->artikel(), out.content);
  } else if (auto* i = as<G::PartInsertArticleContext>(c)) {
    out.kind = K::InsertArticle;
    artikel(i->artikel(), out.content);
  } else if (auto* v = as<G::PartRepealArticleContext>(c)) {
    out.kind = K::RepealArticle;
    out.article = articleNumber(v->number);
  } else if (auto* a = as<G::PartAddMembersContext>(c)) {
    out.kind = K::AddMembers;
    out.article = articleNumber(a->number);
    for (auto* m : a->member()) member(m, -1, out.content);
  } else if (auto* d = as<G::PartReplaceDefinitionContext>(c)) {
    out.kind = K::ReplaceDefinition;
    out.definition = ident(d->name);
    member(d->member(), -1, out.content);
  } else if (auto* x = as<G::PartRepealDefinitionContext>(c)) {
    out.kind = K::RepealDefinition;
    out.definition = ident(x->name);
  } else if (auto* rp = as<G::PartReplaceParameterContext>(c)) {
    out.kind = K::ReplaceParameter;
    out.definition = ident(rp->name);
    out.content.parameters.push_back(parameter(rp->parameter(), -1));
  } else if (auto* xp = as<G::PartRepealParameterContext>(c)) {
    out.kind = K::RepealParameter;
    out.definition = ident(xp->name);
  } else if (auto* av = as<G::PartAddParameterValueContext>(c)) {
    out.kind = K::AddParameterValue;
    out.definition = ident(av->name);
    ast::ParameterDecl holder;
    holder.name = out.definition;
    holder.values.push_back(parameterValue(av->value->value, av->value->from, av->value->basis, av->value));
    out.content.parameters.push_back(std::move(holder));
  } else if (auto* re = as<G::PartReplaceExceptionContext>(c)) {
    out.kind = K::ReplaceException;
    out.definition = ident(re->name);
    out.content.exceptions.push_back(exception(re->exception(), -1));
  } else if (auto* xe = as<G::PartRepealExceptionContext>(c)) {
    out.kind = K::RepealException;
    out.definition = ident(xe->name);
  } else if (auto* rc = as<G::PartReplaceControleContext>(c)) {
    out.kind = K::ReplaceControle;
    out.claim = rc->kind->getType() == L::BEWERING;
    out.definition = ast::Ident{unquote(rc->description->getText()), span(rc->description)};
    member(rc->member(), -1, out.content);
  } else if (auto* xc = as<G::PartRepealControleContext>(c)) {
    out.kind = K::RepealControle;
    out.claim = xc->kind->getType() == L::BEWERING;
    out.definition = ast::Ident{unquote(xc->description->getText()), span(xc->description)};
  } else if (auto* rt = as<G::PartReplaceTableContext>(c)) {
    out.kind = K::ReplaceTable;
    out.definition = ident(rt->name);
    out.tables.push_back(table(rt->table()));
  } else if (auto* it = as<G::PartInsertTableContext>(c)) {
    out.kind = K::InsertTable;
    out.tables.push_back(table(it->table()));
    out.definition = out.tables.back().name;
  } else if (auto* xt = as<G::PartRepealTableContext>(c)) {
    out.kind = K::RepealTable;
    out.definition = ident(xt->name);
  } else if (auto* ats = as<G::PartAddTableSourceContext>(c)) {
    out.kind = K::AddTableSource;
    out.definition = ident(ats->name);
    out.source = datedSource(ats->source);
  } else if (auto* ro = as<G::PartReplaceOutputContext>(c)) {
    out.kind = K::ReplaceOutput;
    out.definition = ast::Ident{unquote(ro->name->getText()), span(ro->name)};
    out.outputs.push_back(output(ro->output()));
  } else if (auto* io = as<G::PartInsertOutputContext>(c)) {
    out.kind = K::InsertOutput;
    out.outputs.push_back(output(io->output()));
    out.definition = ast::Ident{out.outputs.back().name, out.outputs.back().span};
  } else if (auto* xo = as<G::PartRepealOutputContext>(c)) {
    out.kind = K::RepealOutput;
    out.definition = ast::Ident{unquote(xo->name->getText()), span(xo->name)};
  }
  return out;
}

}  // namespace verdeel::parse
