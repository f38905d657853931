// Required levels on a phone: one role's column at a time, chosen in the "Role shown" select.
// Hidden columns stay in the form (they are only hidden), so saving keeps every role's levels.
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 40rem)");

  function apply(form) {
    var pick = form.querySelector("#role-pick");
    if (!pick) return;
    var holder = pick.closest(".role-pick");
    var cells = form.querySelectorAll("[data-role]");
    var areaRows = form.querySelectorAll("tr.area-row th");
    holder.hidden = !narrow.matches;
    cells.forEach(function (cell) {
      var hide = narrow.matches && cell.getAttribute("data-role") !== pick.value;
      cell.classList.toggle("role-hidden", hide);
    });
    areaRows.forEach(function (th) {
      th.colSpan = narrow.matches ? 2 : form.querySelectorAll("thead th[data-role]").length + 1;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.required-grid").forEach(function (form) {
      var pick = form.querySelector("#role-pick");
      if (!pick) return;
      pick.addEventListener("change", function () { apply(form); });
      narrow.addEventListener("change", function () { apply(form); });
      apply(form);
    });
  });
})();
