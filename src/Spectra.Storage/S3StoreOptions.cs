using System.ComponentModel.DataAnnotations;

namespace Spectra.Storage;

/// <summary>Section "Storage:S3": the bucket, where it is, and how to talk to it.</summary>
public sealed class S3StoreOptions : IValidatableObject
{
    /// <summary>S3's smallest part of a multipart upload (every part but the last).</summary>
    public const int MinPartSize = 5 * 1024 * 1024;

    /// <summary>Bucket name; it must exist. Environment: Storage__S3__Bucket.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", ErrorMessage = "Bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, '.', '-').")]
    public string Bucket { get; set; } = "";

    /// <summary>
    /// Put every key under this prefix ("spectra/" when the bucket is shared); empty = the bucket's root.
    /// Same rules as object keys; a trailing '/' is added. Environment: Storage__S3__Prefix.
    /// </summary>
    public string? Prefix { get; set; }

    /// <summary>
    /// Service URL of an S3-compatible server (https://minio.example:9000); empty = AWS S3 in
    /// <see cref="Region"/>. Environment: Storage__S3__ServiceUrl.
    /// </summary>
    [Url]
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// Address the bucket in the path (https://host/bucket/key) instead of the host name
    /// (https://bucket.host/key); most self-hosted servers need true. Environment: Storage__S3__ForcePathStyle.
    /// </summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Region the requests are signed for. Default us-east-1. Environment: Storage__S3__Region.</summary>
    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Access key id; empty = the SDK's default credentials (environment, instance role). Environment: Storage__S3__AccessKey.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret access key that goes with <see cref="AccessKey"/>. Environment: Storage__S3__SecretKey.</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Objects larger than this many bytes are sent as a multipart upload (5 MiB–5 GiB; default 16 MiB);
    /// smaller ones in one request. Environment: Storage__S3__MultipartThreshold.
    /// </summary>
    [Range(MinPartSize, 5L * 1024 * 1024 * 1024)]
    public long MultipartThreshold { get; set; } = 16 * 1024 * 1024;

    /// <summary>Size of each part of a multipart upload (5–512 MiB; default 8 MiB), held in memory while it is sent. Environment: Storage__S3__PartSize.</summary>
    [Range(MinPartSize, 512 * 1024 * 1024)]
    public int PartSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Longest wait for one request; each retry waits as long again (1 s–10 min; default 30 s). Environment: Storage__S3__Timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a failed request (0–10; default 2). Environment: Storage__S3__MaxRetries.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The prefix as it goes in front of keys: empty, or ending in '/'.</summary>
    public string NormalizedPrefix => string.IsNullOrEmpty(Prefix) ? "" : Prefix.TrimEnd('/') + "/";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Prefix) && !ObjectKeys.IsValid(Prefix.TrimEnd('/')))
        {
            yield return new ValidationResult("Prefix must follow the object key rules (segments of letters, digits, '-', '_', '.').", [nameof(Prefix)]);
        }

        if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
        {
            yield return new ValidationResult("AccessKey and SecretKey are set together or not at all.", [nameof(AccessKey), nameof(SecretKey)]);
        }
    }
}
