// Unit tests of diagnostic rendering (GNU first line, snippet, caret, notes, help, basis), the
// diagnostic limit and the "did you mean" matcher.
#include <doctest/doctest.h>

#include "diag/diagnostic.hpp"
#include "lang/language.hpp"

using namespace verdeel;

namespace {
// The rendering tests below read English labels; each sets the language and puts Dutch back.
struct InEnglish {
  InEnglish() { setLanguage(Language::English); }
  ~InEnglish() { setLanguage(Language::Dutch); }
  InEnglish(const InEnglish&) = delete;
  InEnglish& operator=(const InEnglish&) = delete;
};
}  // namespace

TEST_CASE("by default a diagnostic speaks Dutch: labels, title and the catalogue's texts") {
  setLanguage(Language::Dutch);
  SourceManager sources;
  auto id = sources.add("r.regels", "regel een\n  definitie x: getal = y\n");
  Diagnostics diags;
  auto& d = diags.report(Code::E0201, SourceSpan{id, 2, 23, 2, 24}, trf("unknown name `{}`", "y"));
  d.notes.push_back({SourceSpan{}, "n"});
  d.help = trf("did you mean `{}`?", "x");
  d.basis = "art. 1";
  CHECK(render(diags, sources) ==
        "r.regels:2:23: fout[E0201]: onbekende naam `y`\n"
        " 2 |   definitie x: getal = y\n"
        "   |                       ^\n"
        "  = noot: n\n"
        "  = hulp: bedoelt u `x`?\n"
        "  = grondslag: art. 1\n");
  CHECK(codeInfo(Code::E0201).title() == "onbekende naam");
  setLanguage(Language::English);
  CHECK(codeInfo(Code::E0201).title() == "unknown name");
  CHECK(trf("unknown name `{}`", "y") == "unknown name `y`");
  setLanguage(Language::Dutch);
}

TEST_CASE("the language comes from --taal's words and from the locale, Dutch unless English") {
  CHECK(parseLanguage("nl") == Language::Dutch);
  CHECK(parseLanguage("EN") == Language::English);
  CHECK(parseLanguage("english") == Language::English);
  CHECK_FALSE(parseLanguage("de").has_value());
  CHECK_FALSE(parseLanguage("").has_value());
  CHECK(dutchOf("error") == std::string_view("fout"));
  CHECK(dutchOf("a text that is in no catalogue") == nullptr);
}

TEST_CASE_FIXTURE(InEnglish, "a diagnostic renders GNU style with snippet, caret and trailers") {
  SourceManager sources;
  auto id = sources.add("r.regels", "regel een\n  definitie x: getal = y\n");
  Diagnostics diags;
  auto& d = diags.report(Code::E0201, SourceSpan{id, 2, 23, 2, 24}, "unknown name `y`");
  d.notes.push_back({SourceSpan{}, "names in scope: x"});
  d.help = "did you mean `x`?";
  d.basis = "art. 1";
  CHECK(render(diags, sources) ==
        "r.regels:2:23: error[E0201]: unknown name `y`\n"
        " 2 |   definitie x: getal = y\n"
        "   |                       ^\n"
        "  = note: names in scope: x\n"
        "  = help: did you mean `x`?\n"
        "  = basis: art. 1\n");
}

TEST_CASE_FIXTURE(InEnglish, "the caret underlines in code points, not bytes") {
  SourceManager sources;
  auto id = sources.add("r.regels", "\"Fryslân\" fout\n");
  Diagnostics diags;
  diags.report(Code::E0104, SourceSpan{id, 1, 11, 1, 15}, "x");
  CHECK(render(diags, sources) ==
        "r.regels:1:11: error[E0104]: x\n"
        " 1 | \"Fryslân\" fout\n"
        "   |           ^^^^\n");
}

TEST_CASE_FIXTURE(InEnglish, "a note with its own position gets its own snippet") {
  SourceManager sources;
  auto id = sources.add("a.regels", "een\ntwee\n");
  Diagnostics diags;
  auto& d = diags.report(Code::E0202, SourceSpan{id, 2, 1, 2, 5}, "declared twice");
  d.notes.push_back({SourceSpan{id, 1, 1, 1, 4}, "first declared here"});
  CHECK(render(diags, sources) ==
        "a.regels:2:1: error[E0202]: declared twice\n"
        " 2 | twee\n"
        "   | ^^^^\n"
        "a.regels:1:1: note: first declared here\n"
        " 1 | een\n"
        "   | ^^^\n");
}

TEST_CASE("warnings do not count as errors") {
  Diagnostics diags;
  diags.report(Code::W0201, {}, "unused");
  CHECK_FALSE(diags.hasErrors());
  diags.report(Code::E0203, {}, "mismatch");
  CHECK(diags.errorCount() == 1);
}

TEST_CASE_FIXTURE(InEnglish, "past the limit diagnostics are counted, not kept") {
  Diagnostics diags(2);
  for (int i = 0; i < 5; ++i) diags.report(Code::E0203, {}, "m");
  CHECK(diags.all().size() == 2);
  CHECK(diags.dropped() == 3);
  CHECK(diags.errorCount() == 5);
  SourceManager sources;
  CHECK(render(diags, sources).find("3 more diagnostics and 0 more notes not shown") != std::string::npos);
}

TEST_CASE("closestMatch suggests a near name and nothing for a far one") {
  std::vector<std::string> names = {"inwoners", "plaatsen", "aandeel"};
  CHECK(closestMatch("inwonres", names) == "inwoners");
  CHECK(closestMatch("plaatse", names) == "plaatsen");
  CHECK(closestMatch("zzz", names).empty());
  CHECK(closestMatch("inwoners", names).empty());  // an exact name is not a suggestion
}

TEST_CASE_FIXTURE(InEnglish, "notes count toward the limit") {
  Diagnostics diags(3);
  auto& d = diags.report(Code::E0203, {}, "m");
  for (int i = 0; i < 10; ++i) d.notes.push_back({SourceSpan{}, "n"});
  diags.report(Code::E0203, {}, "second");
  SourceManager sources;
  const std::string out = render(diags, sources);
  // The first diagnostic and two of its notes fill the limit of three.
  CHECK(out.find("= note: n") != std::string::npos);
  CHECK(out.find("second") == std::string::npos);
  CHECK(out.find("1 more diagnostics and 8 more notes not shown") != std::string::npos);
}

TEST_CASE_FIXTURE(InEnglish, "quoted text in a message is cut short and control characters are not echoed") {
  Diagnostics diags;
  diags.report(Code::E0203, {}, "value `" + std::string(500, 'x') + "` and `kort`");
  diags.report(Code::E0203, {}, "escape `\x1b[31mrood`");
  SourceManager sources;
  const std::string out = render(diags, sources);
  CHECK(out.find("`" + std::string(160, 'x') + "\u2026` and `kort`") != std::string::npos);
  CHECK(out.find(std::string(161, 'x')) == std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find("`\u00B7[31mrood`") != std::string::npos);
}
