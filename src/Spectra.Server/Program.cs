using Spectra.Server;
using Spectra.Server.Cli;
using Spectra.Server.Infrastructure;

if (SpectraCli.IsCommand(args))
{
    return await SpectraCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(ApplicationFolder.HostOptions(args));
builder.AddSpectra();

var app = builder.Build();
app.UseSpectra();
await app.Services.MigrateDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so test hosts can locate the application.</summary>
public partial class Program;
