using Microsoft.Playwright;

namespace Spectra.BrowserTests.Live;

/// <summary>Debian's Chromium (never a downloaded browser), headless, with a fresh profile per launch.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowserContext Context, string ProfileDirectory)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var profile = Path.Combine(Path.GetTempPath(), "spectra-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
            Timeout = 60_000,
        });
        return (playwright, context, profile);
    }

    public static async Task CloseAsync(IPlaywright playwright, IBrowserContext context, string profile)
    {
        await context.CloseAsync();
        playwright.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
