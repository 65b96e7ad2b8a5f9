#include "source/source.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace verdeel {

std::uint32_t SourceManager::add(std::string path, std::string text, std::string digest) {
  File f{std::move(path), std::move(text), {0}, std::move(digest)};
  for (std::size_t i = f.text.find('\n'); i != std::string::npos; i = f.text.find('\n', i + 1))
    f.lineStarts.push_back(i + 1);
  files_.push_back(std::move(f));
  return static_cast<std::uint32_t>(files_.size());
}

const std::string& SourceManager::path(std::uint32_t id) const {
  return files_.at(id - 1).path;
}
const std::string& SourceManager::text(std::uint32_t id) const {
  return files_.at(id - 1).text;
}

std::string_view SourceManager::line(std::uint32_t id, std::uint32_t line) const {
  if (id == 0 || id > files_.size()) return {};
  const File& f = files_[id - 1];
  if (line == 0 || line > f.lineStarts.size()) return {};
  std::size_t start = f.lineStarts[line - 1];
  std::size_t end = line < f.lineStarts.size() ? f.lineStarts[line] - 1 : f.text.size();
  std::string_view v(f.text.data() + start, end - start);
  if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
  return v;
}

std::optional<std::string> readFile(const std::string& path, std::string* error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    if (error) *error = "it is a folder, not a file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    if (error) *error = "read error";
    return std::nullopt;
  }
  return ss.str();
}

const std::string& SourceManager::digest(std::uint32_t id) const {
  return files_.at(id - 1).digest;
}

std::size_t SourceManager::lineCount(std::uint32_t id) const {
  return files_.at(id - 1).lineStarts.size();
}

}  // namespace verdeel
