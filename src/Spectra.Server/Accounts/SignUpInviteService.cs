using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;

namespace Spectra.Server.Accounts;

/// <summary>
/// One-time sign-up codes: invites ("inv_" + 24 base-62 characters, from <c>invite create</c>) and the
/// set-up code that makes the first admin ("setup_" + 24 base-62 characters, printed at start while the
/// site has no admin). Only SHA-256 hashes are stored; a code is taken by one conditional UPDATE, so two
/// sign-ups racing for it cannot both win.
/// </summary>
internal sealed class SignUpInviteService(SpectraDbContext db, TimeProvider time)
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Creates an invite and returns its code in clear (the only time it is available).</summary>
    public async Task<string> CreateInviteAsync(TimeSpan? validFor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = "inv_" + RandomNumberGenerator.GetString(Alphabet, 24);
        db.SignUpInvites.Add(new SignUpInvite { Id = Guid.NewGuid(), CodeHash = Hash(code), CreatedAt = now, ExpiresAt = now + validFor });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>
    /// While the site has no admin: withdraws earlier set-up codes and returns a new one (to print to the
    /// log). Null when an admin exists.
    /// </summary>
    public async Task<string?> RenewSetupCodeAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(u => u.IsAdmin, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.SignUpInvites.Where(i => i.GrantsAdmin && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        var code = "setup_" + RandomNumberGenerator.GetString(Alphabet, 24);
        db.SignUpInvites.Add(new SignUpInvite { Id = Guid.NewGuid(), CodeHash = Hash(code), GrantsAdmin = true, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>Takes an unused, unexpired code; returns it, or null when the code is not valid (any more).</summary>
    public async Task<SignUpInvite?> TakeAsync(string? code, CancellationToken cancellationToken = default)
    {
        code = code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 64)
        {
            return null;
        }

        var hash = Hash(code);
        var now = time.GetUtcNow().UtcDateTime;
        var taken = await db.SignUpInvites
            .Where(i => i.CodeHash == hash && i.UsedAt == null && (i.ExpiresAt == null || i.ExpiresAt > now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        return taken == 0 ? null : await db.SignUpInvites.AsNoTracking().SingleAsync(i => i.CodeHash == hash, cancellationToken);
    }

    /// <summary>Gives a taken code back (the sign-up failed after taking it).</summary>
    public Task GiveBackAsync(Guid inviteId, CancellationToken cancellationToken = default) =>
        db.SignUpInvites.Where(i => i.Id == inviteId).ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, (DateTime?)null), cancellationToken);

    /// <summary>Records which account used the code.</summary>
    public Task RecordUseAsync(Guid inviteId, Guid userId, CancellationToken cancellationToken = default) =>
        db.SignUpInvites.Where(i => i.Id == inviteId).ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedByUserId, userId), cancellationToken);

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
