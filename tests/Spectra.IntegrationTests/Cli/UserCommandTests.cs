using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Spectra.Server.Cli;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Cli;

public sealed class UserCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "spectra-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task UserCommands_CreateListStreamKeyRotateAdmin_WorkAgainstTheDatabase()
    {
        var (create, createOut, _) = await RunAsync("password for cli\n", "user", "create", "cli_user", "--password-stdin");
        var (createSecond, _, _) = await RunAsync("another password\n", "user", "create", "second", "--password-stdin", "--admin");
        var (list, listOut, _) = await RunAsync("", "user", "list");
        var (show, key1, _) = await RunAsync("", "user", "stream-key", "cli_user");
        var (showAgain, key1Again, _) = await RunAsync("", "user", "stream-key", "CLI_USER");
        var (rotate, key2, _) = await RunAsync("", "user", "stream-key", "cli_user", "--rotate");
        var (revoke, _, _) = await RunAsync("", "user", "admin", "second", "--revoke");
        var (listAfter, listAfterOut, _) = await RunAsync("", "user", "list");

        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0], new[] { create, createSecond, list, show, showAgain, rotate, revoke, listAfter });
        Assert.Contains("Created user cli_user.", createOut, StringComparison.Ordinal); // only --admin makes an admin
        Assert.Contains("cli_user\tuser", listOut, StringComparison.Ordinal);
        Assert.Contains("second\tadmin", listOut, StringComparison.Ordinal);
        Assert.Contains("second\tuser", listAfterOut, StringComparison.Ordinal);
        Assert.StartsWith("live_", key1.Trim(), StringComparison.Ordinal);
        Assert.Equal(key1, key1Again);
        Assert.NotEqual(key1.Trim(), key2.Trim());
    }

    [Fact]
    public async Task UserCreate_BadInput_FailsWithMessage()
    {
        var (noStdin, _, noStdinErr) = await RunAsync("", "user", "create", "someone");
        var (weak, _, weakErr) = await RunAsync("short\n", "user", "create", "someone", "--password-stdin");
        var (badName, _, badNameErr) = await RunAsync("long enough password\n", "user", "create", "bad name!", "--password-stdin");
        var (unknownUser, _, unknownErr) = await RunAsync("", "user", "stream-key", "ghost");
        var (unknownVerb, _, _) = await RunAsync("", "user", "frobnicate");

        Assert.Equal(2, noStdin);
        Assert.Contains("--password-stdin", noStdinErr, StringComparison.Ordinal);
        Assert.Equal(1, weak);
        Assert.Contains("8 to 128 characters", weakErr, StringComparison.Ordinal);
        Assert.Equal(1, badName);
        Assert.Contains("only letters, digits and underscores", badNameErr, StringComparison.Ordinal);
        Assert.Equal(1, unknownUser);
        Assert.Contains("No user named 'ghost'", unknownErr, StringComparison.Ordinal);
        Assert.Equal(2, unknownVerb);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SpectraCli.RunAsync(args, input, output, error, builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _dataDirectory }));
        return (exit, output.ToString(), error.ToString());
    }
}
