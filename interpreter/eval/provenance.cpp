#include "eval/provenance.hpp"

#include <algorithm>
#include <iterator>

namespace verdeel::eval {

std::size_t SetPool::Hash::operator()(const std::vector<int>& v) const noexcept {
  std::size_t h = v.size();
  for (int x : v) h = h * 1000003u ^ static_cast<std::size_t>(x);
  return h;
}

SetPool::SetPool() {
  intern({});
}

SetId SetPool::intern(std::vector<int> members) {
  auto it = ids_.find(members);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<SetId>(sets_.size());
  sets_.push_back(members);
  ids_.emplace(std::move(members), id);
  return id;
}

SetId SetPool::single(int member) {
  return intern({member});
}

SetId SetPool::uniteAnew(SetId a, SetId b, std::uint64_t key, Recent& slot) {
  if (auto it = unions_.find(key); it != unions_.end()) {
    slot = {key, it->second};
    return it->second;
  }
  std::vector<int> merged;
  merged.reserve(sets_[a].size() + sets_[b].size());
  std::set_union(sets_[a].begin(), sets_[a].end(), sets_[b].begin(), sets_[b].end(),
                 std::back_inserter(merged));
  const SetId id = intern(std::move(merged));
  unions_.emplace(key, id);
  slot = {key, id};
  return id;
}

}  // namespace verdeel::eval
