/*
 * Tra cứu nhiệm vụ: filters that only hide rows. Without JavaScript the page
 * shows every task. The filter state lives in the address (?don-vi=…&vai-tro=…),
 * never in "q", which Material reserves for its search box.
 */
(function () {
  "use strict";
  var FIELDS = ["don-vi", "vai-tro", "nhom", "san-pham", "thoi-gian", "phan", "tu-khoa"];

  function words(value) { return (value || "").split(" ").filter(Boolean); }
  function fold(text) { return window.khSearch ? window.khSearch.fold(text) : text.toLowerCase(); }

  function matches(row, f) {
    var d = row.dataset;
    if (f["don-vi"]) {
      var lead = words(d.lead), coordinating = words(d.coordinating);
      if (f.nhom) { lead = lead.concat(words(d.leadVia)); coordinating = coordinating.concat(words(d.coordinatingVia)); }
      var asLead = lead.indexOf(f["don-vi"]) >= 0, asCoordinating = coordinating.indexOf(f["don-vi"]) >= 0;
      if (f["vai-tro"] === "chu-tri" && !asLead) return false;
      if (f["vai-tro"] === "phoi-hop" && !asCoordinating) return false;
      if (!f["vai-tro"] && !asLead && !asCoordinating) return false;
    }
    if (f["san-pham"] && words(d.kinds).indexOf(f["san-pham"]) < 0) return false;
    if (f["thoi-gian"] && words(d.schedules).indexOf(f["thoi-gian"]) < 0) return false;
    if (f.phan && d.section !== f.phan) return false;
    if (f["tu-khoa"]) {
      var text = " " + d.text.replace(/[^\p{L}\p{N}.]+/gu, " ");
      // The words as a phrase, from the start of a word: "nuoc sach" is nước sạch, not "nhà nước … chính sách".
      var phrase = fold(f["tu-khoa"]).replace(/[^\p{L}\p{N}.]+/gu, " ").trim();
      if (phrase && text.indexOf(" " + phrase) < 0) return false;
    }
    return true;
  }

  function setUp(page) {
    var form = page.querySelector("form.kh-filters");
    var rows = Array.from(page.querySelectorAll("tbody tr[data-task]"));
    var status = page.querySelector("#kh-lookup-count");
    var empty = page.querySelector("#kh-lookup-empty");

    function read() {
      var f = {};
      FIELDS.forEach(function (name) {
        var el = form.elements[name];
        f[name] = el.type === "checkbox" ? (el.checked ? "1" : "") : el.value.normalize("NFC").trim();
      });
      return f;
    }
    function write(params) {
      FIELDS.forEach(function (name) {
        var el = form.elements[name], value = params.get(name) || "";
        if (el.type === "checkbox") el.checked = value === "1";
        else if (el.tagName === "SELECT") el.value = Array.from(el.options).some(function (o) { return o.value === value; }) ? value : "";
        else el.value = value;
      });
    }
    function apply() {
      var f = read(), shown = 0;
      rows.forEach(function (row) { var ok = matches(row, f); row.hidden = !ok; if (ok) shown++; });
      status.textContent = "Đang hiện " + shown + " trên " + rows.length + " nhiệm vụ.";
      empty.hidden = shown !== 0;
      var params = new URLSearchParams();
      FIELDS.forEach(function (name) { if (f[name]) params.set(name, f[name]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    write(new URLSearchParams(location.search));
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  function start() { var page = document.getElementById("kh-lookup"); if (page) setUp(page); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
