namespace Spectra.Server.Tests.Architecture;

/// <summary>The source folder of Spectra.Server, found from the test's output folder.</summary>
internal static class ServerSourceTree
{
    private static readonly string[] NotAreas = ["bin", "obj", "ClientApp", "wwwroot", "Properties", "Shared"];

    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spectra.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Spectra.Server");
            }
        }

        throw new DirectoryNotFoundException("Spectra.slnx not found above " + AppContext.BaseDirectory);
    }

    public static HashSet<string> Areas(string root) =>
        Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(name => Array.IndexOf(NotAreas, name) < 0)
            .ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f =>
            {
                var relative = Path.GetRelativePath(root, f).Replace('\\', '/');
                return !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal)
                    && !relative.StartsWith("ClientApp/", StringComparison.Ordinal);
            });
}
