namespace Spectra.Data.Entities.Chat;

public class ChatQuestionVote
{
    public Guid QuestionId { get; set; }

    public Guid UserId { get; set; }
}
