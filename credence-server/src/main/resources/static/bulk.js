// Progressive enhancement for /app/bulk/{id}: polls the job's progress while it runs.
(function () {
  var bar = document.getElementById("progress");
  if (!bar || bar.dataset.finished === "true") {
    return;
  }
  function poll() {
    fetch(bar.dataset.url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (p) {
        bar.value = p.percent;
        bar.textContent = p.percent + "%";
        document.getElementById("percent").textContent = p.percent + "%";
        document.getElementById("issued").textContent = p.issued;
        document.getElementById("failed-count").textContent = p.failed;
        document.getElementById("state").textContent = p.state;
        if (p.state === "completed" || p.state === "failed" || p.state === "cancelled") {
          window.location.reload();
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
