// The verify page's forms work without JavaScript. This only tells screen readers and everyone else
// that the check is running, and stops a second submit while it does.
(function () {
  "use strict";
  var status = document.getElementById("verify-status");
  var forms = document.querySelectorAll("form.verify");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function () {
      if (status) {
        status.textContent = "Verifying…";
      }
      var button = form.querySelector("button[type=submit]");
      if (button) {
        button.disabled = true;
      }
    });
  });
})();
