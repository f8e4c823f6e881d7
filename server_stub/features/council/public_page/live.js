// Picture and sound of a public session: the page watches the body on /oeffentlich-live and receives,
// never sends. One connection for every stream of the session; a new offer (someone started or stopped
// sending) replaces it. Texts are German, set as text.
"use strict";
(function () {
  const body = document.body.dataset.body;
  const $ = (id) => document.getElementById(id);
  const TEXTS = {
    no_media_server: "Bild und Ton werden nicht übertragen: Für diese Sitzungen ist kein Konferenzserver " +
      "eingerichtet. Tagesordnung und Abstimmungsergebnisse sehen Sie hier.",
    waiting: "Noch keine Übertragung: Bild und Ton erscheinen hier, sobald in der öffentlichen Sitzung gesendet wird.",
    non_public: "Nichtöffentlicher Teil: Bild und Ton sind unterbrochen.",
    unavailable: "Der Konferenzserver ist gerade nicht erreichbar. Die Seite versucht es weiter.",
    full: "Die Übertragung ist voll: Es können höchstens %1 Personen gleichzeitig zusehen. Tagesordnung und " +
      "Ergebnisse sehen Sie weiter hier; bitte laden Sie die Seite später neu.",
    connecting: "Verbindung zur Übertragung wird aufgebaut …",
    lost: "Die Verbindung zur Übertragung ist unterbrochen und wird wiederhergestellt …",
  };
  const state = { ws: null, pc: null, generation: 0, ice: [], errors: [], full: false, chain: Promise.resolve() };
  window.dvzPublic = state;

  function notice(text) { $("live-status").textContent = text; }

  function clearStage() {
    if (state.pc) { state.pc.close(); state.pc = null; }
    $("stage").replaceChildren();
    for (const audio of document.querySelectorAll("audio.live")) audio.remove();
    $("sound").hidden = true;
  }

  function playAudio(audio) {
    audio.play().catch(() => { $("sound").hidden = false; });  // the browser wants a click first
  }

  $("sound").addEventListener("click", () => {
    for (const audio of document.querySelectorAll("audio.live")) audio.play().catch(() => {});
    $("sound").hidden = true;
  });

  function gathered(pc) {  // every candidate in the answer: the server side needs no trickle
    return new Promise((resolve) => {
      if (pc.iceGatheringState === "complete") return resolve();
      pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
      setTimeout(resolve, 3000);
    });
  }

  function receive(offer) {
    state.chain = state.chain.then(async () => {
      if (offer.generation !== state.generation) return;  // a newer offer is on its way
      clearStage();
      const pc = new RTCPeerConnection({ iceServers: state.ice, bundlePolicy: "max-bundle" });
      state.pc = pc;
      let pictures = 0;
      pc.ontrack = (event) => {
        const stream = new MediaStream([event.track]);
        if (event.track.kind === "video") {
          pictures += 1;
          const video = document.createElement("video");
          video.autoplay = true;
          video.muted = true;
          video.playsInline = true;
          video.setAttribute("aria-label", "Bild " + pictures + " der Sitzung");
          video.srcObject = stream;
          $("stage").appendChild(video);
        } else {
          const audio = document.createElement("audio");
          audio.className = "live";
          audio.autoplay = true;
          audio.srcObject = stream;
          document.body.appendChild(audio);
          playAudio(audio);
        }
      };
      await pc.setRemoteDescription({ type: "offer", sdp: offer.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await gathered(pc);
      if (state.pc === pc) {
        state.ws.send(JSON.stringify({ type: "public_answer", generation: offer.generation, sdp: pc.localDescription.sdp }));
        notice("");
      }
    }).catch(() => notice(TEXTS.lost));
  }

  function handle(msg) {
    if (msg.type === "public_media") {
      state.ice = msg.ice_servers || [];
      state.generation = msg.generation;
      state.full = msg.state === "full";
      if (msg.state === "live") {
        notice(TEXTS.connecting);
      } else {
        state.chain = state.chain.then(clearStage);
        notice((TEXTS[msg.state] || "").replace("%1", String(msg.max_viewers)));
      }
    } else if (msg.type === "public_offer") {
      state.generation = msg.generation;
      receive(msg);
    } else if (msg.type === "public_error") {
      state.errors.push(msg.code);
    }
  }

  function open() {
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/oeffentlich-live");
    state.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: "public_watch", body_id: body }));
    ws.onmessage = (event) => handle(JSON.parse(event.data));
    ws.onclose = () => {
      clearStage();
      if (state.full) return;  // reloading is the viewer's choice
      notice(TEXTS.lost);
      setTimeout(open, 3000);
    };
  }

  // What the end-to-end test reads: the pictures' sizes and the sound received (from the statistics).
  state.received = async function () {
    const got = { videos: [...document.querySelectorAll("#stage video")].map((v) => [v.videoWidth, v.videoHeight]),
      frames: 0, audioSamples: 0, audioEnergy: 0 };
    if (state.pc) {
      (await state.pc.getStats()).forEach((report) => {
        if (report.type !== "inbound-rtp") return;
        if (report.kind === "video") got.frames += report.framesDecoded || 0;
        if (report.kind === "audio") { got.audioSamples += report.totalSamplesReceived || 0; got.audioEnergy += report.totalAudioEnergy || 0; }
      });
    }
    return got;
  };

  open();
})();
