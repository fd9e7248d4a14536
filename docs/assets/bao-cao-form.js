/*
 * Gửi báo cáo tiến độ (bao-cao/): a form that writes a report file the checker accepts.
 *
 * The rules come from bao-cao/bieu-mau.json, written at build time by
 * macros/site/pages/report_form.py from the checker's own sources: the report's
 * JSON Schema generated from the pydantic model (required keys, patterns,
 * statuses, lengths), the constant naming the status that needs a reason, the
 * checker's warning for a unit outside the task, the characters nobody can see that
 * the checker refuses (with its words for each), and the plan's tasks, units and
 * groups. Nothing here restates a rule; tests/test_report_form_browser.py runs
 * check() and `make check` over the same files and asserts they agree.
 *
 * What the clerk typed reaches the page only as text (textContent, never
 * innerHTML), and the file as double-quoted YAML scalars with every special
 * character escaped, composed to NFC like every text of the project.
 * window.khReportForm exposes the pure functions for the tests.
 */
(function () {
  "use strict";

  var FIELDS = ["task", "unit", "status", "date", "note", "reason", "evidence.number", "evidence.title", "evidence.link"];
  var TASK_PARAM = "nhiem-vu";
  var LONG_URL = 8000; // GitHub answers longer addresses with an error page: the copy button is then the way

  function fold(text) { return window.khSearch ? window.khSearch.fold(text) : text.normalize("NFC").toLowerCase(); }

  function todayInVietnam() {
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()); // YYYY-MM-DD
  }

  function vnDate(iso) {
    var p = iso.split("-");
    return parseInt(p[2], 10) + "/" + parseInt(p[1], 10) + "/" + p[0];
  }

  // ---------------------------------------------------------------- the file

  /* Typed text as the project stores it: composed (NFC), one kind of line break, no invisible control
     characters (a line break pasted from Word is \v; the project's files refuse control characters). */
  function clean(text) {
    return String(text).normalize("NFC")
      .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, "\n")
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, "$1\ufffd");
  }

  /* A YAML double-quoted scalar: the one style where every character can be written, escaped. */
  function quote(text) {
    var out = "";
    Array.from(text).forEach(function (ch) {
      var code = ch.codePointAt(0);
      if (ch === "\\") out += "\\\\";
      else if (ch === "\"") out += "\\\"";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\t") out += "\\t";
      else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff || code === 0x2028 || code === 0x2029) {
        out += "\\u" + ("000" + code.toString(16)).slice(-4);
      } else out += ch;
    });
    return "\"" + out + "\"";
  }

  function present(value) { return typeof value === "string" && value.trim() !== ""; }

  /* The report as the file holds it: the four required keys, the note, then what was filled. */
  function reportOf(values) {
    var report = { task: values.task, date: values.date, status: values.status, unit: values.unit, note: clean(values.note || "") };
    if (present(values.reason)) report.reason = clean(values.reason);
    var evidence = {};
    ["number", "title", "link"].forEach(function (key) {
      var value = values["evidence." + key];
      if (present(value)) evidence[key] = clean(key === "link" ? value.trim() : value);
    });
    if (Object.keys(evidence).length) report.evidence = evidence;
    return report;
  }

  function yamlOf(report, rules) {
    var lines = rules.header.slice();
    // Ids and the date match the schema's patterns before a file is shown: plain scalars, as the guide's template writes them.
    lines.push("task: " + report.task, "date: " + report.date, "status: " + report.status, "unit: " + report.unit);
    lines.push("note: " + quote(report.note));
    if (report.reason !== undefined) lines.push("reason: " + quote(report.reason));
    if (report.evidence) {
      lines.push("evidence:");
      Object.keys(report.evidence).forEach(function (key) { lines.push("  " + key + ": " + quote(report.evidence[key])); });
    }
    return lines.join("\n") + "\n";
  }

  function taskById(rules) {
    var out = {};
    rules.sections.forEach(function (s) { s.tasks.forEach(function (t) { out[t.id] = t; }); });
    return out;
  }

  /* Same name as macros.progress.updates.update_filename, from the slug the build exported. */
  function filename(report, rules) {
    var task = taskById(rules)[report.task];
    return report.date + "-" + task.slug + "-" + report.unit + ".yaml";
  }

  /* GitHub's new-file editor, the address encoded as Python's urllib.parse.quote (macros/site/facts.py). */
  function encode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase(); });
  }
  function githubUrl(name, text, rules) {
    return rules.new_file + "?filename=" + encode(name) + "&value=" + encode(text);
  }

  // ---------------------------------------------------------------- the checks

  function resolve(schema, rootSchema) {
    if (schema && schema.$ref) return rootSchema.$defs[schema.$ref.split("/").pop()];
    if (schema && schema.anyOf) {
      var branch = schema.anyOf.filter(function (s) { return s.type !== "null"; })[0];
      return resolve(branch, rootSchema);
    }
    return schema;
  }

  function length(text) { return Array.from(text).length; }

  function validDate(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    var d = new Date(text + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === text;
  }

  /* One value against its property's schema: the subset of JSON Schema the generated schema uses. */
  function checkValue(value, schema, rootSchema, field, problems) {
    var nullable = schema.anyOf && schema.anyOf.some(function (s) { return s.type === "null"; });
    if (value === null && nullable) return;
    var s = resolve(schema, rootSchema);
    function fail(rule, extra) { problems.push(Object.assign({ field: field, severity: "error", rule: rule, stage: "schema" }, extra || {})); }
    if (s.type === "object") {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return fail("type");
      checkObject(value, s, rootSchema, field + ".", problems);
      return;
    }
    if (s.type === "boolean") { if (typeof value !== "boolean") fail("type"); return; }
    if (s.type === "string") {
      if (typeof value !== "string") return fail("type");
      if (s.enum && s.enum.indexOf(value) < 0) return fail("enum");
      if (s.pattern && !new RegExp(s.pattern, "u").test(value)) return fail("pattern");
      if (s.maxLength !== undefined && length(value) > s.maxLength) return fail("maxLength", { limit: s.maxLength, length: length(value) });
      if (s.format === "date" && !validDate(value)) return fail("format");
    }
  }

  function checkObject(data, schema, rootSchema, prefix, problems) {
    (schema.required || []).forEach(function (key) {
      if (data[key] === undefined || data[key] === null || data[key] === "") {
        problems.push({ field: prefix + key, severity: "error", rule: "required", stage: "schema" });
      }
    });
    Object.keys(data).forEach(function (key) {
      var property = (schema.properties || {})[key];
      if (!property) {
        if (schema.additionalProperties === false) problems.push({ field: prefix + key, severity: "error", rule: "unknown", stage: "schema" });
        return;
      }
      if (data[key] === undefined || data[key] === "" && (schema.required || []).indexOf(key) >= 0) return;
      checkValue(data[key], property, rootSchema, prefix + key, problems);
    });
  }

  /* A unit takes part when it, or a group it belongs to, is named as lead or coordinator
     (the checker's rule, over the memberships the build exported). */
  function takesPart(unit, task) {
    var named = task.lead.concat(task.coordinating);
    return [unit.id].concat(unit.member_of).some(function (id) { return named.indexOf(id) >= 0; });
  }

  /* The first character of a text that the checker's reader refuses, as the "U+202E" that names it, or null. */
  function invisibleIn(text, rules) {
    var found = null;
    Array.from(text).some(function (ch, i) {
      var code = "U+" + ("000" + ch.codePointAt(0).toString(16).toUpperCase()).slice(-4);
      if (rules.invisible[code]) found = { code: code, position: i + 1 };
      return found !== null;
    });
    return found;
  }

  /* Every text of the report holding such a character, field by field: the reader refuses the file before
     anything else is looked at. */
  function checkInvisible(value, field, rules, problems) {
    if (typeof value === "string") {
      var found = invisibleIn(value, rules);
      if (found) problems.push({ field: field, severity: "error", rule: "invisible", stage: "read", code: found.code, position: found.position });
    } else if (value && typeof value === "object" && !Array.isArray(value)) {
      Object.keys(value).forEach(function (key) { checkInvisible(value[key], field ? field + "." + key : key, rules, problems); });
    }
  }

  /* Every problem of one report (an object as the file holds it), as the checker would find it on ``today``.
     "stage" says which of the checker's passes finds it: reading the file ("read": characters nobody can see),
     the file's shape ("schema"), then its links to the plan ("plan"), which the checker only looks at once the
     shape is right; the form shows them all at once. */
  function check(report, today, rules) {
    var problems = [];
    checkInvisible(report, "", rules, problems);
    checkObject(report, rules.schema, rules.schema, "", problems);
    var wrong = {};
    problems.forEach(function (p) { wrong[p.field] = true; });
    var plan = [];
    var task = typeof report.task === "string" ? taskById(rules)[report.task] : null;
    var unit = null;
    rules.units.forEach(function (u) { if (u.id === report.unit) unit = u; });
    if (!wrong.task && !task) plan.push({ field: "task", severity: "error", rule: "no-task" });
    if (!wrong.date && report.date > today) plan.push({ field: "date", severity: "error", rule: "future", today: today });
    if (report.status === rules.needs_reason && !(typeof report.reason === "string" && report.reason.trim())) {
      plan.push({ field: "reason", severity: "error", rule: "needs-reason" });
    }
    var evidence = report.evidence;
    if (evidence && typeof evidence === "object" && !wrong.evidence &&
        !Object.keys(evidence).some(function (k) { return evidence[k]; })) {
      plan.push({ field: "evidence", severity: "error", rule: "empty" });
    }
    if (!wrong.unit && !unit) plan.push({ field: "unit", severity: "error", rule: "no-unit" });
    else if (unit && task && !takesPart(unit, task)) {
      plan.push({
        field: "unit", severity: "warning", rule: "outside",
        text: rules.unit_outside_task.replace("{unit}", unit.short).replace("{task}", task.id),
      });
    }
    if (task && unit && !wrong.date && rules.existing.indexOf(filename(report, rules)) >= 0) {
      plan.push({ field: "task", severity: "error", rule: "duplicate", file: filename(report, rules) });
    }
    plan.forEach(function (p) { p.stage = "plan"; problems.push(p); });
    return problems;
  }

  /* Vietnamese words for a problem; what is checked came from the rules, these only say it. */
  function message(p, rules) {
    var labels = { task: "nhiệm vụ", unit: "đơn vị báo cáo", status: "tình trạng", date: "ngày báo cáo" };
    switch (p.rule) {
      case "required":
        return p.field === "status" ? "Chọn một tình trạng." : p.field === "date" ? "Nhập ngày báo cáo." : "Chọn " + labels[p.field] + ".";
      case "pattern":
        return p.field === "evidence.link" ? "Đường dẫn phải bắt đầu bằng https:// và không có dấu cách." : "Mã không đúng dạng.";
      case "enum": return "Tình trạng không có trong danh mục.";
      case "maxLength": return "Dài " + p.length + " ký tự, quá giới hạn " + p.limit + " ký tự.";
      case "invisible": return "Ở vị trí thứ " + p.position + " " + rules.invisible[p.code];
      case "format": return "Ngày không hợp lệ; chọn một ngày trong lịch.";
      case "future": return "Ngày này ở sau hôm nay (" + vnDate(p.today) + "); không báo cáo trước cho ngày chưa tới.";
      case "needs-reason": return "Tình trạng \"" + rules.statuses[rules.needs_reason] + "\" cần ghi lý do.";
      case "no-task": return "Không có nhiệm vụ này trong kế hoạch; chọn một nhiệm vụ trong danh sách.";
      case "no-unit": return "Không có đơn vị này trong kế hoạch; chọn một đơn vị trong danh sách.";
      case "outside":
        return "Lưu ý: máy kiểm tra sẽ cảnh báo \"" + p.text + "\" Vẫn gửi được; người duyệt sẽ xem lại.";
      case "duplicate":
        return "Đơn vị này đã có báo cáo cho nhiệm vụ này trong ngày này (tệp " + p.file + "); báo cáo trùng bị từ chối. " +
          "Đổi ngày, hoặc sửa tệp đã có trên GitHub.";
      default: return "Giá trị không hợp lệ.";
    }
  }

  window.khReportForm = { check: check, reportOf: reportOf, yamlOf: yamlOf, filename: filename, githubUrl: githubUrl, quote: quote, clean: clean, takesPart: takesPart };

  // ---------------------------------------------------------------- the page

  function setUp(form, rules) {
    var page = document.getElementById("kh-report-page");
    var result = document.getElementById("kh-report-result");
    var summary = document.getElementById("kh-form-summary");
    var pending = document.getElementById("kh-form-pending");
    var taskSelect = form.elements.task, unitSelect = form.elements.unit;
    var filter = document.getElementById("f-task-filter");
    var count = document.getElementById("f-task-count");
    var info = document.getElementById("f-task-info");
    var tasks = taskById(rules);
    var units = {};
    rules.units.forEach(function (u) { units[u.id] = u; });

    var total = Object.keys(tasks).length;
    var words = {};
    Object.keys(tasks).forEach(function (id) {
      var t = tasks[id];
      // A clerk finds the tasks of the unit by its name, too: the lead and coordinating units are words of the task.
      var names = t.lead.concat(t.coordinating).map(function (u) { return units[u] ? units[u].name + " " + units[u].short : ""; });
      words[id] = " " + fold([t.id, t.summary, t.text].concat(names).join(" ")).replace(/[^\p{L}\p{N}.]+/gu, " ");
    });
    var touched = {};
    var submitted = false;
    var today = todayInVietnam();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) today = form.dataset.today;
    form.elements.date.max = today;
    form.elements.date.value = today;
    page.querySelectorAll(".kh-example-id").forEach(function (el) { el.textContent = Object.keys(tasks)[0] || ""; });

    function option(value, text) {
      var o = document.createElement("option");
      o.value = value;
      o.textContent = text;
      return o;
    }

    function fillTasks() {
      var phrase = fold(clean(filter.value)).replace(/[^\p{L}\p{N}.]+/gu, " ").trim();
      var chosen = taskSelect.value;
      var matching = 0;
      taskSelect.textContent = "";
      taskSelect.appendChild(option("", "— Chọn nhiệm vụ —"));
      rules.sections.forEach(function (s) {
        var group = document.createElement("optgroup");
        group.label = "Phần " + s.id + ". " + s.title;
        s.tasks.forEach(function (t) {
          var matches = !phrase || words[t.id].indexOf(" " + phrase) >= 0;
          if (matches) matching += 1;
          if (matches || t.id === chosen) group.appendChild(option(t.id, t.id + " — " + t.summary));  // the choice stays
        });
        if (group.children.length) taskSelect.appendChild(group);
      });
      taskSelect.value = chosen;
      count.textContent = phrase ? "Có " + matching + " trên " + total + " nhiệm vụ khớp với từ đã gõ." : "";
    }

    function unitName(u) { return u.name; }

    function fillUnits() {
      var chosen = unitSelect.value;
      var task = tasks[taskSelect.value];
      var first = [];
      if (task) {
        task.lead.concat(task.coordinating).forEach(function (id) {
          [id].concat(rules.units.filter(function (u) { return u.member_of.indexOf(id) >= 0; }).map(function (u) { return u.id; }))
            .forEach(function (m) { if (units[m] && first.indexOf(m) < 0) first.push(m); });
        });
      }
      unitSelect.textContent = "";
      unitSelect.appendChild(option("", "— Chọn đơn vị —"));
      var mine = document.createElement("optgroup");
      mine.label = task ? "Chủ trì, phối hợp nhiệm vụ " + task.id : "Đơn vị";
      first.forEach(function (id) { mine.appendChild(option(id, unitName(units[id]))); });
      var others = document.createElement("optgroup");
      others.label = task ? "Đơn vị khác" : "Tất cả đơn vị";
      rules.units.forEach(function (u) { if (first.indexOf(u.id) < 0) others.appendChild(option(u.id, unitName(u))); });
      if (mine.children.length) unitSelect.appendChild(mine);
      unitSelect.appendChild(others);
      unitSelect.value = chosen;
      info.textContent = "";
      if (task) {
        // The chosen task in full, since a phone's list cuts it short: its words, then who leads and coordinates.
        line("", task.id + ": " + task.summary);
        line("Chủ trì: ", task.lead.map(function (id) { return units[id].name; }).join("; ") || "(văn bản không ghi)");
        line("Phối hợp: ", task.coordinating.map(function (id) { return units[id].name; }).join("; ") || "(văn bản không ghi)");
      }
    }

    function line(label, text) {
      var p = document.createElement("p");
      if (label) {
        var strong = document.createElement("strong");
        strong.textContent = label;
        p.appendChild(strong);
      }
      p.appendChild(document.createTextNode(text));
      info.appendChild(p);
    }

    function values() {
      var v = {};
      FIELDS.forEach(function (name) {
        if (name === "status") {
          var checked = form.querySelector("input[name=status]:checked");
          v.status = checked ? checked.value : "";
        } else v[name] = form.elements[name].value;
      });
      return v;
    }

    /* What each field's description says before any problem: its hint, kept after the problem's message. */
    var described = {};
    FIELDS.forEach(function (field) {
      var el = field === "status" ? document.getElementById("f-status") : document.getElementById(idOf(field));
      described[field] = el.getAttribute("aria-describedby") || "";
    });

    function idOf(field) { return "f-" + field.replace(".", "-"); }

    /* A problem shows once the clerk has been to the field (or asked for the file); a warning at once. */
    function show(field, problems, touchedNow) {
      var id = idOf(field);
      var box = form.querySelector("[data-field='" + field + "']");
      var error = document.getElementById(id + "-error");
      var warning = document.getElementById(id + "-warning");
      var radios = field === "status" ? Array.from(form.querySelectorAll("input[name=status]")) : [];
      var control = field === "status" ? box : document.getElementById(id);
      var errors = problems.filter(function (p) { return p.severity === "error"; });
      // A character nobody can see is shown as soon as it is typed or pasted: the clerk cannot find it alone.
      var err = errors.filter(function (p) { return p.rule === "invisible"; })[0] || errors[0];
      var warn = problems.filter(function (p) { return p.severity === "warning"; })[0];
      var visible = Boolean(err) && (submitted || touchedNow || err.rule === "invisible");
      error.hidden = !visible;
      error.textContent = visible ? message(err, rules) : "";
      if (warning) {
        warning.hidden = !warn;
        warning.textContent = warn ? message(warn, rules) : "";
      }
      var ids = [visible ? error.id : "", warn ? warning.id : "", described[field]].filter(Boolean).join(" ");
      if (ids) control.setAttribute("aria-describedby", ids); else control.removeAttribute("aria-describedby");
      [control].concat(radios).forEach(function (el) {
        if (visible && el.tagName !== "FIELDSET") el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      });
      radios.forEach(function (el) {
        if (visible) el.setAttribute("aria-describedby", error.id); else el.removeAttribute("aria-describedby");
      });
      box.classList.toggle("kh-field--invalid", visible);
    }

    function fieldOf(p) { return p.field === "evidence" ? "evidence.number" : p.field; }

    function update() {
      var v = values();
      // Browsers show the date field in their own language's order (11/30/2026 in English): say it the Vietnamese way.
      document.getElementById("f-date-shown").textContent = validDate(v.date) ? "Ngày đã chọn: " + vnDate(v.date) + ". " : "";
      var report = reportOf(v);
      var problems = check(report, today, rules);
      FIELDS.forEach(function (field) {
        // Choosing the status that needs a reason shows at once that the reason is missing.
        var now = touched[field] || (field === "reason" && touched.status && v.status === rules.needs_reason);
        show(field, problems.filter(function (p) { return fieldOf(p) === field; }), now);
      });
      var errors = problems.filter(function (p) { return p.severity === "error"; });
      var list = summary.querySelector("ul");
      list.textContent = "";
      if (submitted && errors.length) {
        document.getElementById("kh-form-summary-title").textContent =
          "Chưa lập được tệp: còn " + errors.length + " chỗ cần sửa, đánh dấu đỏ bên dưới.";
        errors.forEach(function (p) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          var field = fieldOf(p);
          a.href = "#" + (field === "status" ? "f-status-" + rules.schema.properties.status.enum[0] : "f-" + field.replace(".", "-"));
          a.textContent = message(p, rules);
          li.appendChild(a);
          list.appendChild(li);
        });
      }
      summary.hidden = !(submitted && errors.length);
      result.hidden = errors.length > 0;
      pending.hidden = errors.length === 0;
      if (errors.length) return false;
      var text = yamlOf(report, rules);
      var name = filename(report, rules);
      document.getElementById("kh-report-filename").textContent = name;
      document.getElementById("kh-report-yaml").textContent = text;
      var link = document.getElementById("kh-report-github");
      if (link) {
        var url = githubUrl(name, text, rules);
        link.href = url;
        document.getElementById("kh-report-long").hidden = url.length <= LONG_URL;
      }
      document.getElementById("kh-report-copied").textContent = "";
      return true;
    }

    function touch(event) {
      var name = event.target.name;
      if (name) touched[name] = true;
    }

    form.addEventListener("input", function (event) {
      if (event.target === filter) { fillTasks(); return; }
      update();
    });
    form.addEventListener("change", function (event) {
      if (event.target === filter) return;
      touch(event);
      if (event.target === taskSelect) fillUnits();
      update();
    });
    form.addEventListener("focusout", function (event) {
      if (event.target !== filter && event.target.name && event.target.value) touch(event);
      update();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submitted = true;
      if (update()) {
        result.focus();
        result.scrollIntoView({ block: "start" });
      } else summary.focus();
    });
    summary.addEventListener("click", function (event) {
      var a = event.target.closest("a");
      if (!a) return;
      event.preventDefault();
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) { target.focus(); target.scrollIntoView({ block: "center" }); }
    });

    document.getElementById("kh-report-copy").addEventListener("click", function () {
      var code = document.getElementById("kh-report-yaml");
      var status = document.getElementById("kh-report-copied");
      function selected() {
        var range = document.createRange();
        range.selectNodeContents(code);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        var done = false;
        try { done = document.execCommand("copy"); } catch (e) { done = false; }
        status.textContent = done ? "Đã sao chép nội dung tệp." : "Nội dung tệp đã được chọn: bấm Ctrl+C (hoặc giữ và chọn Sao chép) để chép.";
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code.textContent).then(function () {
          status.textContent = "Đã sao chép nội dung tệp.";
        }, selected);
      } else selected();
    });

    var wanted = new URLSearchParams(location.search).get(TASK_PARAM);
    fillTasks();
    if (wanted) {
      Object.keys(tasks).forEach(function (id) { if (tasks[id].slug === wanted) taskSelect.value = id; });
      if (taskSelect.value) touched.task = true;
    }
    fillUnits();
    form.hidden = false;
    update();
  }

  function start() {
    var form = document.getElementById("kh-report-form");
    if (!form) return;
    var loading = document.getElementById("kh-form-loading");
    fetch(new URL(form.dataset.rules, location.href)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (rules) {
      loading.hidden = true;
      loading.textContent = "";
      setUp(form, rules);
    }).catch(function () {
      loading.hidden = true;
      document.getElementById("kh-form-failed").hidden = false;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
