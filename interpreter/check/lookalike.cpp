// Names that look alike (W0202): a name that mixes scripts (`tоtaal` with a Cyrillic `о`), or two
// different names a reader cannot tell apart (`totaal` and `tоtaal`). ICU's spoof checker decides,
// by Unicode's confusables data (UTS #39): restriction level "highly restrictive" for one name, the
// confusable skeleton for two. Pure ASCII names are one script and skip the first check; names of
// ASCII letters, digits and `_` (and the ` (lezing x)` of a reading's definitions) get their skeleton
// without ICU (plainSkeleton, lookalike.hpp).
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "check/checker.hpp"
#include "check/lookalike.hpp"
#include "lang/language.hpp"

namespace verdeel::check {

namespace {

struct SpoofCloser {
  void operator()(USpoofChecker* sc) const { uspoof_close(sc); }
};

class Spoof {
 public:
  Spoof() {
    UErrorCode e = U_ZERO_ERROR;
    sc_.reset(uspoof_open(&e));
    uspoof_setChecks(sc_.get(), USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE | USPOOF_MIXED_NUMBERS, &e);
    uspoof_setRestrictionLevel(sc_.get(), USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(e)) sc_.reset();
  }
  bool ready() const { return sc_ != nullptr; }
  // Whether one name alone is suspect: scripts mixed, invisible characters, digits of two systems.
  bool suspect(const std::string& name) const {
    UErrorCode e = U_ZERO_ERROR;
    const int32_t r =
        uspoof_check2UTF8(sc_.get(), name.data(), static_cast<int32_t>(name.size()), nullptr, &e);
    return U_SUCCESS(e) && r != 0;
  }
  // The form two names share when they look alike.
  std::string skeleton(const std::string& name) const {
    std::string out(name.size() * 3 + 16, '\0');
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeletonUTF8(sc_.get(), 0, name.data(), static_cast<int32_t>(name.size()),
                                       out.data(), static_cast<int32_t>(out.size()), &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
      out.assign(static_cast<std::size_t>(n), '\0');
      e = U_ZERO_ERROR;
      n = uspoof_getSkeletonUTF8(sc_.get(), 0, name.data(), static_cast<int32_t>(name.size()), out.data(), n,
                                 &e);
    }
    if (U_FAILURE(e)) return name;
    out.resize(static_cast<std::size_t>(n));
    return out;
  }

 private:
  std::unique_ptr<USpoofChecker, SpoofCloser> sc_;
};

bool ascii(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// The characters of `name` outside the Latin script (and outside the shared ones: digits, `_`),
// each with its Unicode name: "`о` (U+043E CYRILLIC SMALL LETTER O)" (at most three), and how many.
std::pair<std::string, std::size_t> foreignLetters(const std::string& name) {
  std::vector<std::string> found;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(name.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(name.data()), i, n, c);
    if (c < 0) continue;
    UErrorCode e = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &e);
    if (script == USCRIPT_LATIN || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    char buffer[128] = {};
    u_charName(c, U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &e);
    found.push_back(
        fmt::format("`{}` (U+{:04X} {})",
                    name.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)),
                    static_cast<std::uint32_t>(c), buffer));
    if (found.size() == 3) break;
  }
  return {fmt::format("{}", fmt::join(found, ", ")), found.size()};
}

}  // namespace

std::optional<std::string> plainSkeleton(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 4);
  for (char c : name) {
    if (c == '0')
      out += 'O';
    else if (c == '1' || c == 'I')
      out += 'l';
    else if (c == 'm')
      out += "rn";
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
             c == ' ' || c == '(' || c == ')')
      out += c;
    else
      return std::nullopt;
  }
  return out;
}

void Checker::lookalikes() {
  struct Named {
    std::string name;
    SourceSpan span;
    const char* what;
  };
  std::vector<Named> names;
  for (const Table& t : p_.tables) {
    names.push_back({t.name, t.span, tr("table")});
    for (const Column& c : t.columns) names.push_back({c.name, c.span, tr("column")});
  }
  for (const Parameter& p : p_.parameters) names.push_back({p.name, p.span, tr("parameter")});
  for (const Definition& d : p_.definitions) names.push_back({d.name, d.span, tr("definition")});

  // The skeleton of every plain name without ICU; ICU's spoof checker only when a name needs it (one
  // that is not plain ASCII).
  std::vector<std::optional<std::string>> plain;
  plain.reserve(names.size());
  bool needsIcu = false;
  for (const Named& n : names) {
    plain.push_back(plainSkeleton(n.name));
    needsIcu = needsIcu || !plain.back();
  }
  std::optional<Spoof> spoof;
  if (needsIcu) {
    spoof.emplace();
    if (!spoof->ready()) return;
  }
  std::map<std::string, const Named*> bySkeleton;
  std::set<std::string> reported;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const Named& n = names[i];
    if (spoof && !ascii(n.name) && spoof->suspect(n.name) && reported.insert(n.name).second) {
      const auto [letters, count] = foreignLetters(n.name);
      auto& d = diags_.report(
          Code::W0202, n.span,
          count == 1 ? trf("{} `{}` mixes scripts: {} is not a Latin letter", n.what, n.name, letters)
                     : trf("{} `{}` mixes scripts: {} are not Latin letters", n.what, n.name, letters));
      d.help = tr(
          "letters of another script can look exactly like Latin ones; write the name in one script (with a "
          "Dutch keyboard)");
    }
    auto [it, fresh] = bySkeleton.emplace(plain[i] ? std::move(*plain[i]) : spoof->skeleton(n.name), &n);
    if (fresh || it->second->name == n.name) continue;
    if (!reported.insert(it->second->name + "\n" + n.name).second) continue;
    auto& d = diags_.report(Code::W0202, n.span,
                            trf("{} `{}` looks like {} `{}`, but they are different names", n.what, n.name,
                                it->second->what, it->second->name));
    d.notes.push_back({it->second->span, trf("`{}` is declared here", it->second->name)});
    d.help = tr("give things that differ names that differ visibly");
  }
}

}  // namespace verdeel::check
