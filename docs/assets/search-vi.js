/*
 * Vietnamese search for Material for MkDocs: what runs in the page.
 *
 * - Material's search box sends each query to the site's own search worker
 *   (search-worker.js, which folds diacritics and ranks words standing
 *   together first); this script names that worker in Material's
 *   configuration before Material's bundle reads it.
 * - The search index is downloaded only when the reader opens search, and
 *   by the worker, not by the page: this script runs before the bundle
 *   (macros/mkdocs_glue/theme/main.html), holds the bundle's request for
 *   search/search_index.json until then, and has it ask for
 *   the search configuration instead, the index's configuration alone with
 *   the index's address, which the worker then downloads itself (for a large
 *   plan the page would otherwise parse megabytes and copy them into the worker).
 *   Opening search also tells the worker, which Material made as the page
 *   loaded, to start that download at once, so that it does not wait for
 *   the configuration's round trip.
 * - Text typed or pasted decomposed (NFD) is composed in the box, and
 *   searching also runs on every `input` event (paste, input methods), not
 *   only on `keyup`.
 * - The worker's, the configuration's and the index's addresses carry their
 *   content hash (macros/site/assets.py): the page gives them, as this
 *   script's data-worker, data-config and data-index.
 * What this relies on in Material is pinned by tests/test_search_internals.py.
 */
(function () {
  "use strict";

  /* Material starts the search worker named in its configuration: the site's own (search-worker.js). */
  var given = document.currentScript ? document.currentScript.dataset : {};
  function address(name) { return new URL(given[name], location.href).href; }
  var config = document.getElementById("__config");
  var settings = null;
  if (config && given.worker) {
    settings = JSON.parse(config.textContent);
    settings.search = address("worker");
    config.textContent = JSON.stringify(settings);
  }

  /* The worker is kept as Material makes it, so that opening search has it start downloading the index at once,
     while the bundle still asks for the configuration (one round trip less on a phone). */
  var worker = null;
  var NativeWorker = window.Worker;
  function startDownload() {
    worker.postMessage({ type: "kh-index", data: address("index") });
  }
  if (settings && NativeWorker) {
    window.Worker = function (url, options) {
      var made = new NativeWorker(url, options);
      if (String(url) === settings.search) {
        worker = made;
        if (wanted) startDownload();
      }
      return made;
    };
    window.Worker.prototype = NativeWorker.prototype;
  }

  /* Hold the bundle's request for the search index until the reader opens search; it asks for the configuration only. */
  var INDEX = /\/search\/search_index\.json$/;
  var wanted = false;
  var held = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  /* Material also fetches sitemap.xml on every page, for instant navigation and link previews: this
     site uses neither (mkdocs.yml; pinned by tests/test_search_internals.py), so it is never sent. */
  var SITEMAP = /\/sitemap\.xml$/;
  XMLHttpRequest.prototype.open = function (method, url) {
    var path = String(url).split(/[?#]/)[0];
    this.khIndex = INDEX.test(path);
    this.khUnused = SITEMAP.test(path);
    var args = Array.prototype.slice.call(arguments);
    if (this.khIndex) args[1] = address("config");
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.khUnused) return undefined;
    if (this.khIndex && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };
  function want() {
    if (wanted) return;
    wanted = true;
    if (worker) startDownload();
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }
  function opensSearch(el) {
    return el && el.matches && (el.matches("input[data-md-component=search-query], #__search") ||
      Boolean(el.closest && el.closest("label[for=__search]")));
  }
  ["focusin", "pointerdown", "change", "input"].forEach(function (type) {
    document.addEventListener(type, function (event) { if (opensSearch(event.target)) want(); }, true);
  });
  /* Material opens search on "/", "s" or "f" and focuses the box (focusin above); a key is enough. */
  document.addEventListener("keydown", function (event) {
    if (/^[/sf]$/.test(event.key) && !/^(input|textarea|select)$/i.test(event.target.tagName || "")) want();
  }, true);

  /* Material's drawer and search toggles are checkboxes; shown again from the back-forward cache, a page
     opens with both closed (their autocomplete="off" is removed for valid HTML: macros/mkdocs_glue/markup.py). */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    });
  });

  function isSearchInput(el) {
    return el && el.matches && el.matches("input[data-md-component=search-query]");
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!isSearchInput(input)) return;
    var composed = input.value.normalize("NFC");
    if (composed !== input.value) {
      var end = input.selectionEnd === input.value.length;
      input.value = composed;
      if (end) input.setSelectionRange(composed.length, composed.length);
    }
    // Material searches on keyup; text that arrives without a key press must search too.
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }, true);

  /* Material's search dialog has role="dialog" but no name; screen readers announce it unnamed. */
  function nameDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Tìm kiếm trong kế hoạch");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", nameDialog);
  else nameDialog();
})();
