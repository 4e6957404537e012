namespace Spectra.Testing;

/// <summary>The repository the tests run from.</summary>
public static class SourceTree
{
    /// <summary>The repository root: the first folder above the test binaries holding Spectra.slnx.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spectra.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find Spectra.slnx above " + AppContext.BaseDirectory);
    }
}
