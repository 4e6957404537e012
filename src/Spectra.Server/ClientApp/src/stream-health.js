// Creator dashboard: polls the owner's stream health every 2 s and renders it with warnings.
const panel = document.getElementById('stream-health');
if (panel) {
  const url = panel.dataset.healthUrl;
  const stateEl = panel.querySelector('[data-health-state]');
  const warningsEl = panel.querySelector('[data-health-warnings]');
  const field = (name) => panel.querySelector(`[data-health-field="${name}"]`);
  const labels = {
    offline: 'Offline — start streaming in your encoder',
    starting: 'Receiving — preparing the first segment',
    live: 'Live',
    reconnecting: 'Publisher disconnected — waiting for it to reconnect',
  };
  const show = (name, value) => {
    const el = field(name);
    if (el) el.textContent = value ?? '—';
  };
  const fmt = (n, digits = 0) => (n == null ? null : Number(n).toFixed(digits));

  // SRT publishers only: the link as SRT measures it; the row exists while there is something to show.
  const showTransport = (t) => {
    let value = field('transport');
    if (!t) {
      value?.previousElementSibling.remove();
      value?.remove();
      return;
    }
    if (!value) {
      const term = document.createElement('dt');
      term.textContent = 'SRT link';
      value = document.createElement('dd');
      value.dataset.healthField = 'transport';
      panel.querySelector('.health-grid').append(term, value);
    }
    value.textContent = `RTT ${fmt(t.roundTripMs)} ms, latency ${t.latencyMs} ms · ${t.packetsLost} lost, `
      + `${t.packetsRetransmitted} retransmitted, ${t.packetsDropped} unrecovered · ${t.continuityErrors} TS continuity errors`;
  };

  const render = (dto) => {
    panel.dataset.state = dto.state;
    stateEl.textContent = labels[dto.state] ?? dto.state;
    const h = dto.health;
    show('bitrate', h?.bitrateKbps != null ? `${fmt(h.bitrateKbps)} kbit/s` : null);
    show('fps', fmt(h?.frameRate, 1));
    show('keyframe', h?.keyframeIntervalSeconds != null ? `${fmt(h.keyframeIntervalSeconds, 1)} s` : null);
    show('codecs', h ? [h.videoCodec ?? 'no video', h.audioCodec ?? 'no audio'].join(' / ') : null);
    show('resolution', h?.width ? `${h.width}×${h.height}` : null);
    show('dropped', h ? `${h.droppedMessages} dropped, ${h.lateMessages} late` : null);
    show('speed', h?.transcoderSpeed != null ? `${fmt(h.transcoderSpeed, 2)}×` : null);
    showTransport(h?.transport);
    warningsEl.replaceChildren(...dto.warnings.map((w) => {
      const li = document.createElement('li');
      li.dataset.code = w.code;
      li.textContent = w.message;
      return li;
    }));
  };

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) render(await response.json());
    } catch {
      // Next poll retries.
    }
    setTimeout(poll, document.hidden ? 10_000 : 2_000);
  };
  poll();
}
