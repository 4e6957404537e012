namespace Spectra.Media.MpegTs.Internal;

/// <summary>
/// Turns 33-bit 90 kHz PTS/DTS values (ISO/IEC 13818-1 §2.4.3.7) into one monotonic 64-bit timeline: each value is
/// taken as the nearest one (within ±2^32 ticks, about 13 h) to the previous value, so the wrap every 26.5 h is
/// crossed transparently. Times are reported in ms from the first value seen.
/// </summary>
internal struct MpegTsClock
{
    private const long Modulus = 1L << 33;
    private const long Half = 1L << 32;
    private long _last;
    private long _extended;
    private long _base;
    private bool _started;

    /// <summary>Ticks (90 kHz) of <paramref name="raw33"/> from the first value seen; negative for values before it.</summary>
    public long Extend(long raw33)
    {
        raw33 &= Modulus - 1;
        if (!_started)
        {
            _started = true;
            _last = raw33;
            _extended = raw33;
            _base = raw33;
            return 0;
        }

        long delta = (raw33 - _last) & (Modulus - 1);
        if (delta >= Half)
        {
            delta -= Modulus;
        }

        _last = raw33;
        _extended += delta;
        return _extended - _base;
    }

    /// <summary>90 kHz ticks as ms, values before the first timestamp clamped to 0.</summary>
    public static uint ToMilliseconds(long ticks) => ticks <= 0 ? 0 : (uint)(ticks / 90 % (1L << 32));
}
