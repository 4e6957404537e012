using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spectra.Data;
using Spectra.Server.Health;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Health;

public sealed class HealthTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task HealthAndReady_WithDatabase_AreHealthy(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var client = host.CreateClient();

        using var live = await client.Http.GetAsync("/healthz");
        using var ready = await client.Http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DatabaseCheck_UnreachableServer_IsUnhealthy()
    {
        // A port nothing listens on: connection refused.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var db = SpectraDbContext.Create(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={port};Username=x;Database=x;Timeout=3");

        var result = await new DatabaseHealthCheck(db).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
