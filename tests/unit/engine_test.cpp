// Unit tests of the public API (api/verdeel.hpp): the pipeline stage by stage on small rule sets
// written to a scratch folder, the provenance kept with every computed value, default logic with
// exceptions, and "check once, evaluate many" on two data sets.
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include "api/verdeel.hpp"

namespace fs = std::filesystem;
using namespace verdeel;

namespace {

// A scratch folder removed at the end of the test.
struct Scratch {
  fs::path dir;
  Scratch() {
    dir = fs::temp_directory_path() /
          ("verdeel-unit-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string write(const std::string& name, const std::string& text) const {
    fs::path p = dir / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

const char* kRules = R"(regeling "Proef" citatie "proef" geldig vanaf 2024-01-01

tabel gemeente uit "g.csv"
  sleutel code
  kolom code: tekst
  kolom naam: tekst
  kolom inwoners: geheel getal
  kolom vrijgesteld: waarheid
  kolom status: herkomst
  herkomst echt
  bron "proefgegevens"

artikel 1 "Totaal"
  parameter totaal: geheel getal = 100

artikel 2 "Verdeling"
  definitie aandeel per gemeente: getal = inwoners / som(inwoners over gemeente)
  definitie taak per gemeente: geheel getal = afgerond(totaal * aandeel, naar beneden)
  definitie dubbel per gemeente: geheel getal = inwoners * 2

artikel 3 "Vrijstelling"
  uitzondering vrij op taak als vrijgesteld dan 0

uitvoer "taken" per gemeente
  kolommen code, naam, taak, dubbel
)";

const char* kData =
    "code,naam,inwoners,vrijgesteld,status\n"
    "A,Aa,1,nee,echt\n"
    "B,Bee,2,nee,fictief\n"
    "C,Cee,1,ja,echt\n";

int defIndex(const check::Program& p, const std::string& name) {
  for (std::size_t i = 0; i < p.definitions.size(); ++i)
    if (p.definitions[i].name == name) return static_cast<int>(i);
  return -1;
}

int articleIndex(const check::Program& p, const std::string& number) {
  for (std::size_t i = 0; i < p.articles.size(); ++i)
    if (p.articles[i].number == number) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST_CASE("the example rule set runs through the whole pipeline") {
  Engine engine;
  REQUIRE(engine.loadRules(std::string(VERDEEL_SOURCE_DIR) + "/rules/examples/overijssel-inwoners"));
  REQUIRE(engine.loadData());
  CHECK(engine.dataset().tables.at(0).size() == 25);
  CHECK(engine.runControles());
  auto decisions = engine.decisions();
  REQUIRE(decisions);
  REQUIRE(decisions->tables.size() == 2);
  CHECK(decisions->tables[0].rows.size() == 25);
  CHECK_FALSE(engine.diagnostics().hasErrors());
}

TEST_CASE("values keep their article, inputs, exceptions and least certain provenance") {
  Scratch s;
  std::string rules = s.write("r.regels", kRules);
  s.write("g.csv", kData);
  Engine engine;
  REQUIRE(engine.loadRules(rules));
  REQUIRE(engine.loadData());
  const auto& p = engine.program();
  const int taak = defIndex(p, "taak");
  REQUIRE(taak >= 0);
  auto& ev = engine.evaluation();

  const eval::Computed* a = ev.definition(taak, 0);
  REQUIRE(a);
  CHECK(std::get<mpq_class>(a->value) == 25);  // 100 * 1/4
  CHECK(a->article == articleIndex(p, "2"));
  CHECK(a->exception == -1);
  REQUIRE(a->exceptions.size() == 1);
  CHECK_FALSE(a->exceptions[0].conditionHeld);
  // The sum over all gemeenten reads B's fictitious row, so A's share is as uncertain as that.
  CHECK(a->herkomst == ast::Herkomst::Fictief);
  CHECK(std::find(a->articles.begin(), a->articles.end(), articleIndex(p, "1")) != a->articles.end());
  CHECK_FALSE(a->inputs.empty());

  const eval::Computed* b = ev.definition(taak, 1);
  REQUIRE(b);
  CHECK(std::get<mpq_class>(b->value) == 50);
  CHECK(b->herkomst == ast::Herkomst::Fictief);  // its own row is fictitious

  const eval::Computed* c = ev.definition(taak, 2);
  REQUIRE(c);
  CHECK(std::get<mpq_class>(c->value) == 0);
  CHECK(c->article == articleIndex(p, "3"));
  CHECK(c->exception == 0);
  REQUIRE(c->exceptions.size() == 1);
  CHECK(c->exceptions[0].conditionHeld);

  // A value that reads only its own row has that row's provenance.
  const int dubbel = defIndex(p, "dubbel");
  CHECK(ev.definition(dubbel, 0)->herkomst == ast::Herkomst::Echt);
  CHECK(ev.definition(dubbel, 1)->herkomst == ast::Herkomst::Fictief);

  // Memoized: the same object comes back.
  CHECK(ev.definition(taak, 0) == a);
  CHECK(ev.entityName(0, 1) == "gemeente B (Bee)");
}

TEST_CASE("one checked program is evaluated against two data sets") {
  Scratch s;
  std::string rules = s.write("r.regels", kRules);
  s.write("g.csv", kData);
  s.write("other/g.csv", "code,naam,inwoners,vrijgesteld,status\nA,Aa,3,nee,echt\nB,Bee,1,nee,echt\n");
  Engine engine;
  REQUIRE(engine.loadRules(rules));
  const int taak = defIndex(engine.program(), "taak");

  REQUIRE(engine.loadData());
  CHECK(std::get<mpq_class>(engine.evaluation().definition(taak, 0)->value) == 25);

  data::LoadOptions other;
  other.dataDir = (s.dir / "other").string();
  REQUIRE(engine.loadData(other));
  CHECK(std::get<mpq_class>(engine.evaluation().definition(taak, 0)->value) == 75);
}

TEST_CASE("each stage stops at its own errors") {
  Scratch s;
  SUBCASE("rules") {
    std::string rules = s.write(
        "r.regels",
        "regeling \"x\" citatie \"y\" geldig vanaf 2024-01-01\nartikel 1\n  definitie a: geheel getal = b\n");
    Engine engine;
    CHECK_FALSE(engine.loadRules(rules));
    REQUIRE_FALSE(engine.diagnostics().all().empty());
    CHECK(engine.diagnostics().all()[0].code == Code::E0201);
  }
  SUBCASE("data") {
    std::string rules = s.write("r.regels", kRules);
    s.write("g.csv", "code,naam,inwoners,vrijgesteld,status\nA,Aa,veel,nee,echt\n");
    Engine engine;
    REQUIRE(engine.loadRules(rules));
    CHECK_FALSE(engine.loadData());
    REQUIRE_FALSE(engine.diagnostics().all().empty());
    CHECK(engine.diagnostics().all()[0].code == Code::E0406);
    CHECK(engine.diagnostics().all()[0].span.line == 2);
  }
}

TEST_CASE("a verdeling keeps its explanation: the US House 2020 cut-off is Minnesota / New York") {
  Engine engine;
  REQUIRE(engine.loadRules(std::string(VERDEEL_SOURCE_DIR) + "/rules/examples/us-house-2020"));
  REQUIRE(engine.loadData());
  CHECK(engine.runControles());
  const int zetels = defIndex(engine.program(), "zetels");
  REQUIRE(zetels >= 0);
  auto& ev = engine.evaluation();
  const eval::ApportionmentRecord* rec = ev.apportionment(zetels, 0);
  REQUIRE(rec);
  CHECK(rec->rows.size() == 50);
  REQUIRE(rec->result.lastIn);
  REQUIRE(rec->result.firstOut);
  // The 435th seat went to Minnesota; the next in line was New York (short by 89 residents).
  CHECK(ev.entityName(0, rec->rows[*rec->result.lastIn]) == "staat Minnesota");
  CHECK(ev.entityName(0, rec->rows[*rec->result.firstOut]) == "staat New York");
  const auto mn = stdlib::lastPriority(rec->input, rec->result, *rec->result.lastIn);
  const auto ny = stdlib::nextPriority(rec->input, rec->result, *rec->result.firstOut);
  REQUIRE(mn);
  REQUIRE(ny);
  CHECK(ny->value < mn->value);
  // Every state's value carries the article of the verdeling and the data it was computed from.
  const eval::Computed* c = ev.definition(zetels, rec->rows[*rec->result.lastIn]);
  REQUIRE(c);
  CHECK(std::get<mpq_class>(c->value) == 8);
  CHECK(c->article == articleIndex(engine.program(), "2"));
  CHECK(c->tables == std::vector<int>{0});
}
