using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;

namespace Spectra.Server.Chat.Questions;

internal sealed record QuestionChanged(Guid ChannelId, QuestionDto Question);
