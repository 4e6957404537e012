using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;

namespace Spectra.Server.Chat.Reactions;

internal sealed record ReactionBurstPublished(Guid ChannelId, ReactionBurstDto Burst);
