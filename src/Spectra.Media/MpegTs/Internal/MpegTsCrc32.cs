namespace Spectra.Media.MpegTs.Internal;

/// <summary>
/// CRC_32 of PSI sections (ISO/IEC 13818-1 annex A): polynomial 0x04C11DB7, initial value 0xFFFFFFFF, no reflection,
/// no final XOR. Over a whole section including its CRC_32 field the result is 0.
/// </summary>
internal static class MpegTsCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc = (crc << 8) ^ Table[(crc >> 24) ^ b];
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i << 24;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }

            table[i] = c;
        }

        return table;
    }
}
