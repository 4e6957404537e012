// Rendering of chat data into DOM nodes. Everything from the server is put into text nodes or
// attributes set through the DOM API, never parsed as HTML, so no message can inject markup.

const BADGES = { owner: "Owner", moderator: "Mod", admin: "Admin" };

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// "1 vote", "2 votes".
export function plural(count, one, many) {
  return count + " " + (count === 1 ? one : many);
}

// A stable colour per sender (one of the --name-N tokens, readable in both themes).
const NAME_COLOURS = 6;
function nameColour(id) {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return 1 + (Math.abs(hash) % NAME_COLOURS);
}

function safeHref(value) {
  return typeof value === "string" && /^https?:\/\//i.test(value) ? value : null;
}

// One message as an <li>. `me` is the viewer (or null), used to highlight mentions of them.
export function renderMessage(message, me) {
  const li = el("li", "chat-message");
  li.dataset.id = message.id;
  li.dataset.seq = String(message.seq);
  li.dataset.sender = message.senderId;
  for (const badge of message.badges || []) {
    if (Object.prototype.hasOwnProperty.call(BADGES, badge)) {
      li.append(el("span", "chat-badge chat-badge-" + badge, BADGES[badge]), " ");
    }
  }
  const sender = el("span", "chat-sender chat-name-" + nameColour(String(message.senderId || message.senderName)), message.senderName);
  li.append(sender, el("span", "chat-colon", ": "));
  const body = el("span", "chat-text");
  const myName = me ? me.userName.toLowerCase() : null;
  for (const segment of message.segments || []) {
    switch (segment.type) {
      case "emote": {
        const emote = el("span", "chat-emote", segment.text);
        emote.title = ":" + segment.value + ":";
        body.append(emote);
        break;
      }
      case "mention": {
        const mention = el("span", "chat-mention", segment.text);
        if (myName && String(segment.value).toLowerCase() === myName) {
          mention.classList.add("chat-mention-me");
          li.classList.add("chat-message-mentions-me");
        }
        body.append(mention);
        break;
      }
      case "link": {
        const href = safeHref(segment.value);
        if (href) {
          const a = el("a", "chat-link", segment.text);
          a.href = href;
          a.rel = "nofollow noopener noreferrer";
          a.target = "_blank";
          body.append(a);
        } else {
          body.append(document.createTextNode(segment.text));
        }
        break;
      }
      default:
        body.append(document.createTextNode(segment.text));
    }
  }
  li.append(body);
  return li;
}

export function describeSettings(s) {
  const parts = [];
  if (!s.chatEnabled) parts.push("Chat is off");
  if (s.slowModeSeconds > 0) parts.push("Slow mode " + s.slowModeSeconds + " s");
  if (s.followersOnlyMinutes !== null && s.followersOnlyMinutes !== undefined) {
    parts.push(s.followersOnlyMinutes > 0 ? "Followers only (" + s.followersOnlyMinutes + " min)" : "Followers only");
  }
  if (s.emoteOnly) parts.push("Emote only");
  if (!s.linksAllowed) parts.push("No links");
  return parts.join(" · ");
}

export function renderPoll(container, poll, canVote, onVote) {
  container.replaceChildren();
  if (!poll) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  container.dataset.pollId = poll.id;
  const title = (poll.isQuiz ? "Quiz: " : "Poll: ") + poll.question;
  container.append(el("div", "chat-poll-question", title));
  const list = el("ol", "chat-poll-options");
  poll.options.forEach((option, index) => {
    const votes = poll.counts[index] || 0;
    const percent = poll.totalVotes > 0 ? Math.round((votes * 100) / poll.totalVotes) : 0;
    const item = el("li", "chat-poll-option");
    if (poll.correctOption === index) item.classList.add("chat-poll-correct");
    const label = option + " — " + plural(votes, "vote", "votes") + " (" + percent + "%)";
    if (poll.isOpen && canVote) {
      const button = el("button", "chat-poll-vote", label);
      button.type = "button";
      button.dataset.option = String(index);
      button.addEventListener("click", () => onVote(poll.id, index));
      item.append(button);
    } else {
      item.append(el("span", null, label));
    }
    const bar = el("span", "chat-poll-bar");
    bar.style.width = percent + "%";
    item.append(bar);
    list.append(item);
  });
  container.append(list);
  if (poll.isOpen) {
    container.append(el("div", "chat-poll-status", plural(poll.totalVotes, "vote", "votes") + " · open"));
  } else {
    let status = plural(poll.totalVotes, "vote", "votes") + " · closed";
    if (poll.isQuiz) {
      status += " · " + poll.correctCount + " got it right";
      if (poll.correctVoters && poll.correctVoters.length) status += ": " + poll.correctVoters.join(", ");
    }
    container.append(el("div", "chat-poll-status", status));
  }
}
