namespace Spectra.Server.Community.Recommendations;

/// <summary>
/// One signal of taste: a follow (weight 1) or watching a channel (weight 0.2–0.8 by watch time).
/// </summary>
internal readonly record struct Interaction(Guid ChannelId, double Weight, InteractionKind Kind);
