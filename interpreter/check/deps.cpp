// Dependency analysis: a definition may not depend on itself through any chain of references
// (E0301, naming the whole cycle), `gaat voor` may not loop (E0302); the definitions are put in
// dependency order; definitions no output or controle needs get a warning (W0201).
#include <fmt/format.h>

#include <algorithm>

#include "check/checker.hpp"
#include "lang/language.hpp"

namespace verdeel::check {

namespace {

// Finds one cycle reachable in `graph`; returns its nodes in order (first == start), or empty.
// Visits nodes in index order so the reported cycle is deterministic. Depth first with an explicit
// work stack: a chain of a million definitions does not recurse on the C++ stack.
std::vector<int> findCycle(const std::vector<std::set<int>>& graph, std::vector<int>& order) {
  const std::size_t n = graph.size();
  std::vector<int> state(n, 0);  // 0 new, 1 on the path, 2 done
  struct Step {
    int node;
    std::set<int>::const_iterator next;
  };
  std::vector<Step> path;
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start] != 0) continue;
    state[start] = 1;
    path.push_back({static_cast<int>(start), graph[start].begin()});
    while (!path.empty()) {
      Step& top = path.back();
      const auto v = static_cast<std::size_t>(top.node);
      if (top.next == graph[v].end()) {
        state[v] = 2;
        order.push_back(top.node);
        path.pop_back();
        continue;
      }
      const int w = *top.next++;
      if (state[static_cast<std::size_t>(w)] == 1) {
        auto it = std::find_if(path.begin(), path.end(), [&](const Step& s) { return s.node == w; });
        std::vector<int> cycle;
        for (; it != path.end(); ++it) cycle.push_back(it->node);
        return cycle;
      }
      if (state[static_cast<std::size_t>(w)] == 0) {
        state[static_cast<std::size_t>(w)] = 1;
        path.push_back({w, graph[static_cast<std::size_t>(w)].begin()});
      }
    }
  }
  return {};
}

}  // namespace

void Checker::dependencies() {
  const int defs = static_cast<int>(p_.definitions.size());
  auto nodeName = [&](int v) {
    return v < defs ? p_.definitions[static_cast<std::size_t>(v)].name
                    : p_.parameters[static_cast<std::size_t>(v - defs)].name;
  };
  auto nodeSpan = [&](int v) {
    return v < defs ? p_.definitions[static_cast<std::size_t>(v)].span
                    : p_.parameters[static_cast<std::size_t>(v - defs)].span;
  };
  std::vector<int> order;
  std::vector<int> cycle = findCycle(graph_, order);
  if (!cycle.empty()) {
    // Start the report at the cycle member declared first, so it reads the same every time.
    auto first = std::min_element(cycle.begin(), cycle.end(), [&](int a, int b) {
      SourceSpan sa = nodeSpan(a), sb = nodeSpan(b);
      return std::tie(sa.file, sa.line, sa.col) < std::tie(sb.file, sb.line, sb.col);
    });
    std::rotate(cycle.begin(), first, cycle.end());
    std::string chain;
    for (int v : cycle) chain += fmt::format("`{}` -> ", nodeName(v));
    chain += fmt::format("`{}`", nodeName(cycle.front()));
    int v0 = cycle.front();
    if (v0 < defs) diags_.setBasis(p_.basis(p_.definitions[static_cast<std::size_t>(v0)].article));
    auto& d = diags_.report(
        Code::E0301, nodeSpan(v0),
        cycle.size() == 1 ? trf("`{}` depends on itself", nodeName(v0)) : trf("dependency cycle: {}", chain));
    for (std::size_t i = 1; i < cycle.size(); ++i)
      d.notes.push_back({nodeSpan(cycle[i]), trf("`{}` is defined here", nodeName(cycle[i]))});
    d.help = tr("a value cannot be computed from itself; break the chain at one of these rules");
    diags_.setBasis("");
    return;
  }
  for (int v : order) {
    if (v < defs)
      p_.order.push_back(v);
    else
      p_.parameterOrder.push_back(v - defs);
  }
  p_.definitionReads.resize(p_.definitions.size());
  p_.parameterReads.resize(p_.parameters.size());
  for (std::size_t v = 0; v < graph_.size(); ++v) {
    Program::Reads& r = static_cast<int>(v) < defs ? p_.definitionReads[v]
                                                   : p_.parameterReads[v - static_cast<std::size_t>(defs)];
    for (int w : graph_[v]) (w < defs ? r.definitions : r.parameters).push_back(w < defs ? w : w - defs);
  }

  // `gaat voor` between exceptions must not loop either.
  std::vector<std::set<int>> beats(p_.exceptions.size());
  for (std::size_t i = 0; i < p_.exceptions.size(); ++i)
    beats[i].insert(p_.exceptions[i].beats.begin(), p_.exceptions[i].beats.end());
  std::vector<int> ignored;
  std::vector<int> loop = findCycle(beats, ignored);
  if (!loop.empty()) {
    std::string chain;
    for (int v : loop)
      chain += fmt::format("`{}` gaat voor ", p_.exceptions[static_cast<std::size_t>(v)].name);
    chain += fmt::format("`{}`", p_.exceptions[static_cast<std::size_t>(loop.front())].name);
    const Exception& e0 = p_.exceptions[static_cast<std::size_t>(loop.front())];
    diags_.setBasis(p_.basis(e0.article));
    auto& d =
        diags_.report(Code::E0302, e0.span, trf("the order of exceptions goes round in a circle: {}", chain));
    d.help = tr("decide which exception wins and remove the `gaat voor` that says the opposite");
    diags_.setBasis("");
  }
}

void Checker::unused() {
  // Everything an output or controle needs, followed through the dependency graph.
  std::vector<int> todo(used_.begin(), used_.end());
  std::set<int> seen(used_.begin(), used_.end());
  const int defs = static_cast<int>(p_.definitions.size());
  while (!todo.empty()) {
    int v = todo.back();
    todo.pop_back();
    for (int w : graph_[static_cast<std::size_t>(v)])
      if (w < defs && seen.insert(w).second) todo.push_back(w);
  }
  for (int i = 0; i < defs; ++i) {
    if (seen.count(i)) continue;
    const Definition& d = p_.definitions[static_cast<std::size_t>(i)];
    // Used, but only by definitions that are unused themselves: say so, not "never used".
    std::vector<std::string> users;
    for (int j = 0; j < defs; ++j)
      if (j != i && graph_[static_cast<std::size_t>(j)].count(i))
        users.push_back(fmt::format("`{}`", p_.definitions[static_cast<std::size_t>(j)].name));
    std::string message = users.empty()
                              ? trf("`{}` is never used by an output or a controle", d.name)
                              : trf("`{}` is used only by {}, which no output or controle uses either",
                                    d.name, fmt::join(users, ", "));
    diags_.setBasis(p_.basis(d.article));
    auto& diag = diags_.report(Code::W0201, d.span, std::move(message));
    diag.help = tr("add it to an `uitvoer`, use it in another rule, or remove it");
  }
  diags_.setBasis("");
}

}  // namespace verdeel::check
