/*
 * Tra cứu nhiệm vụ: every task's row is loaded once from compact data
 * (tra-cuu/nhiem-vu.json, made from the plan by macros/site/pages/whole.py),
 * filtered here and shown a page at a time, so the page stays small for a plan
 * of any size. Rows are filled as text into the page's row template, never as
 * HTML. The filter state lives in the address (?don-vi=…&vai-tro=…), never in
 * "q", which Material reserves for its search box; the address's parameter for
 * each filter and the role filter's values come with the data ("fields",
 * "roles": macros/site/urls.py), and who takes part through a group with each
 * row ("lead_with_groups": macros/plan/assignments.py). Without JavaScript the page
 * points to Tất cả nhiệm vụ, where every task is a plain link.
 */
(function () {
  "use strict";
  var common = window.khCommon;

  function task(columns, row) {
    var t = {};
    columns.forEach(function (name, i) { t[name] = row[i]; });
    t.words = common.spaced([t.id, t.content, t.lead_text, t.coordinating_text, t.deliverable_text, t.schedule_text].join(" "));
    return t;
  }

  /* ``f`` holds each filter's value by the filter's name in the data's "fields" (unit, role, groups…). */
  function matches(t, f, roles) {
    if (f.unit) {
      var lead = f.groups ? t.lead_with_groups : t.lead, coordinating = f.groups ? t.coordinating_with_groups : t.coordinating;
      var asLead = lead.indexOf(f.unit) >= 0, asCoordinating = coordinating.indexOf(f.unit) >= 0;
      if (f.role === roles.lead && !asLead) return false;
      if (f.role === roles.coordinating && !asCoordinating) return false;
      if (!f.role && !asLead && !asCoordinating) return false;
    }
    if (f.kind && t.kinds.indexOf(f.kind) < 0) return false;
    if (f.schedule && t.schedules.indexOf(f.schedule) < 0) return false;
    if (f.section && t.section !== f.section) return false;
    return common.hasPhrase(t.words, f.words || "");
  }

  function setUp(page) {
    var form = page.querySelector("form.kh-filters");
    var table = page.querySelector("table[data-rows]");
    var body = table.querySelector("tbody");
    var template = page.querySelector("#kh-lookup-row");
    var pages = page.querySelector("#kh-lookup-pages");
    var status = page.querySelector("#kh-lookup-count");
    var empty = page.querySelector("#kh-lookup-empty");
    var failed = page.querySelector("#kh-lookup-failed");
    var size = parseInt(table.dataset.pageSize, 10) || 100;
    var dataUrl = new URL(table.dataset.rows, location.href);
    var root = new URL("../", dataUrl); // addresses in the data are from the site's root
    var fields = {}, roles = {};
    var tasks = [];
    var shown = [];
    var current = 1;

    /* The form's values by filter name; the controls are named by the address's parameters. */
    function read() { return common.formValues(form, fields); }
    function write(params) { common.setForm(form, fields, null, params); }

    function rowOf(t) {
      var row = template.content.firstElementChild.cloneNode(true);
      row.dataset.task = t.id;
      row.querySelectorAll("[data-field]").forEach(function (el) {
        var value = t[el.dataset.field];
        if (el.tagName === "A") el.href = new URL(t.url, root).href;
        if (value) el.textContent = value;
        else { el.textContent = "—"; el.title = "Văn bản gốc để trống ô này"; el.classList.add("kh-empty"); }
        el.removeAttribute("data-field");
      });
      return row;
    }

    function pager(count) {
      common.pager(pages, count, current, function (number) { show(number); table.scrollIntoView({ block: "start" }); });
    }

    function show(number) {
      var count = Math.max(1, Math.ceil(shown.length / size));
      current = Math.min(Math.max(1, number), count);
      var fragment = document.createDocumentFragment();
      shown.slice((current - 1) * size, current * size).forEach(function (t) { fragment.appendChild(rowOf(t)); });
      body.textContent = "";
      body.appendChild(fragment);
      pager(count);
      var where = count > 1 ? " (trang " + current + "/" + count + ")" : "";
      status.textContent = "Đang hiện " + shown.length + " trên " + tasks.length + " nhiệm vụ." + where;
    }

    function apply() {
      var f = read();
      shown = tasks.filter(function (t) { return matches(t, f, roles); });
      empty.hidden = shown.length !== 0;
      show(1);
      var params = new URLSearchParams();
      Object.keys(fields).forEach(function (name) { if (f[name]) params.set(fields[name], f[name]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    common.loadJson(dataUrl).then(function (data) {
      fields = data.fields;
      roles = data.roles;
      tasks = data.rows.map(function (row) { return task(data.columns, row); });
      write(new URLSearchParams(location.search));
      form.addEventListener("input", apply);
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
      form.addEventListener("reset", function () { setTimeout(apply, 0); });
      apply();
    }).catch(function () {
      status.textContent = "";
      failed.hidden = false;
    });
  }

  common.whenReady(function () { var page = document.getElementById("kh-lookup"); if (page) setUp(page); });
})();
