using Spectra.Rtmp.Internal.Commands;

namespace Spectra.Rtmp.Tests.Internal.Commands;

public sealed class RtmpLogRedactionTests
{
    [Theory]
    [InlineData("live", "live")]
    [InlineData("LIVE", "LIVE")]
    [InlineData("live/", "live")]
    [InlineData("live/live_s3cr3tKey", "live/[redacted]")]
    [InlineData("live/live_s3cr3tKey?token=t0k3n", "live/[redacted]?[redacted]")]
    [InlineData("live?token=t0k3n", "live?[redacted]")]
    [InlineData("live_s3cr3tKey", "[redacted]")]
    [InlineData("live_s3cr3tKey/", "[redacted]")]
    [InlineData("", "")]
    [InlineData("/live_s3cr3tKey", "/[redacted]")]
    public void App_ConfiguredApplication_KeepsOnlyThatApplication(string app, string logged)
        => Assert.Equal(logged, RtmpLogRedaction.App(app, "live"));

    [Theory]
    [InlineData("anything", "anything")]
    [InlineData("anything/live_s3cr3tKey", "anything/[redacted]")]
    public void App_NoConfiguredApplication_KeepsFirstSegment(string app, string logged)
        => Assert.Equal(logged, RtmpLogRedaction.App(app, null));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("rtmp://127.0.0.1:1935/live", "rtmp://127.0.0.1:1935/live")]
    [InlineData("rtmp://127.0.0.1:1935/live/", "rtmp://127.0.0.1:1935/live")]
    [InlineData("rtmp://host/live/live_s3cr3tKey", "rtmp://host/live/[redacted]")]
    [InlineData("rtmp://host/live/live_s3cr3tKey?token=t0k3n", "rtmp://host/live/[redacted]?[redacted]")]
    [InlineData("rtmp://host/live_s3cr3tKey", "rtmp://host/[redacted]")]
    [InlineData("rtmp://host?token=t0k3n", "rtmp://host?[redacted]")]
    [InlineData("rtmp://host", "rtmp://host")]
    [InlineData("rtmp://user:pa55word@host/live", "rtmp://[redacted]@host/live")]
    [InlineData("/live/live_s3cr3tKey", "live/[redacted]")]
    public void TcUrl_AnyForm_KeepsSchemeHostAndApplicationOnly(string? tcUrl, string? logged)
        => Assert.Equal(logged, RtmpLogRedaction.TcUrl(tcUrl, "live"));
}
