using Spectra.Server.Engagement.Contracts;

namespace Spectra.Server.Engagement.Events;

public sealed record QuestionChanged(Guid ChannelId, QuestionDto Question);
