// Confinement through symbolic links: where a path really leads, and whether that lies under a
// folder. The checker refuses data paths that leave the rule set on paper (`..`, absolute paths);
// this looks at the disk, where a link can still lead anywhere (`data -> /etc`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace verdeel {

// Real locations of many files in few folders (a rule set's files, its data files, a run's inputs):
// a path whose last part is not a link lies in its folder's real location under its own name, so
// each file costs an `lstat` of itself and a `stat` of its folder, and each folder is resolved once,
// where resolving a file costs an open, a readlink and a close. The folder is remembered with its
// device and inode: a folder that is another one by the time a later file is looked up (a link
// swapped in its place) is resolved again. Give each operation its own RealPaths.
class RealPaths {
 public:
  // The real location of `path` (every link resolved), or nullopt when it does not exist.
  std::optional<std::filesystem::path> of(const std::string& path);
  // As leadsOutside below, with `folder` remembered.
  std::optional<std::string> leadsOutside(const std::string& path, const std::string& folder);

 private:
  struct Folder {
    std::string path;
    std::optional<std::filesystem::path> real;
    unsigned long long device = 0, inode = 0;
  };
  std::vector<Folder> folders_;
  const std::optional<std::filesystem::path>& folder(const std::string& path);
};

// The real location of `path` (every link resolved) when it lies outside the real location of
// `folder`; nullopt when it lies inside, or when `path` does not exist (reading it reports that).
std::optional<std::string> leadsOutside(const std::string& path, const std::string& folder);

// The real location of `path` (every link resolved), or `path` itself when it cannot be resolved.
std::string realLocation(const std::string& path);

// The real location of `path` when it exists; else that of its longest existing beginning with the
// rest appended (std::filesystem::weakly_canonical of the absolute path).
std::filesystem::path weaklyReal(const std::string& path);

}  // namespace verdeel
