namespace Spectra.Server.Community.Recommendations;

/// <summary>Immutable snapshot of channel → most similar channels, swapped atomically on rebuild.</summary>
internal sealed class ItemItemModel
{
    public static readonly ItemItemModel Empty = new(new Dictionary<Guid, SimilarChannel[]>(), DateTime.MinValue);

    public ItemItemModel(IReadOnlyDictionary<Guid, SimilarChannel[]> neighbours, DateTime builtAt)
    {
        Neighbours = neighbours;
        BuiltAt = builtAt;
    }

    public IReadOnlyDictionary<Guid, SimilarChannel[]> Neighbours { get; }

    public DateTime BuiltAt { get; }

    public IReadOnlyList<SimilarChannel> For(Guid channelId) =>
        Neighbours.TryGetValue(channelId, out var list) ? list : [];
}
