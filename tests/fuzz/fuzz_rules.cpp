// libFuzzer target: any bytes as a rule file, through reading, parsing, version choice, checking and
// rendering the diagnostics. Nothing may crash, hang, leak or read out of bounds.
#include <cstddef>
#include <cstdint>
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
    ast::RuleSet rules;
    parse::parseSource(id, ".", sources, diags, rules);
    if (!diags.hasErrors()) parse::chooseVersion(rules, std::nullopt, diags);
    if (!diags.hasErrors()) (void)check::check(rules, diags);
  }
  (void)render(diags, sources);
  return 0;
}
