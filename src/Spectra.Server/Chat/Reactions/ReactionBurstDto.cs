namespace Spectra.Server.Chat.Reactions;

/// <summary>Reaction taps in one interval, indexed like JoinResult.Reactions.</summary>
internal sealed record ReactionBurstDto(int[] Counts);
