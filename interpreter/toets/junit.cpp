#include "toets/junit.hpp"

#include <fmt/format.h>

#include <map>

#include "source/text.hpp"

namespace verdeel::toets {

namespace {

// Text for an XML attribute or element: escaped, and the control characters XML 1.0 does not allow
// (all below U+0020 but tab, line feed and carriage return) written as `U+001B`.
std::string xml(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
      clean += fmt::format("U+{:04X}", u);
    else
      clean += c;
  }
  return escapeHtml(clean);  // & < > " (attributes are in double quotes)
}

std::string firstLine(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace

std::string renderJunit(const std::string& ruleSet, const std::vector<TestReport>& reports) {
  std::map<std::string, std::vector<const TestReport*>> byFile;  // in name order, as the tests ran
  std::size_t failed = 0;
  for (const TestReport& r : reports) {
    byFile[r.file].push_back(&r);
    failed += r.passed ? 0 : 1;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\">\n",
                     xml("verdeel test " + ruleSet), reports.size(), failed);
  for (const auto& [file, tests] : byFile) {
    std::size_t fileFailed = 0;
    for (const TestReport* r : tests) fileFailed += r->passed ? 0 : 1;
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
                       xml(file), tests.size(), fileFailed);
    for (const TestReport* r : tests) {
      out += fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"", xml(file),
                         xml(r->title), xml(file), r->line);
      if (r->passed) {
        out += "/>\n";
        continue;
      }
      std::string text;
      for (const std::string& f : r->failures) text += f + "\n";
      out +=
          fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                      xml(r->failures.empty() ? std::string() : firstLine(r->failures.front())), xml(text));
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace verdeel::toets
