using Spectra.Media.Flv;

namespace Spectra.Media.Tests.Flv;

public class AacAudioSpecificConfigTests
{
    [Theory]
    [InlineData("1210", 2, 44100, 2, "mp4a.40.2")]        // AAC-LC, index 4, stereo
    [InlineData("1190", 2, 48000, 2, "mp4a.40.2")]        // AAC-LC, index 3, stereo
    [InlineData("1388", 2, 22050, 1, "mp4a.40.2")]        // AAC-LC, index 7, mono
    [InlineData("2b90", 5, 22050, 2, "mp4a.40.5")]        // HE-AAC (SBR) signalled explicitly
    [InlineData("17803e8008", 2, 32000, 1, "mp4a.40.2")]  // index 15: explicit 24-bit rate
    [InlineData("f80820", 32, 44100, 1, "mp4a.40.32")]  // object type 31 escape: 32 + 0
    public void TryParse_Config_ReadsObjectTypeRateAndChannels(string hex, int objectType, int rate, int channels, string codec)
    {
        Assert.True(AacAudioSpecificConfig.TryParse(Convert.FromHexString(hex), out var config));

        Assert.Equal((objectType, rate, channels), (config!.AudioObjectType, config.SampleRate, config.ChannelConfiguration));
        Assert.Equal(codec, config.CodecString);
    }

    [Theory]
    [InlineData("12")]     // too short
    [InlineData("16a0")]   // reserved frequency index 13
    public void TryParse_Invalid_ReturnsFalse(string hex)
    {
        Assert.False(AacAudioSpecificConfig.TryParse(Convert.FromHexString(hex), out _));
    }
}
