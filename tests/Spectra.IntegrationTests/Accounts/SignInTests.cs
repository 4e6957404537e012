using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Server.Accounts;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Accounts;

public sealed class SignInTests
{
    private const string Password = "correct horse battery";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignIn_RightPasswordAnyCase_SignsIn(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        (await host.SignUpAsync("Casey", Password)).Dispose();
        using var client = host.CreateClient();

        using var response = await client.PostFormAsync("/signin", new() { ["UserName"] = "casey", ["Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("\"userName\":\"Casey\"", await client.Http.GetStringAsync("/api/v1/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorWithoutSigningIn()
    {
        await using var host = await SpectraHost.StartAsync();
        (await host.SignUpAsync("dana", Password)).Dispose();
        using var client = host.CreateClient();

        using var response = await client.PostFormAsync("/signin", new() { ["UserName"] = "dana", ["Password"] = "wrong password" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var me = await client.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUser_SameMessageAsWrongPassword()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostFormAsync("/signin", new() { ["UserName"] = "nobody", ["Password"] = "whatever password" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignIn_RepeatedFailures_BacksOffEvenForRightPassword(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, new Dictionary<string, string?> { ["Accounts:MaxFailedSignIns"] = "3", ["Accounts:BackoffBase"] = "00:01:00" });
        (await host.SignUpAsync("erin", Password)).Dispose();
        using var client = host.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var failed = await client.PostFormAsync("/signin", new() { ["UserName"] = "erin", ["Password"] = "wrong password" });
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        using var locked = await client.PostFormAsync("/signin", new() { ["UserName"] = "erin", ["Password"] = Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter is not null);
        Assert.Contains("Too many failed sign-ins for this account", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignIn_FailuresPastTheLimit_WaitGrowsAndOwnerGetsInAfterIt(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Accounts:MaxFailedSignIns"] = "2",
            ["Accounts:BackoffBase"] = "00:00:01",
            ["Accounts:MaxAccountBackoff"] = "00:00:04",
        });
        (await host.SignUpAsync("ezra", Password)).Dispose();
        var waits = new List<TimeSpan>();
        Assert.Equal(SignInStatus.InvalidCredentials, (await SignInAsync(host, "ezra", "wrong password")).Status);
        Assert.Equal(SignInStatus.InvalidCredentials, (await SignInAsync(host, "ezra", "wrong password")).Status);
        for (var i = 0; i < 4; i++)
        {
            var refused = await SignInAsync(host, "ezra", Password);
            Assert.Equal(SignInStatus.AccountLocked, refused.Status);
            waits.Add(refused.RetryAfter!.Value);
            await Task.Delay(refused.RetryAfter!.Value + TimeSpan.FromMilliseconds(50));
            if (i < 3)
            {
                Assert.Equal(SignInStatus.InvalidCredentials, (await SignInAsync(host, "ezra", "wrong password")).Status);
            }
        }

        // 1 s, 2 s, 4 s, then capped at 4 s (each seen a moment after the failure that started it).
        Assert.InRange(waits[0], TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(2));
        Assert.InRange(waits[2], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4));
        Assert.InRange(waits[3], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4));
        Assert.Equal(SignInStatus.Succeeded, (await SignInAsync(host, "ezra", Password)).Status);
        Assert.Equal(SignInStatus.InvalidCredentials, (await SignInAsync(host, "ezra", "wrong password")).Status);
    }

    private static async Task<SignInOutcome> SignInAsync(SpectraHost host, string user, string password)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().SignInAsync(user, password, IPAddress.Parse("192.0.2.20"));
    }

    [Fact]
    public async Task SignIn_ManyFailuresFromOneAddress_ThrottlesThatAddressAcrossAccounts()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Accounts:MaxFailedSignInsPerIp"] = "4", ["Accounts:BackoffBase"] = "00:01:00" });
        (await host.SignUpAsync("frank", Password)).Dispose();
        using var client = host.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            using var failed = await client.PostFormAsync("/signin", new() { ["UserName"] = $"user{i}", ["Password"] = "guess password" });
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        using var throttled = await client.PostFormAsync("/signin", new() { ["UserName"] = "frank", ["Password"] = Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("from your network", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignIn_HundredParallelWrongGuesses_NoMoreCheckedThanTheAccountLimit(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, new Dictionary<string, string?> { ["Accounts:MaxFailedSignInsPerIp"] = "1000", ["Accounts:BackoffBase"] = "00:01:00" });
        (await host.SignUpAsync("hugo", Password)).Dispose();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            return (await accounts.SignInAsync("hugo", "wrong password " + i, IPAddress.Parse("192.0.2.10"))).Status;
        }));

        Assert.Equal(5, outcomes.Count(s => s == SignInStatus.InvalidCredentials));
        Assert.Equal(95, outcomes.Count(s => s == SignInStatus.AccountLocked));
        await using var check = host.Services.CreateAsyncScope();
        var afterwards = await check.ServiceProvider.GetRequiredService<AccountService>().SignInAsync("hugo", Password, IPAddress.Parse("192.0.2.11"));
        Assert.Equal(SignInStatus.AccountLocked, afterwards.Status);
    }

    [Fact]
    public async Task SignIn_HundredParallelGuessesFromOneAddress_NoMoreCheckedThanTheAddressLimit()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Accounts:MaxFailedSignInsPerIp"] = "20" });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            return (await accounts.SignInAsync("nobody" + i, "guess password", IPAddress.Parse("192.0.2.12"))).Status;
        }));

        Assert.Equal(20, outcomes.Count(s => s == SignInStatus.InvalidCredentials));
        Assert.Equal(80, outcomes.Count(s => s == SignInStatus.AddressThrottled));
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = await host.SignUpAsync("gina");

        using var response = await client.PostFormAsync("/signout", [], pagePath: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var me = await client.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_SignsOutOtherBrowsers_AndNewPasswordWorks()
    {
        await using var host = await SpectraHost.StartAsync();
        using var browserA = await host.SignUpAsync("hana", Password);
        using var browserB = host.CreateClient();
        using (var signIn = await browserB.PostFormAsync("/signin", new() { ["UserName"] = "hana", ["Password"] = Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var change = await browserA.PostFormAsync("/settings?handler=Password", new() { ["CurrentPassword"] = Password, ["NewPassword"] = "a brand new password" });

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("Password changed.", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var stillIn = await browserA.Http.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        using (var signedOut = await browserB.Http.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        }

        using var fresh = host.CreateClient();
        using var withNew = await fresh.PostFormAsync("/signin", new() { ["UserName"] = "hana", ["Password"] = "a brand new password" });
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsRejected()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = await host.SignUpAsync("ivan", Password);

        using var change = await client.PostFormAsync("/settings?handler=Password", new() { ["CurrentPassword"] = "not it at all", ["NewPassword"] = "a brand new password" });

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains("The current password is wrong.", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
