using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;

namespace Spectra.Server.Channels;

/// <summary>
/// Stream keys: "live_" followed by 32 base-62 characters (about 190 bits). Never stored in clear:
/// the channel row keeps an HMAC-SHA256 of the key (to find the channel from a presented key) and a
/// Data Protection ciphertext (so the owner can reveal it). Presented keys are compared with the
/// decrypted key in constant time.
/// </summary>
internal sealed class StreamKeyService(SpectraDbContext db, ServerSecrets secrets, IDataProtectionProvider protection, TimeProvider time)
{
    public const string Prefix = "live_";
    private const int RandomLength = 32;
    private const int MaxKeyLength = 128;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string LookupSecretName = "stream-key-lookup";
    private readonly IDataProtector _protector = protection.CreateProtector("Spectra.StreamKeys.v1");

    /// <summary>Gives the channel a fresh key (the old one stops working once saved) and returns it.</summary>
    public async Task<string> AssignNewKeyAsync(Channel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var key = Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);
        channel.StreamKeyHash = await HashAsync(key, cancellationToken);
        channel.StreamKeyProtected = _protector.Protect(key);
        channel.UpdatedAt = time.GetUtcNow().UtcDateTime;
        return key;
    }

    /// <summary>Rotates the key of a channel and saves; returns the new key or null if no such channel.</summary>
    public async Task<string?> RotateAsync(Guid channelId, CancellationToken cancellationToken = default)
    {
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var key = await AssignNewKeyAsync(channel, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public string Reveal(Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return _protector.Unprotect(channel.StreamKeyProtected);
    }

    /// <summary>Finds the channel a presented key belongs to, or null for unknown or malformed keys.</summary>
    public async Task<Channel?> FindChannelAsync(string? presentedKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = await HashAsync(presentedKey, cancellationToken);
        var channel = await db.Channels.Include(c => c.Owner).SingleOrDefaultAsync(c => c.StreamKeyHash == hash, cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var stored = Encoding.UTF8.GetBytes(Reveal(channel));
        var presented = Encoding.UTF8.GetBytes(presentedKey);
        return CryptographicOperations.FixedTimeEquals(stored, presented) ? channel : null;
    }

    private async ValueTask<string> HashAsync(string key, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetAsync(LookupSecretName, cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(key)));
    }
}
