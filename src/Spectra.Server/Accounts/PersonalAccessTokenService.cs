using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Accounts;

/// <summary>
/// Personal access tokens "spt_" + 40 base-62 characters (about 238 bits). Shown once at creation;
/// only a SHA-256 hash is stored (the token is random, so an unkeyed hash suffices).
/// </summary>
internal sealed class PersonalAccessTokenService(SpectraDbContext db, TimeProvider time)
{
    public const string Prefix = "spt_";
    public const int MaxTokensPerUser = 20;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public Task<List<PersonalAccessToken>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);

    /// <summary>Creates a token and returns it in clear (the only time it is available).</summary>
    public async Task<OperationResult<string>> CreateAsync(Guid userId, string? name, CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 60)
        {
            return OperationResult<string>.Failure("Name", "Token names are 1 to 60 characters.");
        }

        if (await db.PersonalAccessTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, cancellationToken) >= MaxTokensPerUser)
        {
            return OperationResult<string>.Failure("Name", $"At most {MaxTokensPerUser} active tokens; revoke one first.");
        }

        var token = Prefix + RandomNumberGenerator.GetString(Alphabet, 40);
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            TokenHash = Hash(token),
            Prefix = token[..10],
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<string>.Success(token);
    }

    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The user a presented token belongs to, or null if unknown, malformed or revoked.</summary>
    public async Task<User?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }

        var hash = Hash(presented);
        var token = await db.PersonalAccessTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, cancellationToken);
        if (token?.User is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return token.User;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
