/*
 * What the site's page scripts share, written once: today's date in Vietnam,
 * the fold of Vietnamese text (as macros/text.py folds it), words matched as a
 * phrase from the start of a word, the Vietnamese way to write a date, and
 * loading a page's data. Loaded before a page's own script, on the pages that
 * have one (PageKind.scripts, macros/site/pages/base.py); exposed as
 * window.khCommon.
 *
 * The search worker (search-worker.js) folds with its own table-driven copy
 * of foldChar: it runs in a worker, where this file is not loaded, and its
 * table is what makes folding megabytes fast.
 */
(function () {
  "use strict";

  /* Today in Vietnam (Asia/Ho_Chi_Minh) as YYYY-MM-DD (en-CA formats so), or null if the browser cannot say. */
  function todayInVietnam() {
    var today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    return /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : null;
  }

  /* 2025-09-30 → 30/9/2025, as every date of the site is written (macros/text.py vn_date). */
  function vnDate(iso) {
    var p = iso.split("-");
    return parseInt(p[2], 10) + "/" + parseInt(p[1], 10) + "/" + p[0];
  }

  /* The fold of macros/text.py: composed, then each character without its marks, đ as d, lowercase. */
  function foldChar(c) {
    return c.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function fold(text) {
    return Array.from(String(text).normalize("NFC")).map(foldChar).join("");
  }

  /* Folded words, one space before each, for matching a phrase from the start of a word. */
  function spaced(text) { return " " + fold(text).replace(/[^\p{L}\p{N}.]+/gu, " "); }

  /* Whether ``phrase`` stands in ``words`` (made by spaced()) from the start of a word: "nuoc sach" is nước sạch,
     not "nhà nước … chính sách". An empty phrase matches everything. */
  function hasPhrase(words, phrase) {
    var wanted = spaced(phrase).trim();
    return !wanted || words.indexOf(" " + wanted) >= 0;
  }

  /* A page's data file, relative to the page, as parsed JSON; rejects when it cannot be had. */
  function loadJson(address) {
    return fetch(new URL(address, location.href)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  }

  function whenReady(start) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
  }

  window.khCommon = {
    todayInVietnam: todayInVietnam, vnDate: vnDate, fold: fold, spaced: spaced, hasPhrase: hasPhrase,
    loadJson: loadJson, whenReady: whenReady,
  };
})();
