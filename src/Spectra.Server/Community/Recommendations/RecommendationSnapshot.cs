namespace Spectra.Server.Community.Recommendations;

/// <summary>Everything the blender reads, rebuilt together and swapped atomically.</summary>
internal sealed record RecommendationSnapshot(
    ItemItemModel Model,
    IReadOnlyDictionary<Guid, CandidateChannel> Channels,
    IReadOnlyList<Guid> PopularPool,
    DateTime BuiltAt)
{
    public static readonly RecommendationSnapshot Empty = new(ItemItemModel.Empty, new Dictionary<Guid, CandidateChannel>(), [], DateTime.MinValue);
}
