namespace Spectra.Server.Chat.Questions;

internal sealed record QuestionChanged(Guid ChannelId, QuestionDto Question);
