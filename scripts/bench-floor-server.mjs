// The bench's yardstick for the language server rows (scripts/bench.mjs): a server of the protocol
// libraries alone. It keeps each open document as the libraries do, reads each version's text once, as
// any lint must (a megabyte text made by an edit is a rope until read; reading it makes it one string),
// and publishes no findings. What it takes to type into it is what typing costs before any analysis:
// the floor under the Resolint server's keystroke time and memory, on this machine, in the same run.
import { createConnection, ProposedFeatures, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
/** What the last read found, kept so that the read is not code without effect. */
let unitsRead = 0;
documents.onDidChangeContent(({ document }) => {
  // A search for a character no draft holds reads the whole text.
  const text = document.getText();
  unitsRead = text.includes('\u0000') ? 0 : text.length;
  connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
connection.onShutdown(() => connection.console.log(`read ${unitsRead} units last`));
documents.listen(connection);
connection.listen();
