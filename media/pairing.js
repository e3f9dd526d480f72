// Pairing matrix page: arrow keys move between the table's cells (one tab stop for the whole
// table), Enter or a click on a cell shows that pair's sessions in the list below it. The window
// buttons and the logged-session buttons ask the extension by position, never by path.
(function () {
  const vscode = acquireVsCodeApi();
  const table = document.querySelector('.pairing-matrix');
  const announce = document.getElementById('announce');

  function cell(row, col) {
    return table ? table.querySelector('td[data-row="' + row + '"][data-col="' + col + '"]') : null;
  }
  function focusCell(next) {
    if (!next) return;
    table.querySelectorAll('td[tabindex="0"]').forEach(function (c) { c.setAttribute('tabindex', '-1'); });
    next.setAttribute('tabindex', '0');
    next.focus();
  }
  function showPair(td) {
    const pair = td.getAttribute('data-pair');
    if (pair === null) {
      if (announce) announce.textContent = td.getAttribute('aria-label') || '';
      return;
    }
    const item = document.getElementById('pair-' + pair);
    if (!item) return;
    document.querySelectorAll('.pair-list li.current').forEach(function (li) { li.classList.remove('current'); });
    item.classList.add('current');
    item.scrollIntoView({ block: 'nearest' });
    if (announce) announce.textContent = item.textContent || '';
  }

  if (table) {
    const first = cell(0, 1) || cell(0, 0);
    if (first) first.setAttribute('tabindex', '0');
    const size = table.querySelectorAll('tbody tr').length;
    table.addEventListener('keydown', function (e) {
      const td = e.target.closest('td[data-row]');
      if (!td) return;
      let row = Number(td.getAttribute('data-row'));
      let col = Number(td.getAttribute('data-col'));
      switch (e.key) {
        case 'ArrowRight': col = Math.min(size - 1, col + 1); break;
        case 'ArrowLeft': col = Math.max(0, col - 1); break;
        case 'ArrowDown': row = Math.min(size - 1, row + 1); break;
        case 'ArrowUp': row = Math.max(0, row - 1); break;
        case 'Home': col = 0; break;
        case 'End': col = size - 1; break;
        case 'Enter':
        case ' ':
          e.preventDefault();
          showPair(td);
          return;
        default:
          return;
      }
      e.preventDefault();
      focusCell(cell(row, col));
    });
    table.addEventListener('click', function (e) {
      const td = e.target.closest('td[data-row]');
      if (!td) return;
      focusCell(td);
      showPair(td);
    });
  }

  document.querySelectorAll('button[data-window]').forEach(function (button) {
    button.addEventListener('click', function () {
      const index = Number(button.getAttribute('data-window'));
      if (Number.isInteger(index)) vscode.postMessage({ type: 'window', index: index });
    });
  });
  document.querySelectorAll('button[data-open]').forEach(function (button) {
    button.addEventListener('click', function () {
      const index = Number(button.getAttribute('data-open'));
      if (Number.isInteger(index)) vscode.postMessage({ type: 'open', index: index });
    });
  });
})();
