using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace Spectra.Storage.Internal;

/// <summary>
/// Objects in an S3-compatible bucket under the configured prefix. Objects up to
/// <see cref="S3StoreOptions.MultipartThreshold"/> bytes go in one PutObject; larger ones as a multipart
/// upload that is aborted when anything fails. S3 makes an object visible only once its PutObject or
/// CompleteMultipartUpload succeeds, so a reader never sees part of one. Every request has a bounded
/// time (<see cref="S3StoreOptions.Timeout"/>, <see cref="S3StoreOptions.MaxRetries"/>); failures surface
/// as <see cref="ObjectStoreException"/>.
/// </summary>
internal sealed partial class S3ObjectStore : IObjectStore, IDisposable
{
    /// <summary>Keys per DeleteObjects request (S3's limit).</summary>
    private const int DeleteBatch = 1000;

    private readonly AmazonS3Client _client;
    private readonly S3StoreOptions _options;
    private readonly string _prefix;
    private readonly ILogger _logger;

    /// <param name="httpClientFactory">Tests pass one to watch the requests; null = the SDK's own.</param>
    public S3ObjectStore(S3StoreOptions options, ILogger<S3ObjectStore> logger, HttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _prefix = options.NormalizedPrefix;
        _logger = logger;
        _client = S3ClientFactory.Create(options, httpClientFactory);
    }

    private string Where => string.IsNullOrEmpty(_options.ServiceUrl)
        ? $"bucket '{_options.Bucket}' in {_options.Region}"
        : $"bucket '{_options.Bucket}' at {_options.ServiceUrl}";

    public async Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalid(key);
        ArgumentNullException.ThrowIfNull(content);

        // Up to the threshold (plus one byte, to know whether there is more) in memory: small objects go in
        // one request with a known length; the stream itself need not be seekable.
        using var head = new MemoryStream();
        var limit = _options.MultipartThreshold + 1;
        var buffer = new byte[81920];
        while (head.Length < limit)
        {
            var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - head.Length)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            head.Write(buffer, 0, read);
        }

        head.Position = 0;
        if (head.Length <= _options.MultipartThreshold)
        {
            var put = new PutObjectRequest
            {
                BucketName = _options.Bucket,
                Key = _prefix + key,
                InputStream = head,
                AutoCloseStream = false,
                UseChunkEncoding = false,
            };
            var response = await CallAsync("write", key, ct => _client.PutObjectAsync(put, ct), cancellationToken);
            return new StoredObjectInfo(key, head.Length, DateTimeOffset.UtcNow, Quoted(response.ETag));
        }

        return await WriteMultipartAsync(key, head, content, cancellationToken);
    }

    public async Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var info = await GetInfoAsync(key, cancellationToken);
        return info is null ? null : new StoredObject(info, new S3ReadStream(this, info));
    }

    public async Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalid(key);
        var request = new GetObjectMetadataRequest { BucketName = _options.Bucket, Key = _prefix + key };
        try
        {
            var response = await CallAsync("read", key, ct => _client.GetObjectMetadataAsync(request, ct), cancellationToken);
            return new StoredObjectInfo(key, response.ContentLength, ToUtc(response.LastModified), Quoted(response.ETag));
        }
        catch (ObjectStoreException ex) when (ex.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        // S3 answers a delete the same whether the object was there or not: ask first.
        if (await GetInfoAsync(key, cancellationToken) is null)
        {
            return false;
        }

        var request = new DeleteObjectRequest { BucketName = _options.Bucket, Key = _prefix + key };
        await CallAsync("delete", key, ct => _client.DeleteObjectAsync(request, ct), cancellationToken);
        return true;
    }

    public async Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalidPrefix(prefix);
        var batch = new List<KeyVersion>(DeleteBatch);
        var count = 0;
        await foreach (var info in ListAsync(prefix, cancellationToken))
        {
            batch.Add(new KeyVersion { Key = _prefix + info.Key });
            if (batch.Count == DeleteBatch)
            {
                count += await DeleteBatchAsync(prefix, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            count += await DeleteBatchAsync(prefix, batch, cancellationToken);
        }

        return count;
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectKeys.ThrowIfInvalidPrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = _prefix + prefix };
        while (true)
        {
            var response = await CallAsync("list", prefix, ct => _client.ListObjectsV2Async(request, ct), cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                var key = item.Key[_prefix.Length..];
                if (ObjectKeys.IsValid(key))
                {
                    yield return new StoredObjectInfo(key, item.Size ?? 0, ToUtc(item.LastModified), Quoted(item.ETag));
                }
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A ranged GET from <paramref name="offset"/> to the end, only if the object is still the version <paramref name="info"/> describes.</summary>
    internal async Task<GetObjectResponse> GetRangeAsync(StoredObjectInfo info, long offset, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest
        {
            BucketName = _options.Bucket,
            Key = _prefix + info.Key,
            ByteRange = new ByteRange(offset, info.Length - 1),
            EtagToMatch = info.ETag,
        };
        return await CallAsync("read", info.Key, ct => _client.GetObjectAsync(request, ct), cancellationToken);
    }

    private async Task<StoredObjectInfo> WriteMultipartAsync(string key, MemoryStream head, Stream rest, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest { BucketName = _options.Bucket, Key = _prefix + key };
        var upload = await CallAsync("write", key, ct => _client.InitiateMultipartUploadAsync(initiate, ct), cancellationToken);
        var parts = new List<PartETag>();
        var part = new byte[_options.PartSize];
        long length = 0;
        try
        {
            while (true)
            {
                var filled = await FillAsync(part, head, rest, cancellationToken);
                if (filled == 0)
                {
                    break;
                }

                var request = new UploadPartRequest
                {
                    BucketName = _options.Bucket,
                    Key = _prefix + key,
                    UploadId = upload.UploadId,
                    PartNumber = parts.Count + 1,
                    PartSize = filled,
                    InputStream = new MemoryStream(part, 0, filled, writable: false),
                    UseChunkEncoding = false,
                };
                var response = await CallAsync("write", key, ct => _client.UploadPartAsync(request, ct), cancellationToken);
                parts.Add(new PartETag(request.PartNumber ?? parts.Count + 1, response.ETag));
                length += filled;
                if (filled < part.Length)
                {
                    break;
                }
            }

            var complete = new CompleteMultipartUploadRequest
            {
                BucketName = _options.Bucket,
                Key = _prefix + key,
                UploadId = upload.UploadId,
                PartETags = parts,
            };
            var completed = await CallAsync("write", key, ct => _client.CompleteMultipartUploadAsync(complete, ct), cancellationToken);
            return new StoredObjectInfo(key, length, DateTimeOffset.UtcNow, Quoted(completed.ETag));
        }
        catch
        {
            await AbortAsync(key, upload.UploadId);
            throw;
        }
    }

    /// <summary>Fills <paramref name="part"/> from what is buffered, then from the stream; fewer bytes only at the end.</summary>
    private static async Task<int> FillAsync(byte[] part, MemoryStream head, Stream rest, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < part.Length)
        {
            var read = head.Position < head.Length
                ? head.Read(part, filled, part.Length - filled)
                : await rest.ReadAsync(part.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>Aborts an unfinished upload so its parts do not linger (and cost) in the bucket; the caller's cancellation does not stop this.</summary>
    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            var abort = new AbortMultipartUploadRequest { BucketName = _options.Bucket, Key = _prefix + key, UploadId = uploadId };
            await _client.AbortMultipartUploadAsync(abort, CancellationToken.None);
        }
        catch (Exception ex) when (IsFailure(ex, CancellationToken.None))
        {
            LogAbortFailed(_logger, key, uploadId, ex.Message);
        }
    }

    private async Task<int> DeleteBatchAsync(string prefix, List<KeyVersion> keys, CancellationToken cancellationToken)
    {
        var request = new DeleteObjectsRequest { BucketName = _options.Bucket, Objects = [.. keys], Quiet = true };
        var response = await CallAsync("delete", prefix, ct => _client.DeleteObjectsAsync(request, ct), cancellationToken);
        if (response.DeleteErrors is { Count: > 0 } errors)
        {
            throw new ObjectStoreException($"S3 delete of {errors.Count} object(s) under \"{prefix}\" failed ({Where}): {errors[0].Key}: {errors[0].Code} {errors[0].Message}");
        }

        return keys.Count;
    }

    private async Task<T> CallAsync<T>(string action, string key, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            throw new ObjectStoreException($"S3 {action} of \"{key}\" failed ({Where}): {Describe(ex)}", ex);
        }
    }

    /// <summary>Errors of the store or the way to it; a cancellation the caller asked for stays a cancellation.</summary>
    private static bool IsFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Describe(Exception ex) => ex switch
    {
        AmazonServiceException { StatusCode: not 0 } service => $"{(int)service.StatusCode} {service.ErrorCode} {service.Message}".TrimEnd(),
        OperationCanceledException or TimeoutException => "no answer in time (Storage:S3:Timeout)",
        _ => ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})",
    };

    private static string Quoted(string? etag) =>
        string.IsNullOrEmpty(etag) ? "\"\"" : etag.StartsWith('"') ? etag : $"\"{etag}\"";

    private static DateTimeOffset ToUtc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc), TimeSpan.Zero) : DateTimeOffset.UnixEpoch;

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Could not abort the multipart upload {UploadId} of object {Key}; the bucket's lifecycle rules must remove its parts: {Reason}")]
    private static partial void LogAbortFailed(ILogger logger, string key, string uploadId, string reason);
}
