namespace Spectra.Rtmp.Tests;

public sealed class RtmpPublishTargetTests
{
    [Theory]
    [InlineData("rtmp://live.twitch.tv/app", false, "live.twitch.tv", 1935, "app", "rtmp://live.twitch.tv:1935/app")]
    [InlineData("rtmp://a.rtmp.youtube.com/live2/", false, "a.rtmp.youtube.com", 1935, "live2", "rtmp://a.rtmp.youtube.com:1935/live2")]
    [InlineData("rtmps://fa723fc1b171.global-contribute.live-video.net/app", true, "fa723fc1b171.global-contribute.live-video.net", 443, "app", "rtmps://fa723fc1b171.global-contribute.live-video.net:443/app")]
    [InlineData("rtmp://127.0.0.1:19350/live/instance", false, "127.0.0.1", 19350, "live/instance", "rtmp://127.0.0.1:19350/live/instance")]
    public void TryCreate_ValidUrl_ServerPartsAndTcUrl(string url, bool secure, string host, int port, string app, string tcUrl)
    {
        Assert.True(RtmpPublishTarget.TryCreate(url, "key_123", out var target, out var error), error);
        Assert.Equal((secure, host, port, app, tcUrl, "key_123"), (target.IsSecure, target.Host, target.Port, target.App, target.TcUrl, target.StreamKey));
        Assert.DoesNotContain("key_123", target.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("live.twitch.tv/app", "not a valid URL")]
    [InlineData("http://live.twitch.tv/app", "rtmp:// or rtmps://")]
    [InlineData("rtmp://live.twitch.tv", "application path")]
    [InlineData("rtmp://live.twitch.tv/", "application path")]
    [InlineData("rtmp://me:secret@live.twitch.tv/app", "user name")]
    [InlineData("rtmp://live.twitch.tv/app?key=1", "query")]
    public void IsValidUrl_Invalid_SaysWhy(string? url, string reason)
    {
        Assert.False(RtmpPublishTarget.IsValidUrl(url, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValidUrl_TooLong_Refused()
    {
        Assert.False(RtmpPublishTarget.IsValidUrl("rtmp://example.com/" + new string('a', RtmpPublishTarget.MaxUrlLength), out var error));
        Assert.Contains("longer than 512", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("live_1234_abcdefABCDEF", true)]
    [InlineData("abcd-efgh-ijkl-mnop-qrst", true)]
    [InlineData("sk_us-west-2_AbC?bandwidthtest=true", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("tab\tkey", false)]
    [InlineData("clé", false)]
    public void IsValidStreamKey_Charset(string key, bool valid)
    {
        Assert.Equal(valid, RtmpPublishTarget.IsValidStreamKey(key, out _));
    }

    [Fact]
    public void IsValidStreamKey_TooLong_Refused()
    {
        Assert.True(RtmpPublishTarget.IsValidStreamKey(new string('k', RtmpPublishTarget.MaxStreamKeyLength), out _));
        Assert.False(RtmpPublishTarget.IsValidStreamKey(new string('k', RtmpPublishTarget.MaxStreamKeyLength + 1), out var error));
        Assert.Contains("longer than 256", error, StringComparison.Ordinal);
    }
}
