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

  function swap(markup) {
    var parsed = new window.DOMParser().parseFromString('<table>' + markup + '</table>', 'text/html');
    var body = parsed.querySelector('tbody');
    var old = table.querySelector('tbody');
    if (!body || !old) return;
    old.replaceWith(document.importNode(body, true));
    if (count) count.textContent = body.getAttribute('data-count');
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
