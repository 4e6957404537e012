using System.Runtime.InteropServices;

namespace Spectra.Media.Srt.Internal;

/// <summary>
/// SRT_TRACEBSTATS (struct CBytePerfMon of srt/srt.h, SRT 1.5.1 as Debian builds it: 496 bytes on x86-64), declared
/// with the offsets of the members read here only. The offsets were taken with offsetof() against the 1.5.1 header.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 496)]
internal struct SrtTraceStatistics
{
    /// <summary>pktRecvTotal: data packets received, retransmissions included.</summary>
    [FieldOffset(16)]
    public long PacketsReceived;

    /// <summary>pktRcvLossTotal: packets detected lost (sequence gaps) at the receiver.</summary>
    [FieldOffset(28)]
    public int PacketsLost;

    /// <summary>pktRcvDropTotal: packets given up on because they came too late to play.</summary>
    [FieldOffset(68)]
    public int PacketsDropped;

    /// <summary>pktRcvUndecryptTotal: packets that could not be decrypted.</summary>
    [FieldOffset(72)]
    public int PacketsUndecrypted;

    /// <summary>byteRecvTotal.</summary>
    [FieldOffset(88)]
    public ulong BytesReceived;

    /// <summary>pktRcvRetrans: retransmitted packets received since the last clear (never cleared here, so since the start).</summary>
    [FieldOffset(164)]
    public int PacketsRetransmitted;

    /// <summary>mbpsRecvRate.</summary>
    [FieldOffset(192)]
    public double ReceiveRateMbps;

    /// <summary>msRTT: smoothed round-trip time.</summary>
    [FieldOffset(328)]
    public double RoundTripMs;

    /// <summary>msRcvTsbPdDelay: the latency negotiated for this connection.</summary>
    [FieldOffset(392)]
    public int ReceiveLatencyMs;
}
