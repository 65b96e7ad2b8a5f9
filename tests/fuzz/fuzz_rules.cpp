// libFuzzer target: any bytes as a rule file, through reading, parsing, version choice, checking and
// rendering the diagnostics. Nothing may crash, hang, leak or read out of bounds. The hand-written
// scanner must lex every readable text exactly as the grammar's ANTLR lexer does, and our SLL
// prediction (parse/prediction.hpp) must give the tree ANTLR's own simulator gives, or give up at the
// same token, as a rule file and as a test file (a difference aborts).
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
    for (const bool testFile : {false, true}) {
      if (const std::string diff = parse::predictionDisagreement(sources.text(id), testFile); !diff.empty()) {
        std::fprintf(stderr, "%s: %s\n", testFile ? "as a test file" : "as a rule file", diff.c_str());
        std::abort();
      }
    }
    ast::RuleSet rules;
    parse::parseSource(id, ".", sources, diags, rules);
    if (!diags.hasErrors()) parse::chooseVersion(rules, std::nullopt, diags);
    if (!diags.hasErrors()) (void)check::check(rules, diags);
  }
  (void)render(diags, sources);
  return 0;
}
