using Spectra.Rtmp.Internal;

namespace Spectra.Rtmp.Tests.Internal;

public sealed class RtmpOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
        => Assert.True(new RtmpOptionsValidator().Validate(null, new RtmpOptions()).Succeeded);

    [Fact]
    public void Validate_OutOfRangeValues_ReportsEachOne()
    {
        var result = new RtmpOptionsValidator().Validate(null, new RtmpOptions
        {
            HandshakeTimeout = TimeSpan.Zero,
            IdleTimeout = TimeSpan.FromHours(1),
            MaxMessageSize = 16 * 1024 * 1024,
            MaxChunkStreams = 1,
            MaxMessageStreams = 0,
            OutgoingChunkSize = 64,
            WindowAcknowledgementSize = 100,
        });
        Assert.True(result.Failed);
        Assert.Equal(7, result.Failures!.Count());
        Assert.Contains("Rtmp:MaxMessageSize must be 65536–16777215 bytes (was 16777216).", result.Failures!);
    }

    [Fact]
    public void Validate_ConnectionAndPrePublishLimitsOutOfRange_ReportsEachOne()
    {
        var result = new RtmpOptionsValidator().Validate(null, new RtmpOptions
        {
            PrePublishMaxMessageSize = 65 * 1024,
            MaxConnectionsPerAddress = 0,
            MaxConnections = 0,
        });
        Assert.Equal(
        [
            "Rtmp:PrePublishMaxMessageSize must be 1024–65536 bytes (was 66560).",
            "Rtmp:MaxConnectionsPerAddress must be 1–100000 (was 0).",
            "Rtmp:MaxConnections must be 1–100000 (was 0).",
        ], result.Failures!);
    }
}
