using Spectra.Testing;

namespace Spectra.BrowserTests.Infrastructure;

/// <summary>Folders of the source tree, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the first folder above the test binaries holding Spectra.slnx.</summary>
    public static string Root => SourceTree.Root;

    /// <summary>Committed screenshots the visual regression tests compare against.</summary>
    public static string Baselines => Path.Combine(Root, "tests", "Spectra.BrowserTests", "Baselines");

    /// <summary>Where failing visual comparisons leave the actual screenshot and the difference image.</summary>
    public static string VisualOutput => Path.Combine(AppContext.BaseDirectory, "visual-output");
}
