// Suggestion buttons of the AHP page: set the judgment they name, unsaved, and let htmx
// refresh the live analysis. Without JavaScript the button submits the form instead and the
// server applies the suggestion (still unsaved).
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-apply-field]");
  if (!button) return;
  var field = document.getElementById("id_" + button.dataset.applyField);
  if (!field) return;
  event.preventDefault();
  field.value = button.dataset.applyValue;
  field.dispatchEvent(new Event("change", { bubbles: true }));
  field.focus();
});
