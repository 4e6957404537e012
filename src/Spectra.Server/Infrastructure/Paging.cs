namespace Spectra.Server.Infrastructure;

/// <summary>Offsets of 1-based pages, safe for any page number a request can carry.</summary>
internal static class Paging
{
    /// <summary>
    /// Rows to skip before <paramref name="page"/> (values below 1 count as 1). Computed in 64 bits and
    /// capped at <see cref="int.MaxValue"/>: a huge page number gives an empty page, never a negative
    /// OFFSET (which PostgreSQL rejects).
    /// </summary>
    public static int Offset(int page, int pageSize) =>
        (int)Math.Min((Math.Max(page, 1) - 1L) * Math.Max(pageSize, 0), int.MaxValue);
}
