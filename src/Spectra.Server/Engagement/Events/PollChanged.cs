using Spectra.Server.Engagement.Contracts;

namespace Spectra.Server.Engagement.Events;

public sealed record PollChanged(Guid ChannelId, PollDto Poll);
