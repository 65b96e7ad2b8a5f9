// Benchmarks of the pipeline (Google Benchmark), stage by stage: parse and check, load, evaluate
// (every value and controle) and write (decision tables, CSV, the output set on disk), on rules/2024
// and on generated data; key lookups (one row of another table per entity) and grouped aggregates
// with a `verdeling ... binnen` per group; and sweep throughput (scenarios per second) on rules/2024
// with every SES-WOA score filled, so that the statutory formula, and everything after it, depends
// on the swept capaciteitsraming. The generated data is seeded and written to a scratch folder once
// per size. Figures and how to run them: docs/performance.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "api/verdeel.hpp"
#include "output/render.hpp"
#include "output/write.hpp"
#include "value/memory.hpp"

namespace fs = std::filesystem;
using namespace verdeel;

namespace {

const std::string kRules2024 = std::string(VERDEEL_SOURCE_DIR) + "/rules/2024";

// A scratch folder for generated rule sets, removed at exit.
const fs::path& scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("verdeel-bench-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  static const struct Cleanup {
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup;
  return dir;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// rules/examples/overijssel-inwoners with n gemeenten (seeded inhabitants).
std::string generated(std::size_t n) {
  const fs::path dir = scratch() / ("inwoners-" + std::to_string(n));
  if (fs::exists(dir)) return dir.string();
  fs::create_directories(dir / "data");
  fs::copy_file(std::string(VERDEEL_SOURCE_DIR) + "/rules/examples/overijssel-inwoners/overijssel.regels",
                dir / "overijssel.regels");
  std::mt19937_64 rng(20241220);
  std::uniform_int_distribution<long> inhabitants(1000, 900000);
  std::string csv = "code,naam,provincie,inwoners_2023_01_01,inwoners_2024_01_01\n";
  for (std::size_t i = 0; i < n; ++i) {
    const long v = inhabitants(rng);
    csv += "GM" + std::to_string(1000000 + i) + ",Gemeente " + std::to_string(i) + ",Overijssel," +
           std::to_string(v) + "," + std::to_string(v) + "\n";
  }
  write(dir / "data/gemeenten-overijssel.csv", csv);
  return dir.string();
}

// n entities, each with one row in another table found by its key (the pattern of rules/2024).
std::string lookups(std::size_t n) {
  const fs::path dir = scratch() / ("lookup-" + std::to_string(n));
  if (fs::exists(dir)) return dir.string();
  write(dir / "r.regels", R"(regeling "Opzoeken" citatie "benchmark" geldig vanaf 2024-01-01
tabel gemeente uit "gemeenten.csv"
  sleutel code
  kolom code: tekst
  kolom naam: tekst
  herkomst echt
  bron "gegenereerd"
tabel aanbod uit "aanbod.csv"
  sleutel nummer
  kolom nummer: tekst
  kolom code: verwijzing naar gemeente
  kolom totaal: geheel getal
  herkomst echt
  bron "gegenereerd"
artikel 1 "Opzoeken"
  definitie aangeboden per gemeente: geheel getal = som(totaal over aanbod waarvoor code = deze gemeente)
uitvoer "aanbod" per gemeente
  kolommen code, naam, aangeboden
)");
  std::mt19937_64 rng(20241221);
  std::string g = "code,naam\n", a = "nummer,code,totaal\n";
  for (std::size_t i = 0; i < n; ++i) {
    g += "G" + std::to_string(i) + ",Gemeente " + std::to_string(i) + "\n";
    a +=
        "A" + std::to_string(i) + ",G" + std::to_string(rng() % n) + "," + std::to_string(rng() % 500) + "\n";
  }
  write(dir / "gemeenten.csv", g);
  write(dir / "aanbod.csv", a);
  return dir.string();
}

// g groups (councils) of 10 lists each: votes summed per group and seats apportioned per group.
std::string groups(std::size_t g) {
  const fs::path dir = scratch() / ("groups-" + std::to_string(g));
  if (fs::exists(dir)) return dir.string();
  write(dir / "r.regels", R"(regeling "Groepen" citatie "benchmark" geldig vanaf 2024-01-01
tabel orgaan uit "organen.csv"
  sleutel code
  kolom code: tekst
  kolom zetels: geheel getal
  herkomst echt
  bron "gegenereerd"
tabel partij uit "partijen.csv"
  sleutel nummer
  kolom nummer: tekst
  kolom orgaan: verwijzing naar orgaan
  kolom stemmen: geheel getal
  herkomst echt
  bron "gegenereerd"
artikel 1 "Groepen"
  definitie stemmen_orgaan per orgaan: geheel getal = som(stemmen over partij waarvoor orgaan = deze orgaan)
  verdeling zetels_partij per partij binnen orgaan:
    verdeel zetels
    naar rato van stemmen
    methode d'hondt
    bij gelijke stand stemmen aflopend
  definitie zetels_orgaan per orgaan: geheel getal = som(zetels_partij over partij waarvoor orgaan = deze orgaan)
  controle "de zetels sluiten" per orgaan: zetels_orgaan = zetels
uitvoer "organen" per orgaan
  kolommen code, zetels, stemmen_orgaan, zetels_orgaan
)");
  std::mt19937_64 rng(20241222);
  std::string o = "code,zetels\n", p = "nummer,orgaan,stemmen\n";
  for (std::size_t i = 0; i < g; ++i)
    o += "O" + std::to_string(i) + "," + std::to_string(9 + 2 * (rng() % 18)) + "\n";
  for (std::size_t i = 0; i < 10 * g; ++i)
    p += "L" + std::to_string(i) + ",O" + std::to_string(i % g) + "," + std::to_string(50 + rng() % 20000) +
         "\n";
  write(dir / "organen.csv", o);
  write(dir / "partijen.csv", p);
  return dir.string();
}

// rules/2024 with every SES-WOA score filled (seeded, fictitious): the formula path runs.
std::string formulaVariant() {
  const fs::path dir = scratch() / "2024-formule";
  if (fs::exists(dir)) return dir.string();
  fs::copy(kRules2024, dir, fs::copy_options::recursive);
  std::ifstream in(dir / "data/ses-woa.csv");
  std::string line, out;
  std::getline(in, line);
  out = line + "\n";
  std::mt19937_64 rng(1);
  while (std::getline(in, line)) {
    const auto cut = line.rfind(';');
    const long milli = static_cast<long>(rng() % 1001) - 500;
    out += line.substr(0, cut) + ";\"" + (milli < 0 ? "-" : "") + "0." +
           std::to_string(1000 + std::labs(milli)).substr(1) + "\"\n";
  }
  write(dir / "data/ses-woa.csv", out);
  return dir.string();
}

struct Loaded {
  std::unique_ptr<Engine> engine = std::make_unique<Engine>();
  explicit Loaded(const std::string& rules) {
    if (!engine->loadRules(rules) || !engine->loadData())
      throw std::runtime_error(engine->renderDiagnostics());
  }
};

// One loaded engine per rule set, kept between benchmarks.
Loaded& loaded(const std::string& rules) {
  static std::map<std::string, std::unique_ptr<Loaded>> cache;
  auto& slot = cache[rules];
  if (!slot) slot = std::make_unique<Loaded>(rules);
  return *slot;
}

// Every value and every controle, on a fresh evaluation.
void evaluateAll(Engine& e, benchmark::State& state) {
  Diagnostics diags;
  eval::Evaluation ev(e.program(), e.dataset(), diags);
  if (!ev.update()) state.SkipWithError("evaluation failed");
  for (std::size_t i = 0; i < e.program().controles.size(); ++i)
    benchmark::DoNotOptimize(ev.controle(static_cast<int>(i)));
}

// Decision tables, CSV, and the output set written to disk (one sync).
void writeAll(Engine& e, benchmark::State& state, const fs::path& out) {
  Diagnostics diags;
  eval::Evaluation ev(e.program(), e.dataset(), diags);
  auto decisions = output::build(ev);
  if (!decisions) {
    state.SkipWithError("decisions failed");
    return;
  }
  std::vector<output::OutputFile> files;
  for (const auto& t : decisions->tables)
    files.push_back(
        {t.file + ".csv", output::render(output::Format::Csv, t, *decisions, output::CsvCells::Guarded)});
  files.push_back({"ontvangstbewijs.json", "{}\n"});
  if (!output::writeAtomically(out.string(), files, {}, diags)) state.SkipWithError("write failed");
}

void ParseCheck2024(benchmark::State& state) {
  for (auto _ : state) {
    Engine e;
    if (!e.loadRules(kRules2024)) state.SkipWithError("rules failed");
  }
}
BENCHMARK(ParseCheck2024)->Unit(benchmark::kMillisecond);

void Load2024(benchmark::State& state) {
  Engine e;
  e.loadRules(kRules2024);
  for (auto _ : state)
    if (!e.loadData()) state.SkipWithError("data failed");
}
BENCHMARK(Load2024)->Unit(benchmark::kMillisecond);

void Evaluate2024(benchmark::State& state) {
  Engine& e = *loaded(kRules2024).engine;
  for (auto _ : state) evaluateAll(e, state);
}
BENCHMARK(Evaluate2024)->Unit(benchmark::kMillisecond);

void Write2024(benchmark::State& state) {
  Engine& e = *loaded(kRules2024).engine;
  const fs::path out = scratch() / "out-2024";
  for (auto _ : state) writeAll(e, state, out);
}
BENCHMARK(Write2024)->Unit(benchmark::kMillisecond);

void LoadGenerated(benchmark::State& state) {
  const std::string rules = generated(static_cast<std::size_t>(state.range(0)));
  Engine e;
  e.loadRules(rules);
  for (auto _ : state)
    if (!e.loadData()) state.SkipWithError("data failed");
  state.SetComplexityN(state.range(0));
}
BENCHMARK(LoadGenerated)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->Complexity()
    ->Unit(benchmark::kMillisecond);

void EvaluateGenerated(benchmark::State& state) {
  Engine& e = *loaded(generated(static_cast<std::size_t>(state.range(0)))).engine;
  for (auto _ : state) evaluateAll(e, state);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(EvaluateGenerated)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->Complexity()
    ->Unit(benchmark::kMillisecond);

void WriteGenerated(benchmark::State& state) {
  Engine& e = *loaded(generated(static_cast<std::size_t>(state.range(0)))).engine;
  const fs::path out = scratch() / ("out-" + std::to_string(state.range(0)));
  for (auto _ : state) writeAll(e, state, out);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(WriteGenerated)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->Complexity()
    ->Unit(benchmark::kMillisecond);

void Lookups(benchmark::State& state) {
  Engine& e = *loaded(lookups(static_cast<std::size_t>(state.range(0)))).engine;
  for (auto _ : state) evaluateAll(e, state);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(Lookups)->Arg(1000)->Arg(8000)->Arg(100000)->Complexity()->Unit(benchmark::kMillisecond);

void Groups(benchmark::State& state) {
  Engine& e = *loaded(groups(static_cast<std::size_t>(state.range(0)))).engine;
  for (auto _ : state) evaluateAll(e, state);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(Groups)->Arg(1000)->Arg(10000)->Arg(100000)->Complexity()->Unit(benchmark::kMillisecond);

// One scenario per iteration: a new capaciteitsraming, everything it reaches computed again, the
// chosen columns read and every controle run, as `verdeel sweep` does.
void Sweep2024(benchmark::State& state) {
  Engine& e = *loaded(formulaVariant()).engine;
  Diagnostics diags;
  eval::Evaluation ev(e.program(), e.dataset(), diags);
  int raming = -1, indicatief = -1, besluit = -1;
  for (std::size_t i = 0; i < e.program().parameters.size(); ++i)
    if (e.program().parameters[i].name == "capaciteitsraming") raming = static_cast<int>(i);
  for (std::size_t i = 0; i < e.program().definitions.size(); ++i) {
    if (e.program().definitions[i].name == "indicatief_totaal") indicatief = static_cast<int>(i);
    if (e.program().definitions[i].name == "besluit_totaal") besluit = static_cast<int>(i);
  }
  const int gemeenten =
      static_cast<int>(e.dataset().tables[static_cast<std::size_t>(e.program().table("gemeente"))].size());
  long total = 80000;
  for (auto _ : state) {
    ev.setParameter(raming, mpq_class(total));
    total = total >= 100000 ? 80000 : total + 100;
    if (!ev.update()) state.SkipWithError("evaluation failed");
    for (int r = 0; r < gemeenten; ++r) {
      benchmark::DoNotOptimize(ev.definition(indicatief, r));
      benchmark::DoNotOptimize(ev.definition(besluit, r));
    }
    for (std::size_t i = 0; i < e.program().controles.size(); ++i)
      benchmark::DoNotOptimize(ev.controle(static_cast<int>(i)));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(Sweep2024)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  installNumberMemory();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
