namespace Spectra.Server.Chat.Reactions;

/// <summary>Taps per reaction kind (indexed as <see cref="ReactionKinds.Names"/>) in one interval.</summary>
internal sealed record ReactionBurst(Guid ChannelId, int[] Counts);
