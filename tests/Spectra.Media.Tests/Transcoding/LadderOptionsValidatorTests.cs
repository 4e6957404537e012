using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Transcoding;

public class LadderOptionsValidatorTests
{
    private readonly LadderOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new LadderOptions()).Succeeded);
    }

    [Fact]
    public void Validate_DefaultRenditionsWhenListed_Succeed()
    {
        var options = new LadderOptions();
        foreach (var rendition in LadderOptions.DefaultRenditions)
        {
            options.Renditions.Add(rendition);
        }

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_ReportsEachProblem()
    {
        var options = new LadderOptions { Preset = "turbo", GopSeconds = 0, FfmpegPath = " ", ThumbnailIntervalSeconds = 1 };
        options.Renditions.Add(new LadderRendition { Name = "source", Height = 720, VideoBitrateKbps = 2000 });
        options.Renditions.Add(new LadderRendition { Name = "bad name", Height = 721, VideoBitrateKbps = 10 });

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("'source'", StringComparison.Ordinal) && f.Contains("reserved", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'bad name'", StringComparison.Ordinal) && f.Contains("Name must", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Height must be even", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("VideoBitrateKbps", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Preset", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("GopSeconds", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FfmpegPath", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ThumbnailIntervalSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PassthroughMode_Succeeds() =>
        Assert.True(_validator.Validate(null, new LadderOptions { Mode = TranscodingMode.Passthrough }).Succeeded);

    [Fact]
    public void Validate_PassthroughModeWithoutSourcePassthrough_Fails()
    {
        var result = _validator.Validate(null, new LadderOptions { Mode = TranscodingMode.Passthrough, SourcePassthrough = false });

        Assert.Contains(result.Failures!, f => f.Contains("Transcoding:Mode", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UndefinedMode_Fails()
    {
        var result = _validator.Validate(null, new LadderOptions { Mode = (TranscodingMode)7 });

        Assert.Contains(result.Failures!, f => f.Contains("Transcoding:Mode", StringComparison.Ordinal));
    }
}
