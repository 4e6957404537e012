using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectra.Data;
using Spectra.Server;
using Spectra.Server.Infrastructure;

namespace Spectra.Testing;

/// <summary>
/// A real Spectra server for tests: Kestrel on 127.0.0.1 with a free port, its own temporary data
/// directory and database (SQLite file or a fresh PostgreSQL database), the full middleware pipeline.
/// Disposing stops it, deletes its data, and throws if an unexpected error was logged.
/// </summary>
public sealed partial class SpectraHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    /// <summary>
    /// Test runs start hundreds of servers in one process, and a server's file watchers (appsettings.json, the web
    /// root for asp-append-version) each hold an inotify instance of which a Linux user has 128 by default, some
    /// outliving the server. Tests never change those files: configuration is not reloaded and the file providers
    /// poll instead (no inotify). Set for the whole test process, so also for the CLI hosts and child processes.
    /// </summary>
    static SpectraHost()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    private SpectraHost(WebApplication app, string dataDirectory, TestLogSink logs, Uri baseAddress, DatabaseKind database)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Logs = logs;
        BaseAddress = baseAddress;
        Database = database;
    }

    public Uri BaseAddress { get; }

    public DatabaseKind Database { get; }

    public IServiceProvider Services => _app.Services;

    public TestLogSink Logs { get; }

    public string DataDirectory => _dataDirectory;

    /// <summary>Errors a test provoked on purpose; everything else logged at Error fails the test on dispose.</summary>
    public Func<TestLogSink.LogEntry, bool> ExpectedError { get; set; } = _ => false;

    /// <param name="settings">Configuration overrides, e.g. ["Accounts:MaxFailedSignIns"] = "3".</param>
    public static async Task<SpectraHost> StartAsync(
        DatabaseKind database = DatabaseKind.Sqlite,
        IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "spectra-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var config = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Http:Address"] = "127.0.0.1",
            ["Http:Port"] = "0",
            ["Ingest:RtmpPort"] = "0",
            ["Ingest:SrtPort"] = "0",
            ["Database:Provider"] = database.ToString(),
            ["Database:ConnectionString"] = database == DatabaseKind.Postgres ? await PostgresServer.CreateDatabaseConnectionStringAsync() : "",
            // Tests sign up many users from 127.0.0.1 through the form; the secure defaults (invite-only,
            // a few sign-ups per address and hour) are covered by tests that set them explicitly.
            ["Accounts:SignUp"] = "Open",
            ["Accounts:SignUpsPerAddressPerHour"] = "100000",
            // Every test client comes from 127.0.0.1; the rate-limit tests turn the limits on.
            ["RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SpectraApplication).Assembly.GetName().Name,
            ContentRootPath = ServerProjectDirectory(),
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(config);
        var logs = new TestLogSink();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.AddSpectra();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseSpectra();
        await app.Services.MigrateDatabaseAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        return new SpectraHost(app, dataDirectory, logs, new Uri(address), database);
    }

    /// <summary>A client with its own cookie jar (one browser), not following redirects.</summary>
    public TestClient CreateClient() => new(BaseAddress);

    /// <summary>Signs up a new user through the real sign-up form; the returned client carries its cookie.</summary>
    public async Task<TestClient> SignUpAsync(string userName, string password = "correct horse battery")
    {
        var client = CreateClient();
        using var response = await client.PostFormAsync("/signup", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-up of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        client.UserName = userName;
        return client;
    }

    /// <summary>
    /// Creates a site admin the way an operator does (the <c>user create NAME --admin</c> command against
    /// this server's database) and signs it in through the real sign-in form.
    /// </summary>
    public async Task<TestClient> CreateAdminAsync(string userName, string password = "correct horse battery")
    {
        var (exit, _, error) = await RunCliAsync(password + "\n", "user", "create", userName, "--password-stdin", "--admin");
        if (exit != 0)
        {
            throw new InvalidOperationException($"Creating admin {userName} failed ({exit}): {error}");
        }

        return await SignInAsync(userName, password);
    }

    /// <summary>Signs in through the real sign-in form; the returned client (a new browser) carries the cookie.</summary>
    public async Task<TestClient> SignInAsync(string userName, string password = "correct horse battery")
    {
        var client = CreateClient();
        using var response = await client.PostFormAsync("/signin", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        client.UserName = userName;
        return client;
    }

    /// <summary>
    /// Runs a command-line verb (<c>user ...</c>, <c>invite ...</c>) against this server's database, as an
    /// operator would from another process: its own host, services and connections, nothing shared in memory.
    /// </summary>
    public async Task<(int Exit, string Out, string Err)> RunCliAsync(string stdin, params string[] args)
    {
        var configuration = _app.Services.GetRequiredService<IConfiguration>();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = configuration["Storage:DataDirectory"],
            ["Database:Provider"] = configuration["Database:Provider"],
            ["Database:ConnectionString"] = configuration["Database:ConnectionString"],
        };
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Spectra.Server.Cli.SpectraCli.RunAsync(args, input, output, error, builder =>
            builder.Configuration.AddInMemoryCollection(settings));
        return (exit, output.ToString(), error.ToString());
    }

    public T GetRequiredService<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public AsyncServiceScope CreateScope() => _app.Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        var unexpected = Logs.Errors.Where(e => !ExpectedError(e)).ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException("The server logged unexpected errors:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));
        }
    }

    internal static string ServerProjectDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Spectra.Server");
            if (File.Exists(Path.Combine(candidate, "Spectra.Server.csproj")))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException("Could not find src/Spectra.Server above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex AntiforgeryField();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    internal static partial Regex AntiforgeryMeta();
}
