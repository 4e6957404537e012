namespace Spectra.Server.Chat.Polls;

/// <summary>
/// What a moderator asks for when starting a poll. <see cref="CorrectOption"/> set makes it a quiz.
/// </summary>
internal sealed record PollDefinition(string Question, IReadOnlyList<string> Options, int DurationSeconds, int? CorrectOption = null)
{
    public const int MaxQuestionLength = 200;
    public const int MaxOptionLength = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 6;
    public const int MinDurationSeconds = 10;
    public const int MaxDurationSeconds = 3600;

    /// <summary>Checks the definition; returns a caller-facing error, or null when valid.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Question) || Question.Trim().Length > MaxQuestionLength)
        {
            return $"The question must have 1 to {MaxQuestionLength} characters.";
        }

        if (Options is null || Options.Count < MinOptions || Options.Count > MaxOptions)
        {
            return $"A poll has {MinOptions} to {MaxOptions} options.";
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in Options)
        {
            if (string.IsNullOrWhiteSpace(option) || option.Trim().Length > MaxOptionLength)
            {
                return $"Each option must have 1 to {MaxOptionLength} characters.";
            }

            if (!seen.Add(option.Trim()))
            {
                return "Options must differ from each other.";
            }
        }

        if (DurationSeconds < MinDurationSeconds || DurationSeconds > MaxDurationSeconds)
        {
            return $"The duration must be {MinDurationSeconds} to {MaxDurationSeconds} seconds.";
        }

        if (CorrectOption is { } correct && (correct < 0 || correct >= Options.Count))
        {
            return "The correct option must be one of the options.";
        }

        return null;
    }
}
