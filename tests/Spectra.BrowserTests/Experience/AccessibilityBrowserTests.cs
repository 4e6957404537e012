using Microsoft.Playwright;
using Spectra.BrowserTests.Infrastructure;

namespace Spectra.BrowserTests.Experience;

/// <summary>
/// axe-core on every page, signed out and signed in, in the light and the dark theme (chosen by
/// prefers-color-scheme), on a desktop and a phone: no serious or critical violation. A failure lists
/// each violation's rule id, impact and the selectors of the elements at fault.
/// </summary>
[Collection(ExperienceCollection.Name)]
public sealed class AccessibilityBrowserTests(ExperienceSite site)
{
    public static TheoryData<string, bool, string, string> Cases()
    {
        var cases = new TheoryData<string, bool, string, string>();
        foreach (var signedIn in new[] { false, true })
        {
            foreach (var page in SitePage.All.Where(p => p.OpensFor(signedIn)))
            {
                foreach (var theme in new[] { "light", "dark" })
                {
                    foreach (var screen in new[] { Screen.Desktop, Screen.Phone })
                    {
                        cases.Add(page.Name, signedIn, theme, screen.Name);
                    }
                }
            }
        }

        return cases;
    }

    // Not enumerated at discovery, so the cases run in the order above and consecutive cases of one page reuse its
    // tab (ExperienceSite.ShowAsync); each case is still reported on its own.
    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public async Task Page_Axe_NoSeriousOrCriticalViolations(string page, bool signedIn, string theme, string screen)
    {
        var scheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        var tab = await site.ShowAsync(SitePage.Named(page), Screen.Named(screen), signedIn, scheme);
        var violations = await AccessibilityAudit.BlockingViolationsAsync(tab);
        Assert.True(
            violations.Count == 0,
            $"{page} ({(signedIn ? "signed in" : "signed out")}, {theme}, {Screen.Named(screen)}) has {violations.Count} serious or critical accessibility violations:"
            + Environment.NewLine + AccessibilityAudit.Describe(violations));
    }
}
