// The built-in document template (Mustache) for a decision table without a template of its own.
#include "output/html.hpp"

namespace verdeel::output {

const std::string& defaultTemplate() {
  static const std::string text = R"TEMPLATE(<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{{titel}}</title>
<style>
  @page { size: A4; margin: 22mm 15mm 18mm 15mm;
    @top-left { content: "{{titel}}"; font: 8pt sans-serif; color: #333; }
    @top-right { content: "{{banner_kort}}"; font: bold 8pt sans-serif; color: #7a0000; }
    @bottom-center { content: "pagina " counter(page) " van " counter(pages); font: 8pt sans-serif; } }
  body { font: 10pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 60em; }
  .banner { background: #fde2e1; color: #7a0000; border: 2px solid #7a0000; font-weight: bold; padding: 4px 8px; }
  h1 { font-size: 15pt; margin: 0.6em 0 0.2em; }
  .meta { color: #333; font-size: 9pt; }
  table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 8.5pt; }
  caption { text-align: left; font-weight: bold; padding: 4px 0; }
  th, td { border-bottom: 1px solid #bbb; padding: 2px 4px; vertical-align: top; }
  th { background: #e8eef4; text-align: left; }
  td.getal, th.getal { text-align: right; font-variant-numeric: tabular-nums; }
  tr.niet-echt td:first-child { border-left: 3px solid #7a0000; }
  tfoot td { font-weight: bold; border-top: 2px solid #333; }
  tfoot { display: table-row-group; } tr { break-inside: avoid; } figure { break-inside: avoid; }
</style>
</head>
<body>
{{#concept}}<div class="banner" role="note">{{banner}}</div>{{/concept}}
<h1>{{titel}}</h1>
<p class="meta">{{regeling}} ({{citatie}}), geldig vanaf {{geldig_vanaf}}; versie: {{versie}}.</p>
<table>
<caption>{{titel}}: {{aantal_rijen}} rijen</caption>
<thead><tr>{{#kolommen}}<th scope="col"{{#getal}} class="getal"{{/getal}}>{{naam}}</th>{{/kolommen}}</tr></thead>
<tbody>
{{#rijen}}<tr{{#niet_echt}} class="niet-echt"{{/niet_echt}}>{{#cellen}}<td{{#getal}} class="getal"{{/getal}}>{{tekst}}</td>{{/cellen}}</tr>
{{/rijen}}</tbody>
{{#heeft_totalen}}<tfoot><tr>{{#totalen}}<td{{#getal}} class="getal"{{/getal}}>{{tekst}}</td>{{/totalen}}</tr></tfoot>{{/heeft_totalen}}
</table>
{{#heeft_grafiek}}<figure>{{{grafiek}}}</figure>{{/heeft_grafiek}}
{{#concept}}<p class="meta">Rijen met een rode rand rusten op gereconstrueerde of fictieve gegevens (kolom herkomst).</p>{{/concept}}
</body>
</html>
)TEMPLATE";
  return text;
}

}  // namespace verdeel::output
