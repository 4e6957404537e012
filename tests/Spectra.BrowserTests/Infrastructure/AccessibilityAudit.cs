using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Spectra.BrowserTests.Infrastructure;

/// <summary>Runs axe-core on a page and describes the violations that block people (impact serious or critical).</summary>
public static class AccessibilityAudit
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>The serious and critical violations on the page as it is now; empty when there are none.</summary>
    public static async Task<IReadOnlyList<AxeResultItem>> BlockingViolationsAsync(IPage page)
    {
        // Legacy mode runs axe in the page itself instead of opening a blank page per run to merge frame
        // results; Spectra's pages have no frames, and it halves the time of a run.
#pragma warning disable CS0618 // Legacy mode is marked for removal; RunAxe is the fallback when it goes.
        var result = await page.Locator("html").RunAxeLegacy(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
#pragma warning restore CS0618
        return [.. result.Violations.Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.Ordinal))];
    }

    /// <summary>One line per violation (id, impact, help) and one per element it was found on (selector and failure summary).</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"{violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes.Take(10))
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message);
                text.AppendLine($"    {node.Target}: {string.Join(" / ", checks)}");
            }

            if (violation.Nodes.Length > 10)
            {
                text.AppendLine($"    … and {violation.Nodes.Length - 10} more elements");
            }
        }

        return text.ToString();
    }
}
