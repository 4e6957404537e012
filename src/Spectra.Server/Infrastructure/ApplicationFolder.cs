namespace Spectra.Server.Infrastructure;

/// <summary>
/// Where the server reads appsettings.json and wwwroot from. A published Spectra (a wwwroot folder beside the
/// assembly) reads them from its own folder, so it runs the same from any working directory; a build started from
/// the project folder (scripts/run.sh, <c>dotnet run</c>) keeps ASP.NET Core's default, the working directory.
/// An explicit <c>--contentRoot</c> or ASPNETCORE_CONTENTROOT / DOTNET_CONTENTROOT always wins. Relative paths in
/// the configuration (the data directory) stay relative to the working directory.
/// </summary>
internal static class ApplicationFolder
{
    public static WebApplicationOptions HostOptions(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRoot(
            args,
            Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") ?? Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"),
            AppContext.BaseDirectory),
    };

    /// <summary>The application's folder when it is a published app and nothing chose a content root; otherwise null (the default).</summary>
    internal static string? ContentRoot(IReadOnlyList<string> args, string? environmentContentRoot, string applicationFolder)
    {
        var chosen = !string.IsNullOrEmpty(environmentContentRoot)
            || args.Any(arg => arg.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase));
        if (chosen)
        {
            return null;
        }

        return Directory.Exists(Path.Combine(applicationFolder, "wwwroot")) ? applicationFolder : null;
    }
}
