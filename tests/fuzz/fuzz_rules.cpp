// libFuzzer target: any bytes as a rule file, through reading, parsing, version choice, checking and
// rendering the diagnostics. Nothing may crash, hang, leak or read out of bounds. The hand-written
// scanner must lex every readable text exactly as the grammar's ANTLR lexer does (a difference aborts).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "check/check.hpp"
#include "diag/diagnostic.hpp"
#include "parse/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace verdeel;
  SourceManager sources;
  Diagnostics diags;
  const std::uint32_t id = parse::registerRuleText(
      "fuzz.regels", std::string(reinterpret_cast<const char*>(data), size), sources, diags);
  if (id != 0) {
    if (const std::string diff = parse::lexerDisagreement(sources.text(id)); !diff.empty()) {
      std::fprintf(stderr, "%s\n", diff.c_str());
      std::abort();
    }
    ast::RuleSet rules;
    parse::parseSource(id, ".", sources, diags, rules);
    if (!diags.hasErrors()) parse::chooseVersion(rules, std::nullopt, diags);
    if (!diags.hasErrors()) (void)check::check(rules, diags);
  }
  (void)render(diags, sources);
  return 0;
}
