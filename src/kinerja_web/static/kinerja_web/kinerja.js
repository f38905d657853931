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

// The header's Menu button (base.html): on a phone the menu panel is closed until tapped, so the
// header stays one line high; without this script the button stays hidden and the panel open.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var header = document.querySelector("[data-menu]");
    var button = header && header.querySelector(".menu-toggle");
    if (!button) return;
    button.hidden = false;
    header.classList.add("menu-closed");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("menu-closed", !open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        header.classList.add("menu-closed");
        button.focus();
      }
    });
  });
})();
