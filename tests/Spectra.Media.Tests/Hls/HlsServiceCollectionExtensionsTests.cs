using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;

namespace Spectra.Media.Tests.Hls;

public sealed class HlsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSpectraHls_Configuration_BindsOptionsAndRegistersSingletons()
    {
        using var provider = Build(new() { ["Packaging:TargetSegmentDuration"] = "00:00:02", ["Packaging:WindowSegmentCount"] = "6", ["Hls:AllowedOrigin"] = "https://spectra.example" });

        var packaging = provider.GetRequiredService<IOptions<PackagerOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(2), packaging.TargetSegmentDuration);
        Assert.Equal(6, packaging.WindowSegmentCount);
        Assert.Equal("https://spectra.example", provider.GetRequiredService<IOptions<HlsOriginOptions>>().Value.AllowedOrigin);
        Assert.Same(provider.GetRequiredService<HlsStreamRegistry>(), provider.GetRequiredService<HlsStreamRegistry>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddSpectraHls_InvalidPackagingOptions_FailsValidation()
    {
        using var provider = Build(new() { ["Packaging:TargetSegmentDuration"] = "00:00:10" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PackagerOptions>>().Value);

        Assert.Contains("TargetSegmentDuration", ex.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:06", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSpectraHls();
        return services.BuildServiceProvider();
    }
}
