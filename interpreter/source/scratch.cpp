#include "source/scratch.hpp"

#include <unistd.h>

#include <cstdlib>

namespace verdeel {

ScratchDir::ScratchDir(const std::string& prefix) {
  std::error_code ec;
  const auto base = std::filesystem::temp_directory_path(ec);
  if (ec) return;
  std::string templ = (base / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(templ.data())) dir_ = templ;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

}  // namespace verdeel
