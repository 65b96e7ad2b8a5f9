// The VS Code extension of verdeel: the TextMate grammar colours `.regels` and `.toets` files
// (syntaxes/verdeel.tmLanguage.json); everything else comes from the language server `verdeel lsp`
// (diagnostics as you type, data errors when a file is saved or a data file changes, hover, go to
// definition, completion, formatting), started here.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("verdeel");
  const command = config.get("pad", "verdeel");
  const server = { command, args: ["lsp", "--taal", config.get("taal", "nl")] };
  client = new LanguageClient(
    "verdeel",
    "verdeel",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "verdeel" }],
      // A changed data file makes the server read the data of the open rule sets again.
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.csv") },
    }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
