// Chat widget: mounts on every element with [data-spectra-chat] (channel page panel, pop-out
// page, OBS overlay). Talks to /hubs/chat with the SignalR JSON protocol over WebSockets.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from "@microsoft/signalr";
import { el, renderMessage, describeSettings, renderPoll } from "./chat/render.js";
import { setupTabs } from "./ui/tabs.js";

const MAX_SHOWN = 150;
// Within this many pixels of the bottom the list follows new messages; further up it holds still.
const STICK_PX = 48;

function mount(root) {
  const channel = root.dataset.channel;
  const mode = root.dataset.mode || "panel";
  const readOnly = mode === "overlay";
  const part = (role) => root.querySelector('[data-role="' + role + '"]');
  const list = part("messages");
  const form = part("form");
  const input = part("input");
  const notice = part("notice");
  const viewers = part("viewers");
  const settingsLine = part("settings");
  const pollBox = part("poll");
  const reactionBar = part("reactions");
  const burstLayer = part("bursts");
  const qa = part("questions");
  const askForm = part("ask");
  const modTools = part("modtools");
  const pollTab = part("poll-tab");
  const jump = part("jump");
  const questionCount = part("question-count");
  const questionsEmpty = part("questions-empty");

  let me = null;
  let lastSeq = null;
  let joined = false;
  let buffered = [];
  let blocked = new Set();
  let settings = null;
  const questions = new Map();

  const connection = new HubConnectionBuilder()
    .withUrl(root.dataset.hub || "/hubs/chat", { skipNegotiation: true, transport: HttpTransportType.WebSockets })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 20000, 30000])
    .configureLogging(LogLevel.Warning)
    .build();

  function say(text, kind) {
    if (!notice) return;
    notice.textContent = text || "";
    notice.dataset.kind = kind || "info";
  }

  // Keeps the reader's place: at the bottom the list follows new messages; scrolled up, it stays put
  // and "New messages" offers the way back down.
  let following = true;
  const atBottom = () => list.scrollHeight - list.scrollTop - list.clientHeight <= STICK_PX;
  list.addEventListener("scroll", () => {
    following = atBottom();
    if (following && jump) jump.hidden = true;
  }, { passive: true });
  jump?.addEventListener("click", () => {
    following = true;
    jump.hidden = true;
    list.scrollTop = list.scrollHeight;
  });
  // A list that changes size (its tab shown again, a poll card above it) keeps following the bottom.
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => { if (following) list.scrollTop = list.scrollHeight; }).observe(list);
  }
  function settle(added) {
    if (following) {
      list.scrollTop = list.scrollHeight;
    } else if (added && jump) {
      jump.hidden = false;
    }
  }

  function trim() {
    // Trimming from the top while the reader is scrolled up would move what they read: keep more then.
    const limit = following ? MAX_SHOWN : MAX_SHOWN * 3;
    while (list.children.length > limit) list.firstElementChild.remove();
  }

  function addModerationTools(li, message) {
    if (readOnly || !me) return;
    const tools = el("span", "chat-tools");
    const button = (label, action, handler) => {
      const b = el("button", "chat-tool", label);
      b.type = "button";
      b.dataset.action = action;
      b.addEventListener("click", handler);
      tools.append(b);
    };
    if (me.canModerate) {
      button("Delete", "delete", () => call("DeleteMessage", channel, message.id, null));
      if (message.senderId !== me.userId) {
        button("Timeout", "timeout", () => call("TimeoutUser", channel, message.senderName, 600, null));
        button("Ban", "ban", () => call("BanUser", channel, message.senderName, null));
      }
    }
    if (message.senderId !== me.userId) {
      button("Report", "report", () => call("ReportMessage", channel, message.id, null).then(() => say("Reported. Thank you.")));
      button("Block", "block", () => call("BlockUser", message.senderName).then((id) => { blocked.add(id); hideSender(id); }));
    }
    li.append(tools);
  }

  function hideSender(userId) {
    for (const li of list.querySelectorAll('[data-sender="' + CSS.escape(userId) + '"]')) li.remove();
  }

  // Withheld messages (the sender and this user block each other) arrive without segments: skipped.
  function show(message) {
    if (blocked.has(message.senderId) || message.segments.length === 0) return;
    if (list.querySelector('[data-id="' + CSS.escape(message.id) + '"]')) return;
    const li = renderMessage(message, me);
    addModerationTools(li, message);
    list.append(li);
  }

  // Applies live messages in sequence order; drops ones already shown, resumes on a gap.
  function apply(batch) {
    for (const message of batch) {
      if (lastSeq !== null && message.seq <= lastSeq) continue;
      if (lastSeq !== null && message.seq > lastSeq + 1) {
        join(lastSeq);
        return;
      }
      show(message);
      lastSeq = message.seq;
    }
    trim();
    settle(batch.length > 0);
  }

  function applySettings(s) {
    settings = s;
    if (settingsLine) settingsLine.textContent = describeSettings(s);
    if (input) input.maxLength = s.maxMessageLength;
  }

  function renderQuestions() {
    if (!qa) return;
    const items = [...questions.values()]
      .filter((q) => q.state !== "dismissed")
      .sort((a, b) => (b.isPinned - a.isPinned) || ((a.state === "answered") - (b.state === "answered")) || (b.upvotes - a.upvotes));
    qa.replaceChildren(...items.map((q) => {
      const li = el("li", "chat-question chat-question-" + q.state);
      li.dataset.id = q.id;
      if (q.isPinned) li.classList.add("chat-question-pinned");
      li.append(el("span", "chat-sender", q.authorName), el("span", "chat-colon", ": "), el("span", "chat-text", q.text), el("span", "chat-question-votes", " ▲" + q.upvotes));
      li.querySelector(".chat-question-votes").setAttribute("aria-label", q.upvotes === 1 ? "1 upvote" : q.upvotes + " upvotes");
      if (me && !readOnly) {
        const up = el("button", "chat-tool", "Upvote");
        up.type = "button";
        up.addEventListener("click", () => call("UpvoteQuestion", channel, q.id));
        li.append(up);
        if (me.canModerate) {
          const labels = { answered: "Mark answered", pinned: "Pin", unpinned: "Unpin", dismissed: "Dismiss" };
          for (const mark of ["answered", q.isPinned ? "unpinned" : "pinned", "dismissed"]) {
            const b = el("button", "chat-tool", labels[mark]);
            b.dataset.mark = mark;
            b.type = "button";
            b.addEventListener("click", () => call("MarkQuestion", channel, q.id, mark));
            li.append(b);
          }
        }
      }
      return li;
    }));
    const open = items.filter((q) => q.state !== "answered").length;
    if (questionCount) questionCount.textContent = open > 0 ? String(open) : "";
    if (questionsEmpty) questionsEmpty.hidden = items.length > 0;
  }

  function showBurst(counts, emoji) {
    if (!burstLayer) return;
    counts.forEach((count, kind) => {
      for (let i = 0; i < Math.min(count, 8); i++) {
        const bubble = el("span", "chat-burst", emoji[kind]);
        bubble.style.left = Math.floor(Math.random() * 85) + "%";
        bubble.addEventListener("animationend", () => bubble.remove());
        burstLayer.append(bubble);
      }
    });
  }

  let reactionEmoji = [];

  async function call(method, ...args) {
    try {
      return await connection.invoke(method, ...args);
    } catch (error) {
      say(String(error.message || error).replace(/^.*HubException: /, ""), "error");
      throw error;
    }
  }

  async function join(since) {
    joined = false;
    const result = await connection.invoke("JoinChannel", channel, since);
    me = result.me;
    blocked = new Set(me ? me.blockedUserIds : []);
    applySettings(result.settings);
    if (since === null) {
      list.replaceChildren();
    } else {
      for (const id of result.deletedIds) list.querySelector('[data-id="' + CSS.escape(id) + '"]')?.remove();
      if (result.gap) list.append(el("li", "chat-gap", "Some messages were skipped while you were away."));
    }
    for (const message of result.messages) show(message);
    lastSeq = result.lastSeq;
    joined = true;
    const pending = buffered;
    buffered = [];
    apply(pending);
    if (viewers) viewers.textContent = String(result.viewers);
    reactionEmoji = result.reactionEmoji;
    if (reactionBar && !reactionBar.childElementCount && !readOnly) {
      result.reactions.forEach((name, kind) => {
        const b = el("button", "chat-react", result.reactionEmoji[kind]);
        b.type = "button";
        b.title = name;
        b.dataset.reaction = name;
        b.disabled = !me;
        b.addEventListener("click", () => call("React", channel, name));
        reactionBar.append(b);
      });
    }
    renderPoll(pollBox, result.poll, !!me && !readOnly, vote);
    questions.clear();
    for (const q of result.questions) questions.set(q.id, q);
    renderQuestions();
    if (form) form.hidden = readOnly || !me;
    if (askForm) askForm.hidden = readOnly || !me;
    if (pollTab) pollTab.hidden = readOnly || !me || !me.canModerate;
    root.dataset.state = "joined";
    trim();
    following = true;
    settle(false);
  }

  function vote(pollId, option) {
    call("Vote", channel, pollId, option).then((poll) => renderPoll(pollBox, poll, true, vote));
  }

  connection.on("messages", (batch) => (joined ? apply(batch) : buffered.push(...batch)));
  connection.on("messagesDeleted", (deleted) => {
    for (const id of deleted.messageIds) list.querySelector('[data-id="' + CSS.escape(id) + '"]')?.remove();
    if (deleted.userId) hideSender(deleted.userId);
  });
  connection.on("settings", applySettings);
  connection.on("viewers", (count) => { if (viewers) viewers.textContent = String(count); });
  connection.on("reactions", (burst) => showBurst(burst.counts, reactionEmoji));
  connection.on("poll", (poll) => renderPoll(pollBox, poll, !!me && !readOnly, vote));
  connection.on("question", (q) => { questions.set(q.id, q); renderQuestions(); });
  connection.onreconnecting(() => { root.dataset.state = "reconnecting"; say("Reconnecting…"); });
  connection.onreconnected(() => { say(""); join(lastSeq).catch(() => say("Could not rejoin the chat.", "error")); });
  connection.onclose(() => { root.dataset.state = "closed"; say("Disconnected from chat.", "error"); });

  if (form && input) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = input.value;
      if (!text.trim()) return;
      const result = await call("SendMessage", channel, text);
      if (result.status === "posted") {
        input.value = "";
        say("");
        apply([result.message]);
      } else if (result.status === "command") {
        input.value = "";
        say(result.reason);
      } else if (result.status === "held") {
        input.value = "";
        say(result.reason);
      } else {
        say(result.reason, "refused");
        root.dataset.refusal = result.code;
      }
    });
  }

  if (askForm) {
    askForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const field = askForm.querySelector("input, textarea");
      await call("AskQuestion", channel, field.value);
      field.value = "";
    });
  }

  if (modTools) {
    const pollForm = modTools.querySelector("form");
    pollForm?.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(pollForm);
      const options = String(data.get("options") || "").split("\n").map((o) => o.trim()).filter(Boolean);
      const correct = String(data.get("correct") || "").trim();
      await call("StartPoll", channel, {
        question: String(data.get("question") || ""),
        options,
        durationSeconds: Number(data.get("duration") || 60),
        correctOption: correct === "" ? null : Number(correct) - 1,
      });
      pollForm.reset();
    });
    modTools.querySelector('[data-action="end-poll"]')?.addEventListener("click", () => call("EndPoll", channel));
  }

  connection.start()
    .then(() => join(null))
    .catch(() => { root.dataset.state = "failed"; say("Chat is unavailable right now.", "error"); });
}

setupTabs();
for (const root of document.querySelectorAll("[data-spectra-chat]")) mount(root);
