// Progressive enhancement of the achievement form (it works without this script):
// the skill search answers in place, keeping what was typed, and the criteria preview
// is fetched without submitting the form. HTML fragments come from the server, escaped there.
(function () {
  "use strict";
  var design = document.getElementById("design");
  var search = document.getElementById("skill-search");
  var results = document.getElementById("skill-results");
  if (!design || !search || !results) {
    return;
  }
  var csrf = design.querySelector("input[name=_csrf]").value;

  function keepTicked() {
    var ticked = results.querySelectorAll("input[name=skillIds]:checked");
    if (ticked.length === 0) {
      return;
    }
    var list = document.getElementById("chosen-skills");
    if (!list) {
      list = document.createElement("ul");
      list.id = "chosen-skills";
      list.className = "choices";
      results.parentNode.insertBefore(list, document.getElementById("q").previousElementSibling);
    }
    ticked.forEach(function (input) {
      list.appendChild(input.closest("li"));
    });
  }

  search.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("q").value;
    fetch("/app/skills/options?q=" + encodeURIComponent(query), { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        keepTicked();
        results.innerHTML = html;
      })
      .catch(function () {
        search.submit();
      });
  });

  var previewButton = document.getElementById("preview-button");
  var preview = document.getElementById("criteria-preview");
  previewButton.addEventListener("click", function (event) {
    event.preventDefault();
    var body = new URLSearchParams();
    body.append("_csrf", csrf);
    body.append("criteriaNarrative", document.getElementById("criteriaNarrative").value);
    fetch("/app/achievements/criteria-preview", {
      method: "POST",
      credentials: "same-origin",
      body: body
    })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        preview.innerHTML = "<h2>Criteria preview</h2>" + html;
      })
      .catch(function () {
        preview.textContent = "The preview is not available right now.";
      });
  });
})();
