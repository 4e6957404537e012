using Spectra.Storage.Internal;
using Spectra.Storage.Tests.TestSupport;

namespace Spectra.Storage.Tests.Internal;

/// <summary>The conformance suite on local disk in a temporary directory, and what is particular to files.</summary>
public sealed class FileSystemObjectStoreTests : ObjectStoreConformanceTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "spectra-store-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WriteAsync_Key_IsPrivateFileAtThatPathUnderRoot()
    {
        await Store.WriteAsync("avatars/0123abcd", new MemoryStream([1, 2, 3]));

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(_root, "avatars", "0123abcd")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_root, "avatars", "0123abcd")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_root, "avatars")));
        }
    }

    [Fact]
    public async Task ListAsync_TemporaryFileOfWriteUnderWay_IsNotListedOrReadable()
    {
        await Store.WriteAsync("recordings/r1/a.m4s", new MemoryStream([1]));
        await File.WriteAllBytesAsync(Path.Combine(_root, "recordings", "r1", ".b.m4s.0123.tmp"), [2]);

        var listed = await ListAsync("recordings/");

        Assert.Equal(["recordings/r1/a.m4s"], listed.Select(o => o.Key));
        Assert.Null(await Store.OpenReadAsync("recordings/r1/b.m4s"));
    }

    [Fact]
    public async Task OpenReadAsync_ObjectReplacedWhileOpen_ReaderKeepsVersionItOpened()
    {
        var first = TestBytes.Make(10_000, seed: 1);
        await Store.WriteAsync("clips/c1/clip.mp4", new MemoryStream(first));
        await using var stored = await Store.OpenReadAsync("clips/c1/clip.mp4");

        await Store.WriteAsync("clips/c1/clip.mp4", new MemoryStream(TestBytes.Make(20_000, seed: 2)));
        using var copy = new MemoryStream();
        await stored!.Content.CopyToAsync(copy);

        Assert.Equal(first, copy.ToArray());
    }

    [Fact]
    public async Task WriteAsync_KeyUnderAnExistingObject_ThrowsObjectStoreException()
    {
        await Store.WriteAsync("recordings/r1", new MemoryStream([1]));

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => Store.WriteAsync("recordings/r1/a.m4s", new MemoryStream([2])));

        Assert.Contains("recordings/r1/a.m4s", error.Message, StringComparison.Ordinal);
    }

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new FileSystemObjectStore(_root));

    protected override Task DisposeStoreAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>No file at all is left, not even a temporary one, and nothing outside the root.</summary>
    protected override Task AssertNoLeftoversAsync()
    {
        var files = Directory.Exists(_root) ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories) : [];
        Assert.Empty(files);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "escape")));
        return Task.CompletedTask;
    }
}
