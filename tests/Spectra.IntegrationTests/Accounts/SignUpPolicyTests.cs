using System.Net;
using System.Text.RegularExpressions;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Accounts;

/// <summary>Who may sign up (Accounts:SignUp), the per-address limit, and how the first admin is made.</summary>
public sealed partial class SignUpPolicyTests
{
    private const string Password = "long enough password";

    [Fact]
    public async Task SignUp_FirstAccountWithoutCode_IsNotAdminAndLandsHome()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostFormAsync("/signup", new() { ["UserName"] = "early_bird", ["Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains("\"isAdmin\":false", await client.Http.GetStringAsync("/api/v1/me"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignUp_SetupCodeFromTheLog_MakesAdminOnce(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, new Dictionary<string, string?> { ["Accounts:SignUp"] = "Closed" });
        var code = SetupCode().Match(string.Join("\n", host.Logs.Entries.Select(e => e.Message))).Value;
        Assert.NotEmpty(code);
        using var founder = host.CreateClient();
        using var other = host.CreateClient();

        using var first = await founder.PostFormAsync("/signup", new() { ["UserName"] = "founder", ["Password"] = Password, ["Code"] = code });
        using var reused = await other.PostFormAsync("/signup", new() { ["UserName"] = "latecomer", ["Password"] = Password, ["Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("\"isAdmin\":true", await founder.Http.GetStringAsync("/api/v1/me"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("This code is not valid", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_Closed_RefusedWithoutCode()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Accounts:SignUp"] = "Closed" });
        using var client = host.CreateClient();

        using var response = await client.PostFormAsync("/signup", new() { ["UserName"] = "hopeful", ["Password"] = Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sign-up is closed on this site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignUp_InviteOnly_NeedsAnInviteFromTheCliUsedOnce(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, new Dictionary<string, string?> { ["Accounts:SignUp"] = "InviteOnly" });
        using var client = host.CreateClient();
        using var noCode = await client.PostFormAsync("/signup", new() { ["UserName"] = "guest", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);
        Assert.Contains("needs an invite code", await noCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (exit, code, error) = await host.RunCliAsync("", "invite", "create", "--days", "2");
        Assert.True(exit == 0, error);
        Assert.Matches("^inv_[0-9A-Za-z]{24}$", code.Trim());

        using var invited = await client.PostFormAsync("/signup", new() { ["UserName"] = "guest", ["Password"] = Password, ["Code"] = code.Trim() });
        using var other = host.CreateClient();
        using var reused = await other.PostFormAsync("/signup", new() { ["UserName"] = "guest_two", ["Password"] = Password, ["Code"] = code.Trim() });

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("\"isAdmin\":false", await client.Http.GetStringAsync("/api/v1/me"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task SignUp_Approval_CannotSignInUntilApprovedByCli()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Accounts:SignUp"] = "Approval" });
        using var client = host.CreateClient();

        using var signUp = await client.PostFormAsync("/signup", new() { ["UserName"] = "patient", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        Assert.Contains("must approve it", await signUp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var me = await client.Http.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using var early = await client.PostFormAsync("/signin", new() { ["UserName"] = "patient", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("waiting for an admin", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, listed, _) = await host.RunCliAsync("", "user", "list");
        Assert.Contains("patient\tpending", listed, StringComparison.Ordinal);

        var (exit, _, error) = await host.RunCliAsync("", "user", "approve", "patient");
        Assert.True(exit == 0, error);

        using var approved = await client.PostFormAsync("/signin", new() { ["UserName"] = "patient", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
    }

    [Fact]
    public async Task SignUp_BeyondThePerAddressLimit_Refused()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Accounts:SignUpsPerAddressPerHour"] = "2" });
        for (var i = 0; i < 2; i++)
        {
            (await host.SignUpAsync("member" + i)).Dispose();
        }

        using var client = host.CreateClient();
        using var refused = await client.PostFormAsync("/signup", new() { ["UserName"] = "member2", ["Password"] = Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-ups from your network", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("setup_[0-9A-Za-z]{24}")]
    private static partial Regex SetupCode();
}
