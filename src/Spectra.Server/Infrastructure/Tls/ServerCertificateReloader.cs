using Microsoft.Extensions.Options;

namespace Spectra.Server.Infrastructure.Tls;

/// <summary>Re-reads the certificate files every <see cref="TlsOptions.ReloadInterval"/> (polling also sees files replaced through symbolic links, as certbot does).</summary>
internal sealed class ServerCertificateReloader(ServerCertificate certificate, IOptions<TlsOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReloadInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                certificate.Refresh();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
