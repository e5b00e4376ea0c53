// Live progress without a reload: server-sent events for a running sync or import, and the export upload with an
// upload progress bar. Everything goes to PolarFlow's own web; the API key never reaches the browser.
(function () {
  "use strict";

  function follow(url, onData, onDone) {
    const source = new EventSource(url);
    source.onmessage = (e) => onData(JSON.parse(e.data));
    source.addEventListener("done", () => { source.close(); onDone && onDone(); });
    return source;
  }

  function syncLive(box) {
    const state = box.querySelector(".live-state");
    follow(box.dataset.live, (d) => {
      if (d.line) state.textContent = d.line;
      if (d.state) state.dataset.syncState = d.state;
      for (const t of d.types || []) {
        const row = box.querySelector('tr[data-type="' + t.dataType + '"]');
        if (!row) continue;
        row.cells[1].textContent = t.lastSuccessAt;
        row.cells[2].textContent = t.newestDate || "—";
        row.cells[3].textContent = t.state;
      }
    });
  }

  function upload(form) {
    const bar = form.querySelector("progress");
    const state = form.querySelector(".live-state");
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const file = form.querySelector('input[type="file"]').files[0];
      if (!file) { state.textContent = "Choose the export ZIP first."; return; }
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.dataset.upload);
      xhr.setRequestHeader("RequestVerificationToken", token);
      xhr.setRequestHeader("Content-Type", file.type || "application/zip");
      bar.hidden = false;
      bar.value = 0;
      state.dataset.importState = "Uploading";
      xhr.upload.onprogress = (p) => {
        if (!p.lengthComputable) return;
        bar.value = Math.round((100 * p.loaded) / p.total);
        state.textContent = "Uploading: " + bar.value + " %";
      };
      xhr.onload = () => {
        let body = {};
        try { body = JSON.parse(xhr.responseText); } catch (_) { /* not JSON: the status line says enough */ }
        if (xhr.status >= 400) {
          state.dataset.importState = "Refused";
          state.textContent = "Not imported: " + (body.title || xhr.statusText) + (body.detail ? ". " + body.detail : "");
          return;
        }
        bar.value = 0;
        state.textContent = "Uploaded; importing…";
        follow(form.dataset.liveBase + body.id, (d) => {
          state.dataset.importState = d.status;
          state.textContent = d.line;
          if (d.filesTotal) bar.value = Math.round((100 * d.filesDone) / d.filesTotal);
        });
      };
      xhr.onerror = () => { state.dataset.importState = "Refused"; state.textContent = "The upload did not reach PolarFlow. Try again."; };
      xhr.send(file);
    });
  }

  function start() {
    const box = document.getElementById("sync-live");
    if (box) syncLive(box);
    const form = document.getElementById("upload");
    if (form) upload(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
