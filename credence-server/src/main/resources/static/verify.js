// Progressive enhancement of the "Verify this credential" form: post it with fetch, ask for JSON
// and render the report in place. Without JavaScript the form posts and the page comes back with
// the same report.
(function () {
  "use strict";
  var form = document.getElementById("verify-form");
  var target = document.getElementById("verification");
  if (!form || !target || !window.fetch) {
    return;
  }
  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    target.textContent = "Verifying…";
    fetch(form.action, {
      method: "POST",
      headers: { "Accept": "application/json" },
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    }).then(function (report) {
      target.textContent = "";
      target.appendChild(element("p", "verdict " + report.outcome, report.headline));
      if (report.explanation) {
        target.appendChild(element("p", "explanation", report.explanation));
      }
      var list = element("ul", "checks");
      report.checks.forEach(function (check) {
        var item = element("li", "check " + check.style);
        item.appendChild(element("strong", null, check.label + ": " + check.result));
        item.appendChild(document.createTextNode(" — " + check.message));
        list.appendChild(item);
      });
      target.appendChild(list);
    }).catch(function () {
      form.submit();
    });
  });
})();
