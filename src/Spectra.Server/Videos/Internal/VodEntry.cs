using System.Text;
using Spectra.Media.Recording;

namespace Spectra.Server.Videos.Internal;

/// <summary>A loaded recording with its playlists (UTF-8) and which segments and init segments exist.</summary>
internal sealed class VodEntry
{
    public VodEntry(RecordedVideo video)
    {
        Video = video;
        Master = Encoding.UTF8.GetBytes(VodPlaylistWriter.WriteMaster(video));
        foreach (var rendition in video.Renditions)
        {
            if (rendition.Segments.Count == 0)
            {
                continue;
            }

            Renditions[rendition.Name] = new VodRenditionEntry(
                rendition,
                Encoding.UTF8.GetBytes(VodPlaylistWriter.WriteMedia(rendition)),
                [.. rendition.Segments.Select(s => s.Sequence)],
                [.. rendition.Segments.Select(s => s.InitKey)]);
        }
    }

    public RecordedVideo Video { get; }

    public byte[] Master { get; }

    public Dictionary<string, VodRenditionEntry> Renditions { get; } = new(StringComparer.Ordinal);
}
