using System.Net;
using System.Text.Json.Nodes;
using Spectra.Testing;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Infrastructure;

/// <summary>
/// The output of <c>dotnet publish</c> as an operator runs it: started from another folder, it reads its own
/// appsettings.json and serves its own static files and client bundle.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed class PublishedAppTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _scratch = Directory.CreateTempSubdirectory("spectra-published-").FullName;

    [Fact]
    public async Task PublishedApp_StartedFromAnotherFolder_UsesItsOwnSettingsAndServesTheBundle()
    {
        var app = Path.Combine(_scratch, "app");
        // The build that ran the tests is published as is (the bundle it built included); a publish from a clean tree
        // builds the bundle first (Spectra.Server.csproj), which is the same Content items.
        var (exitCode, output, error) = await ExternalProcess.RunAsync(
            "dotnet",
            ["publish", Path.Combine(SourceTree.Root, "src", "Spectra.Server", "Spectra.Server.csproj"), "-c", BuildConfiguration, "--no-build", "-o", app, "-nologo", "-p:SpectraSkipClientBuild=true"],
            PublishTimeout);
        Assert.True(exitCode == 0, $"dotnet publish failed ({exitCode}):\n{output}\n{error}");
        Assert.True(File.Exists(Path.Combine(app, "wwwroot", "dist", "site.css")), "the published output has no client bundle");
        Assert.False(Directory.Exists(Path.Combine(app, "ClientApp")), "the client's sources were published");

        // The port is set only in the published appsettings.json: the server listens there only if it read that file.
        var port = LoopbackPort.Free();
        var settingsPath = Path.Combine(app, "appsettings.json");
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(settingsPath))!.AsObject();
        settings["Http"] = new JsonObject { ["Address"] = "127.0.0.1", ["Port"] = port };
        settings["Ingest"] = new JsonObject { ["RtmpPort"] = LoopbackPort.Free(), ["SrtPort"] = 0 };
        await File.WriteAllTextAsync(settingsPath, settings.ToJsonString());

        var elsewhere = Directory.CreateDirectory(Path.Combine(_scratch, "elsewhere")).FullName;
        await using var server = ExternalProcess.Start(
            "dotnet",
            [Path.Combine(app, "Spectra.Server.dll")],
            workingDirectory: elsewhere,
            environment: new Dictionary<string, string?>
            {
                ["Storage__DataDirectory"] = Path.Combine(_scratch, "data"),
                ["ASPNETCORE_CONTENTROOT"] = null,
                ["DOTNET_CONTENTROOT"] = null,
                ["ASPNETCORE_URLS"] = null,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            });

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var home = await WaitForHomeAsync(http, server);
        Assert.Contains("/dist/site.css?v=", home, StringComparison.Ordinal);

        using var css = await http.GetAsync("/dist/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        using var player = await http.GetAsync("/dist/player.js");
        Assert.Equal(HttpStatusCode.OK, player.StatusCode);
        using var manifest = await http.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.False(File.Exists(Path.Combine(elsewhere, "appsettings.json")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the stopped server; the temp folder is cleaned by the system.
        }
    }

    private static async Task<string> WaitForHomeAsync(HttpClient http, ExternalProcess server)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, $"the published server exited:\n{server.StandardOutput}\n{server.StandardError}");
            try
            {
                using var response = await http.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the published server did not answer on its configured port within {StartTimeout.TotalSeconds} s:\n{server.StandardOutput}\n{server.StandardError}");
        return string.Empty;
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}

/// <summary>Publishing compiles nothing but copies the whole app; it runs alone, not beside real-time media tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishedAppCollection
{
    public const string Name = "Published app";
}
