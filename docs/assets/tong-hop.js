/*
 * Tổng hợp: the members' table sorted and filtered across ALL members. Without
 * JavaScript the page is a plain table cut into numbered pages; with it, every
 * member's row is loaded once from compact data (tong-hop/thanh-vien.json, made
 * by macros/site/pages/rollup.py) and shown a page at a time. Rows are filled
 * as text into the page's row template, never as HTML; the only links are to
 * the members' pages of this site, whose addresses come with the data.
 *
 * The state lives in the address (?cap=xa&qua-han=1&sap-xep=qua-han&chieu=giam),
 * with the parameter names from the data ("fields": macros/urls.py
 * ROLLUP_FIELDS): restored on load, and on back and forward, since every choice
 * is a step of the browser's history.
 */
(function () {
  "use strict";
  var common = window.khCommon;
  /* 3321 → 3.321, as the pages write numbers (macros/site/rollup_views.py vn_number). */
  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

  function setUp(page) {
    var form = page.querySelector("#kh-rollup-filters");
    var table = page.querySelector("table[data-rows]");
    var body = table.querySelector("tbody");
    var template = page.querySelector("#kh-rollup-row");
    var pages = page.querySelector("#kh-rollup-pages");
    var staticPager = page.querySelector(".kh-static-pager");
    var status = page.querySelector("#kh-rollup-count");
    var empty = page.querySelector("#kh-rollup-empty");
    var caption = table.querySelector("caption");
    var size = parseInt(table.dataset.pageSize, 10) || 100;
    var root = new URL(table.dataset.root, location.href);
    var base = new URL(table.dataset.base, location.href).pathname;
    var part = parseInt(table.dataset.part, 10) || 1;
    var data, fields, members = [], state = { sort: "", order: "", page: 1 };

    function member(row, index) {
      var m = { index: index };
      data.columns.forEach(function (name, i) { m[name] = row[i]; });
      m.words = common.spaced([m.name, m.code || ""].join(" "));
      return m;
    }

    var STATE_ORDER = { "binh-thuong": 0, "du-lieu-cu": 1, "khong-co-du-lieu": 2 };
    /* The value a column sorts by; null (a member without data) always goes last. */
    function sortValue(m, key) {
      var statusIndex = data.statuses.findIndex(function (s) { return s[0] === key; });
      if (statusIndex >= 0) return m.statuses ? m.statuses[statusIndex] : null;
      switch (key) {
        case "ten": return common.fold(m.name);
        case "cap": return common.fold(m.level_label || "");
        case "nhiem-vu": return m.tasks;
        case "qua-han": return m.overdue;
        case "da-bao-cao": return m.reported;
        case "bao-cao-gan-nhat": return m.tasks === null ? null : (m.last_iso || "");
        case "du-lieu": return STATE_ORDER[m.state];
      }
      return m.index;
    }
    function compare(a, b, key, descending) {
      var x = sortValue(a, key), y = sortValue(b, key);
      if (x === null || y === null) return x === y ? a.index - b.index : (x === null ? 1 : -1);
      var order = typeof x === "string" ? x.localeCompare(y, "vi") : x - y;
      if (descending) order = -order;
      return order || a.index - b.index;
    }

    var FILTERS = ["words", "level", "status", "stale", "overdue"];
    function readForm() { return common.formValues(form, fields, FILTERS); }
    function writeForm(params) { common.setForm(form, fields, FILTERS, params); }
    function fromAddress(params, fallbackPage) {
      writeForm(params);
      var sort = params.get(fields.sort) || "";
      state.sort = table.querySelector('th[data-sort="' + CSS.escape(sort) + '"]') ? sort : "";
      state.order = state.sort && params.get(fields.order) === data.descending ? data.descending : "";
      state.page = parseInt(params.get(fields.page), 10) || fallbackPage;
    }
    function address() {
      var f = readForm(), params = new URLSearchParams();
      Object.keys(f).forEach(function (name) { if (f[name]) params.set(fields[name], f[name]); });
      if (state.sort) params.set(fields.sort, state.sort);
      if (state.order) params.set(fields.order, state.order);
      if (state.page > 1) params.set(fields.page, String(state.page));
      var query = params.toString();
      return base + (query ? "?" + query : "");
    }
    /* Each choice is a step of history, so that back and forward walk through them; typing replaces the step. */
    function remember(replace) {
      var next = address();
      if (next === location.pathname + location.search) return;
      if (replace) history.replaceState(null, "", next); else history.pushState(null, "", next);
    }

    function matches(m, f) {
      if (f.level && m.level !== f.level) return false;
      if (f.status) {
        var i = data.statuses.findIndex(function (s) { return s[0] === f.status; });
        if (!m.statuses || !(m.statuses[i] > 0)) return false;
      }
      if (f.overdue && !(m.overdue > 0)) return false;
      if (f.stale && !m.stale) return false;
      return common.hasPhrase(m.words, f.words || "");
    }

    function text(el, value) {
      el.textContent = value === null || value === undefined || value === "" ? "—" : String(value);
    }
    function span(className, value) {
      var s = document.createElement("span");
      s.className = className;
      s.textContent = value;
      return s;
    }
    function rowOf(m) {
      var row = template.content.firstElementChild.cloneNode(true);
      row.dataset.member = m.slug;
      var name = row.querySelector('[data-field="name"]');
      name.href = new URL(m.url, root).href;
      name.textContent = m.name;
      if (m.code) { name.after(" ", span("kh-code", "mã " + m.code)); }
      text(row.querySelector('[data-field="level_label"]'), m.level_label);
      text(row.querySelector('[data-field="tasks"]'), m.tasks);
      row.querySelectorAll("[data-status]").forEach(function (el) {
        text(el, m.statuses ? m.statuses[parseInt(el.dataset.status, 10)] : null);
      });
      text(row.querySelector('[data-field="overdue"]'), m.overdue);
      text(row.querySelector('[data-field="reported"]'), m.reported === null ? null : m.reported + "%");
      var last = row.querySelector('[data-field="last_report"]');
      if (m.last_iso) {
        var time = document.createElement("time");
        time.dateTime = m.last_iso;
        time.textContent = m.last_report;
        last.appendChild(time);
      } else last.textContent = m.tasks === null ? "—" : "Chưa có báo cáo";
      if (m.stale) { last.appendChild(document.createTextNode(" ")); last.appendChild(span("kh-badge kh-badge--stale", data.stale_label)); }
      var cell = row.querySelector('[data-field="state"]');
      if (m.state === "binh-thuong") cell.appendChild(span("kh-state kh-state--" + m.state, m.state_label));
      else {
        var strong = document.createElement("strong");
        strong.className = "kh-state kh-state--" + m.state;
        strong.textContent = m.state_label;
        cell.appendChild(strong);
        if (m.reason) { cell.appendChild(document.createTextNode(" ")); cell.appendChild(span("kh-reason", "Lý do: " + m.reason)); }
      }
      row.querySelectorAll("[data-field], [data-status]").forEach(function (el) {
        el.removeAttribute("data-field");
        el.removeAttribute("data-status");
      });
      return row;
    }

    function pager(count, current) {
      common.pager(pages, count, current, function (number) {
        state.page = number;
        render();
        remember(false);
        table.scrollIntoView({ block: "start" });
      });
    }

    function render() {
      var f = readForm();
      var shown = members.filter(function (m) { return matches(m, f); });
      if (state.sort) shown.sort(function (a, b) { return compare(a, b, state.sort, state.order === data.descending); });
      var count = Math.max(1, Math.ceil(shown.length / size));
      state.page = Math.min(Math.max(1, state.page), count);
      var fragment = document.createDocumentFragment();
      shown.slice((state.page - 1) * size, state.page * size).forEach(function (m) { fragment.appendChild(rowOf(m)); });
      body.textContent = "";
      body.appendChild(fragment);
      pager(count, state.page);
      caption.textContent = "Các thành viên";
      empty.hidden = shown.length !== 0;
      table.querySelectorAll("th[data-sort]").forEach(function (th) {
        var on = th.dataset.sort === state.sort;
        if (on) th.setAttribute("aria-sort", state.order === data.descending ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
      var where = count > 1 ? " (trang " + state.page + "/" + count + ")" : "";
      status.textContent = "Đang hiện " + number(shown.length) + " trên " + number(members.length) + " thành viên." + where;
    }

    /* Every sortable header gets a button: the first click sorts up, the next down. */
    function sortButtons() {
      table.querySelectorAll("th[data-sort]").forEach(function (th) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "kh-sort";
        b.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(b);
        b.addEventListener("click", function () {
          var key = th.dataset.sort;
          state.order = state.sort === key && state.order !== data.descending ? data.descending : "";
          state.sort = key;
          state.page = 1;
          render();
          remember(false);
        });
      });
    }

    common.loadJson(new URL(table.dataset.rows, location.href)).then(function (loaded) {
      data = loaded;
      fields = data.fields;
      members = data.rows.map(member);
      form.hidden = false;
      staticPager.hidden = true;
      sortButtons();
      var params = new URLSearchParams(location.search);
      fromAddress(params, params.toString() ? 1 : part);
      render();
      form.addEventListener("input", function (e) { state.page = 1; render(); remember(e.target.type === "search"); });
      form.addEventListener("change", function () { state.page = 1; render(); remember(false); });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.addEventListener("reset", function () {
        setTimeout(function () { state.sort = ""; state.order = ""; state.page = 1; render(); remember(false); }, 0);
      });
      window.addEventListener("popstate", function () {
        var again = new URLSearchParams(location.search);
        fromAddress(again, location.pathname === base || again.toString() ? 1 : part);
        render();
      });
    }).catch(function () {
      status.textContent = "Không tải được dữ liệu để sắp xếp và lọc; bảng dưới đây vẫn đủ các thành viên, theo từng trang.";
    });
  }

  common.whenReady(function () { var page = document.getElementById("kh-rollup"); if (page) setUp(page); });
})();
