using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;

namespace Spectra.Server.Chat.Polls;

internal sealed record PollChanged(Guid ChannelId, PollDto Poll);
