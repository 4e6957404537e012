namespace Spectra.Media.Flv.Internal;

/// <summary>
/// MSB-first bit reader with exp-Golomb codes (ITU-T H.264 §9.1) over an RBSP (emulation
/// prevention bytes already removed). Reading past the end yields zeros and sets
/// <see cref="Overrun"/> instead of throwing, so a parser checks once at the end.
/// </summary>
internal ref struct RbspBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _bitPosition;

    public RbspBitReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _bitPosition = 0;
        Overrun = false;
    }

    public bool Overrun { get; private set; }

    public uint ReadBit()
    {
        int byteIndex = _bitPosition >> 3;
        if (byteIndex >= _data.Length)
        {
            Overrun = true;
            return 0;
        }

        uint bit = (uint)(_data[byteIndex] >> (7 - (_bitPosition & 7))) & 1;
        _bitPosition++;
        return bit;
    }

    /// <summary>u(n), n ≤ 32.</summary>
    public uint ReadBits(int count)
    {
        uint value = 0;
        for (int i = 0; i < count; i++)
        {
            value = (value << 1) | ReadBit();
        }

        return value;
    }

    /// <summary>ue(v): leadingZeroBits zeros, a one, then leadingZeroBits bits; value = 2^lz − 1 + bits.</summary>
    public uint ReadUnsignedExpGolomb()
    {
        int leadingZeros = 0;
        while (ReadBit() == 0)
        {
            if (Overrun || ++leadingZeros > 31)
            {
                Overrun = true;
                return 0;
            }
        }

        return leadingZeros == 0 ? 0 : (uint)((1UL << leadingZeros) - 1 + ReadBits(leadingZeros));
    }

    /// <summary>se(v) (§9.1.1): codeNum k maps to (−1)^(k+1) · Ceil(k ÷ 2).</summary>
    public int ReadSignedExpGolomb()
    {
        uint codeNum = ReadUnsignedExpGolomb();
        int magnitude = (int)((codeNum + 1) / 2);
        return (codeNum & 1) != 0 ? magnitude : -magnitude;
    }

    /// <summary>Copies a NAL unit payload without emulation_prevention_three_byte (H.264 §7.4.1: 00 00 03 → 00 00).</summary>
    public static int Unescape(ReadOnlySpan<byte> nal, Span<byte> rbsp)
    {
        int zeros = 0;
        int written = 0;
        foreach (byte b in nal)
        {
            if (zeros >= 2 && b == 0x03)
            {
                zeros = 0;
                continue;
            }

            zeros = b == 0 ? zeros + 1 : 0;
            rbsp[written++] = b;
        }

        return written;
    }
}
