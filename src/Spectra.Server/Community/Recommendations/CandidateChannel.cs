namespace Spectra.Server.Community.Recommendations;

/// <summary>What the blender needs to know about a channel: its category and popularity in 0–1.</summary>
internal readonly record struct CandidateChannel(Guid ChannelId, int? CategoryId, double Popularity);
