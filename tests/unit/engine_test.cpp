// Unit tests of the public API (api/verdeel.hpp): the pipeline stage by stage on small rule sets
// written to a scratch folder, the provenance kept with every computed value, default logic with
// exceptions, and "check once, evaluate many" on two data sets.
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <regex>
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
  const auto howA = ev.derivation(taak, 0);
  REQUIRE(howA);
  REQUIRE(howA->exceptions.size() == 1);
  CHECK_FALSE(howA->exceptions[0].conditionHeld);
  // The sum over all gemeenten takes B's fictitious row, so A's share is as uncertain as that.
  CHECK(a->herkomst() == ast::Herkomst::Fictief);
  const auto& articlesA = ev.articles(*a);
  CHECK(std::find(articlesA.begin(), articlesA.end(), articleIndex(p, "1")) != articlesA.end());
  CHECK_FALSE(howA->inputs.empty());

  const eval::Computed* b = ev.definition(taak, 1);
  REQUIRE(b);
  CHECK(std::get<mpq_class>(b->value) == 50);
  CHECK(b->herkomst() == ast::Herkomst::Fictief);  // its own row is fictitious

  const eval::Computed* c = ev.definition(taak, 2);
  REQUIRE(c);
  CHECK(std::get<mpq_class>(c->value) == 0);
  CHECK(c->article == articleIndex(p, "3"));
  CHECK(c->exception == 0);
  const auto howC = ev.derivation(taak, 2);
  REQUIRE(howC);
  REQUIRE(howC->exceptions.size() == 1);
  CHECK(howC->exceptions[0].conditionHeld);

  // A value that reads only its own row has that row's provenance.
  const int dubbel = defIndex(p, "dubbel");
  CHECK(ev.definition(dubbel, 0)->herkomst() == ast::Herkomst::Echt);
  CHECK(ev.definition(dubbel, 1)->herkomst() == ast::Herkomst::Fictief);

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
  CHECK(ev.tables(*c) == std::vector<int>{0});
}

namespace {

// A lookup table with one fictitious row, and a table declared fictitious as a whole.
const char* kLookupRules = R"(regeling "Proef" citatie "proef" geldig vanaf 2024-01-01

tabel gemeente uit "g.csv"
  sleutel code
  kolom code: tekst
  kolom naam: tekst
  herkomst echt
  bron "gemeenten"

tabel aanbod uit "a.csv"
  sleutel nummer
  kolom nummer: tekst
  kolom code: verwijzing naar gemeente
  kolom plaatsen: geheel getal
  kolom status: herkomst
  herkomst echt
  bron "aanbod"

tabel afspraak uit "u.csv"
  sleutel nummer
  kolom nummer: tekst
  kolom gever: verwijzing naar gemeente
  kolom plaatsen: geheel getal
  herkomst fictief
  bron "fictieve afspraken"

artikel 1 "Aanbod"
  definitie aangeboden per gemeente: geheel getal = som(plaatsen over aanbod waarvoor code = deze gemeente)
  definitie grote per gemeente: geheel getal =
    aantal(aanbod waarvoor plaatsen > 10 en code = deze gemeente)
  definitie afgestaan per gemeente: geheel getal = som(plaatsen over afspraak waarvoor gever = deze gemeente)

uitvoer "aanbod" per gemeente
  kolommen code, aangeboden, grote, afgestaan
)";

}  // namespace

TEST_CASE("provenance is what took part: a lookup rests on the matching rows only") {
  Scratch s;
  std::string rules = s.write("r.regels", kLookupRules);
  s.write("g.csv", "code,naam\nA,Aa\nB,Bee\nC,Cee\n");
  s.write("a.csv", "nummer,code,plaatsen,status\n1,A,5,echt\n2,B,20,fictief\n3,A,30,echt\n4,B,1,echt\n");
  s.write("u.csv", "nummer,gever,plaatsen\nU1,B,3\n");
  Engine engine;
  REQUIRE(engine.loadRules(rules));
  REQUIRE(engine.loadData());
  const auto& p = engine.program();
  auto& ev = engine.evaluation();
  const int aangeboden = defIndex(p, "aangeboden"), grote = defIndex(p, "grote"),
            afgestaan = defIndex(p, "afgestaan");

  // A's two rows are real: B's fictitious row does not make A's sum fictitious.
  const eval::Computed* a = ev.definition(aangeboden, 0);
  REQUIRE(a);
  CHECK(std::get<mpq_class>(a->value) == 35);
  CHECK(a->herkomst() == ast::Herkomst::Echt);
  // Its explanation lists A's rows only: the key and the value of each (rows 0 and 2 of aanbod).
  const auto how = ev.derivation(aangeboden, 0);
  REQUIRE(how);
  std::vector<int> rows;
  for (const auto& in : how->inputs) {
    CHECK(in.kind == eval::InputRef::Kind::Cell);
    CHECK(in.table == 1);
    rows.push_back(in.row);
  }
  CHECK(rows == std::vector<int>{0, 0, 2, 2});

  // B's sum takes its fictitious row.
  CHECK(ev.definition(aangeboden, 1)->herkomst() == ast::Herkomst::Fictief);
  // A row left out by the other condition does not count: of B's rows only the fictitious one (20
  // places) is large; the real row of 1 place is left out.
  CHECK(std::get<mpq_class>(ev.definition(grote, 1)->value) == 1);
  CHECK(ev.definition(grote, 1)->herkomst() == ast::Herkomst::Fictief);
  // For A only the real row of 30 is large; the real row of 5 is left out, B's rows never looked at.
  CHECK(std::get<mpq_class>(ev.definition(grote, 0)->value) == 1);
  CHECK(ev.definition(grote, 0)->herkomst() == ast::Herkomst::Echt);
  const auto howGrote = ev.derivation(grote, 0);
  REQUIRE(howGrote);
  for (const auto& in : howGrote->inputs) CHECK(in.row == 2);

  // C has no row in aanbod: 0, resting on the (real) table as a whole.
  const eval::Computed* c = ev.definition(aangeboden, 2);
  CHECK(std::get<mpq_class>(c->value) == 0);
  CHECK(c->herkomst() == ast::Herkomst::Echt);
  CHECK(ev.tables(*c) == std::vector<int>{1});
  CHECK(ev.derivation(aangeboden, 2)->inputs.empty());

  // No agreement for A in a table that is fictitious as a whole: that absence is fictitious too.
  CHECK(std::get<mpq_class>(ev.definition(afgestaan, 0)->value) == 0);
  CHECK(ev.definition(afgestaan, 0)->herkomst() == ast::Herkomst::Fictief);
}

TEST_CASE("a key lookup gives the same values as visiting every row") {
  // The same rules with the lookup hidden behind `niet ... <>`, which the index does not answer.
  Scratch s;
  std::string indexed = s.write("i/r.regels", kLookupRules);
  std::string scanned = s.write(
      "s/r.regels", std::regex_replace(std::string(kLookupRules), std::regex("(\\w+) = deze gemeente"),
                                       "niet ($1 <> deze gemeente)"));
  for (const char* dir : {"i", "s"}) {
    s.write(std::string(dir) + "/g.csv", "code,naam\nA,Aa\nB,Bee\nC,Cee\n");
    s.write(std::string(dir) + "/a.csv",
            "nummer,code,plaatsen,status\n1,A,5,echt\n2,B,20,fictief\n3,A,30,echt\n4,B,1,echt\n");
    s.write(std::string(dir) + "/u.csv", "nummer,gever,plaatsen\nU1,B,3\n");
  }
  Engine one, two;
  REQUIRE(one.loadRules(indexed));
  REQUIRE(one.loadData());
  REQUIRE(two.loadRules(scanned));
  REQUIRE(two.loadData());
  int lookups = 0;
  for (const auto& d : one.program().definitions)
    lookups += std::get<check::Aggregate>(d.body->node).lookup ? 1 : 0;
  CHECK(lookups == 3);
  for (const auto& d : two.program().definitions)
    CHECK_FALSE(std::get<check::Aggregate>(d.body->node).lookup);
  auto a = one.decisions();
  auto b = two.decisions();
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(a->tables.size() == 1);
  CHECK(a->tables[0].rows == b->tables[0].rows);
}
