// Keyboard use of the run page's line table, as the workspace promises: move between lines
// with the arrow keys (or j/k), accept a line's first candidate with "a" or Enter, open its
// catalog search with "/", go down to its results with the arrow key, and Escape back to the
// line. A line's search shows its results as one types. The page works without this script.
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
      else if (event.key === 'ArrowDown' && active.hasAttribute('data-search-input')) {
        var result = row && row.querySelector('[data-search-results] [data-candidate]');
        if (result) { event.preventDefault(); result.focus(); }
      }
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

  // Search-as-you-type: a pause in typing asks the line's search route for its results alone,
  // the fragment the form's own search renders, and puts them in place; an answer to an older
  // text than the field's is dropped.
  var PAUSE_MS = 150;
  Array.prototype.forEach.call(table.querySelectorAll('form[data-search-for]'), function (form) {
    var input = form.querySelector('[data-search-input]');
    var line = form.getAttribute('data-search-for');
    var results = table.querySelector('[data-search-results="' + line + '"]');
    if (!input || !results) return;
    var path = new window.URL(form.action, window.location.href).pathname + '/lines/' + line + '/search?q=';
    var timer = null;
    var asked = '';
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = input.value.trim();
        asked = text;
        if (!text) { results.textContent = ''; return; }
        fetch(path + encodeURIComponent(text), { credentials: 'same-origin', headers: { accept: 'text/html' } })
          .then(function (answer) { return answer.ok ? answer.text() : null; })
          .then(function (fragment) { if (fragment !== null && asked === text) results.innerHTML = fragment; })
          .catch(function () { /* the form's own search still works */ });
      }, PAUSE_MS);
    });
  });
})();
