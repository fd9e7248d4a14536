/*
 * Vietnamese search for Material for MkDocs.
 *
 * Material's search worker indexes folded copies of every title and text
 * (see macros/site/search.py). Here, in the browser, the query is folded
 * the same way before it reaches the worker, so "tín dụng", "tin dung" and a
 * decomposed (NFD) "tín dụng" ask the same question; every word must match.
 * Searching also runs on every `input` event (paste, input methods), not only
 * on `keyup`. What this relies on in Material is pinned by tests/test_search_internals.py.
 */
(function () {
  "use strict";

  var QUERY = 2; // Material's search worker message type for a query

  /* Keep in step with fold() in macros/text.py: one output character per input character. */
  function foldChar(c) {
    return c.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function fold(text) {
    return Array.from(text.normalize("NFC")).map(foldChar).join("");
  }

  /* "Tín dụng V.8" → "+tin* +dung* +v.8*": folded, every word required, as prefixes. */
  function toQuery(value) {
    return fold(value)
      .split(/[\s\-]+/)
      .map(function (w) { return w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/[:~^+*]/g, ""); })
      .filter(Boolean)
      .map(function (w) { return "+" + w + "*"; })
      .join(" ");
  }
  window.khSearch = { fold: fold, toQuery: toQuery };

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = Object.assign({}, message, { data: toQuery(message.data) });
    }
    return post.apply(this, arguments);
  };

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

  /* Mark accented words that match a folded query, which Material's own highlighter cannot see. */
  function markMatches(root, terms) {
    if (!terms.length) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement && node.parentElement.closest("mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var chars = Array.from(text);
      var folded = chars.map(foldChar).join("");
      if (folded.length !== text.length) return; // offsets would not line up; leave as is
      var ranges = [];
      terms.forEach(function (term) {
        var re = new RegExp("(^|[^\\p{L}\\p{N}])(" + term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[\\p{L}\\p{N}]*)", "gu");
        var m;
        while ((m = re.exec(folded))) ranges.push([m.index + m[1].length, m.index + m[0].length]);
      });
      if (!ranges.length) return;
      ranges.sort(function (a, b) { return a[0] - b[0]; });
      var fragment = document.createDocumentFragment();
      var at = 0;
      ranges.forEach(function (r) {
        if (r[0] < at) return;
        fragment.appendChild(document.createTextNode(text.slice(at, r[0])));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(r[0], r[1]);
        fragment.appendChild(mark);
        at = r[1];
      });
      fragment.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  /* Material's search dialog has role="dialog" but no name; screen readers announce it unnamed. */
  function nameDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Tìm kiếm trong kế hoạch");
  }

  function watchResults() {
    nameDialog();
    var list = document.querySelector(".md-search-result__list");
    var input = document.querySelector("input[data-md-component=search-query]");
    if (!list || !input) return;
    new MutationObserver(function (records) {
      var terms = toQuery(input.value).split(" ").map(function (t) { return t.replace(/^\+|\*$/g, ""); }).filter(Boolean);
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) markMatches(node, terms);
        });
      });
    }).observe(list, { childList: true, subtree: false });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchResults);
  else watchResults();
})();
