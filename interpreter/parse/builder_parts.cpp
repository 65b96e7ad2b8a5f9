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

ast::AmendmentPart Builder::part(G::PartContext* p) {
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

}  // namespace verdeel::parse
