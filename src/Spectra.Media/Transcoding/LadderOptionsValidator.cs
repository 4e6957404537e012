using System.Buffers;
using Microsoft.Extensions.Options;

namespace Spectra.Media.Transcoding;

/// <summary>Start-up validation of <see cref="LadderOptions"/> with one message per problem.</summary>
internal sealed class LadderOptionsValidator : IValidateOptions<LadderOptions>
{
    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    private static readonly string[] Presets =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"];

    public ValidateOptionsResult Validate(string? name, LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "source" };
        foreach (var rendition in options.Renditions)
        {
            string label = $"Transcoding:Renditions '{rendition.Name}'";
            if (rendition.Name.Length is 0 or > 32 || rendition.Name.AsSpan().ContainsAnyExcept(NameCharacters))
            {
                failures.Add($"{label}: Name must be 1–32 letters, digits, '-' or '_'.");
            }
            else if (!names.Add(rendition.Name))
            {
                failures.Add($"{label}: Name is used twice or is the reserved name 'source'.");
            }

            if (rendition.Height is < 144 or > 2160 || rendition.Height % 2 != 0)
            {
                failures.Add($"{label}: Height must be even and within 144–2160; got {rendition.Height}.");
            }

            if (rendition.VideoBitrateKbps is < 100 or > 50_000)
            {
                failures.Add($"{label}: VideoBitrateKbps must be within 100–50000; got {rendition.VideoBitrateKbps}.");
            }

            if (rendition.MaxRateKbps != 0 && rendition.MaxRateKbps < rendition.VideoBitrateKbps)
            {
                failures.Add($"{label}: MaxRateKbps must be 0 or at least VideoBitrateKbps.");
            }

            if (rendition.BufferSizeKbps < 0)
            {
                failures.Add($"{label}: BufferSizeKbps must not be negative.");
            }

            if (rendition.AudioBitrateKbps is < 32 or > 512)
            {
                failures.Add($"{label}: AudioBitrateKbps must be within 32–512; got {rendition.AudioBitrateKbps}.");
            }
        }

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"Transcoding:Mode must be Ladder or Passthrough; got '{options.Mode}'.");
        }
        else if (options.Mode == TranscodingMode.Passthrough && !options.SourcePassthrough)
        {
            failures.Add("Transcoding:Mode Passthrough needs Transcoding:SourcePassthrough to be true.");
        }

        if (Array.IndexOf(Presets, options.Preset) < 0)
        {
            failures.Add($"Transcoding:Preset must be one of {string.Join(", ", Presets)}; got '{options.Preset}'.");
        }

        if (options.GopSeconds is < 0.25 or > 10)
        {
            failures.Add($"Transcoding:GopSeconds must be within 0.25–10; got {options.GopSeconds}.");
        }

        if (string.IsNullOrWhiteSpace(options.FfmpegPath))
        {
            failures.Add("Transcoding:FfmpegPath must not be empty.");
        }

        if (options.ThumbnailIntervalSeconds != 0 && options.ThumbnailIntervalSeconds is < 5 or > 3600)
        {
            failures.Add($"Transcoding:ThumbnailIntervalSeconds must be 0 or within 5–3600; got {options.ThumbnailIntervalSeconds}.");
        }

        if (options.ThumbnailHeight is < 90 or > 1080 || options.ThumbnailHeight % 2 != 0)
        {
            failures.Add($"Transcoding:ThumbnailHeight must be even and within 90–1080; got {options.ThumbnailHeight}.");
        }

        if (options.StopTimeout <= TimeSpan.Zero || options.InitialRestartDelay <= TimeSpan.Zero
            || options.MaxRestartDelay < options.InitialRestartDelay)
        {
            failures.Add("Transcoding:StopTimeout and InitialRestartDelay must be positive and MaxRestartDelay at least InitialRestartDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
