using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;

namespace Spectra.Server.Accounts;

/// <summary>
/// Server-side sign-in sessions: the cookie carries a session id, each request checks that the session
/// is active and the user's security stamp unchanged, and signing out revokes the row, so a copied
/// cookie dies with the session. Closing a session also closes its open connections on this node.
/// </summary>
internal sealed partial class UserSessionService(
    SpectraDbContext db,
    AccountConnections connections,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<UserSessionService> logger)
{
    /// <summary>How stale <see cref="UserSession.LastSeenAt"/> may get before a request refreshes it.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    /// <summary>Starts a session for <paramref name="user"/> and issues this browser's cookie for it.</summary>
    public async Task<Guid> SignInAsync(HttpContext context, User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow().UtcDateTime;
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            UserAgent = userAgent.Length > 200 ? userAgent[..200] : userAgent,
            Address = context.Connection.RemoteIpAddress?.ToString() ?? "",
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            AccountService.CreatePrincipal(user, CookieAuthenticationDefaults.AuthenticationScheme, session.Id),
            new AuthenticationProperties { IsPersistent = true });
        return session.Id;
    }

    /// <summary>Ends this browser's session on the server and removes its cookie.</summary>
    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.GetUserId() is { } userId && context.User.GetSessionId() is { } sessionId)
        {
            await RevokeAsync(userId, sessionId, cancellationToken);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>Signs out one of the user's sessions; false when it is not theirs or already ended.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var revoked = await db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        connections.CloseSession(sessionId, "signed out");
        if (revoked > 0)
        {
            LogSessionRevoked(logger, userId, sessionId);
        }

        return revoked > 0;
    }

    /// <summary>
    /// Signs out every session of the user and changes the security stamp (so cookies of any age and
    /// every open connection stop working), then closes the user's connections on this node.
    /// </summary>
    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stamp = AccountService.NewStamp();
        var revoked = await db.UserSessions
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
        connections.CloseUser(userId, "signed out everywhere");
        LogSignedOutEverywhere(logger, userId, revoked);
        return revoked;
    }

    /// <summary>The user's active sessions, most recently used first.</summary>
    public Task<List<UserSession>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.CookieLifetime;
        return db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.LastSeenAt > cutoff)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Whether a cookie for <paramref name="userId"/> with <paramref name="stamp"/> and
    /// <paramref name="sessionId"/> is still good: the session is active and not idle past the cookie
    /// lifetime, and the stamp is current. Refreshes the session's last-seen time now and then.
    /// </summary>
    public async Task<bool> ValidateAsync(Guid userId, Guid sessionId, string stamp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null)
            .Select(s => new { s.LastSeenAt, s.User!.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.SecurityStamp != stamp || now - row.LastSeenAt > options.Value.CookieLifetime)
        {
            return false;
        }

        if (now - row.LastSeenAt > LastSeenResolution)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return true;
    }

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Session {SessionId} of user {UserId} signed out")]
    private static partial void LogSessionRevoked(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "User {UserId} signed out everywhere ({Count} sessions)")]
    private static partial void LogSignedOutEverywhere(ILogger logger, Guid userId, int count);
}
