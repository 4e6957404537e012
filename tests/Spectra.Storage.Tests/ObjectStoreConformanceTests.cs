using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectra.Storage.Tests.TestSupport;

namespace Spectra.Storage.Tests;

/// <summary>
/// What every <see cref="IObjectStore"/> does, run against each implementation (local disk, S3): a class
/// per implementation derives from this one and makes a fresh, empty store for each test.
/// </summary>
public abstract class ObjectStoreConformanceTests : IAsyncLifetime
{
    /// <summary>Above the multipart threshold the S3 tests configure (5 MiB): three parts of 5, 5 and 1 MiB.</summary>
    protected const int LargeObjectSize = (2 * S3StoreOptions.MinPartSize) + (1024 * 1024) + 123;

    private IObjectStore? _store;

    protected IObjectStore Store => _store ?? throw new InvalidOperationException("The store is made in InitializeAsync.");

    public static TheoryData<string> BadKeys() =>
    [
        "", "../escape", "a/../../escape", "..", "a/..", "./a", "a\\b", "..\\escape", "/absolute", "a//b", "a/", "a\u0000b",
        "a\nb", "a\u007fb", ".hidden", "a/.tmp", "a b", "a?b", "a%2Fb", "ä", new string('a', ObjectKeys.MaxLength + 1),
    ];

    public static TheoryData<string> BadPrefixes() => ["", "a", "/", "../", "a/../", "a//", "/a/", "a\\b/", "a\u0001/"];

    public static TheoryData<int> FailureOffsets() => [0, 1000, LargeObjectSize - 1000];

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        return DisposeStoreAsync();
    }

    [Fact]
    public async Task WriteAsync_NewKey_ReadsBackSameBytesAndInfo()
    {
        var bytes = TestBytes.Make(100_000);

        var written = await Store.WriteAsync("avatars/0123abcd", new MemoryStream(bytes));

        Assert.Equal("avatars/0123abcd", written.Key);
        Assert.Equal(bytes.Length, written.Length);
        await using var stored = await Store.OpenReadAsync("avatars/0123abcd");
        Assert.NotNull(stored);
        Assert.Equal(bytes.Length, stored.Info.Length);
        Assert.Equal(written.ETag, stored.Info.ETag);
        Assert.StartsWith("\"", stored.Info.ETag, StringComparison.Ordinal);
        Assert.True(Math.Abs((stored.Info.LastModified - DateTimeOffset.UtcNow).TotalMinutes) < 5, stored.Info.LastModified.ToString("O"));
        Assert.True(stored.Content.CanSeek);
        Assert.Equal(bytes.Length, stored.Content.Length);
        Assert.Equal(bytes, await ReadAllAsync(stored.Content));
    }

    [Fact]
    public async Task WriteAsync_ForwardOnlyStream_StoresEveryByte()
    {
        var bytes = TestBytes.Make(300_000, seed: 2);

        await Store.WriteAsync("clips/c1/clip.mp4", new ForwardOnlyStream(bytes));

        Assert.Equal(bytes, await ReadObjectAsync("clips/c1/clip.mp4"));
    }

    [Fact]
    public async Task WriteAsync_EmptyStream_StoresEmptyObject()
    {
        await Store.WriteAsync("thumbnails/empty.jpg", new MemoryStream());

        var info = await Store.GetInfoAsync("thumbnails/empty.jpg");
        Assert.NotNull(info);
        Assert.Equal(0, info.Length);
        Assert.Empty(await ReadObjectAsync("thumbnails/empty.jpg"));
    }

    [Fact]
    public async Task WriteAsync_ExistingKey_ReplacesObjectAndChangesETag()
    {
        var first = await Store.WriteAsync("avatars/replaced", new MemoryStream(TestBytes.Make(5000, seed: 3)));
        var second = TestBytes.Make(7000, seed: 4);

        var written = await Store.WriteAsync("avatars/replaced", new MemoryStream(second));

        Assert.NotEqual(first.ETag, written.ETag);
        Assert.Equal(second, await ReadObjectAsync("avatars/replaced"));
        Assert.Equal(second.Length, (await Store.GetInfoAsync("avatars/replaced"))!.Length);
    }

    [Fact]
    public async Task WriteAsync_LargeObject_StoresEveryByte()
    {
        var bytes = TestBytes.Make(LargeObjectSize, seed: 5);

        var written = await Store.WriteAsync("recordings/r1/big.mp4", new ForwardOnlyStream(bytes));

        Assert.Equal(LargeObjectSize, written.Length);
        Assert.Equal(LargeObjectSize, (await Store.GetInfoAsync("recordings/r1/big.mp4"))!.Length);
        Assert.Equal(bytes, await ReadObjectAsync("recordings/r1/big.mp4"));
    }

    [Theory]
    [MemberData(nameof(FailureOffsets))]
    public async Task WriteAsync_SourceFailsMidway_LeavesNothing(int failAfter)
    {
        var bytes = TestBytes.Make(LargeObjectSize, seed: 6);

        await Assert.ThrowsAnyAsync<IOException>(() => Store.WriteAsync("recordings/r2/segment.m4s", new ForwardOnlyStream(bytes, failAfter)));

        Assert.Null(await Store.GetInfoAsync("recordings/r2/segment.m4s"));
        Assert.Null(await Store.OpenReadAsync("recordings/r2/segment.m4s"));
        Assert.Empty(await ListAsync("recordings/"));
        await AssertNoLeftoversAsync();
    }

    [Theory]
    [MemberData(nameof(FailureOffsets))]
    public async Task WriteAsync_SourceFailsWhenReplacing_KeepsPreviousObject(int failAfter)
    {
        var previous = TestBytes.Make(4000, seed: 7);
        await Store.WriteAsync("avatars/kept", new MemoryStream(previous));

        await Assert.ThrowsAnyAsync<IOException>(() => Store.WriteAsync("avatars/kept", new ForwardOnlyStream(TestBytes.Make(LargeObjectSize, seed: 8), failAfter)));

        Assert.Equal(previous, await ReadObjectAsync("avatars/kept"));
        Assert.Single(await ListAsync("avatars/"));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_LeavesNothing()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.WriteAsync("clips/cancelled", new MemoryStream(TestBytes.Make(1000)), cancel.Token));

        Assert.Null(await Store.GetInfoAsync("clips/cancelled"));
        await AssertNoLeftoversAsync();
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_ReturnsNull()
    {
        Assert.Null(await Store.OpenReadAsync("avatars/missing"));
        Assert.Null(await Store.GetInfoAsync("avatars/missing"));
        Assert.Null(await Store.OpenReadAsync("nowhere/at/all"));
    }

    [Fact]
    public async Task OpenReadAsync_Seek_ReadsFromThatByte()
    {
        var bytes = TestBytes.Make(LargeObjectSize, seed: 9);
        await Store.WriteAsync("recordings/r3/seek.mp4", new MemoryStream(bytes));
        await using var stored = await Store.OpenReadAsync("recordings/r3/seek.mp4");
        var stream = stored!.Content;

        stream.Seek(6_000_000, SeekOrigin.Begin);
        var middle = await ReadExactlyAsync(stream, 100_000);
        stream.Position = 10;
        var start = await ReadExactlyAsync(stream, 20);
        stream.Seek(-5, SeekOrigin.End);
        var end = await ReadAllAsync(stream);
        stream.Seek(3, SeekOrigin.Current);

        Assert.Equal(bytes.AsSpan(6_000_000, 100_000).ToArray(), middle);
        Assert.Equal(bytes.AsSpan(10, 20).ToArray(), start);
        Assert.Equal(bytes.AsSpan(bytes.Length - 5).ToArray(), end);
        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task DeleteAsync_ExistingKey_RemovesObject()
    {
        await Store.WriteAsync("avatars/gone", new MemoryStream([1, 2, 3]));

        Assert.True(await Store.DeleteAsync("avatars/gone"));

        Assert.Null(await Store.GetInfoAsync("avatars/gone"));
        Assert.Null(await Store.OpenReadAsync("avatars/gone"));
        Assert.False(await Store.DeleteAsync("avatars/gone"));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsObjectsUnderWholeSegmentsInKeyOrder()
    {
        string[] inside = ["recordings/abc/720p/2.m4s", "recordings/abc/720p/10.m4s", "recordings/abc/index.json", "recordings/abc/720p/init.mp4"];
        foreach (var key in inside.Concat(["recordings/abcd/index.json", "recordings/ab/index.json", "clips/abc/clip.mp4"]))
        {
            await Store.WriteAsync(key, new MemoryStream(TestBytes.Make(key.Length)));
        }

        var listed = await ListAsync("recordings/abc/");

        Assert.Equal(inside.Order(StringComparer.Ordinal), listed.Select(o => o.Key));
        Assert.Equal(inside.Order(StringComparer.Ordinal).Select(k => (long)k.Length), listed.Select(o => o.Length));
        foreach (var info in listed)
        {
            Assert.Equal((await Store.GetInfoAsync(info.Key))!.ETag, info.ETag);
        }

        Assert.Equal(3, (await ListAsync("recordings/abc/720p/")).Count);
        Assert.Empty(await ListAsync("recordings/zzz/"));
    }

    [Fact]
    public async Task DeleteByPrefixAsync_Prefix_DeletesOnlyObjectsUnderIt()
    {
        foreach (var key in new[] { "recordings/r4/a.m4s", "recordings/r4/720p/b.m4s", "recordings/r4/720p/c.m4s", "recordings/r44/a.m4s", "avatars/r4" })
        {
            await Store.WriteAsync(key, new MemoryStream([42]));
        }

        var deleted = await Store.DeleteByPrefixAsync("recordings/r4/");

        Assert.Equal(3, deleted);
        Assert.Empty(await ListAsync("recordings/r4/"));
        Assert.Equal(["recordings/r44/a.m4s"], (await ListAsync("recordings/")).Select(o => o.Key));
        Assert.NotNull(await Store.GetInfoAsync("avatars/r4"));
        Assert.Equal(0, await Store.DeleteByPrefixAsync("recordings/r4/"));
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task EveryOperation_BadKey_ThrowsArgumentExceptionAndTouchesNothing(string key)
    {
        var write = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.WriteAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.OpenReadAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetInfoAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteAsync(key));

        Assert.Equal("key", write.ParamName);
        Assert.Contains("Invalid object key", write.Message, StringComparison.Ordinal);
        await AssertNoLeftoversAsync();
    }

    [Theory]
    [MemberData(nameof(BadPrefixes))]
    public async Task ListAndDeleteByPrefix_BadPrefix_ThrowArgumentException(string prefix)
    {
        await Store.WriteAsync("avatars/safe", new MemoryStream([1]));

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await ListAsync(prefix));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteByPrefixAsync(prefix));

        Assert.NotNull(await Store.GetInfoAsync("avatars/safe"));
    }

    [Fact]
    public async Task ServeAsync_RangeAndConditionalRequests_AnsweredFromStore()
    {
        var bytes = TestBytes.Make(LargeObjectSize, seed: 10);
        await Store.WriteAsync("recordings/r5/video.mp4", new MemoryStream(bytes));
        await using var app = await StartServerAsync();
        using var http = new HttpClient { BaseAddress = new Uri(ServerAddress(app)), Timeout = TimeSpan.FromSeconds(30) };

        using var whole = await http.GetAsync("/objects/recordings/r5/video.mp4");
        var etag = whole.Headers.ETag;
        var lastModified = whole.Content.Headers.LastModified;
        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, "/objects/recordings/r5/video.mp4");
        rangeRequest.Headers.Range = new RangeHeaderValue(6_000_000, 6_000_099);
        using var range = await http.SendAsync(rangeRequest);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/objects/recordings/r5/video.mp4");
        conditional.Headers.IfNoneMatch.Add(etag!);
        using var notModified = await http.SendAsync(conditional);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, "/objects/recordings/r5/video.mp4");
        beyond.Headers.Range = new RangeHeaderValue(bytes.Length + 10, null);
        using var unsatisfiable = await http.SendAsync(beyond);
        using var missing = await http.GetAsync("/objects/recordings/r5/missing.mp4");

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", Assert.Single(whole.Headers.AcceptRanges));
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(new ContentRangeHeaderValue(6_000_000, 6_000_099, bytes.Length).ToString(), range.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes.AsSpan(6_000_000, 100).ToArray(), await range.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>A new, empty store of the implementation under test.</summary>
    protected abstract Task<IObjectStore> CreateStoreAsync();

    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    /// <summary>Fails if the store kept anything of a failed or refused write that a reader could come across.</summary>
    protected virtual Task AssertNoLeftoversAsync() => Task.CompletedTask;

    protected async Task<List<StoredObjectInfo>> ListAsync(string prefix)
    {
        var list = new List<StoredObjectInfo>();
        await foreach (var info in Store.ListAsync(prefix))
        {
            list.Add(info);
        }

        return list;
    }

    protected async Task<byte[]> ReadObjectAsync(string key)
    {
        await using var stored = await Store.OpenReadAsync(key) ?? throw new InvalidOperationException($"No object {key}.");
        return await ReadAllAsync(stored.Content);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }

    private async Task<WebApplication> StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var store = Store;
        app.MapMethods("/objects/{**key}", [HttpMethods.Get, HttpMethods.Head], (string key, CancellationToken ct) => ObjectStoreResults.ServeAsync(store, key, "video/mp4", ct));
        await app.StartAsync();
        return app;
    }

    private static string ServerAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
