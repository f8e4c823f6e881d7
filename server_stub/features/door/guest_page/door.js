// The digital door in the browser: queue up, wait, then talk to the clerk (WebRTC) and write.
// Everything shown from the server or the clerk goes in as text (textContent), never as HTML.
"use strict";
(function () {
  const cfg = JSON.parse(document.getElementById("cfg").textContent);
  const T = cfg.texts;
  const $ = (id) => document.getElementById(id);
  const state = { phase: "start", pc: null, local: null };
  window.dvz = state;  // for the end-to-end test: what the page is doing

  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  let ws = null;
  let retries = 0;
  const send = (msg) => { if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg)); };

  function show(phase) {
    state.phase = phase;
    $("join").hidden = true;
    $("request").hidden = true;
    $("wait").hidden = true;  // the page's first count is not the guest's own wait
    $("waiting").hidden = phase !== "waiting";
    $("visit").hidden = phase !== "admitted";
  }

  function notice(text) { $("notice").textContent = text; }

  // A lost connection (a network hiccup, the backend restarting) is taken up again by itself with the
  // visit's token: the guest keeps their place if they are back within the server's grace period.
  function open() {
    ws = new WebSocket(scheme + location.host + "/gast");
    ws.addEventListener("open", () => {
      const token = sessionStorage.getItem("dvz-visit");
      if (token) send({ type: "guest_resume", token: token });
    });
    ws.addEventListener("message", (event) => { retries = 0; receive(JSON.parse(event.data)); });
    ws.addEventListener("close", () => {
      if (state.phase !== "waiting" && state.phase !== "admitted") return;
      if (retries >= 8) { notice(T.connection_lost); return; }
      notice(T.reconnecting);
      retries += 1;
      setTimeout(open, Math.min(10000, 500 * 2 ** retries));
    });
  }

  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    notice("");
    send({ type: "guest_join", desk_id: cfg.desk_id, name: $("name").value, concern: $("concern").value,
           privacy_accepted: $("privacy").checked, language: cfg.lang });
  });
  $("request").addEventListener("submit", (event) => {
    event.preventDefault();
    send({ type: "guest_request", desk_id: cfg.desk_id, name: $("r-name").value, contact: $("r-contact").value,
           concern: $("r-concern").value, privacy_accepted: $("r-privacy").checked });
  });
  $("leave").addEventListener("click", () => send({ type: "guest_leave" }));
  $("hangup").addEventListener("click", () => send({ type: "guest_leave" }));
  $("say").addEventListener("submit", (event) => {
    event.preventDefault();
    const body = $("line").value.trim();
    if (body) send({ type: "guest_say", body: body });
    $("line").value = "";
  });

  function line(sender, body) {
    const li = document.createElement("li");
    li.className = sender;
    li.textContent = (sender === "clerk" ? T.clerk : T.you) + ": " + body;
    $("lines").appendChild(li);
  }

  async function startCall(iceServers) {
    const pc = new RTCPeerConnection({ iceServers: iceServers });
    state.pc = pc;
    pc.ontrack = (event) => { $("remote").srcObject = event.streams[0] || new MediaStream([event.track]); };
    try {
      state.local = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      state.local.getTracks().forEach((track) => pc.addTrack(track, state.local));
      $("local").srcObject = state.local;
    } catch (err) {
      notice(T.no_camera);
      pc.addTransceiver("audio", { direction: "recvonly" });
      pc.addTransceiver("video", { direction: "recvonly" });
    }
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise((resolve) => {  // all candidates in the offer: the clerk's side needs no trickle
      if (pc.iceGatheringState === "complete") return resolve();
      pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
      setTimeout(resolve, 3000);
    });
    send({ type: "guest_signal", sdp_type: "offer", sdp: pc.localDescription.sdp });
  }

  state.framesDecoded = async function () {
    if (!state.pc) return 0;
    let frames = 0;
    (await state.pc.getStats()).forEach((report) => {
      if (report.type === "inbound-rtp" && report.kind === "video") frames += report.framesDecoded || 0;
    });
    return frames;
  };

  function receive(msg) {
    if (msg.type === "guest_state") {
      if (state.phase === "waiting" || state.phase === "admitted") notice("");
      if (msg.token) sessionStorage.setItem("dvz-visit", msg.token);
      if (msg.state === "waiting") {
        show("waiting");
        const text = msg.estimated_minutes ? T.position : T.next;
        $("position").textContent = text.replace("%1", msg.position || 1).replace("%2", msg.estimated_minutes);
      } else if (msg.state === "admitted") {
        show("admitted");
        $("visit-title").textContent = T.talking_to.replace("%1", msg.clerk_name);
        if (!state.pc) startCall(msg.ice_servers || []);
      } else if (msg.state === "ended") {
        sessionStorage.removeItem("dvz-visit");
        show("ended");
        notice(T.ended);
        if (state.pc) state.pc.close();
        if (state.local) state.local.getTracks().forEach((track) => track.stop());
      } else if (msg.state === "requested") {
        show("requested");
        notice(T.requested);
      }
    } else if (msg.type === "guest_signal_event" && state.pc) {
      state.pc.setRemoteDescription({ type: msg.sdp_type, sdp: msg.sdp });
    } else if (msg.type === "guest_line") {
      line(msg.sender, msg.body);
    } else if (msg.type === "guest_error") {
      notice(cfg.lang === "en" ? msg.message_en : msg.message_de);
      if (msg.code === "visit_over") {
        sessionStorage.removeItem("dvz-visit");
        if (state.phase === "waiting" || state.phase === "admitted") {  // gone too long: queue again
          show("start");
          $("join").hidden = false;
        }
      }
    }
  }

  open();
})();
