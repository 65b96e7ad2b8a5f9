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

}  // namespace verdeel::ast
