using System.Diagnostics;
using Spectra.Storage;

namespace Spectra.Media.Recording.Internal;

/// <summary>ffmpeg runs over stored recording objects: objects piped into its standard input, errors reported with its last lines.</summary>
internal static class RecordingFfmpeg
{
    public static async Task CopyAsync(IObjectStore store, string key, Stream destination, CancellationToken cancellationToken)
    {
        var stored = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{key} is listed in the journal but not stored.");
        await using (stored.ConfigureAwait(false))
        {
            await stored.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task RunAsync(string ffmpegPath, IReadOnlyList<string> arguments, Func<Stream, Task>? feed, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardInput = feed is not null,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{ffmpegPath} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            if (feed is not null)
            {
                await using (process.StandardInput.BaseStream.ConfigureAwait(false))
                {
                    await feed(process.StandardInput.BaseStream).ConfigureAwait(false);
                }
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var text = await errors.ConfigureAwait(false);
            throw new InvalidOperationException($"ffmpeg exited with {process.ExitCode}: {text.Trim()[^Math.Min(text.Trim().Length, 500)..]}");
        }
    }
}
