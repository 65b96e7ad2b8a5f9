// Coverage per article for `verdeel test`: the points of a rule set a test can reach (every
// definition and verdeling computed, every exception applying and not applying, both branches of
// every `als`, every controle and claim run), collected over every version of the rules the tests
// use and every version in the rule set's timeline, and what the tests reached of them. Only the
// rule set's own files count: a rule set it builds on answers for its own with its own tests. A point is
// known by its kind and its place in a rule file, so an amended rule is a point of its own.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "eval/coverage.hpp"
#include "eval/evaluation.hpp"
#include "source/source.hpp"

namespace verdeel::toets {

struct Point {
  std::string article;  // the article's label and title: `art. 2.1 besluit "Indicatieve verdeling"`
  std::string what;     // `definitie aandeel`, `uitzondering vrijgesteld: geldt`, `als ... : dan`
  std::string where;    // `rules/2024/01-indicatief.regels:40`
  bool reached = false;
};

struct ArticleCoverage {
  std::string article;
  std::size_t points = 0, reached = 0;
  std::vector<const Point*> missed;  // in the order of the rule files
};

class Coverage {
 public:
  // Only points in rule files of this folder count (the rule set's own; what it builds on is
  // covered by that rule set's tests). Empty: every point.
  void setOwnFolder(std::string folder) { ownFolder_ = std::move(folder); }
  // Adds the points of a version of the rules (not reached yet).
  void addProgram(const check::Program& p, const SourceManager& sources);
  // Marks what one test's evaluation reached; `ran[i]`: controle i gave an outcome.
  void record(const check::Program& p, const SourceManager& sources, const eval::Evaluation& ev,
              const eval::Coverage& reached, const std::vector<bool>& ran);

  // Per article in the order of the rules (articles without points left out).
  std::vector<ArticleCoverage> perArticle() const;
  std::size_t points() const { return points_.size(); }
  std::size_t reached() const;
  // The share reached in percent (100 without points).
  double percent() const;

 private:
  std::map<std::string, Point> points_;  // by key: kind, file, line, column
  std::vector<std::string> keys_;        // in the order they were first added
  std::vector<std::string> articles_;    // in the order they were first added
  std::string ownFolder_;
  void add(const std::string& key, Point p);
  void mark(const std::string& key);
};

// The report as text (one line per article, the points not reached below it) and as an HTML page.
std::string renderText(const Coverage& c, const std::string& ruleSet);
std::string renderHtml(const Coverage& c, const std::string& ruleSet);

}  // namespace verdeel::toets
