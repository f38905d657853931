// Site-wide behaviour, loaded by base.html. No inline scripts or handlers anywhere: the
// Content-Security-Policy allows scripts from this site only (src/kinerja_web/README.md).
//
// <form data-confirm="Question?">: asks before submitting (the old onsubmit="return confirm()").
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
})();
