// The watch page player: hls.js on Media Source Extensions, or the browser's own HLS (Safari), with
// quality menu, live badge / jump to live, volume and full screen. Low-latency HLS by default: Spectra's
// playlists carry LL-HLS parts (1/3 s) and answer blocking reloads; players without LL-HLS read the same
// playlists as standard HLS with ~1 s segments.
// The light build: no subtitles, alternate audio or DRM, none of which Spectra's streams carry.
import Hls from 'hls.js/light';
import { PlayerControls } from './player-controls.js';

// Latency modes (the player's latency menu): LL-HLS (default), standard HLS, or HTTP-FLV through mpegts.js
// ("lowest"), loaded only when chosen. The choice is remembered; ?latency=standard on the page URL wins.
export const LATENCY = { low: 'low', standard: 'standard', lowest: 'lowest' };
const LATENCY_KEY = 'spectra-latency';

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
  // Start on the smallest rendition (hls.js sorts levels from the lowest): its parts are a third of the source's
  // bytes and quicker to decode, and an encoded rung has its own short keyframe interval, so the first picture
  // comes sooner; ABR moves up after the first parts once it has measured the throughput. Without this hls.js
  // starts on the first variant of the master playlist, the source.
  startLevel: 0,
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

// Where LL-HLS playback starts. hls.js on its own starts PART-HOLD-BACK (1 s) behind the newest part, which with
// the usual 2 s keyframe interval falls between keyframes: the first part it loads does not start with a sync
// sample, so nothing can be shown until the next keyframe arrives (up to a GOP later) or hls.js walks back to an
// earlier one. Instead start where a decoder can: at the newest independent part (INDEPENDENT=YES, a keyframe),
// like the HTTP-FLV GOP cache; that is at most one GOP behind the edge, and maxLiveSyncPlaybackRate then closes
// the gap to the 1 s target. The start is handed to hls.js as the playlist's own EXT-X-START (RFC 8216bis
// §4.4.2.2, negative TIME-OFFSET: from the end of the playlist, i.e. the end of the newest part), added to a
// media playlist that has none; hls.js reads it only before the first fragment is requested.
export function liveStartOffset(playlist) {
  if (/^#EXT-X-START:/m.test(playlist) || /^#EXT-X-ENDLIST/m.test(playlist)) return null;
  const parts = playlist.match(/^#EXT-X-PART:.*$/gm);
  if (!parts) return null;
  let seconds = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    const duration = Number(/DURATION=([\d.]+)/.exec(parts[i])?.[1]);
    if (!Number.isFinite(duration)) return null;
    seconds += duration;
    // 1 ms short of the part's start: hls.js sums part durations in floating point, and a start that lands a
    // hair before the part would pick the previous, dependent one.
    if (/INDEPENDENT=YES/.test(parts[i])) return Math.max(0, seconds - 0.001);
  }
  return null;
}

function withLiveStart(playlist) {
  const offset = liveStartOffset(playlist);
  if (offset === null) return playlist;
  return playlist.replace(/^(#EXTM3U[^\n]*\n)/, `$1#EXT-X-START:TIME-OFFSET=-${offset.toFixed(3)},PRECISE=YES\n`);
}

// hls.js' documented hook for rewriting playlists: a playlist loader (pLoader) that adds the start to media
// playlists before hls.js parses them.
function liveStartLoader(Base) {
  return class LiveStartLoader extends Base {
    load(context, config, callbacks) {
      if (context.type === 'level') {
        const { onSuccess } = callbacks;
        callbacks = {
          ...callbacks,
          onSuccess: (response, stats, ctx, details) => {
            if (typeof response.data === 'string') response.data = withLiveStart(response.data);
            onSuccess(response, stats, ctx, details);
          },
        };
      }
      super.load(context, config, callbacks);
    }
  };
}

function initialLatency() {
  const asked = new URLSearchParams(window.location.search).get('latency');
  if (asked && asked in LATENCY) return asked;
  try {
    const saved = localStorage.getItem(LATENCY_KEY);
    if (saved && saved in LATENCY) return saved;
  } catch {
    // Storage refused: the default.
  }
  return LATENCY.low;
}

function rememberLatency(mode) {
  try {
    localStorage.setItem(LATENCY_KEY, mode);
  } catch {
    // Not remembered.
  }
}

// HTTP-FLV needs Media Source Extensions with H.264/AAC in fragmented MP4 (what mpegts.js remuxes to).
function flvSupported() {
  const MS = window.ManagedMediaSource || window.MediaSource;
  return !!MS && MS.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"');
}

// How far behind the live edge (seconds) still counts as "live" for the badge.
const LIVE_EDGE_TOLERANCE = 4;

function isSafari() {
  const ua = navigator.userAgent;
  return /Safari\//.test(ua) && !/(Chrome|Chromium|CriOS|Edg|Android)\//.test(ua);
}

export class HlsPlayer {
  /**
   * @param {HTMLElement} container the #player element
   * @param {string} src master playlist URL
   * @param {string} flvSrc HTTP-FLV URL (for the lowest-latency mode)
   * @param {{ onTheatre?: () => boolean }} options
   */
  constructor(container, src, flvSrc, options = {}) {
    this.container = container;
    this.src = src;
    this.flvSrc = flvSrc;
    this.hls = null;
    this.flv = null;
    this.pendingLevel = -1;
    this.mode = null;
    this.latencyMode = initialLatency();
    // The page's own <video src> (for browsers without script) starts loading the stream natively in browsers that
    // play HLS themselves (Safari, recent Chromium), down to a whole segment; the player replaces it, so stop it
    // first rather than let it compete with the player's start for the connection and the CPU.
    for (const fallback of container.querySelectorAll('video')) {
      fallback.removeAttribute('src');
      fallback.load();
    }
    if (this.latencyMode === LATENCY.lowest && !(flvSrc && flvSupported())) this.latencyMode = LATENCY.low;
    this.ui = new PlayerControls(container, options);
    this.ui.onPlayRequest = () => this.play();
    this.video = this.ui.video;
    this.frame = this.ui.frame;
    this.quality = this.ui.quality;
    this.latency = this.ui.latency;
    this.fillLatencies();
    this.wire();
  }

  wire() {
    const { video, ui } = this;
    ui.liveButton.addEventListener('click', () => this.jumpToLive());
    video.addEventListener('timeupdate', () => {
      this.updateLiveBadge();
      // Playback moves again (some browsers skip 'playing' after a short stall): no spinner.
      if (!video.paused && video.readyState >= 3) {
        clearTimeout(this.waitingTimer);
        if (this.container.dataset.state === 'live') ui.showMessage(null);
      }
    });
    video.addEventListener('playing', () => {
      this.container.dataset.state = 'live';
      clearTimeout(this.waitingTimer);
      ui.showMessage(null);
    });
    // Buffer ran dry: a spinner after a moment (most gaps are shorter than that).
    video.addEventListener('waiting', () => {
      clearTimeout(this.waitingTimer);
      this.waitingTimer = setTimeout(() => ui.showMessage([], { spinner: true }), 600);
    });
    this.quality.addEventListener('change', () => {
      const level = Number(this.quality.value);
      if (this.hls) this.hls.currentLevel = level;
    });
    this.latency.addEventListener('change', () => this.setLatency(this.latency.value));
  }

  fillLatencies() {
    const options = [new Option('Low latency', LATENCY.low), new Option('Standard latency', LATENCY.standard)];
    if (this.flvSrc && flvSupported()) options.push(new Option('Lowest latency', LATENCY.lowest));
    this.latency.replaceChildren(...options);
    this.latency.value = this.latencyMode;
  }

  start() {
    this.container.dataset.state = 'starting';
    this.ui.showMessage('Starting stream…', { spinner: true });
    if (this.latencyMode === LATENCY.lowest) {
      this.startFlv();
    } else {
      this.startHls();
    }
  }

  startHls() {
    const { video } = this;
    const native = video.canPlayType('application/vnd.apple.mpegurl') !== '';
    if (Hls.isSupported() && !(native && isSafari())) {
      this.mode = 'hls.js';
      const config = this.latencyMode === LATENCY.standard
        ? HLS_STANDARD_CONFIG
        : { ...HLS_CONFIG, pLoader: liveStartLoader(Hls.DefaultConfig.loader) };
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
      // Until the first frame the playhead waits at 0 for the jump to the start position, which hls.js counts as
      // a stall and answers by raising its target latency a second (liveSyncOnStallIncrease) for the whole session.
      // That is the start, not the network: back to the configured target once playback runs.
      if (config.lowLatencyMode) {
        video.addEventListener('playing', () => {
          if (this.hls === hls) hls.targetLatency = config.liveSyncDuration;
        }, { once: true });
      }
      hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => this.showLevel(data.level));
      hls.on(Hls.Events.ERROR, (_, data) => this.onError(data));
      hls.loadSource(this.src);
      hls.attachMedia(video);
    } else if (native) {
      this.mode = 'native';
      this.quality.disabled = true;
      this.latency.disabled = true;
      video.src = this.src;
      video.addEventListener('loadedmetadata', () => this.play(), { once: true });
    } else {
      this.mode = 'unsupported';
      this.ui.showMessage('This browser cannot play live video (no Media Source Extensions and no native HLS).');
    }
    this.container.dataset.playback = this.mode;
  }

  // Lowest latency: the same video element fed by mpegts.js from HTTP-FLV (source quality only).
  async startFlv() {
    const generation = (this.generation = (this.generation || 0) + 1);
    const { FlvLowLatency } = await import('./flv-player.js');
    if (generation !== this.generation || this.destroyed) return;
    this.flv = new FlvLowLatency(this.video, this.flvSrc);
    this.flv.start();
    this.mode = 'mpegts.js';
    this.container.dataset.playback = this.mode;
    this.container.dataset.latency = 'lowest';
    this.quality.replaceChildren(new Option('Source', '-1'));
    this.quality.disabled = true;
    this.play();
  }

  setLatency(mode) {
    if (!(mode in LATENCY) || mode === this.latencyMode) return;
    const level = this.hls && !this.hls.autoLevelEnabled ? this.hls.currentLevel : -1;
    this.latencyMode = mode;
    rememberLatency(mode);
    this.stopEngines();
    this.quality.disabled = false;
    this.pendingLevel = level;
    this.latency.value = mode;
    this.start();
  }

  // Browsers refuse unmuted autoplay without a user gesture: start muted then and offer to unmute.
  play() {
    const { video, ui } = this;
    video.play().catch((error) => {
      if (error?.name !== 'NotAllowedError') return;
      video.muted = true;
      ui.unmuteHint.hidden = false;
      video.play().catch(() => {});
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
    this.quality.replaceChildren(...options);
    this.quality.value = '-1';
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
    const button = this.ui.liveButton;
    button.classList.toggle('behind', behind);
    button.setAttribute('aria-label', behind ? 'Behind live: jump to live' : 'Live: at the live edge');
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

  stopEngines() {
    this.generation = (this.generation || 0) + 1;
    this.hls?.destroy();
    this.hls = null;
    this.container.hls = null;
    this.flv?.destroy();
    this.flv = null;
    this.video.removeAttribute('src');
    this.video.load();
  }

  /** Stops playback; `ended` shows the given nodes over the (now empty) picture. */
  destroy() {
    this.destroyed = true;
    clearTimeout(this.waitingTimer);
    this.stopEngines();
    this.ui.destroy();
  }
}
