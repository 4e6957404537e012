namespace Spectra.Server.Community.Schedule;

/// <summary>One VEVENT; times are UTC.</summary>
internal sealed record CalendarEvent(
    string Uid,
    DateTime Start,
    DateTime End,
    string Summary,
    string? Description,
    string? Category,
    string? Url,
    DateTime Stamp);
