// The watch page player: hls.js on Media Source Extensions, or the browser's own HLS (Safari), with
// quality menu, live badge / jump to live, volume and full screen. Low-latency HLS by default: Spectra's
// playlists carry LL-HLS parts (1/3 s) and answer blocking reloads; players without LL-HLS read the same
// playlists as standard HLS with ~1 s segments.
// The light build: no subtitles, alternate audio or DRM, none of which Spectra's streams carry.
import Hls from 'hls.js/light';
import { FlvLowLatency, flvSupported } from './flv-player.js';

// Value of the "Lowest latency" entry of the quality menu: HTTP-FLV through mpegts.js instead of HLS.
export const LOWEST_LATENCY = 'flv';

// LL-HLS: blocking playlist reloads and part loading. The player holds ~1 s behind the live edge (three
// parts, the playlist's PART-HOLD-BACK) and catches up by playing at most 20 % faster when it drifts behind,
// pitch preserved; past 4 s it jumps. Small forward buffer: live has nothing further to load anyway.
export const HLS_CONFIG = {
  lowLatencyMode: true,
  liveSyncDuration: 1.0,
  liveMaxLatencyDuration: 4,
  maxLiveSyncPlaybackRate: 1.2,
  maxBufferLength: 4,
  maxMaxBufferLength: 8,
  backBufferLength: 10,
  startFragPrefetch: true,
  capLevelToPlayerSize: true,
  manifestLoadingMaxRetry: 6,
  manifestLoadingRetryDelay: 500,
  levelLoadingMaxRetry: 6,
  enableWorker: true,
};

// Standard HLS (page URL with ?latency=standard): two segments behind the live edge (~2 s) keeps latency
// low and still absorbs a late segment; past six the player jumps forward.
const { liveSyncDuration: _sync, liveMaxLatencyDuration: _max, ...common } = HLS_CONFIG;
export const HLS_STANDARD_CONFIG = {
  ...common,
  lowLatencyMode: false,
  liveSyncDurationCount: 2,
  liveMaxLatencyDurationCount: 6,
  maxLiveSyncPlaybackRate: 1.2,
  maxBufferLength: 6,
  maxMaxBufferLength: 10,
};

function configFor(search) {
  return new URLSearchParams(search).get('latency') === 'standard' ? HLS_STANDARD_CONFIG : HLS_CONFIG;
}

// How far behind the live edge (seconds) still counts as "live" for the badge.
const LIVE_EDGE_TOLERANCE = 4;

function isSafari() {
  const ua = navigator.userAgent;
  return /Safari\//.test(ua) && !/(Chrome|Chromium|CriOS|Edg|Android)\//.test(ua);
}

function button(className, label, text) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.setAttribute('aria-label', label);
  b.textContent = text;
  return b;
}

export class HlsPlayer {
  constructor(container, src, flvSrc) {
    this.container = container;
    this.src = src;
    this.flvSrc = flvSrc;
    this.hls = null;
    this.flv = null;
    this.pendingLevel = -1;
    this.mode = null;
    this.build();
  }

  build() {
    const frame = document.createElement('div');
    frame.className = 'player-frame';

    const video = document.createElement('video');
    video.className = 'player-video';
    video.playsInline = true;
    video.preload = 'auto';
    video.setAttribute('aria-label', 'Live video');

    const controls = document.createElement('div');
    controls.className = 'player-controls';
    controls.setAttribute('role', 'group');
    controls.setAttribute('aria-label', 'Player controls');

    this.playButton = button('pc-play', 'Pause', 'Pause');
    this.muteButton = button('pc-mute', 'Mute', 'Mute');
    this.volume = document.createElement('input');
    this.volume.type = 'range';
    this.volume.className = 'pc-volume';
    this.volume.min = '0';
    this.volume.max = '1';
    this.volume.step = '0.05';
    this.volume.value = '1';
    this.volume.setAttribute('aria-label', 'Volume');
    this.liveButton = button('pc-live live-badge', 'Live: at the live edge', 'LIVE');
    this.liveButton.title = 'Jump to live';
    const spacer = document.createElement('span');
    spacer.className = 'pc-spacer';

    const qualityId = `pc-quality-${Math.random().toString(36).slice(2, 8)}`;
    const qualityLabel = document.createElement('label');
    qualityLabel.className = 'visually-hidden';
    qualityLabel.htmlFor = qualityId;
    qualityLabel.textContent = 'Quality';
    this.quality = document.createElement('select');
    this.quality.id = qualityId;
    this.quality.className = 'pc-quality';
    this.quality.append(new Option('Auto', '-1'));
    this.fullscreenButton = button('pc-fullscreen', 'Full screen', 'Full screen');

    this.unmuteHint = button('pc-unmute-hint', 'Unmute', 'Click to unmute');
    this.unmuteHint.hidden = true;

    controls.append(this.playButton, this.muteButton, this.volume, this.liveButton, spacer, qualityLabel, this.quality, this.fullscreenButton);
    frame.append(video, this.unmuteHint, controls);
    this.container.replaceChildren(frame);
    this.frame = frame;
    this.video = video;
    this.wire();
  }

  wire() {
    const { video } = this;
    this.playButton.addEventListener('click', () => (video.paused ? this.play() : video.pause()));
    video.addEventListener('play', () => this.setLabel(this.playButton, 'Pause'));
    video.addEventListener('pause', () => this.setLabel(this.playButton, 'Play'));

    const unmute = () => {
      video.muted = false;
      if (video.volume === 0) video.volume = 1;
    };
    this.muteButton.addEventListener('click', () => (video.muted ? unmute() : (video.muted = true)));
    this.unmuteHint.addEventListener('click', unmute);
    this.volume.addEventListener('input', () => {
      video.volume = Number(this.volume.value);
      video.muted = video.volume === 0;
    });
    video.addEventListener('volumechange', () => {
      this.setLabel(this.muteButton, video.muted ? 'Unmute' : 'Mute');
      this.volume.value = video.muted ? '0' : String(video.volume);
      if (!video.muted) this.unmuteHint.hidden = true;
    });

    this.liveButton.addEventListener('click', () => this.jumpToLive());
    video.addEventListener('timeupdate', () => this.updateLiveBadge());

    this.quality.addEventListener('change', () => {
      const { value } = this.quality;
      if (value === LOWEST_LATENCY) {
        this.useFlv();
      } else if (this.flv) {
        this.useHls(Number(value));
      } else if (this.hls) {
        this.hls.currentLevel = Number(value);
      }
    });

    this.fullscreenButton.addEventListener('click', () => {
      if (document.fullscreenElement) {
        document.exitFullscreen?.();
      } else if (this.frame.requestFullscreen) {
        this.frame.requestFullscreen().catch(() => {});
      } else if (video.webkitEnterFullscreen) {
        video.webkitEnterFullscreen();
      }
    });
    document.addEventListener('fullscreenchange', this.onFullscreen = () => {
      this.setLabel(this.fullscreenButton, document.fullscreenElement ? 'Exit full screen' : 'Full screen');
    });
  }

  setLabel(el, text) {
    el.textContent = text;
    el.setAttribute('aria-label', text);
  }

  start() {
    const { video } = this;
    const native = video.canPlayType('application/vnd.apple.mpegurl') !== '';
    if (Hls.isSupported() && !(native && isSafari())) {
      this.mode = 'hls.js';
      const config = configFor(window.location.search);
      const hls = new Hls(config);
      // Reachable from the page for measurements (latency, drift): document.querySelector('#player').hls.
      this.container.hls = hls;
      this.container.dataset.latency = config.lowLatencyMode ? 'low' : 'standard';
      this.hls = hls;
      hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
        this.fillQualities(data.levels);
        if (this.pendingLevel >= 0) {
          hls.currentLevel = this.pendingLevel;
          this.quality.value = String(this.pendingLevel);
          this.pendingLevel = -1;
        }
        this.play();
      });
      hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => this.showLevel(data.level));
      hls.on(Hls.Events.ERROR, (_, data) => this.onError(data));
      hls.loadSource(this.src);
      hls.attachMedia(video);
    } else if (native) {
      this.mode = 'native';
      this.quality.disabled = true;
      video.src = this.src;
      video.addEventListener('loadedmetadata', () => this.play(), { once: true });
    } else {
      this.mode = 'unsupported';
      const note = document.createElement('p');
      note.className = 'player-error';
      note.textContent = 'This browser cannot play live video (no Media Source Extensions and no native HLS).';
      this.frame.append(note);
    }
    this.container.dataset.playback = this.mode;
  }

  // Browsers refuse unmuted autoplay without a user gesture: start muted then and offer to unmute.
  play() {
    const { video } = this;
    video.play().catch(() => {
      video.muted = true;
      this.unmuteHint.hidden = false;
      video.play().catch(() => this.setLabel(this.playButton, 'Play'));
    });
  }

  fillQualities(levels) {
    const options = [new Option('Auto', '-1')];
    levels
      .map((level, index) => ({ level, index }))
      .sort((a, b) => (b.level.height - a.level.height) || (b.level.bitrate - a.level.bitrate))
      .forEach(({ level, index }) => {
        const name = level.name && !/^\d+$/.test(level.name) ? level.name : `${level.height}p`;
        options.push(new Option(level.height ? `${level.height}p${name.includes('source') ? ' (source)' : ''}` : name, String(index)));
      });
    if (this.flvSrc && flvSupported()) options.push(new Option('Lowest latency', LOWEST_LATENCY));
    this.quality.replaceChildren(...options);
    this.quality.value = '-1';
  }

  // Lowest latency: the same video element fed by mpegts.js from HTTP-FLV; hls.js is stopped.
  useFlv() {
    this.hls?.destroy();
    this.hls = null;
    this.flv?.destroy();
    this.flv = new FlvLowLatency(this.video, this.flvSrc);
    this.flv.start();
    this.mode = 'mpegts.js';
    this.container.dataset.playback = this.mode;
    this.quality.value = LOWEST_LATENCY;
    this.play();
  }

  // Back to HLS at the chosen level (-1 = Auto), with the quality list rebuilt from the manifest.
  useHls(level) {
    this.flv?.destroy();
    this.flv = null;
    this.video.removeAttribute('src');
    this.video.load();
    this.pendingLevel = level;
    this.start();
  }

  showLevel(index) {
    const auto = this.quality.options[0];
    const level = this.hls?.levels[index];
    if (auto && level) auto.textContent = this.hls.autoLevelEnabled ? `Auto (${level.height}p)` : 'Auto';
  }

  liveEdge() {
    if (this.flv) return this.flv.liveEdge();
    if (this.hls && this.hls.liveSyncPosition != null) return this.hls.liveSyncPosition;
    const { seekable } = this.video;
    return seekable.length ? seekable.end(seekable.length - 1) : null;
  }

  updateLiveBadge() {
    const edge = this.liveEdge();
    const behind = edge != null && edge - this.video.currentTime > LIVE_EDGE_TOLERANCE;
    this.liveButton.classList.toggle('behind', behind);
    this.liveButton.setAttribute('aria-label', behind ? 'Behind live: jump to live' : 'Live: at the live edge');
  }

  jumpToLive() {
    const edge = this.liveEdge();
    if (edge != null) this.video.currentTime = edge;
    if (this.video.paused) this.play();
  }

  onError(data) {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      this.hls.recoverMediaError();
    } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      // The stream may be between publisher reconnects: keep trying until the page hears "offline".
      setTimeout(() => this.hls?.startLoad(), 1000);
    }
  }

  destroy() {
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    this.hls?.destroy();
    this.hls = null;
    this.flv?.destroy();
    this.flv = null;
    this.video.removeAttribute('src');
    this.video.load();
  }
}
