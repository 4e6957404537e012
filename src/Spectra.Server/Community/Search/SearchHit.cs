namespace Spectra.Server.Community.Search;

/// <summary>A ranked result. <see cref="Score"/> orders hits inside a tier (text match 0–1 plus live boost).</summary>
internal sealed record SearchHit(SearchCandidate Channel, SearchTier Tier, double Score);
