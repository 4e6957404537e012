// Channel page: the player area switches between "offline" and the live player without reloading.
import { HlsPlayer } from './live/hls-player.js';
import { followLiveEvents } from './live/live-events.js';

const root = document.getElementById('player');
if (root) {
  const channel = root.dataset.channel;
  const offlineMessage = root.querySelector('.offline-message')?.cloneNode(true);
  let player = null;

  const goLive = (src) => {
    if (player) return;
    root.dataset.state = 'live';
    root.classList.remove('offline');
    root.classList.add('live');
    root.dataset.src = src || root.dataset.src;
    player = new HlsPlayer(root, root.dataset.src, root.dataset.flvSrc);
    player.start();
    window.spectraPlayer = player;
  };

  const goOffline = () => {
    player?.destroy();
    player = null;
    window.spectraPlayer = null;
    root.dataset.state = 'offline';
    root.classList.remove('live');
    root.classList.add('offline');
    root.removeAttribute('data-playback');
    if (offlineMessage) root.replaceChildren(offlineMessage.cloneNode(true));
  };

  if (root.dataset.state === 'live') goLive();

  followLiveEvents({
    onSnapshot: (list) => {
      const live = list.find((l) => l.channel.toLowerCase() === channel.toLowerCase());
      if (live) goLive(live.playlistUrl);
      else if (player) goOffline();
    },
    onOnline: (live) => {
      if (live.channel.toLowerCase() === channel.toLowerCase()) goLive(live.playlistUrl);
    },
    onOffline: (offline) => {
      if (offline.channel.toLowerCase() === channel.toLowerCase()) goOffline();
    },
  });
}
