// The AHP judgments page (frameworks and the competency levers).
//
// Suggestion buttons: set the judgments they name, unsaved, and let htmx refresh the live
// analysis. A button carries data-apply-set="pair_1_2=3;pair_2_3=1/5" (one suggestion or a set
// of changes; data-apply-field/-value for a single one also work). A pair is a row of radios
// (the verbal scale, frameworks/widgets.py) or a text input (the matrix). Without JavaScript,
// or when a value is not one of the row's steps, the button submits the form instead and the
// server applies the changes (still unsaved).
//
// The verbal scale's rows: the sentence under a row follows the chosen step, and a row that
// scrolls inside its box (a phone) starts with the chosen step in its middle.
(function () {
  "use strict";

  function centre(row) {
    if (row.scrollWidth <= row.clientWidth) return;
    var chosen = row.querySelector("input:checked") || row.querySelector(".side-equal input");
    if (!chosen) return;
    var step = chosen.closest("label");
    row.scrollLeft = step.offsetLeft - (row.clientWidth - step.offsetWidth) / 2;
  }

  function sayChosen(group) {
    var chosen = group.querySelector("input:checked");
    var target = group.querySelector("[data-scale-chosen]");
    if (target) target.textContent = chosen ? chosen.getAttribute("aria-label") : "";
  }

  // The field(s) of one pair: a text input, or the radio of the row whose value it is.
  function target(form, name, value) {
    var field = form.elements.namedItem(name);
    if (!field) return null;
    if (field.type === "text") return field;
    var radios = field.length !== undefined ? field : [field];
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].type === "radio" && radios[i].value === value) return radios[i];
    }
    return null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-apply-set], button[data-apply-field]");
    if (!button || !button.form) return;
    var assignments = button.dataset.applySet
      ? button.dataset.applySet.split(";")
      : [button.dataset.applyField + "=" + button.dataset.applyValue];
    var fields = [];
    for (var i = 0; i < assignments.length; i++) {
      var cut = assignments[i].indexOf("=");
      if (cut < 0) continue;
      var value = assignments[i].slice(cut + 1);
      var field = target(button.form, assignments[i].slice(0, cut), value);
      if (!field) return; // let the server apply it
      fields.push([field, value]);
    }
    if (!fields.length) return;
    event.preventDefault();
    fields.forEach(function (pair) {
      if (pair[0].type === "radio") {
        pair[0].checked = true;
        var group = pair[0].closest(".pair-scale");
        if (group) {
          sayChosen(group);
          centre(group.querySelector("[data-scale-row]"));
        }
      } else {
        pair[0].value = pair[1];
      }
    });
    fields[fields.length - 1][0].dispatchEvent(new Event("change", { bubbles: true }));
    fields[0][0].focus();
  });

  document.addEventListener("change", function (event) {
    var group = event.target.type === "radio" && event.target.closest(".pair-scale");
    if (group) sayChosen(group);
  });

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-scale-row]"), centre);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
