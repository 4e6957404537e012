namespace Spectra.Server.Chat.Polls;

/// <summary>StartPoll argument: 2–6 options, 10–3600 s; <see cref="CorrectOption"/> makes it a quiz.</summary>
internal sealed record PollRequest(string Question, string[] Options, int DurationSeconds, int? CorrectOption);
