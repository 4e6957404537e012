using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;

namespace Spectra.Server.Accounts;

/// <summary>
/// The signed-in user's long-lived connections on this node (chat hub, notifications socket), each with
/// the security stamp and session it was opened with and a way to close it. A connection is closed
/// when its user's stamp changes (password change, admin granted or revoked, sign out everywhere) or its
/// session is signed out: at once when that happens on this node, and within
/// <see cref="AccountOptions.ConnectionRevalidationInterval"/> when it happens elsewhere (the CLI, another
/// node), by <see cref="Internal.AccountConnectionValidator"/> reading the database.
/// </summary>
internal sealed partial class AccountConnections(IServiceScopeFactory scopes, ILogger<AccountConnections> logger)
{
    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private long _nextId;

    public int Count => _entries.Count;

    /// <summary>Tracks a connection of <paramref name="user"/>; dispose the result when it closes. Null for anonymous callers.</summary>
    public IDisposable? Register(ClaimsPrincipal? user, Action close)
    {
        ArgumentNullException.ThrowIfNull(close);
        if (user?.GetUserId() is not { } userId)
        {
            return null;
        }

        var id = Interlocked.Increment(ref _nextId);
        var entry = new Entry(this, id, userId, user.GetSessionId(), user.FindFirstValue(AccountService.SecurityStampClaim) ?? "", close);
        _entries[id] = entry;
        return entry;
    }

    /// <summary>Closes every connection of <paramref name="userId"/> on this node; returns how many.</summary>
    public int CloseUser(Guid userId, string reason) => CloseWhere(e => e.UserId == userId, reason);

    /// <summary>Closes every connection opened with session <paramref name="sessionId"/> on this node.</summary>
    public int CloseSession(Guid sessionId, string reason) => CloseWhere(e => e.SessionId == sessionId, reason);

    /// <summary>
    /// Whether <paramref name="user"/>'s security stamp (and session, for cookie sign-ins) is still the
    /// current one in the database. Checked before privileged calls on long-lived connections, whose
    /// claims were read when they opened.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.GetUserId() is not { } userId || user.FindFirstValue(AccountService.SecurityStampClaim) is not { } stamp)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
        if (current != stamp)
        {
            return false;
        }

        return user.GetSessionId() is not { } sessionId
            || await db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, cancellationToken);
    }

    /// <summary>
    /// Checks every tracked connection against the database and closes those whose stamp changed or
    /// whose session ended. Returns how many were closed.
    /// </summary>
    public async Task<int> RevalidateAsync(CancellationToken cancellationToken)
    {
        var entries = _entries.Values.ToList();
        if (entries.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var stamps = new Dictionary<Guid, string>();
        foreach (var chunk in entries.Select(e => e.UserId).Distinct().Chunk(500))
        {
            foreach (var row in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.SecurityStamp }).ToListAsync(cancellationToken))
            {
                stamps[row.Id] = row.SecurityStamp;
            }
        }

        var activeSessions = new HashSet<Guid>();
        foreach (var chunk in entries.Where(e => e.SessionId is not null).Select(e => e.SessionId!.Value).Distinct().Chunk(500))
        {
            activeSessions.UnionWith(await db.UserSessions.AsNoTracking().Where(s => chunk.Contains(s.Id) && s.RevokedAt == null).Select(s => s.Id).ToListAsync(cancellationToken));
        }

        return CloseWhere(
            e => !stamps.TryGetValue(e.UserId, out var stamp) || stamp != e.Stamp || (e.SessionId is { } sid && !activeSessions.Contains(sid)),
            "sign-in no longer valid");
    }

    private int CloseWhere(Func<Entry, bool> predicate, string reason)
    {
        var closed = 0;
        foreach (var entry in _entries.Values)
        {
            if (predicate(entry) && _entries.TryRemove(entry.Id, out _))
            {
                closed++;
                LogClosing(logger, entry.UserId, reason);
                try
                {
                    entry.Close();
                }
                catch (ObjectDisposedException)
                {
                    // The connection closed on its own meanwhile.
                }
            }
        }

        return closed;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Closing a connection of user {UserId}: {Reason}")]
    private static partial void LogClosing(ILogger logger, Guid userId, string reason);

    private sealed class Entry(AccountConnections owner, long id, Guid userId, Guid? sessionId, string stamp, Action close) : IDisposable
    {
        public long Id => id;

        public Guid UserId => userId;

        public Guid? SessionId => sessionId;

        public string Stamp => stamp;

        public void Close() => close();

        public void Dispose() => owner._entries.TryRemove(id, out _);
    }
}
