namespace Spectra.Server.Chat.Polls;

/// <summary>A poll or quiz and its live results.</summary>
/// <param name="Counts">Votes per option, in option order.</param>
/// <param name="CorrectOption">For a quiz: revealed (non-null) only once closed.</param>
/// <param name="CorrectVoters">For a closed quiz: names of users whose final vote was correct (at most 50).</param>
/// <param name="CorrectCount">For a closed quiz: how many got it right.</param>
internal sealed record PollDto(
    Guid Id,
    string Question,
    IReadOnlyList<string> Options,
    int[] Counts,
    int TotalVotes,
    bool IsQuiz,
    bool IsOpen,
    DateTime ClosesAt,
    int? CorrectOption,
    IReadOnlyList<string> CorrectVoters,
    int CorrectCount);
