using System.Net;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Accounts;

public sealed class SignUpTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignUp_NewName_CreatesUserChannelAndSignsIn(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var client = await host.SignUpAsync("Alice_1");

        using var dashboard = await client.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var me = await client.Http.GetStringAsync("/api/v1/me");
        Assert.Contains("\"userName\":\"Alice_1\"", me, StringComparison.Ordinal);

        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var user = await db.Users.Include(u => u.Channel).SingleAsync();
        Assert.Equal("ALICE_1", user.NormalizedUserName);
        Assert.NotNull(user.Channel);
        Assert.StartsWith("AQAAAA", user.PasswordHash, StringComparison.Ordinal); // Identity v3 hash format
        Assert.DoesNotContain("correct horse", user.PasswordHash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignUp_SameNameDifferentCase_IsRejectedAndNothingStored(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var first = await host.SignUpAsync("streamer");
        using var second = host.CreateClient();

        using var response = await second.PostFormAsync("/signup", new() { ["UserName"] = "STREAMER", ["Password"] = "another password" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This user name is taken.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(1, await db.Channels.CountAsync());
    }

    [Theory]
    [InlineData("", "Choose a user name.")]
    [InlineData("ab", "3 to 25 characters")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "3 to 25 characters")]
    [InlineData("bad name", "only letters, digits and underscores")]
    [InlineData("<script>", "only letters, digits and underscores")]
    [InlineData("dashboard", "reserved")]
    public async Task SignUp_InvalidName_ShowsErrorAndStoresNothing(string name, string expected)
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostFormAsync("/signup", new() { ["UserName"] = name, ["Password"] = "long enough password" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = host.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().Users.CountAsync());
    }

    [Fact]
    public async Task SignUp_ShortOrOverlongPassword_IsRejected()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var shortPassword = await client.PostFormAsync("/signup", new() { ["UserName"] = "valid_name", ["Password"] = "short" });
        using var longPassword = await client.PostFormAsync("/signup", new() { ["UserName"] = "valid_name", ["Password"] = new string('x', 129) });

        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longPassword.StatusCode);
        Assert.Contains("8 to 128 characters", await shortPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_WithoutAntiforgeryToken_IsRejected()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostFormAsync("/signup", new() { ["UserName"] = "forged", ["Password"] = "long enough password" }, includeToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = host.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().Users.CountAsync());
    }

    [Fact]
    public async Task SignUp_Cookie_IsHttpOnlyAndSameSiteLax()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostFormAsync("/signup", new() { ["UserName"] = "cookie_check", ["Password"] = "long enough password" });

        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("spectra.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
    }
}
