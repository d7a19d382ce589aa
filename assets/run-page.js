// Keyboard use of the run page's line table, as the workspace promises: move between lines
// with the arrow keys (or j/k), accept a line's first candidate with "a" or Enter, open its
// catalog search with "/", and Escape back to the line. The page works without this script.
(function () {
  'use strict';
  var table = document.querySelector('[data-line-table]');
  if (!table) return;
  var rows = function () { return Array.prototype.slice.call(table.querySelectorAll('tr[data-line]')); };
  var rowOf = function (element) { return element && element.closest ? element.closest('tr[data-line]') : null; };
  var typing = function (element) { return element && /^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName); };

  function focusRow(row) {
    if (!row) return;
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
  }

  function move(from, step) {
    var all = rows();
    var at = all.indexOf(from);
    focusRow(all[Math.min(all.length - 1, Math.max(0, at + step))]);
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    var row = rowOf(active);
    if (typing(active)) {
      if (event.key === 'Escape' && row) { event.preventDefault(); focusRow(row); }
      return;
    }
    if (!row) {
      if (event.key === 'ArrowDown' || event.key === 'j') {
        if (active === document.body || active === document.getElementById('main')) { event.preventDefault(); focusRow(rows()[0]); }
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'j') { event.preventDefault(); move(row, 1); }
    else if (event.key === 'ArrowUp' || event.key === 'k') { event.preventDefault(); move(row, -1); }
    else if (event.key === '/') {
      event.preventDefault();
      var search = row.querySelector('[data-search-input]');
      if (search) search.focus();
    } else if ((event.key === 'a' || event.key === 'Enter') && active === row) {
      var first = row.querySelector('[data-candidate]');
      if (first) { event.preventDefault(); first.click(); }
    }
  });
})();
