using Microsoft.Playwright;

namespace Spectra.BrowserTests.Infrastructure;

/// <summary>
/// Launches Debian's Chromium (never a downloaded browser) headless with the flags it needs as root
/// in a closed network. Each launch gets a fresh temporary profile.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} not found: run scripts/install-test-deps.sh.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--autoplay-policy=no-user-gesture-required",
            ],
        });
        return (playwright, browser);
    }
}
