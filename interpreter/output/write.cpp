#include "output/write.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include "lang/language.hpp"
#include "output/receipt.hpp"
#include "source/confine.hpp"

namespace verdeel::output {

namespace fs = std::filesystem;

namespace {

std::string errorText(int err) {
  return err == 0 ? std::string(tr("unknown error")) : std::strerror(err);
}

// A file descriptor closed at the end of its scope.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Writes one whole file into the folder `dirFd`; 0 or the errno of the failure.
int writeFile(int dirFd, const std::string& name, const std::string& content) {
  Fd f(::openat(dirFd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (f.fd < 0) return errno;
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(f.fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  const int fd = f.fd;
  f.fd = -1;
  return ::close(fd) == 0 ? 0 : errno;
}

// Is `inner` the folder `outer` or inside it? Both absolute and normal.
bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

// What a killed run may have left beside the folder: a new set not put in place (`.NAME.nieuw-PID`,
// removed) and, where the file system cannot exchange two folders, an old set moved aside just
// before the new one would have taken its place (`.NAME.oud-PID`: put back when the folder is
// missing, removed otherwise). Afterwards the folder holds the old set or the new one.
void recoverLeftovers(const fs::path& parent, const std::string& name) {
  std::error_code ec;
  const std::string fresh = "." + name + ".nieuw-", old = "." + name + ".oud-";
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string n = e.path().filename().string();
    if (n.rfind(fresh, 0) == 0 || n.rfind(old, 0) == 0) found.push_back(e.path());
  }
  std::sort(found.begin(), found.end());
  for (const auto& p : found) {
    if (p.filename().string().rfind(old, 0) == 0 && !fs::exists(parent / name, ec)) {
      fs::rename(p, parent / name, ec);
      if (!ec) continue;
    }
    fs::remove_all(p, ec);
  }
}

}  // namespace

bool writeAtomically(const std::string& dir, const std::vector<OutputFile>& files,
                     const std::vector<std::string>& inputs, Diagnostics& diags) {
  auto fail = [&](Code code, std::string message, std::string help) {
    diags.report(code, {}, std::move(message)).help = std::move(help);
    return false;
  };
  // Two outputs whose names are equal would land in one file: refuse, never overwrite.
  std::set<std::string> names;
  for (const OutputFile& f : files)
    if (!names.insert(f.name).second)
      return fail(Code::E0602, trf("two outputs would be written to the same file `{}/{}`", dir, f.name),
                  tr("give the `uitvoer` declarations names that differ in more than upper and lower case"));

  std::error_code ec;
  fs::path out = fs::path(dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  out = fs::absolute(out, ec).lexically_normal();
  const std::string name = out.filename().string();
  if (dir.empty() || name.empty() || name == "." || name == "..")
    return fail(Code::E0602, trf("`{}` cannot be an output folder", dir),
                tr("name a folder of its own with `--out`, for example `--out uitvoer`"));
  const fs::path parent = out.parent_path();
  fs::create_directories(parent, ec);
  if (ec || !fs::is_directory(parent))
    return fail(Code::E0602,
                trf("cannot create output folder `{}`: {}", dir,
                    ec ? ec.message() : tr("a file of that name exists on the way")),
                tr("choose a folder you can write to with `--out`"));

  // One run at a time puts a set in place beside this folder: the others wait for the lock.
  Fd parentFd(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (parentFd.fd < 0 || ::flock(parentFd.fd, LOCK_EX) != 0)
    return fail(Code::E0602, trf("cannot open the folder of `{}`: {}", dir, errorText(errno)),
                tr("choose a folder you can write to with `--out`"));

  recoverLeftovers(parent, name);

  // The folder is replaced as a whole: it may not hold an input, nor files verdeel did not write.
  const fs::path realOut = weaklyReal(out.string());
  RealPaths paths;  // the inputs lie in a few folders
  for (const std::string& in : inputs) {
    const std::optional<fs::path> found = paths.of(in);
    const fs::path realIn = found ? *found : weaklyReal(in);
    if (within(realIn, realOut))
      return fail(Code::E0601,
                  trf("output folder `{}` holds input file `{}`; it would be replaced as a whole", dir, in),
                  tr("choose another folder with `--out`"));
  }
  struct stat st {};
  const bool exists = ::lstat(out.c_str(), &st) == 0;
  if (exists && S_ISLNK(st.st_mode))
    return fail(Code::E0602, trf("output folder `{}` is a symbolic link", dir),
                tr("give the folder itself with `--out`; verdeel replaces it as a whole"));
  if (exists && !S_ISDIR(st.st_mode))
    return fail(Code::E0602, trf("cannot create output folder `{}`: a file of that name exists", dir),
                tr("choose a folder you can write to with `--out`"));
  if (exists) {
    std::vector<std::string> foreign;
    bool ours = false;
    for (const auto& e : fs::directory_iterator(out, ec)) {
      const std::string n = e.path().filename().string();
      if (n == kReceiptFile) ours = true;  // every set verdeel writes has its receipt
      foreign.push_back(n);
    }
    if (!ours && !foreign.empty()) {
      std::sort(foreign.begin(), foreign.end());
      if (foreign.size() > 3) foreign.resize(3);
      return fail(
          Code::E0602,
          trf("output folder `{}` holds files verdeel did not write (`{}`)", dir, fmt::join(foreign, "`, `")),
          tr("verdeel replaces its output folder as a whole; choose an empty or new folder with `--out`"));
    }
  }
  // The new set, complete, in a sibling folder; then one sync for all its files.
  const std::string freshName = fmt::format(".{}.nieuw-{}", name, ::getpid());
  const fs::path fresh = parent / freshName;
  if (::mkdirat(parentFd.fd, freshName.c_str(), 0755) != 0)
    return fail(Code::E0602, trf("cannot create output folder `{}`: {}", dir, errorText(errno)),
                tr("choose a folder you can write to with `--out`"));
  auto abandon = [&](std::string message) {
    fs::remove_all(fresh, ec);
    return fail(
        Code::E0602, std::move(message),
        tr("nothing was changed in the output folder; free space or choose another folder with `--out`"));
  };
  {
    Fd freshFd(::open(fresh.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (freshFd.fd < 0) return abandon(trf("cannot open `{}`: {}", fresh.string(), errorText(errno)));
    for (const OutputFile& f : files)
      if (int err = writeFile(freshFd.fd, f.name, f.content))
        return abandon(trf("cannot write `{}/{}`: {}", dir, f.name, errorText(err)));
    if (::syncfs(freshFd.fd) != 0) return abandon(trf("cannot make `{}` durable: {}", dir, errorText(errno)));
  }

  // Put it in place in one step: exchange it with the old set, or rename it when there is none.
  if (!exists) {
    if (::renameat(parentFd.fd, freshName.c_str(), parentFd.fd, name.c_str()) != 0)
      return abandon(trf("cannot put `{}` in place: {}", dir, errorText(errno)));
  } else if (::renameat2(parentFd.fd, freshName.c_str(), parentFd.fd, name.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS)
      return abandon(trf("cannot put `{}` in place: {}", dir, errorText(errno)));
    // A file system without exchange: two renames; a run killed in between leaves the old set beside
    // the new one, and the next run puts the folder back before it starts.
    const std::string oldName = fmt::format(".{}.oud-{}", name, ::getpid());
    if (::renameat(parentFd.fd, name.c_str(), parentFd.fd, oldName.c_str()) != 0)
      return abandon(trf("cannot put `{}` in place: {}", dir, errorText(errno)));
    if (::renameat(parentFd.fd, freshName.c_str(), parentFd.fd, name.c_str()) != 0) {
      const int err = errno;
      (void)::renameat(parentFd.fd, oldName.c_str(), parentFd.fd, name.c_str());
      return abandon(trf("cannot put `{}` in place: {}", dir, errorText(err)));
    }
    fs::remove_all(parent / oldName, ec);
  }
  (void)::fsync(parentFd.fd);
  fs::remove_all(fresh, ec);  // after an exchange: the old set
  return true;
}

bool writeFileAtomically(const std::string& path, const std::string& content,
                         const std::vector<std::string>& inputs, Diagnostics& diags) {
  std::error_code ec;
  const fs::path target = fs::absolute(path, ec).lexically_normal();
  for (const std::string& in : inputs)
    if (fs::absolute(in, ec).lexically_normal() == target) {
      diags.report(Code::E0601, {}, trf("`{}` is an input of this run and is not overwritten", path)).help =
          tr("name another file");
      return false;
    }
  if (fs::is_directory(target, ec)) {
    diags.report(Code::E0602, {}, trf("`{}` is a folder, not a file", path)).help = tr("name a file");
    return false;
  }
  const fs::path tmp =
      target.parent_path() / fmt::format(".{}.nieuw-{}", target.filename().string(), getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  std::size_t done = 0;
  while (ok && done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  const int saved = errno;
  ok = ok && ::fsync(fd) == 0;
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  if (ok) {
    fs::rename(tmp, target, ec);
    ok = !ec;
  }
  if (!ok) {
    fs::remove(tmp, ec);
    diags.report(Code::E0602, {},
                 trf("cannot write `{}`: {}", path, std::strerror(saved != 0 ? saved : EIO)));
    return false;
  }
  return true;
}

}  // namespace verdeel::output
