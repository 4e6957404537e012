namespace Spectra.Server.Chat.Reactions;

internal sealed record ReactionBurstPublished(Guid ChannelId, ReactionBurstDto Burst);
