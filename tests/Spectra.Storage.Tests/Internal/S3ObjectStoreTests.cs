using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Storage.Internal;
using Spectra.Storage.Tests.TestSupport;
using Spectra.Testing;
using Spectra.Testing.Storage;

namespace Spectra.Storage.Tests.Internal;

/// <summary>
/// The conformance suite on a real S3-compatible server (s3rver on 127.0.0.1, one bucket per test, keys
/// under a prefix), and what is particular to S3: multipart uploads, an unreachable or silent server.
/// </summary>
public sealed class S3ObjectStoreTests : ObjectStoreConformanceTests
{
    private S3TestServer? _server;
    private string _bucket = "";

    [Fact]
    public async Task WriteAsync_AboveMultipartThreshold_IsSentInParts()
    {
        var requests = new RecordingHttpClientFactory();
        using var store = CreateStore(requests);
        var bytes = TestBytes.Make(LargeObjectSize, seed: 11);

        await store.WriteAsync("recordings/r1/big.mp4", new ForwardOnlyStream(bytes));

        // 5 MiB + 5 MiB + the rest, between initiate and complete.
        var sent = requests.Requests;
        Assert.Equal(5, sent.Count);
        Assert.StartsWith("POST /" + _bucket + "/spectra/recordings/r1/big.mp4?uploads", sent[0], StringComparison.Ordinal);
        Assert.All(sent.Skip(1).Take(3), r => Assert.Matches("^PUT .*(partNumber=[123]).*uploadId=|^PUT .*uploadId=.*partNumber=[123]", r));
        Assert.Matches("^POST .*uploadId=", sent[4]);
        Assert.Equal(bytes, await ReadObjectAsync("recordings/r1/big.mp4"));
    }

    [Fact]
    public async Task WriteAsync_BelowMultipartThreshold_IsOnePut()
    {
        var requests = new RecordingHttpClientFactory();
        using var store = CreateStore(requests);

        await store.WriteAsync("recordings/r1/0.m4s", new ForwardOnlyStream(TestBytes.Make(S3StoreOptions.MinPartSize)));

        Assert.Equal(["PUT /" + _bucket + "/spectra/recordings/r1/0.m4s"], requests.Requests);
    }

    [Fact]
    public async Task WriteAsync_SourceFailsDuringMultipartUpload_AbortsTheUpload()
    {
        var requests = new RecordingHttpClientFactory();
        using var store = CreateStore(requests);

        await Assert.ThrowsAnyAsync<IOException>(() => store.WriteAsync("recordings/r1/big.mp4", new ForwardOnlyStream(TestBytes.Make(LargeObjectSize), LargeObjectSize - 1000)));

        // s3rver 3.7 answers the abort with 405 (it keeps the parts, as a bucket without a lifecycle rule would);
        // real S3 removes them. Either way no object is made of them.
        Assert.Matches("^DELETE /" + _bucket + "/spectra/recordings/r1/big.mp4\\?uploadId=", requests.Requests[^1]);
        Assert.DoesNotContain(requests.Requests, r => r.StartsWith("POST", StringComparison.Ordinal) && r.Contains("uploadId=", StringComparison.Ordinal));
        Assert.Null(await Store.GetInfoAsync("recordings/r1/big.mp4"));
    }

    [Fact]
    public async Task WriteAsync_Prefix_KeysLiveUnderItInTheBucket()
    {
        await Store.WriteAsync("avatars/0123", new MemoryStream([1, 2, 3]));

        Assert.True(File.Exists(Path.Combine(_server!.DataDirectory, _bucket, "spectra", "avatars", "0123._S3rver_object")));
    }

    [Fact]
    public async Task EveryOperation_ServerStopped_ThrowsObjectStoreExceptionInBoundedTime()
    {
        await using var server = await S3TestServer.StartAsync();
        var bucket = await server.CreateBucketAsync();
        using var store = new S3ObjectStore(server.StoreOptions(bucket), NullLogger<S3ObjectStore>.Instance);
        await store.WriteAsync("avatars/before", new MemoryStream([1]));
        await using var opened = await store.OpenReadAsync("avatars/before");
        server.Stop();
        var clock = Stopwatch.StartNew();

        var write = await Assert.ThrowsAsync<ObjectStoreException>(() => store.WriteAsync("avatars/after", new MemoryStream([2])));
        await Assert.ThrowsAsync<ObjectStoreException>(() => store.OpenReadAsync("avatars/before"));
        await Assert.ThrowsAsync<ObjectStoreException>(() => store.DeleteAsync("avatars/before"));
        await Assert.ThrowsAsync<ObjectStoreException>(async () => await store.ListAsync("avatars/").CountAsync());
        await Assert.ThrowsAsync<ObjectStoreException>(() => store.DeleteByPrefixAsync("avatars/"));
        await Assert.ThrowsAsync<ObjectStoreException>(() => opened!.Content.ReadAsync(new byte[1]).AsTask());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        Assert.Contains("\"avatars/after\"", write.Message, StringComparison.Ordinal);
        Assert.Contains(server.ServiceUrl, write.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ServerNeverAnswers_TimesOutWithObjectStoreException()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var options = new S3StoreOptions
        {
            Bucket = "silent",
            ServiceUrl = $"http://127.0.0.1:{port}",
            ForcePathStyle = true,
            AccessKey = S3TestServer.AccessKey,
            SecretKey = S3TestServer.SecretKey,
            Timeout = TimeSpan.FromSeconds(1),
            MaxRetries = 0,
        };
        using var store = new S3ObjectStore(options, NullLogger<S3ObjectStore>.Instance);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.WriteAsync("avatars/x", new MemoryStream([1])));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
        Assert.Contains("\"avatars/x\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInfoAsync_NoSuchBucket_ThrowsObjectStoreException()
    {
        using var store = new S3ObjectStore(_server!.StoreOptions("no-such-bucket"), NullLogger<S3ObjectStore>.Instance);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.WriteAsync("avatars/x", new MemoryStream([1])));

        Assert.Contains("NoSuchBucket", error.Message, StringComparison.Ordinal);
    }

    protected override async Task<IObjectStore> CreateStoreAsync()
    {
        _server = await S3TestServer.GetAsync();
        _bucket = await _server.CreateBucketAsync();
        return CreateStore();
    }

    /// <summary>A store on this test's bucket, keys under "spectra/", multipart from 5 MiB in 5 MiB parts.</summary>
    private S3ObjectStore CreateStore(RecordingHttpClientFactory? requests = null)
    {
        var options = _server!.StoreOptions(_bucket, prefix: "spectra");
        options.MultipartThreshold = S3StoreOptions.MinPartSize;
        options.PartSize = S3StoreOptions.MinPartSize;
        return new S3ObjectStore(options, NullLogger<S3ObjectStore>.Instance, requests);
    }

    /// <summary>
    /// Nothing in the bucket at all (the server keeps each object as files under {data}/{bucket}); s3rver
    /// keeps the parts of unfinished multipart uploads elsewhere, and no object is made of them.
    /// </summary>
    protected override Task AssertNoLeftoversAsync()
    {
        var bucket = Path.Combine(_server!.DataDirectory, _bucket);
        var objects = Directory.GetFiles(bucket, "*._S3rver_object", SearchOption.AllDirectories);
        Assert.Empty(objects);
        return Task.CompletedTask;
    }
}
