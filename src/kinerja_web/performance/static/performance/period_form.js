// The new-period form shows only the fields of the chosen kind (quarter, month or custom range);
// without JavaScript every field is shown and the server decides. A static file, not an inline
// script: the Content-Security-Policy allows scripts from this site only.
(function () {
  "use strict";
  var form = document.querySelector(".period-form");
  if (!form) {
    return;
  }
  function update() {
    var checked = form.querySelector("input[name=kind]:checked");
    var kind = checked ? checked.value : "quarter";
    form.querySelectorAll(".when-quarter, .when-month, .when-custom").forEach(function (el) {
      el.hidden = !el.classList.contains("when-" + kind);
    });
  }
  form.querySelectorAll("input[name=kind]").forEach(function (el) {
    el.addEventListener("change", update);
  });
  update();
})();
