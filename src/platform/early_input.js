// While the wasm loads, the static copy's image input already answers: a picture chosen,
// dropped or pasted is kept and handed to the app when it starts
// (src/platform/static_first_screen.rs). Trunk inlines this file into index.html, where
// scripts/csp.py allows it by its hash.
(function () {
  var copy = document.getElementById("static-first-screen");
  var picker = document.getElementById("input-image");
  if (!copy || !picker) return;
  var kept = null;
  function deliver(file) {
    if (!file) return;
    if (window.angleshotAcceptFile) return window.angleshotAcceptFile(file);
    kept = file;
    var status = copy.querySelector(".upload-state");
    if (status) status.textContent = "Kept “" + file.name + "”: it opens as soon as Angleshot has loaded.";
  }
  copy.querySelectorAll("header, main > :not(.input), .input > :not(.dropzone):not(.upload-state)").forEach(function (part) { part.inert = true; });
  copy.inert = false;
  picker.addEventListener("change", function () { deliver(picker.files && picker.files[0]); });
  function carriesFiles(event) { return !!event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0; }
  addEventListener("dragover", function (event) { if (carriesFiles(event)) event.preventDefault(); });
  addEventListener("drop", function (event) {
    if (event.defaultPrevented || !carriesFiles(event)) return;
    // Once the app runs, its drop zone takes its own drops (Leptos may hear them after this).
    if (window.angleshotAcceptFile && event.target.closest && event.target.closest(".dropzone")) return;
    event.preventDefault();
    deliver(event.dataTransfer.files[0]);
  });
  addEventListener("paste", function (event) {
    if (window.angleshotAcceptFile) return; // the app's own paste handler has it
    var files = event.clipboardData && event.clipboardData.files;
    if (files && files.length) { event.preventDefault(); deliver(files[0]); }
  });
  window.angleshotEarlyFile = function () { var file = kept; kept = null; return file; };
  performance.mark("angleshot-early-input"); // the bench: when the copy takes a picture
})();
