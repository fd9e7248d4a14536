/*
 * Tra cứu nhiệm vụ các thành viên: the members' tasks, searched in the browser.
 * The tasks come in shards (tong-hop/tra-cuu/nhiem-vu-N.json, at most about
 * 1.5 MB each, made by macros/site/pages/rollup.py, named by the index beside
 * them with their content hash) in the members' order, and
 * a shard is loaded only when a search needs it: one member's search loads that
 * member's shard; another search loads shards until the page shown is full,
 * and "Tìm trong tất cả thành viên" loads the rest, so that a nation's members
 * stay searchable on a phone. Words are folded as the site's search folds them
 * (kh-common.js; macros/text.py fold_diacritics). Rows are filled as text, never
 * as HTML; a link into a member's site is only ever the https address the member
 * published for its task, rebuilt from the member's https site and the rest of
 * it, and checked again here. The state lives in the address (?tu-khoa=…).
 */
(function () {
  "use strict";
  var common = window.khCommon;
  /* 3321 → 3.321, as the pages write numbers (macros/site/rollup_views.py vn_number). */
  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  var SUMMARY = 200;

  /* The fold of kh-common.js, done on a whole text at once (the same result for Vietnamese, far faster on megabytes). */
  function spacedFast(text) {
    return " " + String(text).normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase()
      .replace(/[^\p{L}\p{N}.]+/gu, " ");
  }
  function shorten(text) {
    if (text.length <= SUMMARY) return text;
    var cut = text.slice(0, SUMMARY), space = cut.lastIndexOf(" ");
    return (space > 0 ? cut.slice(0, space) : cut).replace(/[,;:]$/, "") + "…";
  }

  function setUp(page) {
    var form = page.querySelector("form.kh-filters");
    var table = page.querySelector("table[data-index]");
    var body = table.querySelector("tbody");
    var template = page.querySelector("#kh-lookup-row");
    var pages = page.querySelector("#kh-lookup-pages");
    var status = page.querySelector("#kh-lookup-count");
    var more = page.querySelector("#kh-lookup-more");
    var all = page.querySelector("#kh-lookup-all");
    var empty = page.querySelector("#kh-lookup-empty");
    var failed = page.querySelector("#kh-lookup-failed");
    var size = parseInt(table.dataset.pageSize, 10) || 100;
    var root = new URL(table.dataset.root, location.href);
    var indexUrl = new URL(table.dataset.index, location.href);
    var shardUrls = [], shards = [], ready = []; // a shard loaded already (ready) costs nothing to search again
    var index, fields, members = [], bySlug = {}, statusIndex = {};
    var current = 1, wantAll = false, run = 0;
    var NAMES = ["words", "unit", "member", "status", "overdue"];

    function loadShard(n) {
      if (!shards[n]) {
        shards[n] = common.loadJson(new URL(shardUrls[n], indexUrl)).then(function (data) {
          return data.rows.map(function (row) {
            var t = {};
            index.columns.forEach(function (name, i) { t[name] = row[i]; });
            t.words = spacedFast([t.id, t.text, t.lead].join(" "));
            t.leadWords = spacedFast(t.lead);
            return t;
          });
        }).then(function (rows) { ready[n] = true; return rows; });
      }
      return shards[n];
    }

    function read() { return common.formValues(form, fields, NAMES); }
    function write(params) {
      common.setForm(form, fields, NAMES, params);
      current = parseInt(params.get(fields.page), 10) || 1;
    }
    function remember(replace) {
      var f = read(), params = new URLSearchParams();
      NAMES.forEach(function (name) { if (f[name]) params.set(fields[name], f[name]); });
      if (current > 1) params.set(fields.page, String(current));
      var query = params.toString(), next = location.pathname + (query ? "?" + query : "");
      if (next === location.pathname + location.search) return;
      if (replace) history.replaceState(null, "", next); else history.pushState(null, "", next);
    }

    function matches(t, f) {
      if (f.member && t.member !== f.memberIndex) return false;
      if (f.status && t.status !== statusIndex[f.status]) return false;
      if (f.overdue && !t.overdue) return false;
      if (f.unit && !common.hasPhrase(t.leadWords, f.unit)) return false;
      return common.hasPhrase(t.words, f.words || "");
    }

    /* The member's https address of the task, or null: the member's site and the rest, or the address kept whole. */
    function taskAddress(t) {
      if (t.url === null || t.url === undefined) return null;
      var site = members[t.member].site;
      var whole = typeof t.url === "string" ? (site ? site + t.url : null) : t.url[0];
      return typeof whole === "string" && /^https:\/\/[^\s"'<>`\\]+$/.test(whole) ? whole : null;
    }

    function rowOf(t) {
      var row = template.content.firstElementChild.cloneNode(true);
      var m = members[t.member];
      row.dataset.member = m.slug;
      row.dataset.task = t.id;
      var name = row.querySelector('[data-field="member"]');
      name.href = new URL(m.url, root).href;
      name.textContent = m.name;
      var id = row.querySelector('[data-field="id"]'), address = taskAddress(t);
      id.textContent = t.id;
      if (address) {
        id.href = address;
        id.setAttribute("aria-label", "Nhiệm vụ " + t.id + " trên trang của " + m.name);
      } else {
        var plain = document.createElement("span");
        plain.className = "kh-id";
        plain.textContent = t.id;
        id.replaceWith(plain);
      }
      row.querySelector('[data-field="text"]').textContent = shorten(t.text);
      row.querySelector('[data-field="lead"]').textContent = t.lead || "—";
      var cell = row.querySelector('[data-field="status"]'), s = index.statuses[t.status];
      var badge = document.createElement("span");
      badge.className = "kh-status kh-status--" + s[0];
      badge.textContent = s[1];
      cell.appendChild(badge);
      if (t.overdue) {
        var late = document.createElement("span");
        late.className = "kh-status kh-status--qua-han";
        late.textContent = "Quá hạn";
        cell.appendChild(document.createTextNode(" "));
        cell.appendChild(late);
      }
      row.querySelectorAll("[data-field]").forEach(function (el) { el.removeAttribute("data-field"); });
      return row;
    }

    function pager(count) {
      common.pager(pages, count, current, function (number) {
        current = number;
        search();
        remember(false);
        table.scrollIntoView({ block: "start" });
      });
    }

    /* The shards a search reads, in order: one member's own, or every one. */
    function needed(f) {
      if (!f.member) return shards.map(function (_, n) { return n; });
      var m = members[f.memberIndex], out = [];
      if (m.first !== null) for (var n = m.first; n <= m.last; n++) out.push(n - 1);
      return out;
    }

    function search() {
      var f = read(), mine = ++run;
      f.memberIndex = f.member && f.member in bySlug ? bySlug[f.member] : -1;
      var order = needed(f), found = [], read_ = 0;
      var enough = function () {
        return !wantAll && !f.member && found.length > current * size && !ready[order[read_]];
      };
      function step() {
        if (mine !== run) return null;
        if (read_ >= order.length || enough()) return show(f, found, read_ < order.length ? order[read_] : null);
        status.textContent = "Đang tìm… (phần dữ liệu " + (read_ + 1) + "/" + order.length + ")";
        return loadShard(order[read_]).then(function (rows) {
          if (mine !== run) return null;
          rows.forEach(function (t) { if (matches(t, f)) found.push(t); });
          read_ += 1;
          return step();
        });
      }
      return Promise.resolve(step()).catch(function () { status.textContent = ""; failed.hidden = false; });
    }

    /* ``stopped``: the first shard not read yet (the search stopped once the page was full), or null. */
    function show(f, found, stopped) {
      var count = Math.max(1, Math.ceil(found.length / size));
      current = Math.min(Math.max(1, current), count);
      var fragment = document.createDocumentFragment();
      found.slice((current - 1) * size, current * size).forEach(function (t) { fragment.appendChild(rowOf(t)); });
      body.textContent = "";
      body.appendChild(fragment);
      pager(count);
      empty.hidden = found.length !== 0;
      more.hidden = stopped === null;
      var where = count > 1 ? " (trang " + current + "/" + count + ")" : "";
      if (stopped === null) {
        var scope = f.member && f.memberIndex >= 0 ? "của " + members[f.memberIndex].name : "đã tìm trong cả " + number(members.length) + " thành viên";
        status.textContent = "Tìm thấy " + number(found.length) + " nhiệm vụ (" + scope + ")." + where;
      } else {
        var searched = members.filter(function (m) { return m.last !== null && m.last <= stopped; }).length;
        status.textContent = "Tìm thấy ít nhất " + number(found.length) + " nhiệm vụ (đã tìm trong " + number(searched) + "/" + number(members.length) +
          " thành viên đầu tiên)." + where;
      }
    }

    common.loadJson(indexUrl).then(function (data) {
      index = data;
      shardUrls = data.shards;
      shards = shardUrls.map(function () { return null; });
      ready = shardUrls.map(function () { return false; });
      fields = data.fields;
      data.statuses.forEach(function (s, i) { statusIndex[s[0]] = i; });
      members = data.members.map(function (row, i) {
        var m = {};
        data.member_columns.forEach(function (name, j) { m[name] = row[j]; });
        bySlug[m.slug] = i;
        return m;
      });
      var select = form.elements[fields.member];
      members.forEach(function (m) {
        if (m.first === null) return;
        var option = document.createElement("option");
        option.value = m.slug;
        option.textContent = m.name;
        select.appendChild(option);
      });
      write(new URLSearchParams(location.search));
      form.addEventListener("input", function (e) { current = 1; wantAll = false; search(); remember(e.target.type === "search"); });
      form.addEventListener("change", function () { current = 1; search(); remember(false); });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.addEventListener("reset", function () { setTimeout(function () { current = 1; wantAll = false; search(); remember(false); }, 0); });
      all.addEventListener("click", function () { wantAll = true; search(); });
      window.addEventListener("popstate", function () { write(new URLSearchParams(location.search)); search(); });
      search();
    }).catch(function () {
      status.textContent = "";
      failed.hidden = false;
    });
  }

  common.whenReady(function () { var page = document.getElementById("kh-rollup-lookup"); if (page) setUp(page); });
})();
