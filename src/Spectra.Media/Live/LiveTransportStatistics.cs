namespace Spectra.Media.Live;

/// <summary>
/// What a packet transport (SRT) knows about the link from the publisher, totals since the connection started.
/// RTMP rides TCP and has none.
/// </summary>
/// <param name="Protocol">"srt".</param>
/// <param name="RoundTripMs">Smoothed round-trip time to the publisher, ms.</param>
/// <param name="LatencyMs">The receiver latency (repair window) agreed for the connection, ms.</param>
/// <param name="PacketsReceived">Data packets received, retransmissions included.</param>
/// <param name="PacketsLost">Packets found missing (and asked for again).</param>
/// <param name="PacketsRetransmitted">Retransmitted packets received: repaired loss.</param>
/// <param name="PacketsDropped">Packets given up on, too late to play: loss the latency could not repair.</param>
/// <param name="ContinuityErrors">MPEG-TS continuity counter gaps the demuxer saw after SRT's repair.</param>
public sealed record LiveTransportStatistics(
    string Protocol,
    double RoundTripMs,
    int LatencyMs,
    long PacketsReceived,
    long PacketsLost,
    long PacketsRetransmitted,
    long PacketsDropped,
    long ContinuityErrors);
