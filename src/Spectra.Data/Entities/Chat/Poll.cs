namespace Spectra.Data.Entities.Chat;

/// <summary>A poll or quiz (a quiz has <see cref="CorrectOption"/>), stored when it closes.</summary>
public class Poll
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public Guid? StreamSessionId { get; set; }

    public string Question { get; set; } = "";

    /// <summary>Options joined by newlines (options cannot contain line breaks).</summary>
    public string Options { get; set; } = "";

    public int? CorrectOption { get; set; }

    /// <summary>Votes per option joined by commas, in option order.</summary>
    public string Counts { get; set; } = "";

    public Guid CreatedById { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime ClosedAt { get; set; }

    public List<PollVote> Votes { get; set; } = [];
}
