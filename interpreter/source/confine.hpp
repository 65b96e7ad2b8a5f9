// Confinement through symbolic links: where a path really leads, and whether that lies under a
// folder. The checker refuses data paths that leave the rule set on paper (`..`, absolute paths);
// this looks at the disk, where a link can still lead anywhere (`data -> /etc`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace verdeel {

// The real location of `path` (every link resolved) when it lies outside the real location of
// `folder`; nullopt when it lies inside, or when `path` does not exist (reading it reports that).
std::optional<std::string> leadsOutside(const std::string& path, const std::string& folder);

// The real location of `path` (every link resolved), or `path` itself when it cannot be resolved.
std::string realLocation(const std::string& path);

// The real location of `path` when it exists; else that of its longest existing beginning with the
// rest appended (std::filesystem::weakly_canonical of the absolute path).
std::filesystem::path weaklyReal(const std::string& path);

}  // namespace verdeel
