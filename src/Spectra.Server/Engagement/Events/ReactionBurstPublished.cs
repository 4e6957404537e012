using Spectra.Server.Engagement.Contracts;

namespace Spectra.Server.Engagement.Events;

public sealed record ReactionBurstPublished(Guid ChannelId, ReactionBurstDto Burst);
