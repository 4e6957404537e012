namespace Spectra.Server.Community.Schedule;

/// <summary>An upcoming show as listed on channel and schedule pages.</summary>
internal sealed record ScheduledShowInfo(
    Guid Id,
    Guid ChannelId,
    string ChannelName,
    string Title,
    int? CategoryId,
    string? Category,
    string Description,
    DateTime StartsAt,
    DateTime EndsAt);
