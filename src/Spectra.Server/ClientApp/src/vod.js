// A past broadcast's page: hls.js plays the VOD playlists (the browser's own HLS where it has one), the
// video element's controls seek; ?t=SECONDS starts there. The delete form asks before it posts.
import Hls from 'hls.js/light';

const video = document.getElementById('vod-player');

function startTime() {
  const t = Number(new URLSearchParams(location.search).get('t'));
  return Number.isFinite(t) && t > 0 ? t : 0;
}

if (video) {
  const src = video.dataset.src;
  const start = startTime();
  if (Hls.isSupported()) {
    const hls = new Hls({ startPosition: start || -1, capLevelToPlayerSize: true, maxBufferLength: 30 });
    hls.loadSource(src);
    hls.attachMedia(video);
    hls.on(Hls.Events.ERROR, (_, data) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
      else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
    });
    window.spectraVod = hls;
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = start ? `${src}#t=${start}` : src;
  }
}

for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!confirm(form.dataset.confirm)) event.preventDefault();
  });
}
