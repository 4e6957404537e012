using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Live;
using Spectra.Rtmp;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Restreaming;

/// <summary>
/// A channel's restream destinations: validated, the key encrypted with Data Protection (never stored, shown
/// or logged in clear), and every change applied at once to a running broadcast through the
/// <see cref="RestreamCoordinator"/>.
/// </summary>
internal sealed partial class RestreamDestinationService(
    SpectraDbContext db,
    IDataProtectionProvider protection,
    RestreamCoordinator coordinator,
    TimeProvider time,
    ILogger<RestreamDestinationService> logger)
{
    /// <summary>Destinations one channel may have.</summary>
    public const int MaxDestinations = 10;

    private const int KeyHintLength = 4;
    private readonly IDataProtector _protector = protection.CreateProtector("Spectra.RestreamKeys.v1");

    public Task<List<RestreamDestination>> ListAsync(Guid channelId, CancellationToken cancellationToken)
        => db.RestreamDestinations.AsNoTracking().Where(d => d.ChannelId == channelId).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The destinations as shown, with the status of the running push.</summary>
    public async Task<List<RestreamDestinationDto>> ListWithStatusAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var destinations = await ListAsync(channelId, cancellationToken);
        return destinations.ConvertAll(d => RestreamDestinationDto.Create(d, d.Enabled ? coordinator.GetStatus(channelId, d.Id) : null));
    }

    public async Task<OperationResult<RestreamDestination>> AddAsync(Guid channelId, RestreamDestinationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        var preset = RestreamPresets.Find(input.Preset);
        if (preset is null && !string.IsNullOrEmpty(input.Preset) && !string.Equals(input.Preset, RestreamPresets.Custom, StringComparison.OrdinalIgnoreCase))
        {
            errors[nameof(input.Preset)] = [$"Unknown platform '{input.Preset}'; choose twitch, youtube, kick or custom."];
        }

        var serverUrl = (preset?.ServerUrl ?? input.ServerUrl ?? string.Empty).Trim();
        if (preset is null && !RtmpPublishTarget.IsValidUrl(serverUrl, out var urlError))
        {
            errors[nameof(input.ServerUrl)] = [urlError];
        }

        var key = input.StreamKey?.Trim() ?? string.Empty;
        if (!RtmpPublishTarget.IsValidStreamKey(key, out var keyError))
        {
            errors[nameof(input.StreamKey)] = [keyError];
        }

        var name = string.IsNullOrWhiteSpace(input.Name) ? preset?.Name ?? HostOf(serverUrl) : input.Name.Trim();
        if (name.Length > RestreamDestination.NameMaxLength)
        {
            errors[nameof(input.Name)] = [$"Names are at most {RestreamDestination.NameMaxLength} characters."];
        }

        if (await db.RestreamDestinations.CountAsync(d => d.ChannelId == channelId, cancellationToken) >= MaxDestinations)
        {
            errors[string.Empty] = [$"A channel has at most {MaxDestinations} destinations; remove one first."];
        }

        if (errors.Count > 0)
        {
            return OperationResult<RestreamDestination>.Failure(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var destination = new RestreamDestination
        {
            Id = Guid.CreateVersion7(),
            ChannelId = channelId,
            Name = name,
            ServerUrl = serverUrl,
            StreamKeyProtected = _protector.Protect(key),
            StreamKeyHint = key.Length > KeyHintLength * 2 ? key[^KeyHintLength..] : string.Empty,
            Enabled = input.Enabled ?? true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.RestreamDestinations.Add(destination);
        await db.SaveChangesAsync(cancellationToken);
        Log.Added(logger, channelId, destination.Id, destination.Name, destination.ServerUrl);
        await coordinator.SyncAsync(channelId, cancellationToken);
        return OperationResult<RestreamDestination>.Success(destination);
    }

    /// <summary>Turns pushing on or off; off stops a running push at once. Null when the channel has no such destination.</summary>
    public async Task<RestreamDestination?> SetEnabledAsync(Guid channelId, Guid id, bool enabled, CancellationToken cancellationToken)
    {
        var destination = await db.RestreamDestinations.SingleOrDefaultAsync(d => d.Id == id && d.ChannelId == channelId, cancellationToken);
        if (destination is null)
        {
            return null;
        }

        if (destination.Enabled != enabled)
        {
            destination.Enabled = enabled;
            destination.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            Log.Toggled(logger, channelId, id, enabled);
            await coordinator.SyncAsync(channelId, cancellationToken);
        }

        return destination;
    }

    /// <summary>Deletes a destination and stops its push at once; false when the channel has no such destination.</summary>
    public async Task<bool> RemoveAsync(Guid channelId, Guid id, CancellationToken cancellationToken)
    {
        var removed = await db.RestreamDestinations.Where(d => d.Id == id && d.ChannelId == channelId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return false;
        }

        Log.Removed(logger, channelId, id);
        await coordinator.SyncAsync(channelId, cancellationToken);
        return true;
    }

    /// <summary>The enabled destinations with their keys decrypted, for the push; a key that no longer decrypts is skipped and logged.</summary>
    public async Task<List<Spectra.Media.Restream.RestreamDestination>> GetEnabledTargetsAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var rows = await db.RestreamDestinations.AsNoTracking().Where(d => d.ChannelId == channelId && d.Enabled).ToListAsync(cancellationToken);
        var targets = new List<Spectra.Media.Restream.RestreamDestination>(rows.Count);
        foreach (var row in rows)
        {
            string key;
            try
            {
                key = _protector.Unprotect(row.StreamKeyProtected);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                Log.KeyUnreadable(logger, channelId, row.Id);
                continue;
            }

            if (RtmpPublishTarget.TryCreate(row.ServerUrl, key, out var target, out var error))
            {
                targets.Add(new Spectra.Media.Restream.RestreamDestination(row.Id.ToString(), row.Name, target));
            }
            else
            {
                Log.Invalid(logger, channelId, row.Id, error);
            }
        }

        return targets;
    }

    private static string HostOf(string url)
    {
        var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "Destination";
        return host.Length > RestreamDestination.NameMaxLength ? host[..RestreamDestination.NameMaxLength] : host;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4720, EventName = "RestreamDestinationAdded", Level = LogLevel.Information,
            Message = "Channel {ChannelId}: restream destination {DestinationId} '{Name}' added ({ServerUrl})")]
        public static partial void Added(ILogger logger, Guid channelId, Guid destinationId, string name, string serverUrl);

        [LoggerMessage(EventId = 4721, EventName = "RestreamDestinationToggled", Level = LogLevel.Information,
            Message = "Channel {ChannelId}: restream destination {DestinationId} enabled: {Enabled}")]
        public static partial void Toggled(ILogger logger, Guid channelId, Guid destinationId, bool enabled);

        [LoggerMessage(EventId = 4722, EventName = "RestreamDestinationRemoved", Level = LogLevel.Information,
            Message = "Channel {ChannelId}: restream destination {DestinationId} removed")]
        public static partial void Removed(ILogger logger, Guid channelId, Guid destinationId);

        [LoggerMessage(EventId = 4723, EventName = "RestreamKeyUnreadable", Level = LogLevel.Warning,
            Message = "Channel {ChannelId}: the key of restream destination {DestinationId} cannot be decrypted (key ring changed?); not pushed")]
        public static partial void KeyUnreadable(ILogger logger, Guid channelId, Guid destinationId);

        [LoggerMessage(EventId = 4724, EventName = "RestreamDestinationInvalid", Level = LogLevel.Warning,
            Message = "Channel {ChannelId}: restream destination {DestinationId} is not valid ({Error}); not pushed")]
        public static partial void Invalid(ILogger logger, Guid channelId, Guid destinationId, string error);
    }
}
