using System.Collections.Concurrent;
using Amazon.Runtime;

namespace Spectra.Storage.Tests.TestSupport;

/// <summary>HTTP clients for the S3 SDK that note each request as "METHOD /path?query", in order.</summary>
internal sealed class RecordingHttpClientFactory : HttpClientFactory
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> Requests => [.. _requests];

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new Recorder(_requests)) { Timeout = clientConfig?.Timeout ?? TimeSpan.FromSeconds(30) };

    private sealed class Recorder(ConcurrentQueue<string> requests) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue($"{request.Method} {request.RequestUri?.PathAndQuery}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
