#include "source/confine.hpp"

#include <filesystem>

namespace verdeel {

namespace fs = std::filesystem;

std::string realLocation(const std::string& path) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  return ec ? path : real.string();
}

std::optional<std::string> leadsOutside(const std::string& path, const std::string& folder) {
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  if (ec) return std::nullopt;
  const fs::path root = fs::canonical(folder.empty() ? "." : folder, ec);
  if (ec) return real.string();
  // Component by component: `/a/bc` is not under `/a/b`.
  auto r = root.begin();
  auto p = real.begin();
  for (; r != root.end(); ++r, ++p)
    if (p == real.end() || *p != *r) return real.string();
  return std::nullopt;
}

}  // namespace verdeel
