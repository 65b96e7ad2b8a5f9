#include "output/write.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

namespace verdeel::output {

namespace fs = std::filesystem;

namespace {

// Same file when both exist and are equivalent, or when their normalized absolute paths agree.
bool samePath(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

bool writeFile(const fs::path& path, const std::string& content, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    error = std::strerror(errno);
    return false;
  }
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  if (!ok) error = std::strerror(errno);
  ok = (std::fflush(f) == 0) && ok;
  if (ok && ::fsync(fileno(f)) != 0) {
    error = std::strerror(errno);
    ok = false;
  }
  if (std::fclose(f) != 0 && ok) {
    error = std::strerror(errno);
    ok = false;
  }
  return ok;
}

}  // namespace

bool writeAtomically(const std::string& dir, const std::vector<OutputFile>& files,
                     const std::vector<std::string>& inputs, Diagnostics& diags) {
  const fs::path out(dir);
  for (const OutputFile& f : files) {
    for (const std::string& in : inputs) {
      if (samePath(out / f.name, in)) {
        auto& d = diags.report(
            Code::E0601, {},
            fmt::format("output `{}` would overwrite input file `{}`", (out / f.name).string(), in));
        d.help = "choose another folder with `--out`";
        return false;
      }
    }
  }
  // Two outputs whose names differ only in case would land in one file: refuse, never overwrite.
  std::set<std::string> names;
  for (const OutputFile& f : files) {
    if (!names.insert(f.name).second) {
      auto& d = diags.report(
          Code::E0602, {},
          fmt::format("two outputs would be written to the same file `{}`", (out / f.name).string()));
      d.help = "give the `uitvoer` declarations names that differ in more than upper and lower case";
      return false;
    }
  }
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec || !fs::is_directory(out)) {
    auto& d = diags.report(Code::E0602, {},
                           fmt::format("cannot create output folder `{}`: {}", dir,
                                       ec ? ec.message() : "a file of that name exists"));
    d.help = "choose a folder you can write to with `--out`";
    return false;
  }
  std::vector<fs::path> temps;
  auto cleanup = [&] {
    for (const auto& t : temps) fs::remove(t, ec);
  };
  for (const OutputFile& f : files) {
    fs::path tmp = out / fmt::format(".{}.tmp-{}", f.name, ::getpid());
    temps.push_back(tmp);
    std::string error;
    if (!writeFile(tmp, f.content, error)) {
      cleanup();
      auto& d =
          diags.report(Code::E0602, {}, fmt::format("cannot write `{}`: {}", (out / f.name).string(), error));
      d.help = "nothing was changed in the output folder; free space or choose another folder with `--out`";
      return false;
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    fs::rename(temps[i], out / files[i].name, ec);
    if (ec) {
      cleanup();
      auto& d = diags.report(
          Code::E0602, {},
          fmt::format("cannot put `{}` in place: {}", (out / files[i].name).string(), ec.message()));
      (void)d;
      return false;
    }
  }
  return true;
}

}  // namespace verdeel::output
