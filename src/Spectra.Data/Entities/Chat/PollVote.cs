namespace Spectra.Data.Entities.Chat;

/// <summary>A user's final vote in a closed poll.</summary>
public class PollVote
{
    public Guid PollId { get; set; }

    public Guid UserId { get; set; }

    public int Option { get; set; }

    public bool IsCorrect { get; set; }
}
