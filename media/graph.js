// Decision graph page: a click or Enter on a record asks the extension to open it (by its
// position in the graph, never by a path), and the button asks for the Mermaid text.
(function () {
  const vscode = acquireVsCodeApi();
  function open(node) {
    const index = Number(node.getAttribute('data-index'));
    if (Number.isInteger(index)) vscode.postMessage({ type: 'open', index: index });
  }
  document.querySelectorAll('.node').forEach(function (node) {
    node.addEventListener('click', function () { open(node); });
    node.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(node); }
    });
  });
  const mermaid = document.getElementById('mermaid');
  if (mermaid) mermaid.addEventListener('click', function () { vscode.postMessage({ type: 'mermaid' }); });
})();
