namespace Spectra.Server.Community.Schedule;

/// <summary>A new show: start (UTC, in the future), length in minutes (15–1440, default 120).</summary>
internal sealed record ScheduleRequest(string? Title, int? CategoryId, string? Description, DateTime StartsAt, int? DurationMinutes);
