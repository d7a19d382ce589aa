// New runs in the inbox without a reload: every few seconds the page asks for its rows again,
// with the version it shows; the server answers 204 while nothing changed. Without this script
// the inbox is the same page, current as of its loading.
(function () {
  'use strict';
  var table = document.querySelector('[data-inbox]');
  if (!table || !window.fetch) return;
  var EVERY_MS = 3000;
  var url = table.getAttribute('data-rows-url');
  var count = document.querySelector('[data-inbox-count]');

  function since() {
    var body = table.querySelector('tbody');
    return body ? body.getAttribute('data-version') : '';
  }

  function withSince(address) {
    return address + (address.indexOf('?') === -1 ? '?' : '&') + 'since=' + encodeURIComponent(since());
  }

  // A keyboard user on a row's link stays on it: the new rows would otherwise drop the focus to the page.
  function focusedLink(old) {
    var active = document.activeElement;
    return active && old.contains(active) ? active.getAttribute('href') : null;
  }

  function swap(markup) {
    var parsed = new window.DOMParser().parseFromString('<table>' + markup + '</table>', 'text/html');
    var fresh = parsed.querySelector('tbody');
    var old = table.querySelector('tbody');
    if (!fresh || !old) return;
    var href = focusedLink(old);
    var body = document.importNode(fresh, true);
    old.replaceWith(body);
    if (count) count.textContent = body.getAttribute('data-count');
    var again = href && body.querySelector('a[href="' + href + '"]');
    if (again) again.focus();
  }

  function poll() {
    if (document.hidden) return schedule();
    fetch(withSince(url), { credentials: 'same-origin', headers: { accept: 'text/html' }, cache: 'no-store' })
      .then(function (response) { return response.status === 200 ? response.text() : null; })
      .then(function (markup) { if (markup !== null) swap(markup); })
      .catch(function () { /* offline or restarting: the next poll tries again */ })
      .then(schedule);
  }

  function schedule() { window.setTimeout(poll, EVERY_MS); }

  schedule();
})();
