namespace Spectra.Media.Mp4;

/// <summary>
/// Malformed or unsupported ISO BMFF input. <see cref="Offset"/> is the absolute byte offset in the
/// parsed input where the problem was found (-1 when unknown) and <see cref="BoxType"/> the box
/// being read, so the caller can say exactly what was wrong.
/// </summary>
internal sealed class Mp4FormatException : Exception
{
    public Mp4FormatException()
        : this("Malformed ISO BMFF input.")
    {
    }

    public Mp4FormatException(string message)
        : this(message, -1, null)
    {
    }

    public Mp4FormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Offset = -1;
    }

    public Mp4FormatException(string message, long offset, Mp4BoxType? boxType)
        : base(message)
    {
        Offset = offset;
        BoxType = boxType;
    }

    /// <summary>Absolute byte offset of the faulty box or field, or -1.</summary>
    public long Offset { get; }

    /// <summary>Type of the box being read, when known.</summary>
    public Mp4BoxType? BoxType { get; }
}
