using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Live;
using Spectra.Media.Live;

namespace Spectra.Server.Live.Internal;

/// <summary>Writes stream sessions; each call uses its own short-lived DbContext.</summary>
internal sealed class LiveSessionStore(IServiceScopeFactory scopes)
{
    public const string ReasonPublisherLeft = "publisher-left";
    public const string ReasonServerStopped = "server-stopped";
    public const string ReasonInterrupted = "interrupted";

    public async Task StartAsync(Guid sessionId, Guid channelId, DateTime startedAt, StreamHealth? health, string? encoder, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var session = new StreamSession { Id = sessionId, ChannelId = channelId, StartedAt = startedAt, Encoder = encoder };
        ApplyHealth(session, health);
        db.StreamSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EndAsync(Guid sessionId, DateTime endedAt, StreamHealth? health, string? encoder, int reconnects, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var session = await db.StreamSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return;
        }

        ApplyHealth(session, health);
        session.Encoder = encoder ?? session.Encoder;
        session.Reconnects = reconnects;
        session.EndedAt = endedAt;
        session.EndReason = reason;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records ingest facts learnt after the session started (the first health sample may follow the first segment).</summary>
    public async Task UpdateFactsAsync(Guid sessionId, StreamHealth health, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var session = await db.StreamSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return;
        }

        ApplyHealth(session, health);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Ends sessions left open by a previous run of this server (a crash or kill): nothing can be live
    /// before this process accepted a publisher. Returns how many were closed.
    /// </summary>
    public async Task<int> CloseInterruptedAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        return await db.StreamSessions
            .Where(s => s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, ReasonInterrupted), cancellationToken);
    }

    private static void ApplyHealth(StreamSession session, StreamHealth? health)
    {
        if (health is null)
        {
            return;
        }

        session.VideoCodec = Truncate(health.VideoCodec) ?? session.VideoCodec;
        session.AudioCodec = Truncate(health.AudioCodec) ?? session.AudioCodec;
        session.Width = health.Width ?? session.Width;
        session.Height = health.Height ?? session.Height;
        session.FrameRate = health.FrameRate ?? session.FrameRate;
        session.BitrateKbps = health.BitrateKbps is { } kbps ? (int)Math.Round(kbps) : session.BitrateKbps;
    }

    private static string? Truncate(string? codec) =>
        codec is { Length: > StreamSession.CodecMaxLength } ? codec[..StreamSession.CodecMaxLength] : codec;
}
