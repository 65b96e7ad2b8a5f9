#include "source/confine.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

namespace verdeel {

namespace fs = std::filesystem;

namespace {

// Where `path` really leads, every link resolved; false when it does not exist. The kernel resolves
// the path once when it is opened (as a path only, O_PATH: nothing is read and no permission is
// needed), and names the result in /proc/self/fd: three system calls where std::filesystem's
// canonical asks the disk about every component (a `readlink` and a `stat` each). Without /proc (a
// bare container) canonical answers instead, the same way.
bool resolve(const std::string& path, fs::path& real) {
  const int fd = ::open(path.empty() ? "." : path.c_str(), O_PATH | O_CLOEXEC);
  if (fd < 0) return false;
  std::array<char, 4096> buffer{};
  const std::string link = fmt::format("/proc/self/fd/{}", fd);
  const ssize_t n = ::readlink(link.c_str(), buffer.data(), buffer.size());
  ::close(fd);
  // A real location is absolute; a truncated answer or an unreachable file (`(deleted)`, another
  // mount namespace) is left to canonical.
  if (n > 0 && static_cast<std::size_t>(n) < buffer.size() && buffer[0] == '/') {
    const std::string_view text(buffer.data(), static_cast<std::size_t>(n));
    if (!text.ends_with(" (deleted)")) {
      real = text;
      return true;
    }
  }
  std::error_code ec;
  real = fs::canonical(path.empty() ? "." : path, ec);
  return !ec;
}

}  // namespace

std::string realLocation(const std::string& path) {
  fs::path real;
  return resolve(path, real) ? real.string() : path;
}

fs::path weaklyReal(const std::string& path) {
  fs::path real;
  if (resolve(path, real)) return real;
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(path, ec), ec);
}

std::optional<std::string> leadsOutside(const std::string& path, const std::string& folder) {
  fs::path real;
  if (!resolve(path, real)) return std::nullopt;
  fs::path root;
  if (!resolve(folder, root)) return real.string();
  // Component by component: `/a/bc` is not under `/a/b`.
  auto r = root.begin();
  auto p = real.begin();
  for (; r != root.end(); ++r, ++p)
    if (p == real.end() || *p != *r) return real.string();
  return std::nullopt;
}

}  // namespace verdeel
