// Creator studio, stream health page: the preview plays muted, so the creator's own sound does not come
// back into the microphone. The player builds its video element when the stream starts (and again after
// a reconnect); each new one starts muted. The player's Unmute button still works.
const preview = document.getElementById('player');
if (preview) {
  const mute = () => {
    for (const video of preview.querySelectorAll('video:not([data-studio-muted])')) {
      video.muted = true;
      video.dataset.studioMuted = 'true';
    }
  };
  mute();
  new MutationObserver(mute).observe(preview, { childList: true, subtree: true });
}
