using Microsoft.Extensions.Options;

namespace Spectra.Rtmp.Internal;

/// <summary>Start-up validation of <see cref="RtmpOptions"/>; ranges are documented on each option.</summary>
internal sealed class RtmpOptionsValidator : IValidateOptions<RtmpOptions>
{
    public ValidateOptionsResult Validate(string? name, RtmpOptions options)
    {
        List<string>? failures = null;
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                (failures ??= []).Add(message);
            }
        }

        Check(options.HandshakeTimeout >= TimeSpan.FromMilliseconds(500) && options.HandshakeTimeout <= TimeSpan.FromSeconds(60),
            $"Rtmp:HandshakeTimeout must be 0.5–60 s (was {options.HandshakeTimeout}).");
        Check(options.IdleTimeout >= TimeSpan.FromSeconds(1) && options.IdleTimeout <= TimeSpan.FromMinutes(10),
            $"Rtmp:IdleTimeout must be 1 s–10 min (was {options.IdleTimeout}).");
        Check(options.MaxMessageSize is >= 64 * 1024 and <= RtmpOptions.ProtocolMaxMessageSize,
            $"Rtmp:MaxMessageSize must be 65536–16777215 bytes (was {options.MaxMessageSize}).");
        Check(options.PrePublishMaxMessageSize is >= 1024 and <= 64 * 1024,
            $"Rtmp:PrePublishMaxMessageSize must be 1024–65536 bytes (was {options.PrePublishMaxMessageSize}).");
        Check(options.MaxConnectionsPerAddress is >= 1 and <= 100_000,
            $"Rtmp:MaxConnectionsPerAddress must be 1–100000 (was {options.MaxConnectionsPerAddress}).");
        Check(options.MaxConnections is >= 1 and <= 100_000, $"Rtmp:MaxConnections must be 1–100000 (was {options.MaxConnections}).");
        Check(options.MaxChunkStreams is >= 2 and <= 65599, $"Rtmp:MaxChunkStreams must be 2–65599 (was {options.MaxChunkStreams}).");
        Check(options.MaxMessageStreams is >= 1 and <= 64, $"Rtmp:MaxMessageStreams must be 1–64 (was {options.MaxMessageStreams}).");
        Check(options.OutgoingChunkSize is >= 128 and <= 65536, $"Rtmp:OutgoingChunkSize must be 128–65536 (was {options.OutgoingChunkSize}).");
        Check(options.WindowAcknowledgementSize >= 4096, $"Rtmp:WindowAcknowledgementSize must be at least 4096 (was {options.WindowAcknowledgementSize}).");

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
