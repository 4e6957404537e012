// The player's chrome: buttons, volume, menus, the unmute pill and status overlays, shown while the
// pointer moves, after a tap, while anything in the player has focus, and while paused. Keyboard, when
// the player has focus: space or k play/pause, m mute, f full screen, t theatre, arrows up/down volume,
// arrows left/right 5 s back/forward within what is buffered, c captions.
// Controls are our own (not a player UI library): the page's Content-Security-Policy allows no inline
// styles, which the usual web-component player UIs inject, and they would add ~35 KB to the page.

const HIDE_AFTER_MS = 3000;
const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  volume: 'M4 9v6h4l5 4V5L8 9zM16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12',
  muted: 'M4 9v6h4l5 4V5L8 9zM17 9l5 6M22 9l-5 6',
  fullscreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  exitFullscreen: 'M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5',
  pip: 'M3 5h18v14H3zM12 12h7v5h-7z',
  theatre: 'M3 6h18v12H3z',
  captions: 'M3 5h18v14H3zM10 10.5a2 2 0 1 0 0 3M16 10.5a2 2 0 1 0 0 3',
};

function icon(name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

function iconButton(className, label, iconName) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.title = label;
  b.setAttribute('aria-label', label);
  b.append(icon(iconName));
  return b;
}

function select(className, label) {
  const id = `${className}-${Math.random().toString(36).slice(2, 8)}`;
  const labelEl = document.createElement('label');
  labelEl.className = 'visually-hidden';
  labelEl.htmlFor = id;
  labelEl.textContent = label;
  const s = document.createElement('select');
  s.id = id;
  s.className = `pc-select ${className}`;
  return [labelEl, s];
}

export class PlayerControls {
  /**
   * @param {HTMLElement} container where the player goes (its children are replaced)
   * @param {{ onTheatre?: () => boolean }} options onTheatre toggles theatre mode and returns whether it is on
   */
  constructor(container, options = {}) {
    this.options = options;
    this.hideTimer = 0;
    const frame = document.createElement('div');
    frame.className = 'player-frame';
    frame.tabIndex = 0;
    frame.setAttribute('role', 'region');
    frame.setAttribute('aria-label', 'Live video player');
    frame.dataset.controls = 'shown';

    const video = document.createElement('video');
    video.className = 'player-video';
    video.playsInline = true;
    video.preload = 'auto';
    video.setAttribute('aria-label', 'Live video');

    const bar = document.createElement('div');
    bar.className = 'player-controls';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Player controls');

    this.playButton = iconButton('pc-play', 'Pause', 'pause');
    this.muteButton = iconButton('pc-mute', 'Mute', 'volume');
    this.volume = document.createElement('input');
    this.volume.type = 'range';
    this.volume.className = 'pc-volume';
    this.volume.min = '0';
    this.volume.max = '1';
    this.volume.step = '0.05';
    this.volume.value = '1';
    this.volume.setAttribute('aria-label', 'Volume');
    this.liveButton = document.createElement('button');
    this.liveButton.type = 'button';
    this.liveButton.className = 'pc-live';
    this.liveButton.textContent = 'Live';
    this.liveButton.title = 'Jump to live';
    this.liveButton.setAttribute('aria-label', 'Live: at the live edge');
    const spacer = document.createElement('span');
    spacer.className = 'pc-spacer';
    const [latencyLabel, latency] = select('pc-latency', 'Latency');
    const [qualityLabel, quality] = select('pc-quality', 'Quality');
    this.latency = latency;
    this.quality = quality;
    this.quality.append(new Option('Auto', '-1'));
    this.captionsButton = iconButton('pc-captions', 'Captions', 'captions');
    this.captionsButton.setAttribute('aria-pressed', 'false');
    this.captionsButton.hidden = true;
    this.pipButton = iconButton('pc-pip', 'Picture in picture', 'pip');
    this.pipButton.hidden = !(document.pictureInPictureEnabled && video.requestPictureInPicture);
    this.theatreButton = iconButton('pc-theatre', 'Theatre mode', 'theatre');
    this.theatreButton.setAttribute('aria-pressed', 'false');
    this.theatreButton.hidden = !options.onTheatre;
    this.fullscreenButton = iconButton('pc-fullscreen', 'Full screen', 'fullscreen');

    this.unmuteHint = document.createElement('button');
    this.unmuteHint.type = 'button';
    this.unmuteHint.className = 'pc-unmute-hint';
    this.unmuteHint.textContent = 'Unmute';
    this.unmuteHint.hidden = true;

    this.message = document.createElement('div');
    this.message.className = 'player-message';
    this.message.setAttribute('role', 'status');
    this.message.hidden = true;

    bar.append(this.playButton, this.muteButton, this.volume, this.liveButton, spacer,
      latencyLabel, latency, qualityLabel, quality, this.captionsButton, this.pipButton, this.theatreButton, this.fullscreenButton);
    frame.append(video, this.message, this.unmuteHint, bar);
    container.replaceChildren(frame);
    this.frame = frame;
    this.video = video;
    this.wire();
  }

  wire() {
    const { video, frame } = this;
    this.playButton.addEventListener('click', () => this.togglePlay());
    const paused = () => {
      frame.dataset.paused = String(video.paused);
      this.relabel(this.playButton, video.paused ? 'Play' : 'Pause', video.paused ? 'play' : 'pause');
    };
    video.addEventListener('play', paused);
    video.addEventListener('pause', paused);

    this.muteButton.addEventListener('click', () => this.toggleMute());
    this.unmuteHint.addEventListener('click', () => this.unmute());
    this.volume.addEventListener('input', () => {
      video.volume = Number(this.volume.value);
      video.muted = video.volume === 0;
    });
    const volume = () => {
      const muted = video.muted || video.volume === 0;
      this.relabel(this.muteButton, muted ? 'Unmute' : 'Mute', muted ? 'muted' : 'volume');
      this.volume.value = video.muted ? '0' : String(video.volume);
      if (!video.muted) this.unmuteHint.hidden = true;
    };
    video.addEventListener('volumechange', volume);
    video.addEventListener('playing', volume);

    this.fullscreenButton.addEventListener('click', () => this.toggleFullscreen());
    document.addEventListener('fullscreenchange', this.onFullscreen = () => {
      const on = document.fullscreenElement === frame;
      this.relabel(this.fullscreenButton, on ? 'Exit full screen' : 'Full screen', on ? 'exitFullscreen' : 'fullscreen');
    });
    this.pipButton.addEventListener('click', () => {
      if (document.pictureInPictureElement) document.exitPictureInPicture().catch(() => {});
      else video.requestPictureInPicture?.().catch(() => {});
    });
    this.theatreButton.addEventListener('click', () => this.toggleTheatre());
    this.captionsButton.addEventListener('click', () => this.toggleCaptions());
    video.textTracks?.addEventListener?.('addtrack', () => { this.captionsButton.hidden = false; });

    // Pointer: movement shows the controls; a mouse click on the picture plays/pauses, a tap only
    // shows the controls (a phone has no hover), a double click toggles full screen.
    frame.addEventListener('pointermove', (event) => { if (event.pointerType === 'mouse') this.reveal(); });
    frame.addEventListener('pointerdown', (event) => {
      if (event.pointerType !== 'mouse' && event.target === video) {
        const hidden = frame.dataset.controls === 'hidden';
        this.reveal();
        if (hidden) event.preventDefault();
      }
    });
    video.addEventListener('click', (event) => {
      if (event.pointerType && event.pointerType !== 'mouse') return;
      this.togglePlay();
    });
    video.addEventListener('dblclick', () => this.toggleFullscreen());
    frame.addEventListener('focusin', () => this.reveal());
    frame.addEventListener('keydown', (event) => this.onKey(event));
    this.reveal();
  }

  // Shows the controls, then hides them after a while without movement (never while paused).
  reveal() {
    this.frame.dataset.controls = 'shown';
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.video.paused) this.frame.dataset.controls = 'hidden';
    }, HIDE_AFTER_MS);
  }

  onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const inField = target instanceof HTMLSelectElement || target instanceof HTMLInputElement;
    const onButton = target instanceof HTMLButtonElement;
    const actions = {
      ' ': () => this.togglePlay(),
      k: () => this.togglePlay(),
      m: () => this.toggleMute(),
      f: () => this.toggleFullscreen(),
      t: () => this.toggleTheatre(),
      c: () => this.toggleCaptions(),
      ArrowUp: () => this.nudgeVolume(0.1),
      ArrowDown: () => this.nudgeVolume(-0.1),
      ArrowLeft: () => this.seekBy(-5),
      ArrowRight: () => this.seekBy(5),
    };
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (!(key in actions)) return;
    // Fields keep their own keys; buttons keep space (it presses them).
    if (inField || (onButton && key === ' ')) return;
    if (key === 't' && this.theatreButton.hidden) return;
    event.preventDefault();
    actions[key]();
    this.reveal();
  }

  togglePlay() {
    if (this.video.paused) this.onPlayRequest?.();
    else this.video.pause();
  }

  unmute() {
    this.video.muted = false;
    if (this.video.volume === 0) this.video.volume = 1;
  }

  toggleMute() {
    if (this.video.muted || this.video.volume === 0) this.unmute();
    else this.video.muted = true;
  }

  nudgeVolume(delta) {
    const v = Math.min(1, Math.max(0, (this.video.muted ? 0 : this.video.volume) + delta));
    this.video.volume = v;
    this.video.muted = v === 0;
  }

  seekBy(seconds) {
    const { video } = this;
    const { buffered } = video;
    if (!buffered.length) return;
    const start = buffered.start(0);
    const end = buffered.end(buffered.length - 1) - 0.5;
    video.currentTime = Math.min(end, Math.max(start, video.currentTime + seconds));
  }

  toggleFullscreen() {
    const { frame, video } = this;
    if (document.fullscreenElement) {
      document.exitFullscreen?.().catch(() => {});
    } else if (frame.requestFullscreen) {
      frame.requestFullscreen().catch(() => {});
    } else if (video.webkitEnterFullscreen) {
      video.webkitEnterFullscreen();
    }
  }

  toggleTheatre() {
    if (!this.options.onTheatre) return;
    const on = this.options.onTheatre();
    this.theatreButton.setAttribute('aria-pressed', String(on));
    this.relabel(this.theatreButton, on ? 'Leave theatre mode' : 'Theatre mode', 'theatre');
  }

  toggleCaptions() {
    const track = [...(this.video.textTracks || [])].find((t) => t.kind === 'captions' || t.kind === 'subtitles');
    if (!track) return;
    track.mode = track.mode === 'showing' ? 'hidden' : 'showing';
    this.captionsButton.setAttribute('aria-pressed', String(track.mode === 'showing'));
  }

  relabel(button, label, iconName) {
    button.setAttribute('aria-label', label);
    button.title = label;
    if (iconName) button.replaceChildren(icon(iconName));
  }

  /** A status over the picture ("Starting…", "Stream ended"); null hides it. Nodes may be passed as text. */
  showMessage(content, { spinner = false } = {}) {
    if (content == null) {
      this.message.hidden = true;
      this.message.replaceChildren();
      return;
    }
    const nodes = [];
    if (spinner) {
      const s = document.createElement('span');
      s.className = 'spinner';
      s.setAttribute('aria-hidden', 'true');
      nodes.push(s);
    }
    for (const part of [].concat(content)) {
      if (typeof part === 'string') {
        const p = document.createElement('p');
        p.textContent = part;
        nodes.push(p);
      } else {
        nodes.push(part);
      }
    }
    this.message.replaceChildren(...nodes);
    this.message.hidden = false;
  }

  destroy() {
    clearTimeout(this.hideTimer);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
  }
}
