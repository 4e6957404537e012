using Spectra.Server.Community.Webhooks;

namespace Spectra.Server.Tests.Community.Webhooks;

public sealed class WebhookDispatcherTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CreateHandler_AnySetting_ConnectsWithoutProxyOrRedirects(bool allowPrivate)
    {
        using var handler = WebhookDispatcher.CreateHandler(allowPrivate);

        Assert.False(handler.UseProxy);
        Assert.False(handler.AllowAutoRedirect);
        Assert.NotNull(handler.ConnectCallback);
    }
}
