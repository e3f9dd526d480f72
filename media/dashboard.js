// Influence dashboard page: every control is a real button (Enter and Space work without help).
// A button asks the extension by position, never by path or URL: open item N, show period N,
// save the report. The extension checks each message before acting on it.
(function () {
  const vscode = acquireVsCodeApi();
  // A period button redraws the page; give the keyboard focus back to it afterwards.
  const state = vscode.getState();
  if (state && typeof state.focusPeriod === 'number') {
    const again = document.querySelector('button[data-period="' + state.focusPeriod + '"]');
    if (again) again.focus();
    vscode.setState({});
  }
  document.addEventListener('click', function (e) {
    const target = e.target instanceof Element ? e.target.closest('button') : null;
    if (!target) return;
    const open = target.getAttribute('data-open');
    const period = target.getAttribute('data-period');
    if (open !== null && /^\d+$/.test(open)) vscode.postMessage({ type: 'open', index: Number(open) });
    else if (period !== null && /^\d+$/.test(period)) {
      vscode.setState({ focusPeriod: Number(period) });
      vscode.postMessage({ type: 'period', index: Number(period) });
    } else if (target.getAttribute('data-action') === 'report') vscode.postMessage({ type: 'report' });
  });
})();
