#include "ast/ast.hpp"

namespace verdeel::ast {

const char* herkomstName(Herkomst h) {
  switch (h) {
    case Herkomst::Echt: return "echt";
    case Herkomst::Gereconstrueerd: return "gereconstrueerd";
    case Herkomst::Fictief: return "fictief";
  }
  return "?";
}

void useSource(TableDecl& t, std::size_t index) {
  const TableSourceDecl& s = t.sources[index];
  t.path = s.path;
  t.baseDir = s.baseDir;
  t.pathSpan = s.pathSpan;
  t.source = s.source;
  t.peildatum = s.peildatum;
  t.status = s.status;
  t.sourceFrom = s.from;
}

}  // namespace verdeel::ast
