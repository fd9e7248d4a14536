/*
 * Gửi báo cáo tiến độ (bao-cao/): a form that writes a report file the checker accepts.
 *
 * What the form knows comes from bao-cao/bieu-mau.json, written at build time
 * by macros/site/pages/report_form.py from the checker's own sources: the
 * report's JSON Schema generated from the pydantic model (required keys,
 * patterns, statuses, lengths), the status that needs a reason, the file-name
 * pattern, the reports already filed, the checker's warning for a unit outside
 * the task, the characters nobody can see that the checker refuses (with its
 * words for each), and the plan's tasks with the units that take part in each
 * (through groups too). This script holds no list, name or pattern of its own:
 * it applies the schema, and compares the report with those lists, one
 * comparison for each of the checker's links to the plan (cross_check in
 * macros/progress/updates.py). tests/test_report_form_browser.py runs check()
 * and `make check` over the same files and asserts they agree, rule by rule.
 *
 * What the clerk typed reaches the page only as text (textContent, never
 * innerHTML), and the file as double-quoted YAML scalars with every special
 * character escaped, composed to NFC like every text of the project.
 * window.khReportForm exposes the pure functions for the tests. Shared helpers
 * (today in Vietnam, the fold, dates written 30/9/2025) are kh-common.js's.
 */
(function () {
  "use strict";

  var common = window.khCommon;
  var LONG_URL = 8000; // GitHub answers longer addresses with an error page: the copy button is then the way

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

  /* The checker's file-name pattern (macros.progress.updates.UPDATE_FILENAME), filled with the task's slug. */
  function filename(report, rules) {
    var parts = { date: report.date, task: taskById(rules)[report.task].slug, unit: report.unit };
    return rules.filename.replace(/\{(\w+)\}/g, function (all, name) { return parts[name]; });
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

  /* Whether the unit is one of those the build listed as taking part in the task (macros/plan/assignments.py). */
  function takesPart(unit, task) { return task.takes_part.indexOf(unit.id) >= 0; }

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
      case "future": return "Ngày này ở sau hôm nay (" + common.vnDate(p.today) + "); không báo cáo trước cho ngày chưa tới.";
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

  window.khReportForm = {
    check: check, reportOf: reportOf, yamlOf: yamlOf, filename: filename, githubUrl: githubUrl, quote: quote,
    clean: clean, takesPart: takesPart,
  };

  // ---------------------------------------------------------------- the page

  function byId(id) { return document.getElementById(id); }

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  /* The page's parts; the report's fields are the form's boxes marked data-field, in the page's order. */
  function partsOf(form) {
    return {
      form: form, page: byId("kh-report-page"), result: byId("kh-report-result"), summary: byId("kh-form-summary"),
      pending: byId("kh-form-pending"), task: form.elements.task, unit: form.elements.unit,
      filter: byId("f-task-filter"), count: byId("f-task-count"), info: byId("f-task-info"),
      fields: Array.from(form.querySelectorAll("[data-field]")).map(function (el) { return el.dataset.field; }),
    };
  }

  function idOf(field) { return "f-" + field.replace(".", "-"); }

  /* What each field's description says before any problem: its hint, kept after the problem's message. */
  function descriptions(ui) {
    var described = {};
    ui.fields.forEach(function (field) {
      var el = field === "status" ? byId("f-status") : byId(idOf(field));
      described[field] = el.getAttribute("aria-describedby") || "";
    });
    return described;
  }

  /* Each task's words as the filter box matches them: a clerk finds the tasks of the unit by its name, too. */
  function taskWords(rules, tasks, units) {
    var words = {};
    Object.keys(tasks).forEach(function (id) {
      var t = tasks[id];
      var names = t.lead.concat(t.coordinating).map(function (u) { return units[u] ? units[u].name + " " + units[u].short : ""; });
      words[id] = common.spaced([t.id, t.summary, t.text].concat(names).join(" "));
    });
    return words;
  }

  /* The task list, cut to the tasks the filter's words match; the task already chosen stays. */
  function fillTasks(ui, state) {
    var phrase = common.spaced(clean(ui.filter.value)).trim();
    var chosen = ui.task.value;
    var matching = 0;
    ui.task.textContent = "";
    ui.task.appendChild(option("", "— Chọn nhiệm vụ —"));
    state.rules.sections.forEach(function (s) {
      var group = document.createElement("optgroup");
      group.label = "Phần " + s.id + ". " + s.title;
      s.tasks.forEach(function (t) {
        var matches = common.hasPhrase(state.words[t.id], phrase);
        if (matches) matching += 1;
        if (matches || t.id === chosen) group.appendChild(option(t.id, t.id + " — " + t.summary));
      });
      if (group.children.length) ui.task.appendChild(group);
    });
    ui.task.value = chosen;
    ui.count.textContent = phrase ? "Có " + matching + " trên " + state.total + " nhiệm vụ khớp với từ đã gõ." : "";
  }

  /* The unit list: the units taking part in the chosen task first, then the others. */
  function fillUnits(ui, state) {
    var chosen = ui.unit.value;
    var task = state.tasks[ui.task.value];
    var first = task ? task.takes_part.filter(function (id) { return state.units[id]; }) : [];
    ui.unit.textContent = "";
    ui.unit.appendChild(option("", "— Chọn đơn vị —"));
    var mine = document.createElement("optgroup");
    mine.label = task ? "Chủ trì, phối hợp nhiệm vụ " + task.id : "Đơn vị";
    first.forEach(function (id) { mine.appendChild(option(id, state.units[id].name)); });
    var others = document.createElement("optgroup");
    others.label = task ? "Đơn vị khác" : "Tất cả đơn vị";
    state.rules.units.forEach(function (u) { if (first.indexOf(u.id) < 0) others.appendChild(option(u.id, u.name)); });
    if (mine.children.length) ui.unit.appendChild(mine);
    ui.unit.appendChild(others);
    ui.unit.value = chosen;
    showTask(ui, task, state.units);
  }

  /* The chosen task in full, since a phone's list cuts it short: its words, then who leads and coordinates. */
  function showTask(ui, task, units) {
    function line(label, text) {
      var p = document.createElement("p");
      if (label) {
        var strong = document.createElement("strong");
        strong.textContent = label;
        p.appendChild(strong);
      }
      p.appendChild(document.createTextNode(text));
      ui.info.appendChild(p);
    }
    function names(ids) { return ids.map(function (id) { return units[id].name; }).join("; ") || "(văn bản không ghi)"; }
    ui.info.textContent = "";
    if (!task) return;
    line("", task.id + ": " + task.summary);
    line("Chủ trì: ", names(task.lead));
    line("Phối hợp: ", names(task.coordinating));
  }

  function values(ui) {
    var v = {};
    ui.fields.forEach(function (name) {
      if (name === "status") {
        var checked = ui.form.querySelector("input[name=status]:checked");
        v.status = checked ? checked.value : "";
      } else v[name] = ui.form.elements[name].value;
    });
    return v;
  }

  /* A field's problem shows once the clerk has been to the field (or asked for the file); a warning at once;
     a character nobody can see as soon as it is typed or pasted: the clerk cannot find it alone. */
  function show(ui, state, field, problems, touchedNow) {
    var id = idOf(field);
    var box = ui.form.querySelector("[data-field='" + field + "']");
    var error = byId(id + "-error"), warning = byId(id + "-warning");
    var radios = field === "status" ? Array.from(ui.form.querySelectorAll("input[name=status]")) : [];
    var control = field === "status" ? box : byId(id);
    var errors = problems.filter(function (p) { return p.severity === "error"; });
    var err = errors.filter(function (p) { return p.rule === "invisible"; })[0] || errors[0];
    var warn = problems.filter(function (p) { return p.severity === "warning"; })[0];
    var visible = Boolean(err) && (state.submitted || touchedNow || err.rule === "invisible");
    error.hidden = !visible;
    error.textContent = visible ? message(err, state.rules) : "";
    if (warning) {
      warning.hidden = !warn;
      warning.textContent = warn ? message(warn, state.rules) : "";
    }
    var ids = [visible ? error.id : "", warn ? warning.id : "", state.described[field]].filter(Boolean).join(" ");
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

  /* Once the clerk asked for the file: every error, each a link to its field. */
  function showSummary(ui, state, errors) {
    var list = ui.summary.querySelector("ul");
    list.textContent = "";
    ui.summary.hidden = !(state.submitted && errors.length);
    if (ui.summary.hidden) return;
    byId("kh-form-summary-title").textContent = "Chưa lập được tệp: còn " + errors.length + " chỗ cần sửa, đánh dấu đỏ bên dưới.";
    errors.forEach(function (p) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      var field = fieldOf(p);
      a.href = "#" + (field === "status" ? "f-status-" + state.rules.schema.properties.status.enum[0] : idOf(field));
      a.textContent = message(p, state.rules);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  /* The file as it will be saved, its name, and GitHub's editor holding it. */
  function showFile(report, rules) {
    var text = yamlOf(report, rules);
    var name = filename(report, rules);
    byId("kh-report-filename").textContent = name;
    byId("kh-report-yaml").textContent = text;
    var link = byId("kh-report-github");
    if (link) {
      var url = githubUrl(name, text, rules);
      link.href = url;
      byId("kh-report-long").hidden = url.length <= LONG_URL;
    }
    byId("kh-report-copied").textContent = "";
  }

  /* Check what is filled and show it; true when the file can be made. */
  function update(ui, state) {
    var v = values(ui);
    // Browsers show the date field in their own language's order (11/30/2026 in English): say it the Vietnamese way.
    byId("f-date-shown").textContent = validDate(v.date) ? "Ngày đã chọn: " + common.vnDate(v.date) + ". " : "";
    var report = reportOf(v);
    var problems = check(report, state.today, state.rules);
    ui.fields.forEach(function (field) {
      // Choosing the status that needs a reason shows at once that the reason is missing.
      var now = state.touched[field] || (field === "reason" && state.touched.status && v.status === state.rules.needs_reason);
      show(ui, state, field, problems.filter(function (p) { return fieldOf(p) === field; }), now);
    });
    var errors = problems.filter(function (p) { return p.severity === "error"; });
    showSummary(ui, state, errors);
    ui.result.hidden = errors.length > 0;
    ui.pending.hidden = errors.length === 0;
    if (errors.length) return false;
    showFile(report, state.rules);
    return true;
  }

  function listen(ui, state) {
    function touch(event) { if (event.target.name) state.touched[event.target.name] = true; }
    ui.form.addEventListener("input", function (event) {
      if (event.target === ui.filter) fillTasks(ui, state); else update(ui, state);
    });
    ui.form.addEventListener("change", function (event) {
      if (event.target === ui.filter) return;
      touch(event);
      if (event.target === ui.task) fillUnits(ui, state);
      update(ui, state);
    });
    ui.form.addEventListener("focusout", function (event) {
      if (event.target !== ui.filter && event.target.name && event.target.value) touch(event);
      update(ui, state);
    });
    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      state.submitted = true;
      if (update(ui, state)) {
        ui.result.focus();
        ui.result.scrollIntoView({ block: "start" });
      } else ui.summary.focus();
    });
    ui.summary.addEventListener("click", function (event) {
      var a = event.target.closest("a");
      if (!a) return;
      event.preventDefault();
      var target = byId(a.getAttribute("href").slice(1));
      if (target) { target.focus(); target.scrollIntoView({ block: "center" }); }
    });
    byId("kh-report-copy").addEventListener("click", copyFile);
  }

  /* The file's text to the clipboard, or selected for Ctrl+C where the page may not write the clipboard. */
  function copyFile() {
    var code = byId("kh-report-yaml");
    var status = byId("kh-report-copied");
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
      navigator.clipboard.writeText(code.textContent).then(function () { status.textContent = "Đã sao chép nội dung tệp."; }, selected);
    } else selected();
  }

  /* What the page works with: the data, its tasks and units by id, and what the clerk has done so far. */
  function stateOf(form, rules) {
    var tasks = taskById(rules);
    var units = {};
    rules.units.forEach(function (u) { units[u.id] = u; });
    return {
      rules: rules, tasks: tasks, units: units, total: Object.keys(tasks).length,
      words: taskWords(rules, tasks, units), touched: {}, submitted: false,
      today: common.todayInVietnam() || form.dataset.today,
    };
  }

  function setUp(form, rules) {
    var ui = partsOf(form);
    var state = stateOf(form, rules);
    state.described = descriptions(ui);
    form.elements.date.max = state.today;
    form.elements.date.value = state.today;
    ui.page.querySelectorAll(".kh-example-id").forEach(function (el) { el.textContent = Object.keys(state.tasks)[0] || ""; });
    listen(ui, state);
    fillTasks(ui, state);
    // The task page's button names the task by its slug in the address.
    var wanted = new URLSearchParams(location.search).get(rules.task_param);
    Object.keys(state.tasks).forEach(function (id) { if (wanted && state.tasks[id].slug === wanted) ui.task.value = id; });
    if (wanted && ui.task.value) state.touched.task = true;
    fillUnits(ui, state);
    form.hidden = false;
    update(ui, state);
  }

  common.whenReady(function () {
    var form = byId("kh-report-form");
    if (!form) return;
    var loading = byId("kh-form-loading");
    common.loadJson(form.dataset.rules).then(function (rules) {
      loading.hidden = true;
      loading.textContent = "";
      setUp(form, rules);
    }).catch(function () {
      loading.hidden = true;
      byId("kh-form-failed").hidden = false;
    });
  });
})();
