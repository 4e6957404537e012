using Spectra.Media.Live;

namespace Spectra.Media.Tests.Live;

public class LiveStreamOptionsTests
{
    [Fact]
    public void Validate_Defaults_DoesNotThrow()
    {
        new LiveStreamOptions().Validate();
    }

    [Theory]
    [InlineData(nameof(LiveStreamOptions.MaxQueuedBytes))]
    [InlineData(nameof(LiveStreamOptions.HealthInterval))]
    [InlineData(nameof(LiveStreamOptions.TranscoderStallTimeout))]
    [InlineData(nameof(LiveStreamOptions.MinTranscoderSpeed))]
    public void Validate_OutOfRange_NamesTheSetting(string setting)
    {
        var options = new LiveStreamOptions();
        switch (setting)
        {
            case nameof(LiveStreamOptions.MaxQueuedBytes): options.MaxQueuedBytes = 1000; break;
            case nameof(LiveStreamOptions.HealthInterval): options.HealthInterval = TimeSpan.FromMilliseconds(10); break;
            case nameof(LiveStreamOptions.TranscoderStallTimeout): options.TranscoderStallTimeout = TimeSpan.FromSeconds(1); break;
            default: options.MinTranscoderSpeed = 5; break;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(setting, error.ParamName);
    }
}
