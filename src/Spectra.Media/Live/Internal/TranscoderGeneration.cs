using System.Globalization;
using System.Net.Sockets;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live.Internal;

/// <summary>
/// Resources of one ffmpeg run: a listening Unix domain socket per rendition, with paths unique to
/// the generation so a connection of a dead process can never be taken for the next one's.
/// </summary>
internal sealed class TranscoderGeneration : IDisposable
{
    private TranscoderGeneration(int number, Socket[] listeners, string[] paths)
    {
        Number = number;
        Listeners = listeners;
        Paths = paths;
    }

    public int Number { get; }

    public Socket[] Listeners { get; }

    public string[] Paths { get; }

    /// <summary>Output URLs for ffmpeg ("unix:/tmp/spectra-…/g1-0.sock"), one per rendition.</summary>
    public string[] Urls => Array.ConvertAll(Paths, p => "unix:" + p);

    public FfmpegProcess? Process { get; set; }

    /// <summary>FLV header and sequence headers were written to this generation's stdin.</summary>
    public bool Primed { get; set; }

    /// <summary>Writing to stdin failed: the process is gone; later tags are discarded.</summary>
    public bool InputBroken { get; set; }

    public static TranscoderGeneration Create(string directory, int number, int renditions)
    {
        var listeners = new Socket[renditions];
        var paths = new string[renditions];
        try
        {
            for (int i = 0; i < renditions; i++)
            {
                paths[i] = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"g{number}-{i}.sock"));
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                listeners[i] = socket;
                socket.Bind(new UnixDomainSocketEndPoint(paths[i]));
                socket.Listen(1);
            }
        }
        catch
        {
            new TranscoderGeneration(number, listeners, paths).Dispose();
            throw;
        }

        return new TranscoderGeneration(number, listeners, paths);
    }

    public void Dispose()
    {
        for (int i = 0; i < Listeners.Length; i++)
        {
            Listeners[i]?.Dispose();
            if (Paths[i] is { } path)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // The directory is removed with the stream anyway.
                }
            }
        }
    }
}
