namespace Spectra.Media.Mp4;

/// <summary>
/// The header of one ISO BMFF box (ISO/IEC 14496-12 §4.2).
/// <code>
///  0                   4                   8
///  +-------------------+-------------------+
///  | size (u32, BE)    | type (4CC)        |
///  +-------------------+-------------------+
///  | largesize (u64, BE), only if size == 1 |
///  +---------------------------------------+
///  | usertype (16 bytes), only if type == 'uuid'
/// </code>
/// </summary>
/// <param name="Type">Box type as a big-endian four-character code.</param>
/// <param name="HeaderSize">Bytes of header: 8, 16 (largesize), plus 16 for 'uuid'.</param>
/// <param name="Size">Total box size in bytes, header included.</param>
internal readonly record struct Mp4BoxHeader(Mp4BoxType Type, int HeaderSize, long Size)
{
    /// <summary>Bytes of payload after the header.</summary>
    public long PayloadSize => Size - HeaderSize;
}
