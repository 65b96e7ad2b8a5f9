#include "source/source.hpp"
#include "lang/language.hpp"
#include "source/text.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

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

std::optional<std::string> readFile(const std::string& path, std::string* error, std::size_t maxBytes,
                                    bool* tooLarge) {
  auto fail = [&](std::string why) -> std::optional<std::string> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  if (tooLarge) *tooLarge = false;
  // Opened without waiting (a FIFO would block until a writer comes), then looked at: only a regular
  // file is read, never a device (/dev/zero), a pipe or a folder.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return fail(std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return fail(std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(S_ISDIR(st.st_mode) ? tr("it is a folder, not a file")
                                    : tr("it is not a regular file (a device, a pipe or a socket)"));
  }
  // The limit holds while reading: a file that grows, or says it is small, is still cut off.
  std::string out;
  if (static_cast<std::uint64_t>(st.st_size) <= maxBytes) out.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return fail(std::strerror(err));
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > maxBytes) {
      ::close(fd);
      if (tooLarge) *tooLarge = true;
      return fail(trf("it is larger than the limit of {} bytes", maxBytes));
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

const std::string& SourceManager::digest(std::uint32_t id) const {
  return files_.at(id - 1).digest;
}

std::size_t SourceManager::lineCount(std::uint32_t id) const {
  return files_.at(id - 1).lineStarts.size();
}

std::string spanText(const SourceSpan& s, const SourceManager& sources) {
  if (!s.valid()) return {};
  std::string out;
  for (std::uint32_t l = s.line; l <= std::max(s.line, s.endLine); ++l) {
    std::string line(sources.line(s.file, l));
    const std::size_t from = l == s.line ? s.col - 1 : 0;
    const std::size_t to = l == s.endLine && s.endCol > 0 ? s.endCol - 1 : line.size();
    if (from < line.size()) out += line.substr(from, to > from ? to - from : 0);
    out += ' ';
  }
  return trimmed(out);
}

}  // namespace verdeel
