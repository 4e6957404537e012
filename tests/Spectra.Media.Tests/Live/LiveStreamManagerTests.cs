using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Media.Flv;
using Spectra.Media.Hls;
using Spectra.Media.Live;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Live;

public class LiveStreamManagerTests
{
    private static ServiceProvider Services(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSpectraMedia()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task AddSpectraMedia_Configuration_BindsTranscodingAndLiveStreamSections()
    {
        await using var services = Services(new()
        {
            ["Transcoding:Preset"] = "superfast",
            ["Transcoding:Renditions:0:Name"] = "low",
            ["Transcoding:Renditions:0:Height"] = "240",
            ["Transcoding:Renditions:0:VideoBitrateKbps"] = "400",
            ["LiveStreams:HealthInterval"] = "00:00:05",
        });

        var ladder = services.GetRequiredService<IOptions<LadderOptions>>().Value;
        var live = services.GetRequiredService<IOptions<LiveStreamOptions>>().Value;

        Assert.Equal("superfast", ladder.Preset);
        Assert.Equal("low", Assert.Single(ladder.EffectiveRenditions).Name);
        Assert.Equal(TimeSpan.FromSeconds(5), live.HealthInterval);
        Assert.NotNull(services.GetRequiredService<LiveStreamManager>());
        Assert.NotNull(services.GetRequiredService<HlsStreamRegistry>());
    }

    [Fact]
    public void AddSpectraMedia_InvalidLadder_FailsValidationWithMessage()
    {
        using var services = Services(new() { ["Transcoding:GopSeconds"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LadderOptions>>().Value);

        Assert.Contains("GopSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SameChannelTwice_RefusedUntilStoppedThenEndedRaised()
    {
        await using var services = Services();
        var manager = services.GetRequiredService<LiveStreamManager>();
        var ended = new TaskCompletionSource<LiveStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.Ended += s => ended.TrySetResult(s);

        var stream = manager.Start("Channel1");
        Assert.Throws<InvalidOperationException>(() => manager.Start("channel1"));
        Assert.True(manager.TryGet("CHANNEL1", out var found));
        Assert.Same(stream, found);

        Assert.True(await manager.StopAsync("channel1"));
        Assert.Same(stream, await ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(manager.TryGet("channel1", out _));
        Assert.False(await manager.StopAsync("channel1"));
        Assert.NotSame(stream, manager.Start("channel1"));
    }

    [Fact]
    public async Task HealthSampled_FromStream_ReRaisedByManager()
    {
        await using var services = Services(new() { ["LiveStreams:HealthInterval"] = "00:00:00.5" });
        var manager = services.GetRequiredService<LiveStreamManager>();
        var sampled = new TaskCompletionSource<(LiveStream, IngestHealth)>(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.HealthSampled += (s, h) => sampled.TrySetResult((s, h));

        var stream = manager.Start("healthy");
        stream.OnMediaTag(FlvTagType.Audio, 0, [0xAF, 0x00, 0x12, 0x10]);

        var (source, health) = await sampled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(stream, source);
        Assert.Equal("mp4a.40.2", health.AudioCodec);
    }

    [Fact]
    public async Task DisposeAsync_RunningStreams_StopsThem()
    {
        var services = Services();
        var manager = services.GetRequiredService<LiveStreamManager>();
        var stream = manager.Start("shutdown");

        await services.DisposeAsync();

        Assert.True(stream.IsStopped);
        Assert.Empty(manager.Streams);
    }
}
