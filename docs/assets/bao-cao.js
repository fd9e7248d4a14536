/*
 * "Báo cáo tiến độ": the link was built with the site's build date; at the
 * click, put today's date in Vietnam (kh-common.js) in the file name and
 * in the report, so a clerk never files a report dated in the past by mistake.
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.kh-report[data-ref-date]");
    if (!link) return;
    var built = link.getAttribute("data-ref-date");
    var today = window.khCommon.todayInVietnam();
    if (today && today !== built) {
      link.href = link.href.split(built).join(today);
      link.setAttribute("data-ref-date", today);
    }
  }, true);
})();
