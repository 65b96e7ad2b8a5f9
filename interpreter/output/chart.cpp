#include "output/chart.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "value/value.hpp"

#include "source/text.hpp"

namespace verdeel::output {

namespace {

// Colours that stay apart for readers with a colour vision deficiency (Okabe-Ito).
constexpr const char* kColours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};

}  // namespace

std::string barChart(const std::string& title, const std::vector<std::string>& labels,
                     const std::vector<ChartSeries>& series) {
  if (labels.empty() || series.empty()) return "";
  mpq_class max = 1;
  for (const auto& s : series)
    for (const auto& v : s.values) max = std::max(max, v);
  const int labelWidth = 170, barArea = 420, numberWidth = 70, bar = 7, gap = 6;
  const int group = static_cast<int>(series.size()) * bar + gap;
  const int legend = 18 * static_cast<int>(series.size()) + 10;
  const int height = 30 + group * static_cast<int>(labels.size()) + legend;
  const int width = labelWidth + barArea + numberWidth;
  std::string out =
      fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {0} {1}" width="100%" )"
                  R"(font-family="sans-serif" font-size="10"><title>{2}</title>)"
                  "\n",
                  width, height, escapeHtml(title));
  int y = 24;
  for (std::size_t e = 0; e < labels.size(); ++e) {
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)"
                       "\n",
                       labelWidth - 6, y + group / 2, escapeHtml(labels[e]));
    for (std::size_t s = 0; s < series.size(); ++s) {
      const mpq_class v = e < series[s].values.size() ? series[s].values[e] : mpq_class(0);
      const mpq_class scaled = v > 0 ? v * barArea / max : mpq_class(0);
      const double w = scaled.get_d();
      out += fmt::format(
          R"(<rect x="{}" y="{}" width="{:.1f}" height="{}" fill="{}"><title>{}: {}</title></rect>)"
          R"(<text x="{:.1f}" y="{}">{}</text>)"
          "\n",
          labelWidth, y, w, bar - 1, kColours[s % 6], escapeHtml(series[s].name), formatDutch(v),
          labelWidth + w + 3, y + bar - 1, formatDutch(v));
      y += bar;
    }
    y += gap;
  }
  y += 6;
  for (std::size_t s = 0; s < series.size(); ++s) {
    out +=
        fmt::format(R"(<rect x="{}" y="{}" width="12" height="10" fill="{}"/><text x="{}" y="{}">{}</text>)"
                    "\n",
                    labelWidth, y, kColours[s % 6], labelWidth + 18, y + 9, escapeHtml(series[s].name));
    y += 18;
  }
  out += "</svg>";
  return out;
}

}  // namespace verdeel::output
