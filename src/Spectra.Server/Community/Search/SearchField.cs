namespace Spectra.Server.Community.Search;

/// <summary>Where a search key came from; the value is stored in the key table (keep numbers stable).</summary>
internal enum SearchField : byte
{
    Name = 0,
    Title = 1,
    Category = 2,
    Tag = 3,
}
