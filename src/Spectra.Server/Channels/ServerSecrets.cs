using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;

namespace Spectra.Server.Channels;

/// <summary>
/// Server-wide random secrets kept in the database, encrypted with Data Protection. Created on first
/// use; every node sharing the database and key ring reads the same value.
/// </summary>
internal sealed class ServerSecrets(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Spectra.ServerSecrets.v1");
    private readonly ConcurrentDictionary<string, byte[]> _cache = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Returns the named secret (32 random bytes), creating it if missing.</summary>
    public async ValueTask<byte[]> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(name, out cached))
            {
                return cached;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var row = await db.AppSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
            if (row is null)
            {
                var value = RandomNumberGenerator.GetBytes(32);
                db.AppSecrets.Add(new AppSecret { Name = name, ProtectedValue = Convert.ToBase64String(_protector.Protect(value)), CreatedAt = time.GetUtcNow().UtcDateTime });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another node created it first: use theirs.
                    db.ChangeTracker.Clear();
                }

                row = await db.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == name, cancellationToken);
            }

            var secret = _protector.Unprotect(Convert.FromBase64String(row.ProtectedValue));
            _cache[name] = secret;
            return secret;
        }
        finally
        {
            _gate.Release();
        }
    }
}
