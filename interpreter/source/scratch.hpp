// A private scratch folder (mkdtemp under the temporary folder, mode 0700), removed with everything
// in it when it goes out of scope. For work that a library or another program can only do on files
// (a workbook, a printed PDF).
#pragma once

#include <filesystem>
#include <string>

namespace verdeel {

class ScratchDir {
 public:
  // `prefix` names the folder: `verdeel-pdf` -> /tmp/verdeel-pdf-XXXXXX.
  explicit ScratchDir(const std::string& prefix);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  bool ok() const { return !dir_.empty(); }
  const std::filesystem::path& path() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

}  // namespace verdeel
