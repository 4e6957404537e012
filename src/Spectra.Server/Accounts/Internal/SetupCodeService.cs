namespace Spectra.Server.Accounts.Internal;

/// <summary>
/// At start, while the site has no admin, prints a one-time set-up code to the log: the sign-up page
/// accepts it (under every sign-up policy) and makes that account the admin. The first admin is thus
/// made by whoever can read the server's log, or with <c>user create NAME --admin</c>; never by being
/// the first to sign up. Each start withdraws the previous code and prints a new one.
/// </summary>
internal sealed partial class SetupCodeService(IServiceScopeFactory scopes, ILogger<SetupCodeService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var code = await scope.ServiceProvider.GetRequiredService<SignUpInviteService>().RenewSetupCodeAsync(cancellationToken);
        if (code is not null)
        {
            LogSetupCode(logger, code);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "This site has no admin yet. Sign up at /signup with the one-time set-up code {SetupCode} to become its admin (or run: user create NAME --password-stdin --admin).")]
    private static partial void LogSetupCode(ILogger logger, string setupCode);
}
