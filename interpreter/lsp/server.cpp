#include "lsp/server.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api/verdeel.hpp"
#include "check/check.hpp"
#include "diag/machine.hpp"
#include "format/format.hpp"
#include "lang/language.hpp"
#include "parse/parse.hpp"

namespace verdeel::lsp {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// ---------------------------------------------------------------- transport

std::optional<json> readMessage(std::istream& in) {
  std::size_t length = 0;
  bool sawLength = false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    constexpr std::string_view kLength = "Content-Length:";
    if (line.rfind(kLength, 0) == 0) {
      try {
        length = std::stoul(line.substr(kLength.size()));
        sawLength = true;
      } catch (const std::exception&) {
        return std::nullopt;  // not a length: the stream cannot be followed any more
      }
    }
  }
  // A message larger than any rule file can be is not read (the limit of a rule file is 10 MiB).
  constexpr std::size_t kMaxMessage = std::size_t{64} << 20U;
  if (!sawLength || !in || length > kMaxMessage) return std::nullopt;
  std::string body(length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length) return std::nullopt;
  return json::parse(body, nullptr, false);
}

void send(std::ostream& out, const json& message) {
  const std::string body = message.dump();
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

// ---------------------------------------------------------------- paths and positions

std::string pathOf(const std::string& uri) {
  std::string path = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri;
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size()) {
      out += static_cast<char>(std::stoi(path.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += path[i];
    }
  }
  std::error_code ec;
  return fs::absolute(out, ec).lexically_normal().string();
}

// A `file://` URI of a file, its absolute path percent-encoded as SARIF's URIs are.
std::string fileUri(const std::string& path) {
  std::error_code ec;
  return "file://" + uriOf(fs::absolute(path, ec).lexically_normal().string());
}

// LSP positions are 0-based; a character offset counts UTF-16 units, which for the letters of Dutch
// rule files are the code points our spans count.
json position(std::uint32_t line, std::uint32_t col) {
  return {{"line", line > 0 ? line - 1 : 0}, {"character", col > 0 ? col - 1 : 0}};
}
json range(const SourceSpan& s) {
  const std::uint32_t endLine = s.endLine > 0 ? s.endLine : s.line;
  const std::uint32_t endCol = s.endCol > 0 ? s.endCol : s.col + 1;
  return {{"start", position(s.line, s.col)}, {"end", position(endLine, endCol)}};
}

// The word (a name or keyword) at a 0-based line and character of a text.
std::string wordAt(const std::string& text, int line, int character) {
  std::size_t start = 0;
  for (int l = 0; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  const std::size_t end = std::min(text.find('\n', start), text.size());
  const std::string row = text.substr(start, end - start);
  // From code points to bytes.
  std::size_t at = 0;
  for (int cp = 0; at < row.size() && cp < character; ++at)
    if ((static_cast<unsigned char>(row[at + 1 < row.size() ? at + 1 : at]) & 0xC0) != 0x80) ++cp;
  auto inWord = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(row[i]);
    return std::isalnum(c) || c == '_' || c >= 0x80;
  };
  std::size_t b = std::min(at, row.size()), e = b;
  while (b > 0 && inWord(b - 1)) --b;
  while (e < row.size() && inWord(e)) ++e;
  return row.substr(b, e - b);
}

// ---------------------------------------------------------------- the server

class Server {
 public:
  explicit Server(std::ostream& out) : out_(out) {}

  // False after `exit`.
  bool handle(const json& m, int& code);

 private:
  std::ostream& out_;
  std::map<std::string, std::string> open_;                 // path -> text
  std::map<std::string, std::unique_ptr<Engine>> checked_;  // rule set folder -> last checked engine
  // rule set folder -> file -> the diagnostics the last reading of the data gave in that file
  std::map<std::string, std::map<std::string, json>> dataDiagnostics_;
  bool shutdown_ = false;

  void reply(const json& id, json result) {
    send(out_, {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }
  // `withData`: read the rule set's data too (on open and save; a change as you type reuses what the
  // last reading found, so that a large data set does not slow typing down).
  void analyse(const std::string& path, bool withData);
  void publish(const std::string& path, const json& diagnostics) {
    send(out_, {{"jsonrpc", "2.0"},
                {"method", "textDocument/publishDiagnostics"},
                {"params", {{"uri", fileUri(path)}, {"diagnostics", diagnostics}}}});
  }
  const Engine* engineFor(const std::string& path) const {
    auto it = checked_.find(fs::path(path).parent_path().string());
    return it == checked_.end() ? nullptr : it->second.get();
  }
  json hover(const std::string& path, const json& pos) const;
  json definition(const std::string& path, const json& pos) const;
  json completion(const std::string& path) const;
  json formatting(const std::string& path) const;
};

json toDiagnostic(const Diagnostic& d, const SourceManager& sources) {
  std::string message = d.message;
  if (!d.help.empty()) message += "\n" + d.help;
  json related = json::array();
  for (const Note& n : d.notes)
    if (n.span.valid())
      related.push_back(
          {{"location", {{"uri", fileUri(sources.path(n.span.file))}, {"range", range(n.span)}}},
           {"message", n.message}});
  json out = {{"range", range(d.span)},
              {"severity", d.severity() == Severity::Error ? 1 : 2},
              {"code", std::string(codeInfo(d.code).name)},
              {"source", "verdeel"},
              {"message", message}};
  if (!related.empty()) out["relatedInformation"] = related;
  return out;
}

void Server::analyse(const std::string& path, bool withData) {
  auto engine = std::make_unique<Engine>();
  engine->sources().setOverlay(open_);
  const std::string folder = fs::path(path).parent_path().string();
  if (fs::path(path).extension() == ".toets") {
    const std::uint32_t id =
        parse::registerRuleText(path, open_[path], engine->sources(), engine->diagnostics());
    ast::TestFile tests;
    if (id != 0) parse::parseTestSource(id, folder, engine->sources(), engine->diagnostics(), tests);
    json diagnostics = json::array();
    for (const Diagnostic& d : engine->diagnostics().all())
      if (d.span.valid()) diagnostics.push_back(toDiagnostic(d, engine->sources()));
    publish(path, diagnostics);
    return;
  }
  // The rule set is the folder: a change in one file can break or mend another, so every open rule
  // file of the folder gets its diagnostics anew. When the rules check, the rule set's data is read
  // as `run` reads it (on open and save), so that a data error (a column the file lacks, a cell of
  // the wrong kind) shows too: at the rule that declares the table, or in the data file (listed in
  // the editor's problems even when it is not open).
  const bool ok = engine->loadRules(folder);
  const std::size_t ruleDiagnostics = engine->diagnostics().all().size();
  std::map<std::string, json>& fromData = dataDiagnostics_[folder];
  std::map<std::string, json> byFile;               // every file with a diagnostic, and every open rule file
  for (const auto& [file, diagnostics] : fromData)  // a data file mended since is cleared
    if (fs::path(file).extension() != ".regels") byFile[file] = json::array();
  if (!ok) {
    fromData.clear();  // the data is read again once the rules check
  } else if (withData) {
    (void)engine->loadData({});
    fromData.clear();
    const auto& all = engine->diagnostics().all();
    for (std::size_t i = ruleDiagnostics; i < all.size(); ++i)
      if (all[i].span.valid()) {
        auto [it, fresh] = fromData.try_emplace(engine->sources().path(all[i].span.file), json::array());
        it->second.push_back(toDiagnostic(all[i], engine->sources()));
      }
  }
  for (const auto& [other, text] : open_)
    if (fs::path(other).parent_path().string() == folder && fs::path(other).extension() == ".regels")
      byFile[other] = json::array();
  auto add = [&](const std::string& file, const json& diagnostic) {
    if (fs::path(file).extension() == ".regels" && !byFile.count(file)) return;  // not open
    auto [it, fresh] = byFile.try_emplace(file, json::array());
    it->second.push_back(diagnostic);
  };
  const auto& all = engine->diagnostics().all();
  for (std::size_t i = 0; i < ruleDiagnostics; ++i)
    if (all[i].span.valid())
      add(engine->sources().path(all[i].span.file), toDiagnostic(all[i], engine->sources()));
  for (const auto& [file, diagnostics] : fromData)
    for (const json& d : diagnostics) add(file, d);
  for (const auto& [file, diagnostics] : byFile) publish(file, diagnostics);
  if (ok) checked_[folder] = std::move(engine);
}

std::string typeText(const check::Program& p, const check::Type& t) {
  return check::typeName(t, p.tables);
}

json Server::hover(const std::string& path, const json& pos) const {
  const Engine* e = engineFor(path);
  auto doc = open_.find(path);
  if (e == nullptr || doc == open_.end()) return nullptr;
  const std::string word = wordAt(doc->second, pos["line"].get<int>(), pos["character"].get<int>());
  if (word.empty()) return nullptr;
  const check::Program& p = e->program();
  auto articleText = [&](int a) -> std::string {
    if (a < 0) return p.header.title;
    const check::Article& art = p.articles[static_cast<std::size_t>(a)];
    std::string out = art.title.empty() ? art.label() : fmt::format("{} \"{}\"", art.label(), art.title);
    if (!art.lawText.empty()) {
      std::string quoted;
      std::size_t lines = 0, start = 0;
      while (start < art.lawText.size() && lines < 8) {
        const std::size_t nl = std::min(art.lawText.find('\n', start), art.lawText.size());
        quoted += "> " + art.lawText.substr(start, nl - start) + "\n";
        start = nl + 1;
        ++lines;
      }
      out += "\n\n" + quoted;
    }
    return out;
  };
  std::string md;
  for (const check::Definition& d : p.definitions)
    if (d.name == word) {
      md = fmt::format("**{} `{}`**{}: {}\n\n{}", d.apportion ? "verdeling" : "definitie", d.name,
                       d.subject >= 0 ? " per " + p.tables[static_cast<std::size_t>(d.subject)].name : "",
                       typeText(p, d.type), articleText(d.article));
      break;
    }
  if (md.empty())
    for (const check::Parameter& prm : p.parameters)
      if (prm.name == word) {
        md = fmt::format("**parameter `{}`**: {}\n\n{}{}", prm.name, typeText(p, prm.type),
                         prm.basis.empty() ? "" : "grondslag: " + prm.basis + "\n\n",
                         articleText(prm.article));
        break;
      }
  if (md.empty())
    for (const check::Table& t : p.tables) {
      if (t.name == word) {
        md = fmt::format("**tabel `{}`** uit `{}`\n\n{}", t.name, t.declared, t.source);
        break;
      }
      for (const check::Column& c : t.columns)
        if (c.name == word)
          md += fmt::format("**kolom `{}`** van `{}`: {}{}\n\n", c.name, t.name, typeText(p, c.type),
                            c.optional ? " optioneel" : "");
    }
  if (md.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", md}}}};
}

json Server::definition(const std::string& path, const json& pos) const {
  const Engine* e = engineFor(path);
  auto doc = open_.find(path);
  if (e == nullptr || doc == open_.end()) return nullptr;
  const std::string word = wordAt(doc->second, pos["line"].get<int>(), pos["character"].get<int>());
  const check::Program& p = e->program();
  std::optional<SourceSpan> at;
  for (const check::Definition& d : p.definitions)
    if (d.name == word) at = d.span;
  for (const check::Parameter& prm : p.parameters)
    if (!at && prm.name == word) at = prm.span;
  for (const check::Table& t : p.tables) {
    if (!at && t.name == word) at = t.span;
    for (const check::Column& c : t.columns)
      if (!at && c.name == word) at = c.span;
  }
  if (!at || !at->valid()) return nullptr;
  return {{"uri", fileUri(e->sources().path(at->file))}, {"range", range(*at)}};
}

json Server::completion(const std::string& path) const {
  json items = json::array();
  for (const std::string& k : parse::keywords()) items.push_back({{"label", k}, {"kind", 14}});
  if (const Engine* e = engineFor(path)) {
    const check::Program& p = e->program();
    for (const check::Definition& d : p.definitions)
      if (d.choiceParameter < 0)
        items.push_back({{"label", d.name}, {"kind", 6}, {"detail", typeText(p, d.type)}});
    for (const check::Parameter& prm : p.parameters)
      items.push_back({{"label", prm.name}, {"kind", 21}, {"detail", typeText(p, prm.type)}});
    for (const check::Table& t : p.tables) {
      items.push_back({{"label", t.name}, {"kind", 7}, {"detail", "tabel"}});
      for (const check::Column& c : t.columns)
        items.push_back({{"label", c.name}, {"kind", 5}, {"detail", t.name + ": " + typeText(p, c.type)}});
    }
  }
  return {{"isIncomplete", false}, {"items", items}};
}

json Server::formatting(const std::string& path) const {
  auto doc = open_.find(path);
  if (doc == open_.end()) return json::array();
  SourceManager sources;
  Diagnostics diags;
  const std::uint32_t id = parse::registerRuleText(path, doc->second, sources, diags);
  if (id == 0) return json::array();
  auto formatted = format::format(id, sources, diags, fs::path(path).extension() == ".toets");
  if (!formatted || *formatted == doc->second) return json::array();
  std::uint32_t lines = 1;
  for (char c : doc->second)
    if (c == '\n') ++lines;
  return json::array(
      {{{"range", {{"start", position(1, 1)}, {"end", position(lines + 1, 1)}}}, {"newText", *formatted}}});
}

bool Server::handle(const json& m, int& code) {
  const std::string method = m.value("method", "");
  const json id = m.contains("id") ? m["id"] : json();
  const json params = m.value("params", json::object());
  auto docPath = [&] { return pathOf(params["textDocument"]["uri"].get<std::string>()); };
  if (method == "initialize") {
    reply(id,
          {{"capabilities",
            {{"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
             {"hoverProvider", true},
             {"definitionProvider", true},
             {"completionProvider", {{"triggerCharacters", {"."}}}},
             {"documentFormattingProvider", true}}},
           {"serverInfo", {{"name", "verdeel"}}}});
  } else if (method == "textDocument/didOpen") {
    const std::string path = docPath();
    open_[path] = params["textDocument"]["text"].get<std::string>();
    analyse(path, true);
  } else if (method == "textDocument/didChange") {
    const std::string path = docPath();
    const json& changes = params["contentChanges"];
    if (!changes.empty()) open_[path] = changes.back()["text"].get<std::string>();
    analyse(path, false);
  } else if (method == "textDocument/didSave") {
    analyse(docPath(), true);
  } else if (method == "workspace/didChangeWatchedFiles") {
    // A data file changed on disk (the extension watches `**/*.csv`): every rule set with an open
    // rule file reads its data again.
    std::map<std::string, std::string> folders;  // folder -> one open rule file in it
    for (const auto& [path, text] : open_)
      if (fs::path(path).extension() == ".regels")
        folders.emplace(fs::path(path).parent_path().string(), path);
    for (const auto& [folder, path] : folders) analyse(path, true);
  } else if (method == "textDocument/didClose") {
    const std::string path = docPath();
    open_.erase(path);
    publish(path, json::array());
  } else if (method == "textDocument/hover") {
    reply(id, hover(docPath(), params["position"]));
  } else if (method == "textDocument/definition") {
    reply(id, definition(docPath(), params["position"]));
  } else if (method == "textDocument/completion") {
    reply(id, completion(docPath()));
  } else if (method == "textDocument/formatting") {
    reply(id, formatting(docPath()));
  } else if (method == "shutdown") {
    shutdown_ = true;
    reply(id, nullptr);
  } else if (method == "exit") {
    code = shutdown_ ? 0 : 1;
    return false;
  } else if (!id.is_null()) {
    send(out_, {{"jsonrpc", "2.0"},
                {"id", id},
                {"error", {{"code", -32601}, {"message", "method not found: " + method}}}});
  }
  return true;
}

}  // namespace

int serve(std::istream& in, std::ostream& out) {
  Server server(out);
  int code = 1;
  while (auto message = readMessage(in)) {
    if (message->is_discarded()) {
      send(out,
           {{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", -32700}, {"message", "parse error"}}}});
      continue;
    }
    try {
      if (!server.handle(*message, code)) return code;
    } catch (const json::exception& e) {
      const json id = message->contains("id") ? (*message)["id"] : json();
      send(out, {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", -32602}, {"message", e.what()}}}});
    }
  }
  return code;
}

}  // namespace verdeel::lsp
