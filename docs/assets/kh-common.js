/*
 * What the site's page scripts share, written once: today's date in Vietnam,
 * the fold of Vietnamese text (as macros/text.py folds it), words matched as a
 * phrase from the start of a word, the Vietnamese way to write a date,
 * loading a page's data, a filter form's values and a list's numbered pages. Loaded before a page's own script, on the pages that
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

  /* A filter form's values by filter name; ``fields`` names each filter's control (the address's parameter). */
  function formValues(form, fields, names) {
    var f = {};
    (names || Object.keys(fields)).forEach(function (name) {
      var el = form.elements[fields[name]];
      f[name] = el.type === "checkbox" ? (el.checked ? "1" : "") : el.value.normalize("NFC").trim();
    });
    return f;
  }
  /* The form set from an address's parameters; a value no choice of a list offers leaves the list on its first. */
  function setForm(form, fields, names, params) {
    (names || Object.keys(fields)).forEach(function (name) {
      var el = form.elements[fields[name]], value = params.get(fields[name]) || "";
      if (el.type === "checkbox") el.checked = value === "1";
      else if (el.tagName === "SELECT") el.value = Array.from(el.options).some(function (o) { return o.value === value; }) ? value : "";
      else el.value = value;
    });
  }

  /* The numbered pages of a list a script shows, in ``nav``: buttons, the current page marked, far pages left out;
     ``go(n)`` shows page n. Hidden for a list of one page. */
  function pager(nav, count, current, go) {
    function item(label, number, name) {
      var li = document.createElement("li");
      if (number === current) {
        var here = document.createElement("span");
        here.setAttribute("aria-current", "page");
        here.textContent = label;
        li.appendChild(here);
      } else {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = label;
        b.setAttribute("aria-label", name || "Trang " + number);
        b.addEventListener("click", function () { go(number); });
        li.appendChild(b);
      }
      return li;
    }
    nav.textContent = "";
    nav.hidden = count < 2;
    if (count < 2) return;
    var list = document.createElement("ol");
    if (current > 1) list.appendChild(item("←", current - 1, "Trang trước"));
    for (var n = 1; n <= count; n++) {
      if (n === 1 || n === count || Math.abs(n - current) <= 2) list.appendChild(item(String(n), n));
      else if (n === current - 3 || n === current + 3) {
        var gap = document.createElement("li");
        gap.textContent = "…";
        list.appendChild(gap);
      }
    }
    if (current < count) list.appendChild(item("→", current + 1, "Trang sau"));
    nav.appendChild(list);
  }

  function whenReady(start) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
  }

  window.khCommon = {
    todayInVietnam: todayInVietnam, vnDate: vnDate, fold: fold, spaced: spaced, hasPhrase: hasPhrase,
    loadJson: loadJson, whenReady: whenReady, formValues: formValues, setForm: setForm, pager: pager,
  };
})();
