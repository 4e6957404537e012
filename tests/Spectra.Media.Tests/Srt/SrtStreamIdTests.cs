using Spectra.Media.Srt;

namespace Spectra.Media.Tests.Srt;

public sealed class SrtStreamIdTests
{
    [Theory]
    [InlineData("#!::r=live/live_abc123,m=publish", "live_abc123")]
    [InlineData("#!::m=publish,r=live_abc123", "live_abc123")]
    [InlineData("#!::r=live/live_abc123,m=publish,u=alice,s=1234,t=stream,x=extra", "live_abc123")]
    [InlineData("#!::r=live_abc123", "live_abc123")]
    [InlineData("live_abc123", "live_abc123")]
    [InlineData("live/live_abc123", "live_abc123")]
    [InlineData("LIVE/live_abc123", "live_abc123")]
    public void TryParse_PublishForms_ReadTheStreamKey(string value, string key)
    {
        Assert.True(SrtStreamId.TryParse(value, out var streamId, out var error), error);
        Assert.Equal(key, streamId.StreamKey);
        Assert.Equal(SrtStreamIdMode.Publish, streamId.Mode);
    }

    [Theory]
    [InlineData("#!::r=live/live_abc123,m=request", SrtStreamIdMode.Request)]
    [InlineData("#!::r=live/live_abc123,m=bidirectional", SrtStreamIdMode.Bidirectional)]
    public void TryParse_OtherModes_AreReadForTheCallerToRefuse(string value, SrtStreamIdMode mode)
    {
        Assert.True(SrtStreamId.TryParse(value, out var streamId, out _));
        Assert.Equal(mode, streamId.Mode);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("#!::m=publish,u=alice", "no resource")]
    [InlineData("#!::r=live/key,m=play", "mode")]
    [InlineData("#!::r=live/key,garbage", "key=value")]
    [InlineData("#!::=x,r=live/key", "key=value")]
    [InlineData("#!::r=live/", "no stream key")]
    [InlineData("live/key with spaces", "characters")]
    [InlineData("#!::r=live/k%65y", "characters")]
    public void TryParse_Malformed_FailsWithAReason(string? value, string reason)
    {
        Assert.False(SrtStreamId.TryParse(value, out var streamId, out var error));
        Assert.Null(streamId);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LongerThanSrtAllows_Fails()
    {
        Assert.False(SrtStreamId.TryParse(new string('k', SrtStreamId.MaxLength + 1), out _, out var error));
        Assert.Contains("512", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        Assert.True(SrtStreamId.TryParse("#!::r=live/live_secret42,m=publish", out var streamId, out _));
        Assert.DoesNotContain("secret", streamId.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_NeverQuotesTheStreamId()
    {
        Assert.False(SrtStreamId.TryParse("#!::r=live/live_secret42 x", out _, out var error));
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }
}
