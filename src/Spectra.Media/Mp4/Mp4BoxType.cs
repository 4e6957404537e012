using System.Buffers.Binary;

namespace Spectra.Media.Mp4;

/// <summary>A box type (four-character code) stored as its big-endian 32-bit value.</summary>
internal readonly record struct Mp4BoxType(uint Value)
{
    public static readonly Mp4BoxType Ftyp = From("ftyp");
    public static readonly Mp4BoxType Styp = From("styp");
    public static readonly Mp4BoxType Moov = From("moov");
    public static readonly Mp4BoxType Mvhd = From("mvhd");
    public static readonly Mp4BoxType Mvex = From("mvex");
    public static readonly Mp4BoxType Trex = From("trex");
    public static readonly Mp4BoxType Trak = From("trak");
    public static readonly Mp4BoxType Tkhd = From("tkhd");
    public static readonly Mp4BoxType Mdia = From("mdia");
    public static readonly Mp4BoxType Mdhd = From("mdhd");
    public static readonly Mp4BoxType Hdlr = From("hdlr");
    public static readonly Mp4BoxType Minf = From("minf");
    public static readonly Mp4BoxType Stbl = From("stbl");
    public static readonly Mp4BoxType Stsd = From("stsd");
    public static readonly Mp4BoxType Avc1 = From("avc1");
    public static readonly Mp4BoxType Avc3 = From("avc3");
    public static readonly Mp4BoxType AvcC = From("avcC");
    public static readonly Mp4BoxType Hvc1 = From("hvc1");
    public static readonly Mp4BoxType Hev1 = From("hev1");
    public static readonly Mp4BoxType HvcC = From("hvcC");
    public static readonly Mp4BoxType Mp4a = From("mp4a");
    public static readonly Mp4BoxType Esds = From("esds");
    public static readonly Mp4BoxType Moof = From("moof");
    public static readonly Mp4BoxType Mfhd = From("mfhd");
    public static readonly Mp4BoxType Traf = From("traf");
    public static readonly Mp4BoxType Tfhd = From("tfhd");
    public static readonly Mp4BoxType Tfdt = From("tfdt");
    public static readonly Mp4BoxType Trun = From("trun");
    public static readonly Mp4BoxType Mdat = From("mdat");
    public static readonly Mp4BoxType Uuid = From("uuid");

    /// <summary>Builds a type from exactly four ASCII characters.</summary>
    public static Mp4BoxType From(string fourCc)
    {
        ArgumentNullException.ThrowIfNull(fourCc);
        if (fourCc.Length != 4)
        {
            throw new ArgumentException("A box type has exactly four characters.", nameof(fourCc));
        }

        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            bytes[i] = checked((byte)fourCc[i]);
        }

        return new Mp4BoxType(BinaryPrimitives.ReadUInt32BigEndian(bytes));
    }

    /// <summary>The four characters; non-printable bytes are shown as '?'.</summary>
    public override string ToString()
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            var b = (byte)(Value >> (24 - (8 * i)));
            chars[i] = b is >= 0x20 and < 0x7F ? (char)b : '?';
        }

        return new string(chars);
    }
}
