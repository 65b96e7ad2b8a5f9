// Source files and positions. The SourceManager owns the text of every rule and data file read in
// one run; a SourceSpan points into it by file id, line and column (columns count UTF-8 code points,
// so `Súdwest-Fryslân` is as wide as it looks). Every stage uses these to say where something is.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verdeel {

struct SourceSpan {
  std::uint32_t file = 0;  // 0 = no file
  std::uint32_t line = 0;  // 1-based; 0 = no position
  std::uint32_t col = 0;   // 1-based, in code points
  std::uint32_t endLine = 0;
  std::uint32_t endCol = 0;  // exclusive
  bool valid() const { return file != 0 && line != 0; }
};

class SourceManager {
 public:
  // Registers a file's text (already read) and returns its id (>= 1). `digest` is the SHA-256 of the
  // bytes as they were read (before a byte-order mark was removed), for receipts.
  std::uint32_t add(std::string path, std::string text, std::string digest = {});
  const std::string& path(std::uint32_t id) const;
  const std::string& text(std::uint32_t id) const;
  // The text of a 1-based line without its line ending; empty when out of range.
  std::string_view line(std::uint32_t id, std::uint32_t line) const;
  std::size_t lineCount(std::uint32_t id) const;
  const std::string& digest(std::uint32_t id) const;
  // Texts that stand in for files on disk (an editor's unsaved buffers, `verdeel lsp`), by absolute
  // normal path; the rule-file reader takes them from here instead of the disk.
  void setOverlay(std::map<std::string, std::string> overlay) { overlay_ = std::move(overlay); }
  const std::string* overlaid(const std::string& absolutePath) const {
    auto it = overlay_.find(absolutePath);
    return it == overlay_.end() ? nullptr : &it->second;
  }

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<std::size_t> lineStarts;
    std::string digest;
  };
  std::vector<File> files_;
  std::map<std::string, std::string> overlay_;
};

// The source text of a span (on its lines, from its column to its end; lines joined by a space,
// trimmed): a condition as written, for comparing conditions and naming them in reports.
std::string spanText(const SourceSpan& s, const SourceManager& sources);

// Reads a whole regular file of at most `maxBytes` bytes (the limit is applied while reading);
// nullopt with the reason in `error` when it cannot be read: missing, no permission, a folder, a
// device or a pipe (never waited on), or too large (then `*tooLarge` is set).
std::optional<std::string> readFile(const std::string& path, std::string* error,
                                    std::size_t maxBytes = std::numeric_limits<std::size_t>::max(),
                                    bool* tooLarge = nullptr);

}  // namespace verdeel
