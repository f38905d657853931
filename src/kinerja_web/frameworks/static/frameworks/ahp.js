// Suggestion buttons of the AHP page: set the judgments they name, unsaved, and let htmx
// refresh the live analysis. A button carries data-apply-set="pair_1_2=3;pair_2_3=1/5" (one
// suggestion or a set of changes; data-apply-field/-value for a single one also work).
// Without JavaScript the button submits the form instead and the server applies the changes
// (still unsaved).
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-apply-set], button[data-apply-field]");
  if (!button) return;
  var assignments = button.dataset.applySet
    ? button.dataset.applySet.split(";")
    : [button.dataset.applyField + "=" + button.dataset.applyValue];
  var fields = [];
  assignments.forEach(function (assignment) {
    var cut = assignment.indexOf("=");
    if (cut < 0) return;
    var field = document.getElementById("id_" + assignment.slice(0, cut));
    if (field) fields.push([field, assignment.slice(cut + 1)]);
  });
  if (!fields.length) return;
  event.preventDefault();
  fields.forEach(function (pair) { pair[0].value = pair[1]; });
  fields[fields.length - 1][0].dispatchEvent(new Event("change", { bubbles: true }));
  fields[0][0].focus();
});
