#include <fmt/format.h>

#include "stdlib/builtins.hpp"

namespace verdeel::stdlib {

const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> registry = {
      {"afgerond(x, rekenkundig)", "afronding",
       "afgerond(getal, rekenkundig[, N decimalen]) -> geheel getal (of getal bij N > 0)",
       "Rounds the way it is taught at school and written in art. 2.1 lid 3 of the Besluit: below a half "
       "down, from a half up. 2.5 becomes 3 and 2.4 becomes 2. For a negative number the half goes away "
       "from zero: -2.5 becomes -3.",
       "Round half away from zero at 10^-N, on exact rationals (GMP); no binary floating point is involved, "
       "so 0.5 is exactly one half.",
       "`afgerond(7/2, rekenkundig)` gives 4; `afgerond(2.45, rekenkundig, 1 decimalen)` gives 2.5"},
      {"afgerond(x, naar beneden)", "afronding",
       "afgerond(getal, naar beneden[, N decimalen]) -> geheel getal (of getal bij N > 0)",
       "Always rounds down to the whole number (or N decimals) at or below the value: 2.9 becomes 2. "
       "For a negative number that is further from zero: -2.1 becomes -3.",
       "Floor at 10^-N (towards minus infinity).",
       "`afgerond(2.9, naar beneden)` gives 2; `afgerond(1/3, naar beneden, 2 decimalen)` gives 0.33"},
      {"afgerond(x, naar boven)", "afronding",
       "afgerond(getal, naar boven[, N decimalen]) -> geheel getal (of getal bij N > 0)",
       "Always rounds up to the whole number (or N decimals) at or above the value: 2.1 becomes 3.",
       "Ceiling at 10^-N (towards plus infinity).",
       "`afgerond(2.1, naar boven)` gives 3; `afgerond(1/3, naar boven, 2 decimalen)` gives 0.34"},
      {"afgerond(x, half even)", "afronding",
       "afgerond(getal, half even[, N decimalen]) -> geheel getal (of getal bij N > 0)",
       "Like rekenkundig, except that an exact half goes to the even neighbour: 2.5 becomes 2 and 3.5 "
       "becomes 4. Over many numbers this does not drift upwards (bankers' rounding).",
       "Round half to even at 10^-N (IEEE 754 roundTiesToEven), on exact rationals.",
       "`afgerond(2.5, half even)` gives 2; `afgerond(3.5, half even)` gives 4"},
      {"som", "aggregaat",
       "som(getal over TABEL [waarvoor voorwaarde]) -> getal (geheel getal when the values are whole)",
       "Adds up a value over every row of a table, or over the rows that meet the condition after "
       "`waarvoor`. With no matching row the sum is 0.",
       "Exact sum of a rational expression evaluated per row of TABEL; the filter is evaluated first. Names "
       "inside refer to the row being summed; `deze T` is the entity the rule is per.",
       "`som(inwoners over gemeente waarvoor provincie = deze provincie)` gives the inhabitants of one "
       "province"},
      {"aantal", "aggregaat", "aantal(TABEL [waarvoor voorwaarde]) -> geheel getal",
       "Counts the rows of a table, or the rows that meet the condition after `waarvoor`.",
       "Count of rows of TABEL for which the filter is true.",
       "`aantal(gemeente waarvoor inwoners > 100000)` gives the number of large gemeenten"},
      {"minimum", "aggregaat", "minimum(getal of datum over TABEL [waarvoor voorwaarde]) -> same kind",
       "The smallest value over the rows (that meet the condition). Asking for the minimum of no rows at "
       "all is an error (E0504), never a silent zero.",
       "Minimum under exact comparison; an empty set raises E0504.",
       "`minimum(inwoners over gemeente)` gives the inhabitants of the smallest gemeente"},
      {"maximum", "aggregaat", "maximum(getal of datum over TABEL [waarvoor voorwaarde]) -> same kind",
       "The largest value over the rows (that meet the condition). The maximum of no rows is an error "
       "(E0504).",
       "Maximum under exact comparison; an empty set raises E0504.",
       "`maximum(inwoners over gemeente)` gives the inhabitants of the largest gemeente"},

      {"lijst", "aggregaat", "lijst(waarde over TABEL [waarvoor voorwaarde]) -> tekst",
       "Writes the values of the rows (that meet the condition) one after the other, separated by a comma: "
       "for example the members of a merged task. Blank values are left out.",
       "The values formatted as in the outputs, joined with \", \" in the order of the table's rows.",
       "`lijst(gemeente.naam over lid waarvoor groep = deze samenvoeging)` gives \"Hellendoorn, Hengelo, "
       "Losser\""},
      {"grootste overschot", "verdeling",
       "verdeling x per T: verdeel N naar rato van w methode grootste overschot",
       "The method of the largest remainder (Hamilton). Every entity first gets its exact share of the "
       "total, N * w / (sum of all w), as a fraction: its quota. Each gets the whole part of its quota. The "
       "units that are left go, one each, to the entities with the largest fractions left over, largest "
       "first. Every entity ends with its quota rounded down or up, never further away, and the parts add "
       "up to N exactly.",
       "Quota q_i = N w_i / W (exact rationals). Floors f_i = floor(q_i); R = N - sum f_i units go to the R "
       "largest remainders q_i - f_i (ties by the declared tie-break; an undeclared tie at the cut-off is "
       "E0506). Satisfies the quota rule; not house-monotone (Alabama paradox). O(n log n): one sort of "
       "the remainders, which share one denominator, so only whole numbers are compared.",
       "8 seats over 100,000, 80,000, 30,000 and 20,000 votes: quotas 3.48, 2.78, 1.04 and 0.70; whole "
       "parts 3, 2, 1, 0 (6 seats); the 2 seats left go to the remainders 0.78 and 0.70: result 3, 3, 1, 1"},
      {"d'hondt", "verdeling", "verdeling x per T: verdeel N naar rato van w methode d'hondt",
       "The method of the largest averages (D'Hondt, Jefferson), used for the seats of the Tweede Kamer. "
       "Seats are handed out one at a time; each goes to the entity with the highest average: its weight "
       "divided by (the seats it already has + 1). It favours larger entities slightly.",
       "Divisor method with d(s) = s + 1: the N seats with the highest priorities w_i / (k) for the k-th "
       "seat, k = 1, 2, ... Computed from the quotas rounded down with a shifted total, then single seats "
       "moved by priority with two heaps: O(n log n). House-monotone. Explanation: the priority that won "
       "the last seat and the best one that missed (\"why 4, not 5\").",
       "8 seats over 100,000, 80,000, 30,000 and 20,000 votes: the winning averages are 100,000, 80,000, "
       "50,000, 40,000, 33,333, 30,000, 26,667 and 25,000; the next, 20,000, misses: result 4, 3, 1, 0"},
      {"sainte-laguë", "verdeling", "verdeling x per T: verdeel N naar rato van w methode sainte-laguë",
       "The method of odd divisors (Sainte-Laguë, Webster). Like D'Hondt, but the weight is divided by "
       "1, 3, 5, 7, ... for the first, second, third, fourth seat. It treats large and small entities "
       "evenly: a share is rounded to the nearest whole number, with the dividing line at one half.",
       "Divisor method with d(s) = s + 1/2 (priorities w / (k - 1/2)). Same algorithm and explanation as "
       "D'Hondt. House-monotone. (Also accepted as `sainte-lague`.)",
       "8 seats over 100,000, 80,000, 30,000 and 20,000 votes: winning priorities 100,000, 80,000, 33,333, "
       "30,000, 26,667, 20,000, 20,000 and 16,000: result 3, 3, 1, 1"},
      {"huntington-hill", "verdeling", "verdeling x per T: verdeel N naar rato van w methode huntington-hill",
       "The method of equal proportions (Huntington-Hill), used for the US House of Representatives. A "
       "share is rounded up when it lies above the geometric mean of the two whole numbers around it "
       "(between 2 and 3 the line is at the square root of 6, about 2.449). Every entity with a weight gets "
       "a first seat before anyone gets a second one.",
       "Divisor method with d(s) = sqrt(s (s + 1)); priorities are compared as their squares, "
       "w^2 / (s (s + 1)), so everything stays exact; the first seat has infinite priority. House-monotone. "
       "Reproduces the official 2020 apportionment of the US House (rules/examples/us-house-2020).",
       "435 seats over the 50 states, at least 1 each: the 435th seat goes to Minnesota, the next in line "
       "would have been New York"},
      {"adams", "verdeling", "verdeling x per T: verdeel N naar rato van w methode adams",
       "The method of smallest divisors (Adams). Shares are rounded up: every entity with a weight gets a "
       "first seat before anyone gets a second. It favours smaller entities.",
       "Divisor method with d(s) = s: priorities w / (k - 1), infinite for the first seat. House-monotone.",
       "8 seats over 100,000, 80,000, 30,000 and 20,000 votes: result 3, 3, 1, 1"},
      {"restronden", "verdeling",
       "verdeling x per T: verdeel N naar rato van w methode restronden restronde grootste "
       "overschotten|gemiddelden [, maximaal K per T] [waarvoor c] ... [maximaal b] [meerderheidsregel]",
       "Seats as the Kieswet gives them (hoofdstuk P). The kiesdeler is the sum of the weights divided by N. "
       "Every entity first gets its full units: how often the kiesdeler fits in its weight (P 6), never more "
       "than its maximum (P 10, `maximaal kandidaten`). The units left, the rest units (restzetels), are "
       "given in the declared rounds, one at a time, each to the entity with the largest surplus (its weight "
       "minus its full units times the kiesdeler) or the largest average (its weight divided by its units so "
       "far plus one) among those the round admits: `waarvoor` is a threshold for rest units only (75% of "
       "the "
       "kiesdeler in P 8; the kiesdeler itself in P 7), and `maximaal 1 per T` admits only an entity that "
       "has "
       "had fewer than one rest unit so far. A round whose candidates run out hands over to the next. "
       "`meerderheidsregel` is P 9: an entity with more than half of all the weight but not more than half "
       "of the units gets one more, taken from the entity that received the last rest unit.",
       "Full units f_i = min(floor(N w_i / W), b_i); R = N - sum f_i. Per round in order, while R > 0: the "
       "admitted candidate with the highest priority (surplus w_i - f_i W / N, fixed; or average w_i / (s_i "
       "+ "
       "1), after every unit) gets one, then the tie order; a surplus round must be limited (`maximaal K "
       "per`, "
       "E0214). Units no round may give are E0507. A tie for the last rest unit is recorded like the other "
       "methods' (E0506 without a tie-break). Exact rationals, O(R n): elections have tens of lists. "
       "Explanation: every stage, per entity (`explain`). Examples that reproduce official seats: "
       "rules/examples/tweede-kamer-2023, rules/examples/gemeenteraad.",
       "Texel 2018, 15 seats over 7,422 votes: kiesdeler 494.8, 75% of it 371.1; full seats 4, 2, 2, 1, 1, "
       "1, 0, 0, 0 (11); the 4 rest seats go by largest surplus, one each, to Texel 2010 (415), GROENLINKS "
       "(387.2), VVD (231.4) and CDA (168.2): 4, 3, 2, 2, 2, 1, 1, 0, 0 as the official result"},
      {"laatste_eenheid(x) and kin", "verdeling",
       "laatste_eenheid(x), volgende_eenheid(x) -> verwijzing naar T; prioriteit_laatste(x), "
       "prioriteit_volgende(x), marge_laatste(x), marge_volgende(x) -> getal",
       "What a verdeling decided at its cut-off, as values for outputs and claims: the entity that got the "
       "last unit and the next in line (the first that did not get one), the remainder, priority, surplus or "
       "average with which each stood there, and the US Census 'Table B' figures: by how much (in whole "
       "units of weight) the first could have had less and still lost the unit, and how much more the second "
       "needed to win it, all else equal. With `binnen G` each is one per group: use it in a rule per G, or "
       "per T for the group of that row (E0205 otherwise). Blank when there is no such entity or figure.",
       "From the group's record: r.lastIn, r.firstOut; priorities as `explain` shows them (Huntington-Hill: "
       "the exact square). Margins: for divisor methods exact from the priorities (D'Hondt: floor(P_last (s "
       "+ "
       "1) - w) + 1 for the next in line); for largest remainder and restronden by doubling and halving over "
       "whole amounts, each step a full apportionment without tie-break (a tie does not count as moved); "
       "blank when the last and the next are the same entity or the last unit is an unlosable first seat. "
       "Property-tested: the margin moves the unit, one less does not.",
       "US House 2020: `laatste_eenheid(zetels)` is Minnesota, `volgende_eenheid(zetels)` New York, "
       "`marge_laatste(zetels)` 26 and `marge_volgende(zetels)` 89, as the Census Bureau reported"},
      {"minimaal / maximaal", "verdeling",
       "verdeling x per T: ... minimaal a maximaal b (a, b whole numbers per entity)",
       "Limits per entity: no entity gets less than its minimum or more than its maximum. With `grootste "
       "overschot` the bounds work as statutes mean them (the US apportionment of 1880, 'at least one seat "
       "per state'): each entity's whole part of its plain quota is raised to its minimum or lowered to its "
       "maximum, and the units then left go by largest remainders to the other entities, one each (units "
       "the minima took beyond the whole parts are taken back from the smallest remainders). So an entity "
       "the bounds do not touch keeps the floor or the ceiling of its quota. `methode grootste overschot "
       "herschaald` is the other reading, clamp-and-rescale: the quotas themselves are held within the "
       "bounds and the others share what is left in proportion, round after round. Divisor methods give "
       "each entity between its bounds and hand out the rest by priority. If the minima add up to more "
       "than the total, or the maxima to less, that is an error (E0507), never a silent adjustment.",
       "Statutory: q_i = N * w_i / W; s_i = clamp(floor(q_i), a_i, b_i); then N - sum s_i units by "
       "largest remainder q_i - floor(q_i) among the entities not held at a bound (rounds only when the "
       "maxima set more units free than there are such entities). Rescaled (`herschaald`) and divisor "
       "methods: q_i = clamp(s * w_i, a_i, b_i), with the one scale s for which the q_i add up to N (an "
       "exact sweep over the sorted breakpoints a_i / w_i and b_i / w_i, O(n log n)), then rounded by the "
       "method.",
       "10 seats over 620 : 290 : 85 : 5 with a minimum of 1 (the US rule of 1880): quotas 6.2, 2.9, 0.85, "
       "0.05; the last two are raised to 1 and the whole parts 6 and 2 use the rest: result 6, 2, 1, 1 "
       "(`herschaald`: 5, 3, 1, 1, the first below its lower quota 6)"},
      {"bij gelijke stand", "verdeling",
       "verdeling x per T: ... bij gelijke stand k1 [aflopend|oplopend], k2, ... [, lot uit K]",
       "The order that decides when two entities have exactly the same claim on the last unit (the same "
       "remainder, or the same priority). Without this line such a tie is an error (E0506) that names the "
       "tied entities: the rules must say who goes first. The table's key is always added as the last "
       "criterion, so the order is complete. `lot uit K` takes the order drawn by lot from the whole-number "
       "column K (1 drawn first, blank until drawn); a tie it must decide while K is blank for the tied "
       "entities stays undecided (E0506). Every tie, decided or not, is listed in the run's table "
       "`gelijke-standen`; an undecided one leaves only its group blank (exit 3).",
       "Keys are numbers, texts or dates per entity, compared in order (`aflopend` = largest first; a blank "
       "lot after every number); the resulting total order is the secondary sort key of remainders and "
       "priorities. A tie is decided by the first key on which the last entity that got the unit and the "
       "first that did not differ.",
       "`bij gelijke stand inwoners aflopend`: of two gemeenten with the same remainder, the larger one gets "
       "the unit; `bij gelijke stand lot uit lot`: three lists with the same average for two seats, lots 2, "
       "3 "
       "and 1: the lists drawn 1 and 2 get them"},
  };
  return registry;
}

namespace {
constexpr std::string_view kApportionmentIntro =
    "\nA `verdeling` distributes a whole total over the rows of a table in proportion to a weight, so "
    "that the parts add up to the total exactly, by construction and checked. It defines a value per "
    "row, `geheel getal`, and stands in an article like a definition:\n\n"
    "```\n"
    "verdeling taak per gemeente binnen provincie:\n"
    "  verdeel taak_provincie          # the total; with `binnen`, one per provincie\n"
    "  naar rato van inwoners          # the weight, per gemeente\n"
    "  waarvoor niet vrijgesteld       # optional: who takes part; the others get 0\n"
    "  methode grootste overschot      # or d'hondt, sainte-laguë, huntington-hill, adams\n"
    "  minimaal 0                      # optional bounds per gemeente\n"
    "  maximaal aangeboden\n"
    "  bij gelijke stand inwoners aflopend, naam\n"
    "```\n\n"
    "**Nested.** A verdeling `binnen provincie` is carried out once per provincie, with the total "
    "computed for that provincie (for example the result of a national verdeling per provincie), so "
    "one rule set can apportion nationally, then per province, then per gemeente.\n\n"
    "**Coupled: totaal = regulier + amv.** To split each entity's total into two parts whose national "
    "sums are both exact, apportion the total first, then the amv part over the same entities in "
    "proportion to their total with the total as maximum (`maximaal taak`), and define regulier as "
    "the difference. Both national sums are exact by construction (the amv apportionment adds up to "
    "the amv total, so regulier adds up to the rest), every entity's parts add up to its total, and "
    "no part is negative. This is the method used in `tests/golden/eval/ok_verdeling_nested_and_coupled`; "
    "apportioning regulier and amv independently would make each national sum exact too, but not "
    "each entity's total.\n\n"
    "**Explanation.** For every entity the evaluator keeps the exact quota (a fraction), its whole "
    "part and remainder, the remainder's rank and whether it won a unit; for divisor methods the "
    "priority with which it won its last seat and the one its next seat would have had; the cut-off "
    "(the last unit won and the first missed); whether a declared tie-break decided; and under "
    "bounds every round of redistribution.\n";
}  // namespace

std::string renderDocs() {
  std::string out =
      "# Standard library\n\n"
      "<!-- Generated from stdlib/registry.cpp by `verdeel stdlib-docs`; do not edit by hand. -->\n\n"
      "Every builtin of the rules language. For each: what it does in plain words (for legal staff), "
      "what it does precisely (for engineers) and a worked example. All arithmetic is exact: numbers are "
      "fractions of whole numbers, never binary floating point, and nothing is rounded unless a rule says "
      "`afgerond` with a named mode.\n";
  std::string_view category;
  for (const Builtin& b : builtins()) {
    if (b.category != category) {
      category = b.category;
      out += fmt::format("\n## {}\n", category == "afronding"   ? "Rounding (`afgerond`)"
                                      : category == "aggregaat" ? "Aggregates"
                                                                : "Apportionment (`verdeling`)");
      if (category == "verdeling") out += std::string(kApportionmentIntro);
    }
    out +=
        fmt::format("\n### `{}`\n\n`{}`\n\n**In plain words.** {}\n\n**Precisely.** {}\n\n**Example.** {}\n",
                    b.name, b.signature, b.forLegalStaff, b.forEngineers, b.example);
  }
  return out;
}

}  // namespace verdeel::stdlib
