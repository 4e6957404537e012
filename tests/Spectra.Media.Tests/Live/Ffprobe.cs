using System.Diagnostics;

namespace Spectra.Media.Tests.Live;

/// <summary>Runs ffprobe on bytes (an init segment followed by a media segment).</summary>
internal static class Ffprobe
{
    /// <returns>One line per stream: "codec_name,width,height" (audio: "aac,," style fields may be empty).</returns>
    public static async Task<string[]> StreamsAsync(ReadOnlyMemory<byte> init, ReadOnlyMemory<byte> segment)
    {
        string path = Path.Combine(Path.GetTempPath(), $"spectra-probe-{Guid.NewGuid():N}.mp4");
        try
        {
            await using (var file = File.Create(path))
            {
                await file.WriteAsync(init);
                await file.WriteAsync(segment);
            }

            var startInfo = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in (string[])["-v", "error", "-count_frames", "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0", path])
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await errors);
            Assert.Equal("", (await errors).Trim());
            return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
