namespace Spectra.Server.Community.Search;

/// <summary>Ranking tiers, best first when sorted descending.</summary>
internal enum SearchTier
{
    PartialWords = 0,
    Words = 1,
    NamePrefix = 2,
    ExactName = 3,
}
