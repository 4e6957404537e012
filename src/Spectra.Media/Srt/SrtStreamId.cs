using System.Diagnostics.CodeAnalysis;

namespace Spectra.Media.Srt;

/// <summary>
/// The SRT stream id (SRTO_STREAMID, at most 512 bytes) of a publisher, read in its two forms:
/// <list type="bullet">
/// <item>access control syntax (SRT Access Control guidelines): <c>#!::r=live/KEY,m=publish</c>: comma-separated
/// <c>key=value</c> pairs after <c>#!::</c>; <c>r</c> is the resource (the stream key, optionally behind the
/// application name <c>live/</c>), <c>m</c> the mode (publish when absent); other keys (<c>u</c>, <c>s</c>,
/// <c>h</c>, <c>t</c>...) are ignored;</item>
/// <item>plain: the whole id is the stream key (again optionally behind <c>live/</c>).</item>
/// </list>
/// The stream key is a secret: <see cref="ToString"/> never shows it.
/// </summary>
public sealed class SrtStreamId
{
    /// <summary>Longest stream id SRT carries (SRTO_STREAMID), in bytes.</summary>
    public const int MaxLength = 512;

    private const string AccessControlPrefix = "#!::";
    private const string Application = "live/";

    private SrtStreamId(string streamKey, SrtStreamIdMode mode)
    {
        StreamKey = streamKey;
        Mode = mode;
    }

    public string StreamKey { get; }

    public SrtStreamIdMode Mode { get; }

    /// <summary>Reads <paramref name="value"/>; on failure <paramref name="error"/> says why, without quoting the id.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SrtStreamId? streamId, [NotNullWhen(false)] out string? error)
    {
        streamId = null;
        if (string.IsNullOrEmpty(value))
        {
            error = "the stream id is empty; set streamid to the stream key";
            return false;
        }

        if (value.Length > MaxLength)
        {
            error = $"the stream id is longer than {MaxLength} characters";
            return false;
        }

        if (!value.StartsWith(AccessControlPrefix, StringComparison.Ordinal))
        {
            return TryReadKey(value, SrtStreamIdMode.Publish, out streamId, out error);
        }

        string? resource = null;
        var mode = SrtStreamIdMode.Publish;
        foreach (var pair in value.AsSpan(AccessControlPrefix.Length).Split(','))
        {
            var entry = value.AsSpan(AccessControlPrefix.Length)[pair];
            int equals = entry.IndexOf('=');
            if (equals <= 0)
            {
                error = "the stream id has an entry that is not key=value";
                return false;
            }

            var key = entry[..equals];
            var item = entry[(equals + 1)..];
            if (key.SequenceEqual("r"))
            {
                resource = item.ToString();
            }
            else if (key.SequenceEqual("m"))
            {
                switch (item)
                {
                    case "publish":
                        mode = SrtStreamIdMode.Publish;
                        break;
                    case "request":
                        mode = SrtStreamIdMode.Request;
                        break;
                    case "bidirectional":
                        mode = SrtStreamIdMode.Bidirectional;
                        break;
                    default:
                        error = "the stream id's mode (m) is not publish, request or bidirectional";
                        return false;
                }
            }
        }

        if (resource is null)
        {
            error = "the stream id has no resource (r=live/KEY)";
            return false;
        }

        return TryReadKey(resource, mode, out streamId, out error);
    }

    /// <summary>Shows the mode only: the key is a secret.</summary>
    public override string ToString() => $"SrtStreamId(m={Mode.ToString().ToLowerInvariant()})";

    private static bool TryReadKey(string resource, SrtStreamIdMode mode, [NotNullWhen(true)] out SrtStreamId? streamId, [NotNullWhen(false)] out string? error)
    {
        streamId = null;
        var key = resource.StartsWith(Application, StringComparison.OrdinalIgnoreCase) ? resource[Application.Length..] : resource;
        if (key.Length == 0)
        {
            error = "the stream id names no stream key";
            return false;
        }

        foreach (char c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                error = "the stream key in the stream id has characters a stream key never has";
                return false;
            }
        }

        streamId = new SrtStreamId(key, mode);
        error = null;
        return true;
    }
}
