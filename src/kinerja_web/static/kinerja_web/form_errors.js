// A refused save, on every form: the summary at the top of the page lists each error (with a
// link to its field) and the first field in error is scrolled to and focused, so a phone user
// never takes a refused save for a saved one. The summary is templates/includes/error_summary.html
// (included by base.html); the errors are Django's <ul class="errorlist">, wherever a page puts them.
(function () {
  "use strict";
  var FIELDS = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

  function fieldOf(list) {
    // Django 5.2 names the list id_<field>_error and the widget points at it (aria-describedby).
    if (list.id) {
      var described = document.querySelector('[aria-describedby~="' + CSS.escape(list.id) + '"]');
      if (described) return described;
    }
    // Otherwise the field in the same box: the list's container, then its parents, up to the form.
    var box = list.parentElement;
    while (box && box.tagName !== "FORM" && box.tagName !== "MAIN") {
      var field = box.querySelector(FIELDS);
      if (field) return field;
      box = box.parentElement;
    }
    return null;
  }

  function labelOf(field) {
    if (!field) return "";
    var group = field.closest("[role=radiogroup], fieldset");
    if ((field.type === "radio" || field.type === "checkbox") && group) {
      var legend = group.getAttribute("aria-label") || (group.querySelector("legend") || {}).textContent;
      if (legend) return legend.trim();
    }
    if (field.labels && field.labels.length) return field.labels[0].textContent.trim().replace(/:$/, "");
    return (field.getAttribute("aria-label") || "").trim();
  }

  function show(summary) {
    var lists = Array.prototype.filter.call(document.querySelectorAll("main .errorlist"), function (list) {
      return !summary.contains(list) && list.textContent.trim() !== "";
    });
    if (!lists.length) return;
    var items = summary.querySelector(".error-summary-list");
    var first = null;
    lists.forEach(function (list, index) {
      var field = fieldOf(list);
      if (field && !field.id) field.id = "field-in-error-" + index;
      if (field && !first) first = field;
      var label = labelOf(field);
      Array.prototype.forEach.call(list.querySelectorAll("li"), function (error) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + (field ? field.id : (list.id || (list.id = "errors-" + index)));
        link.textContent = (label ? label + ": " : "") + error.textContent.trim();
        link.addEventListener("click", function (event) {
          var target = field || list;
          event.preventDefault();
          target.scrollIntoView({ block: "center" });
          if (target.focus) target.focus({ preventScroll: true });
        });
        item.appendChild(link);
        items.appendChild(item);
      });
    });
    summary.hidden = false;
    var target = first || summary;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary][data-refused]");
    if (summary) show(summary);
  });
})();
