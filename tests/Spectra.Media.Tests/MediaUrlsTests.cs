using System.Text;

namespace Spectra.Media.Tests;

public sealed class MediaUrlsTests
{
    [Fact]
    public void AbsoluteUrls_ChannelName_EscapedUnderTheirPrefixes()
    {
        Assert.Equal("/hls/alice/master.m3u8", MediaUrls.MasterPlaylist("alice"));
        Assert.Equal("/hls/a%20b/thumbnail.jpg", MediaUrls.Thumbnail("a b"));
        Assert.Equal("/live/alice.flv", MediaUrls.Flv("alice"));
        Assert.Equal("/live/{channel}.flv", MediaUrls.FlvRoute);
    }

    [Fact]
    public void RelativeNames_AsPlaylistsWriteThem()
    {
        Assert.Equal("720p/index.m3u8", MediaUrls.AppendRenditionPlaylist(new StringBuilder(), "720p").ToString());
        Assert.Equal("../source/index.m3u8", MediaUrls.AppendSiblingPlaylist(new StringBuilder(), "source").ToString());
        Assert.Equal("init-3a.mp4", MediaUrls.AppendInit(new StringBuilder(), "3a").ToString());
        Assert.Equal("42.m4s", MediaUrls.AppendSegment(new StringBuilder(), 42).ToString());
        Assert.Equal("42.3.m4s", MediaUrls.AppendPart(new StringBuilder(), 42, 3).ToString());
    }

    [Fact]
    public void OriginRoutes_EndInThePlaylistFileNames()
    {
        Assert.Equal("{channel}/master.m3u8", MediaUrls.MasterPlaylistRoute);
        Assert.Equal("{channel}/{rendition}/index.m3u8", MediaUrls.MediaPlaylistRoute);
        Assert.Equal("{channel}/thumbnail.jpg", MediaUrls.ThumbnailRoute);
    }
}
