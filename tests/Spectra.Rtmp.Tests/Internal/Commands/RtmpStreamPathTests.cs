using Spectra.Rtmp.Internal.Commands;

namespace Spectra.Rtmp.Tests.Internal.Commands;

public sealed class RtmpStreamPathTests
{
    [Theory]
    [InlineData("live", "KEY", "rtmp://h/live", "live", "KEY")]
    [InlineData("live", "KEY?token=abc&x=1", "rtmp://h/live", "live", "KEY")]
    [InlineData("live/", "KEY", "rtmp://h:1935/live/", "live", "KEY")]
    [InlineData("live/KEY", "", "rtmp://h/live/KEY", "live", "KEY")]
    [InlineData("live/KEY?x=y", "", null, "live", "KEY")]
    [InlineData("live", "", "rtmp://h:1935/live/KEY?x=y", "live", "KEY")]
    [InlineData("", "live/KEY", "rtmp://h/", "live", "KEY")]
    [InlineData("", "", "rtmp://h/live/KEY", "live", "KEY")]
    [InlineData("live?vhost=a", "KEY", null, "live", "KEY")]
    [InlineData("live", "", "rtmp://h/live", "live", "")]
    [InlineData("live", "", null, "live", "")]
    public void Resolve_KeyPlacements_GiveAppAndKey(string app, string name, string? tcUrl, string expectedApp, string expectedName)
        => Assert.Equal((expectedApp, expectedName), RtmpStreamPath.Resolve(app, name, tcUrl));
}
