using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Server.Accounts;
using Spectra.Server.Channels;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Cli;

/// <summary>
/// Operator verbs run by the same binary against the configured database:
/// <code>
/// user create NAME --password-stdin [--admin]
/// user stream-key NAME [--rotate]
/// user list
/// user admin NAME [--revoke]
/// user approve NAME
/// invite create [--days N]
/// </code>
/// Exit codes: 0 success, 1 failure (message on stderr), 2 usage error.
/// </summary>
internal static class SpectraCli
{
    public const string Usage = """
        Usage:
          Spectra.Server user create NAME --password-stdin [--admin]   create a user and channel (password read from stdin)
          Spectra.Server user stream-key NAME [--rotate]               print the user's stream key (after rotating it)
          Spectra.Server user list                                      list users
          Spectra.Server user admin NAME [--revoke]                     grant (or revoke) site admin
          Spectra.Server user approve NAME                              let an account awaiting approval sign in
          Spectra.Server invite create [--days N]                       print a one-time sign-up code (valid N days, default 7)
        Without a verb the server starts. Configuration is read as for the server (appsettings, environment).
        """;

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "user" or "invite" or "help" or "--help" or "-h");

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args[0] is not ("user" or "invite") || args.Length < 2)
        {
            await stderr.WriteLineAsync(Usage);
            return args[0] is "user" or "invite" ? 2 : 0;
        }

        var builder = WebApplication.CreateBuilder(ApplicationFolder.HostOptions([]));
        // Stdout carries only the command's output (a script may capture a stream key); logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
        configure?.Invoke(builder);
        builder.AddSpectra();
        await using var app = builder.Build();
        await app.Services.MigrateDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var rest = args[2..];
        if (args[0] == "invite")
        {
            return args[1] == "create"
                ? await InviteAsync(services, rest, stdout, stderr)
                : await UsageErrorAsync(stderr, $"Unknown command 'invite {args[1]}'.");
        }

        return args[1] switch
        {
            "create" => await CreateAsync(services, rest, stdin, stdout, stderr),
            "stream-key" => await StreamKeyAsync(services, rest, stdout, stderr),
            "list" => await ListAsync(services, stdout),
            "admin" => await AdminAsync(services, rest, stdout, stderr),
            "approve" => await ApproveAsync(services, rest, stdout, stderr),
            _ => await UsageErrorAsync(stderr, $"Unknown command 'user {args[1]}'."),
        };
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var name = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a is not "--password-stdin" and not "--admin").ToList();
        if (name is null || unknown.Count > 0 || !args.Contains("--password-stdin"))
        {
            return await UsageErrorAsync(stderr, unknown.Count > 0 ? $"Unknown option {unknown[0]}." : "user create needs NAME and --password-stdin.");
        }

        var password = (await stdin.ReadLineAsync())?.TrimEnd('\r') ?? "";
        var result = await services.GetRequiredService<AccountService>().CreateUserAsync(name, password, args.Contains("--admin"));
        if (!result.Succeeded)
        {
            foreach (var message in result.Errors.SelectMany(e => e.Value))
            {
                await stderr.WriteLineAsync(message);
            }

            return 1;
        }

        await stdout.WriteLineAsync($"Created user {result.Value!.UserName}{(result.Value.IsAdmin ? " (admin)" : "")}.");
        return 0;
    }

    private static async Task<int> StreamKeyAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var name = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (name is null || args.Any(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--rotate"))
        {
            return await UsageErrorAsync(stderr, "user stream-key needs NAME and accepts only --rotate.");
        }

        var channel = await services.GetRequiredService<ChannelService>().FindByOwnerNameAsync(name);
        if (channel is null)
        {
            await stderr.WriteLineAsync($"No user named '{name}'.");
            return 1;
        }

        var keys = services.GetRequiredService<StreamKeyService>();
        var key = args.Contains("--rotate") ? await keys.RotateAsync(channel.Id) : keys.Reveal(channel);
        await stdout.WriteLineAsync(key);
        return 0;
    }

    private static async Task<int> ListAsync(IServiceProvider services, TextWriter stdout)
    {
        var users = await services.GetRequiredService<SpectraDbContext>().Users.AsNoTracking().OrderBy(u => u.NormalizedUserName).ToListAsync();
        foreach (var user in users)
        {
            var role = user.IsAdmin ? "admin" : user.PendingApproval ? "pending" : "user";
            await stdout.WriteLineAsync($"{user.UserName}\t{role}\t{user.CreatedAt:yyyy-MM-dd HH:mm}Z");
        }

        return 0;
    }

    private static async Task<int> AdminAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var name = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (name is null || args.Any(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--revoke"))
        {
            return await UsageErrorAsync(stderr, "user admin needs NAME and accepts only --revoke.");
        }

        var grant = !args.Contains("--revoke");
        if (!await services.GetRequiredService<AccountService>().SetAdminAsync(name, grant))
        {
            await stderr.WriteLineAsync($"No user named '{name}'.");
            return 1;
        }

        await stdout.WriteLineAsync(grant ? $"{name} is now a site admin." : $"{name} is no longer a site admin.");
        return 0;
    }

    private static async Task<int> ApproveAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return await UsageErrorAsync(stderr, "user approve needs NAME.");
        }

        if (!await services.GetRequiredService<AccountService>().ApproveAsync(args[0]))
        {
            await stderr.WriteLineAsync($"No user named '{args[0]}'.");
            return 1;
        }

        await stdout.WriteLineAsync($"{args[0]} can now sign in.");
        return 0;
    }

    private static async Task<int> InviteAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var days = 7;
        if (args.Length == 2 && args[0] == "--days" && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 365)
        {
            days = parsed;
        }
        else if (args.Length != 0)
        {
            return await UsageErrorAsync(stderr, "invite create accepts only --days N (1 to 365).");
        }

        var code = await services.GetRequiredService<SignUpInviteService>().CreateInviteAsync(TimeSpan.FromDays(days));
        await stdout.WriteLineAsync(code);
        return 0;
    }

    private static async Task<int> UsageErrorAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync(message);
        await stderr.WriteLineAsync(Usage);
        return 2;
    }
}
