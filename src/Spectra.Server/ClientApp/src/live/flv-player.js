// "Lowest latency" playback: HTTP-FLV from /live/{channel}.flv through mpegts.js on Media Source Extensions.
// The server starts every viewer at the latest keyframe (GOP cache), so the first frame shows at once;
// mpegts.js then chases the live edge by dropping buffered media when it falls behind.
// No worker: everything runs on the page's own script (the CSP allows scripts from self only).
import mpegts from 'mpegts.js';

export const FLV_CONFIG = {
  enableWorker: false,
  enableStashBuffer: false,
  stashInitialSize: 128 * 1024,
  lazyLoad: false,
  autoCleanupSourceBuffer: true,
  autoCleanupMaxBackwardDuration: 10,
  autoCleanupMinBackwardDuration: 5,
  liveBufferLatencyChasing: true,
  liveBufferLatencyMaxLatency: 1.2,
  liveBufferLatencyMinRemain: 0.3,
  liveSync: true,
  liveSyncMaxLatency: 1.2,
  liveSyncTargetLatency: 0.6,
};

mpegts.LoggingControl.enableDebug = false;
mpegts.LoggingControl.enableVerbose = false;
mpegts.LoggingControl.enableInfo = false;

export class FlvLowLatency {
  constructor(video, src) {
    this.video = video;
    this.src = new URL(src, window.location.href).href;
    this.player = null;
    this.retry = 0;
  }

  start() {
    const player = mpegts.createPlayer({ type: 'flv', isLive: true, url: this.src }, FLV_CONFIG);
    this.player = player;
    player.on(mpegts.Events.ERROR, () => {
      // Publisher reconnecting or a network hiccup: reconnect (the page switches to "offline" when the stream ends).
      clearTimeout(this.retry);
      this.retry = setTimeout(() => {
        if (this.player !== player) return;
        this.stop();
        this.start();
        this.video.play().catch(() => {});
      }, 1000);
    });
    player.attachMediaElement(this.video);
    player.load();
  }

  /** Newest buffered time: the live edge as far as this player knows it. */
  liveEdge() {
    const { buffered } = this.video;
    return buffered.length ? buffered.end(buffered.length - 1) : null;
  }

  stop() {
    const { player } = this;
    this.player = null;
    if (!player) return;
    try {
      player.pause();
      player.unload();
      player.detachMediaElement();
    } finally {
      player.destroy();
    }
  }

  destroy() {
    clearTimeout(this.retry);
    this.stop();
  }
}
