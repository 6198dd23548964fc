// Drag-and-drop upload on the import page: dropping a file fills the form's file input.
document.addEventListener("DOMContentLoaded", () => {
  const zone = document.querySelector(".dropzone");
  if (!zone) return;
  const input = zone.querySelector("input[type=file]");
  const name = zone.querySelector(".filename");
  zone.addEventListener("click", e => { if (e.target !== input) input.click(); });
  ["dragenter", "dragover"].forEach(t => zone.addEventListener(t, e => { e.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach(t => zone.addEventListener(t, e => { e.preventDefault(); zone.classList.remove("over"); }));
  zone.addEventListener("drop", e => { if (e.dataTransfer.files.length) { input.files = e.dataTransfer.files; name.textContent = input.files[0].name; } });
  input.addEventListener("change", () => { if (input.files.length) name.textContent = input.files[0].name; });
});
