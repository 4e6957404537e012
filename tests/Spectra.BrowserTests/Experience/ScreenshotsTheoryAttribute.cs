namespace Spectra.BrowserTests.Experience;

/// <summary>
/// A theory that runs only when SPECTRA_SCREENSHOTS_DIR names a folder (scripts/screenshots.sh sets it):
/// it regenerates the documentation's screenshots and checks nothing, so ordinary runs skip it.
/// </summary>
public sealed class ScreenshotsTheoryAttribute : TheoryAttribute
{
    public const string Variable = "SPECTRA_SCREENSHOTS_DIR";

    public ScreenshotsTheoryAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Regenerates docs/screenshots: run scripts/screenshots.sh (sets {Variable}).";
        }
    }
}
