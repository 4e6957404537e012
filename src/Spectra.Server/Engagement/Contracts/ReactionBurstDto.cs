namespace Spectra.Server.Engagement.Contracts;

/// <summary>Reaction taps in one interval, indexed like JoinResult.Reactions.</summary>
public sealed record ReactionBurstDto(int[] Counts);
