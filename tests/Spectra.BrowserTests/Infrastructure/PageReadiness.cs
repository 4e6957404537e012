using Microsoft.Playwright;

namespace Spectra.BrowserTests.Infrastructure;

/// <summary>
/// Waits until a page shows what it is going to show: loaded, fonts in, every chat panel past "connecting"
/// a live player with a decoded picture, and a past broadcast's player with its first picture. Live pages never become network-idle (the player keeps
/// loading parts), so this is the point from which measurements and screenshots are stable.
/// </summary>
public static class PageReadiness
{
    private const string ReadyScript = """
        () => {
          if (document.readyState !== 'complete' || document.fonts.status !== 'loaded') return false;
          if ([...document.querySelectorAll('[data-spectra-chat]')].some(c => c.dataset.state === 'connecting')) return false;
          const live = document.querySelector('#player[data-state="live"]');
          if (live) {
            const video = live.querySelector('video');
            if (!video || video.readyState < 2 || video.videoWidth === 0) return false;
          }
          const vod = document.getElementById('vod-player');
          if (vod && (vod.readyState < 2 || vod.videoWidth === 0)) return false;
          return true;
        }
        """;

    public static async Task WaitAsync(IPage page, float timeoutMilliseconds = 30_000)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync(ReadyScript, null, new() { Timeout = timeoutMilliseconds, PollingInterval = 100 });
    }
}
