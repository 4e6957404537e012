namespace Spectra.BrowserTests.Infrastructure;

/// <summary>
/// How two screenshots differ: their sizes, and when the sizes match the number of pixels whose colour
/// differs by more than the comparison's per-channel threshold, with an image marking them.
/// </summary>
/// <param name="DiffPng">The actual image greyed out with every differing pixel in red; null when nothing differs or the sizes differ.</param>
public sealed record ImageDifference(int ExpectedWidth, int ExpectedHeight, int ActualWidth, int ActualHeight, long DifferingPixels, byte[]? DiffPng)
{
    public bool SameSize => ExpectedWidth == ActualWidth && ExpectedHeight == ActualHeight;

    /// <summary>Share of differing pixels (0–1); 1 when the sizes differ.</summary>
    public double DifferingFraction => SameSize ? (double)DifferingPixels / Math.Max(1L, (long)ActualWidth * ActualHeight) : 1;
}
