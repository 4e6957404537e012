using Spectra.Server.Infrastructure;

namespace Spectra.Server.Tests.Infrastructure;

public sealed class ApplicationFolderTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("spectra-app-").FullName;

    [Fact]
    public void ContentRoot_PublishedApp_IsTheApplicationFolder()
    {
        Directory.CreateDirectory(Path.Combine(_app, "wwwroot"));

        Assert.Equal(_app, ApplicationFolder.ContentRoot([], null, _app));
    }

    [Fact]
    public void ContentRoot_BuildOutputWithoutWebRoot_IsTheDefault()
    {
        Assert.Null(ApplicationFolder.ContentRoot([], null, _app));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/spectra")]
    [InlineData("--contentroot")]
    [InlineData("/contentRoot")]
    public void ContentRoot_ChosenOnTheCommandLine_IsLeftToIt(string argument)
    {
        Directory.CreateDirectory(Path.Combine(_app, "wwwroot"));

        Assert.Null(ApplicationFolder.ContentRoot([argument, "/srv/spectra"], null, _app));
    }

    [Fact]
    public void ContentRoot_ChosenInTheEnvironment_IsLeftToIt()
    {
        Directory.CreateDirectory(Path.Combine(_app, "wwwroot"));

        Assert.Null(ApplicationFolder.ContentRoot([], "/srv/spectra", _app));
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);
}
