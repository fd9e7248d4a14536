/*
 * "Báo cáo tiến độ": the link was built with the site's build date; at the
 * click, put today's date in Vietnam (Asia/Ho_Chi_Minh) in the file name and
 * in the report, so a clerk never files a report dated in the past by mistake.
 */
(function () {
  "use strict";
  function todayInVietnam() {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.kh-report[data-ref-date]");
    if (!link) return;
    var built = link.getAttribute("data-ref-date");
    var today = todayInVietnam();
    if (/^\d{4}-\d{2}-\d{2}$/.test(today) && today !== built) {
      link.href = link.href.split(built).join(today);
      link.setAttribute("data-ref-date", today);
    }
  }, true);
})();
