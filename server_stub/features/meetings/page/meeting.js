// A meeting in the browser, for a guest with an invitation: join with a name, then publish camera and
// microphone and receive the others through the administration's conference server. All signalling goes
// over this page's own socket to the backend; the page never talks to the conference server's API.
// Everything shown from the server goes in as text (textContent), never as HTML.
"use strict";
(function () {
  const cfg = JSON.parse(document.getElementById("cfg").textContent);
  const T = cfg.texts;
  const $ = (id) => document.getElementById(id);
  const GALLERY = 8;  // the others' tiles; my own picture is in the bar (nine faces in all)
  const state = {
    phase: "start", me: "", epoch: -1, name: "", ice: [], members: new Map(), subs: new Map(),
    pub: null, local: null, audio: true, video: true, speaking: false, slots: [], lastSpoke: new Map(), tick: 0,
  };
  window.dvzMeeting = state;  // for the end-to-end test: what the page is doing

  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  let ws = null;
  let retries = 0;
  const send = (msg) => { if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg)); };
  const notice = (text) => { $("notice").textContent = text; };

  function show(phase) {
    state.phase = phase;
    $("join").hidden = phase !== "start";
    $("meeting").hidden = phase !== "joined" && phase !== "paused";
  }

  function open() {
    ws = new WebSocket(scheme + location.host + "/besprechung-gast");
    ws.addEventListener("open", () => { if (state.name) join(); });  // after a lost connection: join again
    ws.addEventListener("message", (event) => { retries = 0; receive(JSON.parse(event.data)); });
    ws.addEventListener("close", () => {
      if (!state.name || state.phase === "ended" || state.phase === "removed") return;
      closeMedia();
      if (retries >= 8) { notice(T.connection_lost); return; }
      notice(T.reconnecting);
      retries += 1;
      setTimeout(open, Math.min(10000, 500 * 2 ** retries));
    });
  }

  function join() {
    send({ type: "meeting_guest_join", token: cfg.token, name: state.name, privacy_accepted: true,
           language: cfg.lang });
  }

  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!$("privacy").checked) return;
    state.name = $("name").value.trim();
    notice("");
    join();
  });
  $("leave").addEventListener("click", () => {
    send({ type: "meeting_guest_leave" });
    state.phase = "ended";
    closeMedia();
    if (state.local) state.local.getTracks().forEach((track) => track.stop());
    show("ended");
    notice(T.ended);
  });
  $("mic").addEventListener("click", () => { state.audio = !state.audio; applyDevices(); });
  $("cam").addEventListener("click", () => { state.video = !state.video; applyDevices(); });

  function applyDevices() {
    if (state.local) {
      state.local.getAudioTracks().forEach((track) => { track.enabled = state.audio; });
      state.local.getVideoTracks().forEach((track) => { track.enabled = state.video; });
    }
    for (const [button, on, yes, no] of [["mic", state.audio, T.mic_off, T.mic_on], ["cam", state.video, T.cam_off, T.cam_on]]) {
      $(button).setAttribute("aria-pressed", String(on));
      $(button).setAttribute("aria-label", on ? yes : no);
    }
    mediaState();
  }

  function mediaState() {
    send({ type: "meeting_guest_media", audio: state.audio && !!state.local, video: state.video && !!state.local,
           speaking: state.speaking && state.audio });
  }

  async function localMedia() {
    if (state.local !== null) return state.local;
    try {
      state.local = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
      $("local").srcObject = state.local;
      watchSpeaking(state.local);
    } catch (err) {
      notice(T.no_camera);
      state.local = false;
    }
    applyDevices();
    return state.local;
  }

  function watchSpeaking(stream) {  // the speaking ring the others see around my tile
    try {
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        const rms = Math.sqrt(samples.reduce((sum, x) => sum + x * x, 0) / samples.length);
        const speaking = state.audio && rms > 0.02;
        if (speaking !== state.speaking) { state.speaking = speaking; mediaState(); }
      }, 300);
    } catch (err) { /* no audio analysis in this browser: no speaking ring */ }
  }

  const rtcConfig = () => ({ iceServers: state.ice, bundlePolicy: "max-bundle" });

  function gathered(pc) {  // every candidate in the description: the server side needs no trickle
    return new Promise((resolve) => {
      if (pc.iceGatheringState === "complete") return resolve();
      pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
      setTimeout(resolve, 3000);
    });
  }

  async function publish(epoch) {
    const local = await localMedia();
    if (!local || epoch !== state.epoch) return;  // nothing to send: the others still reach me
    const pc = new RTCPeerConnection(rtcConfig());
    state.pub = pc;
    for (const track of [...local.getAudioTracks(), ...local.getVideoTracks()]) {
      pc.addTransceiver(track, { direction: "sendonly", streams: [local] });
    }
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    if (epoch === state.epoch && state.pub === pc) send({ type: "meeting_guest_publish", sdp: pc.localDescription.sdp });
  }

  function closeMedia() {
    if (state.pub) state.pub.close();
    state.pub = null;
    for (const sub of state.subs.values()) {
      if (sub.pc) sub.pc.close();
      if (sub.audio) sub.audio.remove();
    }
    state.subs.clear();
    state.epoch = -1;
  }

  // The gallery: the most recent speakers, and nobody moves but who is replaced (as in the desktop app).
  function updateGallery() {
    state.tick += 1;
    const ids = [...state.members.keys()].filter((id) => id !== state.me);
    for (const id of ids) if (state.members.get(id).speaking) state.lastSpoke.set(id, state.tick);
    state.slots = state.slots.filter((id) => state.members.has(id) && id !== state.me);
    const spoke = (id) => state.lastSpoke.get(id) || 0;
    const waiting = ids.filter((id) => !state.slots.includes(id))
      .sort((a, b) => spoke(b) - spoke(a) || ids.indexOf(a) - ids.indexOf(b));
    while (waiting.length && state.slots.length < GALLERY) state.slots.push(waiting.shift());
    for (const id of waiting) {
      if (!state.members.get(id).speaking) continue;
      const quiet = state.slots.map((slot, index) => [slot, index]).filter(([slot]) => !state.members.get(slot).speaking);
      if (!quiet.length) break;
      quiet.sort((a, b) => spoke(a[0]) - spoke(b[0]));
      state.slots[quiet[0][1]] = id;
    }
  }

  function syncSubscriptions() {
    const shown = new Set(state.slots);
    for (const [id, member] of state.members) {
      if (id === state.me || !member.publishing) continue;
      const wantVideo = shown.has(id) && member.video;
      let sub = state.subs.get(id);
      if (!sub) {
        sub = { pc: null, audio: null, video: null, videoAsked: wantVideo, videoOn: wantVideo, pending: true, chain: Promise.resolve() };
        state.subs.set(id, sub);
        send({ type: "meeting_guest_subscribe", member_id: id, video: wantVideo });
      } else if (sub.pending) {
        continue;
      } else if (wantVideo && !sub.videoAsked) {
        sub.videoAsked = sub.videoOn = sub.pending = true;
        send({ type: "meeting_guest_subscribe", member_id: id, video: true });
      } else if (sub.videoAsked && sub.videoOn !== wantVideo) {
        sub.videoOn = wantVideo;  // a tile out of sight: paused at the server, back without renegotiating
        send({ type: "meeting_guest_video", member_id: id, on: wantVideo });
      }
    }
    for (const [id, sub] of state.subs) {
      const member = state.members.get(id);
      if (!member || !member.publishing) {
        if (sub.pc) sub.pc.close();
        if (sub.audio) sub.audio.remove();
        state.subs.delete(id);
      }
    }
  }

  function answerOffer(msg) {
    const id = msg.member_id;
    let sub = state.subs.get(id);
    if (!sub) return;
    sub.chain = sub.chain.then(async () => {
      if (!sub.pc) {
        sub.pc = new RTCPeerConnection(rtcConfig());
        sub.pc.ontrack = (event) => {
          if (event.track.kind === "audio") {
            sub.audio = document.createElement("audio");
            sub.audio.autoplay = true;
            sub.audio.srcObject = new MediaStream([event.track]);
            document.body.appendChild(sub.audio);
          } else {
            sub.video = new MediaStream([event.track]);
            render();
          }
        };
      }
      await sub.pc.setRemoteDescription({ type: "offer", sdp: msg.sdp });
      await sub.pc.setLocalDescription(await sub.pc.createAnswer());
      await gathered(sub.pc);
      send({ type: "meeting_guest_answer", member_id: id, sdp: sub.pc.localDescription.sdp });
      sub.pending = false;
      syncSubscriptions();
    }).catch(() => { sub.pending = false; });
  }

  function initials(name) {
    return name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0].toUpperCase()).join("");
  }

  function render() {
    const gallery = $("gallery");
    gallery.replaceChildren();
    for (const id of state.slots) {
      const member = state.members.get(id);
      if (!member) continue;
      const tile = document.createElement("div");
      tile.className = "tile" + (member.speaking ? " speaking" : "");
      tile.dataset.member = id;
      const sub = state.subs.get(id);
      if (member.video && sub && sub.video) {
        const video = document.createElement("video");
        video.autoplay = true;
        video.muted = true;
        video.playsInline = true;
        video.srcObject = sub.video;
        tile.appendChild(video);
      } else {
        const face = document.createElement("div");
        face.className = "initials";
        face.textContent = initials(member.name);
        tile.appendChild(face);
      }
      const plate = document.createElement("span");
      plate.className = "plate";
      plate.textContent = member.name + (member.guest ? " (" + T.guest + ")" : "") + (member.audio ? "" : " – " + T.muted);
      tile.appendChild(plate);
      gallery.appendChild(tile);
    }
    const people = $("people");
    people.replaceChildren();
    for (const member of state.members.values()) {
      const item = document.createElement("li");
      item.textContent = (member.member_id === state.me ? T.you + ": " : "") + member.name
        + (member.guest ? " (" + T.guest + ")" : "") + (member.audio ? "" : " – " + T.muted)
        + (member.video ? "" : " – " + T.camera_off);
      people.appendChild(item);
    }
  }

  function receive(msg) {
    if (msg.type === "meeting_guest_state") {
      state.ice = msg.ice_servers || [];
      if (msg.state === "waiting") { show("start"); $("join").hidden = true; notice(T.waiting); closeMedia(); return; }
      if (msg.state === "ended" || msg.state === "removed") {
        closeMedia();
        if (state.local) state.local.getTracks().forEach((track) => track.stop());
        show(msg.state);
        notice(T[msg.state]);
        return;
      }
      state.me = msg.me;
      state.members = new Map(msg.members.map((member) => [member.member_id, member]));
      if (msg.state === "paused") { closeMedia(); show("paused"); notice(T.paused); render(); return; }
      if (state.phase !== "joined") { show("joined"); notice(""); }
      if (msg.epoch !== state.epoch) {  // a new room on the conference server: publish and receive anew
        closeMedia();
        state.epoch = msg.epoch;
        publish(msg.epoch);
      }
      updateGallery();
      syncSubscriptions();
      render();
    } else if (msg.type === "meeting_guest_sdp") {
      if (msg.member_id === null) {
        if (state.pub) state.pub.setRemoteDescription({ type: "answer", sdp: msg.sdp });
      } else {
        answerOffer(msg);
      }
    } else if (msg.type === "meeting_guest_error") {
      notice(cfg.lang === "en" ? msg.message_en : msg.message_de);
      if (msg.code === "not_publishing") {  // asked too early: ask again with the next state
        for (const [id, sub] of state.subs) if (sub.pending && !sub.pc) state.subs.delete(id);
      }
      if (msg.code === "unknown_invite") { state.name = ""; show("start"); }
    }
  }

  // What the end-to-end test reads: per member, the video frames decoded and the audio energy received.
  state.received = async function () {
    const found = {};
    for (const [id, sub] of state.subs) {
      if (!sub.pc) continue;
      const got = { frames: 0, energy: 0, packets: 0 };
      (await sub.pc.getStats()).forEach((report) => {
        if (report.type !== "inbound-rtp") return;
        if (report.kind === "video") got.frames += report.framesDecoded || 0;
        if (report.kind === "audio") { got.energy += report.totalAudioEnergy || 0; got.packets += report.packetsReceived || 0; }
      });
      found[id] = got;
    }
    return found;
  };

  open();
})();
