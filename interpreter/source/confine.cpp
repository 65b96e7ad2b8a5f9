#include "source/confine.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

namespace verdeel {

namespace fs = std::filesystem;

namespace {

// Where `path` really leads, every link resolved; nullopt when it does not exist. The kernel
// resolves the path once when it is opened (as a path only, O_PATH: nothing is read and no
// permission is needed), and names the result in /proc/self/fd: three system calls where
// std::filesystem's canonical asks the disk about every component (a `readlink` and a `stat` each).
// Without /proc (a bare container) canonical answers instead, the same way.
std::optional<fs::path> resolved(const std::string& path) {
  const int fd = ::open(path.empty() ? "." : path.c_str(), O_PATH | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::array<char, 4096> buffer{};
  const std::string link = fmt::format("/proc/self/fd/{}", fd);
  const ssize_t n = ::readlink(link.c_str(), buffer.data(), buffer.size());
  ::close(fd);
  // A real location is absolute; a truncated answer or an unreachable file (`(deleted)`, another
  // mount namespace) is left to canonical.
  if (n > 0 && static_cast<std::size_t>(n) < buffer.size() && buffer[0] == '/') {
    const std::string_view text(buffer.data(), static_cast<std::size_t>(n));
    if (!text.ends_with(" (deleted)")) return fs::path(text);
  }
  std::error_code ec;
  fs::path real = fs::canonical(path.empty() ? "." : path, ec);
  if (ec) return std::nullopt;
  return real;
}

}  // namespace

// The folder's real location, resolved when it is first asked for or when it is no longer the
// folder (device and inode) it was then.
const std::optional<fs::path>& RealPaths::folder(const std::string& path) {
  struct stat st {};
  const bool exists = ::stat(path.empty() ? "." : path.c_str(), &st) == 0;
  const auto device = static_cast<unsigned long long>(st.st_dev);
  const auto inode = static_cast<unsigned long long>(st.st_ino);
  for (Folder& f : folders_) {
    if (f.path != path) continue;
    if (!exists || f.device != device || f.inode != inode) {
      f.real = resolved(path);
      f.device = device;
      f.inode = inode;
    }
    return f.real;
  }
  folders_.push_back({path, resolved(path), device, inode});
  return folders_.back().real;
}

std::optional<fs::path> RealPaths::of(const std::string& path) {
  const fs::path p(path);
  const fs::path name = p.filename();
  if (name.empty() || name == "." || name == "..") return resolved(path);
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
  if (S_ISLNK(st.st_mode)) return resolved(path);
  const auto& dir = folder(p.has_parent_path() ? p.parent_path().string() : std::string("."));
  if (!dir) return resolved(path);
  return *dir / name;
}

std::optional<std::string> RealPaths::leadsOutside(const std::string& path, const std::string& folderPath) {
  const std::optional<fs::path> real = of(path);
  if (!real) return std::nullopt;
  const std::optional<fs::path>& root = folder(folderPath);
  if (!root) return real->string();
  // Component by component: `/a/bc` is not under `/a/b`.
  auto r = root->begin();
  auto p = real->begin();
  for (; r != root->end(); ++r, ++p)
    if (p == real->end() || *p != *r) return real->string();
  return std::nullopt;
}

std::string realLocation(const std::string& path) {
  const std::optional<fs::path> real = resolved(path);
  return real ? real->string() : path;
}

fs::path weaklyReal(const std::string& path) {
  if (std::optional<fs::path> real = resolved(path)) return *real;
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(path, ec), ec);
}

std::optional<std::string> leadsOutside(const std::string& path, const std::string& folder) {
  RealPaths paths;
  return paths.leadsOutside(path, folder);
}

}  // namespace verdeel
