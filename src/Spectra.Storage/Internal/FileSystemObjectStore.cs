using System.Globalization;
using System.Runtime.CompilerServices;

namespace Spectra.Storage.Internal;

/// <summary>
/// Objects as files under a root directory: key "a/b/c" is the file {root}/a/b/c. A write goes to a
/// temporary file in the same directory (".{name}.{random}.tmp", a name no key can have), is flushed to
/// disk, then renamed over the key, which is atomic on one file system. Reads open the file, so a reader
/// keeps the version it opened even when the object is replaced meanwhile.
/// </summary>
internal sealed class FileSystemObjectStore : IObjectStore
{
    private const string TempSuffix = ".tmp";

    /// <summary>Like the data directory itself, stored files are for the server's user only (0600, folders 0700).</summary>
    private static readonly FileStreamOptions NewFile = NewFileOptions();
    private readonly string _root;

    public FileSystemObjectStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    public async Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalid(key);
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + TempSuffix);
        FileStream? file = null;
        try
        {
            file = Disk(key, () =>
            {
                CreatePrivateDirectory(directory);
                return new FileStream(temp, NewFile);
            });

            // Errors reading the content are the caller's and pass unchanged; errors of the disk are the store's.
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await DiskAsync(key, () => file.WriteAsync(buffer.AsMemory(0, read), cancellationToken));
            }

            Disk(key, () =>
            {
                file.Flush(flushToDisk: true);
                file.Dispose();
                File.Move(temp, path, overwrite: true);
                return true;
            });
        }
        catch
        {
            file?.Dispose();
            TryDelete(temp);
            throw;
        }

        return InfoOf(key, new FileInfo(path));
    }

    public Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalid(key);
        cancellationToken.ThrowIfCancellationRequested();
        FileStream file;
        try
        {
            file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 4096, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredObject?>(null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"Could not read object \"{key}\" from {_root}: {ex.Message}", ex);
        }

        // The handle's own times and length: the file at the path may be replaced after the open.
        var info = InfoOf(key, file.Length, File.GetLastWriteTimeUtc(file.SafeFileHandle));
        return Task.FromResult<StoredObject?>(new StoredObject(info, file));
    }

    public Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalid(key);
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? InfoOf(key, file) : null);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalid(key);
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return Task.FromResult(false);
            }

            File.Delete(path);
            return Task.FromResult(true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"Could not delete object \"{key}\" in {_root}: {ex.Message}", ex);
        }
    }

    public async Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalidPrefix(prefix);
        var count = 0;
        await foreach (var _ in ListAsync(prefix, cancellationToken))
        {
            count++;
        }

        try
        {
            // The prefix is a directory: remove it whole, with any temporary file of a write still under way.
            var directory = PathOf(prefix[..^1]);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"Could not delete objects under \"{prefix}\" in {_root}: {ex.Message}", ex);
        }

        return count;
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalidPrefix(prefix);
        await Task.CompletedTask;
        var directory = new DirectoryInfo(PathOf(prefix[..^1]));
        if (!directory.Exists)
        {
            yield break;
        }

        var found = new List<StoredObjectInfo>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None };
        try
        {
            foreach (var file in directory.EnumerateFiles("*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = prefix + Path.GetRelativePath(directory.FullName, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (ObjectKeys.IsValid(key))
                {
                    // Temporary files (".name.random.tmp") and anything else no key could name are not objects.
                    found.Add(InfoOf(key, file));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"Could not list objects under \"{prefix}\" in {_root}: {ex.Message}", ex);
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var info in found)
        {
            yield return info;
        }
    }

    private static FileStreamOptions NewFileOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private T Disk<T>(string key, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"Could not write object \"{key}\" to {_root}: {ex.Message}", ex);
        }
    }

    private async Task DiskAsync(string key, Func<ValueTask> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"Could not write object \"{key}\" to {_root}: {ex.Message}", ex);
        }
    }

    private string PathOf(string key) => Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));

    private static StoredObjectInfo InfoOf(string key, FileInfo file) => InfoOf(key, file.Length, file.LastWriteTimeUtc);

    private static StoredObjectInfo InfoOf(string key, long length, DateTime lastWriteUtc)
    {
        // Length and write time (100 ns ticks) change with every write, as in ASP.NET Core's static files.
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"{length:x}-{lastWriteUtc.Ticks:x}\"");
        return new StoredObjectInfo(key, length, new DateTimeOffset(lastWriteUtc, TimeSpan.Zero), etag);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind: a name no key can have, so never listed or served.
        }
    }
}
