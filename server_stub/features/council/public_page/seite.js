// The public page of a council session: the public agenda, the current item and the results, read from
// stand.json every two seconds. Everything is set as text (never as HTML): titles come from people.
"use strict";
(function () {
  const body = document.body.dataset.body;
  const $ = (id) => document.getElementById(id);
  let last = "";

  function text(tag, content, cls) {
    const el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function render(stand) {
    if (!stand.running) {
      $("status").textContent = "Zurzeit findet keine öffentliche Sitzung statt.";
      $("session-title").textContent = "";
      $("current").textContent = "–";
      $("agenda").replaceChildren();
      $("results").replaceChildren();
      $("no-results").hidden = false;
      $("vote-running").hidden = true;
      return;
    }
    $("status").textContent = "Die Sitzung läuft.";
    $("session-title").textContent = stand.title;
    const items = stand.agenda.map((item) => {
      const li = text("li", item.number + " " + item.title, item.index === stand.current ? "now" : "");
      if (item.index === stand.current) li.setAttribute("aria-current", "step");
      return li;
    });
    $("agenda").replaceChildren(...items);
    const current = stand.agenda.find((item) => item.index === stand.current);
    $("current").textContent = current ? current.number + " " + current.title
      : (stand.non_public_now ? "Nichtöffentlicher Teil" : "–");
    $("vote-running").hidden = !stand.vote_running;
    const results = stand.results.map((r) => {
      const li = document.createElement("li");
      li.append(text("span", r.question + ": "));
      li.append(text("span", r.carried ? "angenommen" : "abgelehnt", r.carried ? "carried" : "rejected"));
      li.append(text("span", " (" + plural(r.yes, "Ja-Stimme", "Ja-Stimmen") + ", " +
        plural(r.no, "Nein-Stimme", "Nein-Stimmen") + ", " + plural(r.abstain, "Enthaltung", "Enthaltungen") + ")"));
      return li;
    });
    $("results").replaceChildren(...results);
    $("no-results").hidden = results.length > 0;
  }

  async function poll() {
    try {
      const response = await fetch("/oeffentlich/" + encodeURIComponent(body) + "/stand.json", {cache: "no-store"});
      if (response.ok) {
        const raw = await response.text();
        if (raw !== last) {
          last = raw;
          render(JSON.parse(raw));
        }
      } else {
        $("status").textContent = "Die Sitzung ist gerade nicht erreichbar. Die Seite versucht es weiter.";
      }
    } catch (e) {
      $("status").textContent = "Keine Verbindung. Die Seite versucht es weiter.";
    }
    setTimeout(poll, 2000);
  }
  poll();
})();
