// The day form: "everybody else present" marks every worker still on "–" as present.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector("[data-all-present]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    document.querySelectorAll('.seg input[value="present"]').forEach((input) => {
      const chosen = document.querySelector(`input[name="${input.name}"]:checked`);
      if (!chosen || chosen.value === "") input.checked = true;
    });
  });
});
