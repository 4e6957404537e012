namespace Spectra.Server.Community.Recommendations;

/// <summary>A neighbour in the item–item model; similarity is a shrunk cosine in 0–1.</summary>
internal readonly record struct SimilarChannel(Guid ChannelId, float Similarity);
