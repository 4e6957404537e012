using System.ComponentModel.DataAnnotations;

namespace Spectra.Storage;

/// <summary>
/// Configuration section "Storage": where objects (recordings, clips, thumbnails, avatars) live. The same
/// section holds the server's data directory and key-ring settings, which another class reads.
/// </summary>
public sealed class ObjectStoreOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>Local (default) or S3; case-insensitive. Environment: Storage__Provider.</summary>
    public ObjectStoreProvider Provider { get; set; } = ObjectStoreProvider.Local;

    /// <summary>
    /// Root directory of the local store; empty = the data directory, so objects sit in folders beside the
    /// database ("avatars/", "recordings/"). Environment: Storage__LocalDirectory.
    /// </summary>
    public string? LocalDirectory { get; set; }

    /// <summary>The S3 settings, used when <see cref="Provider"/> is S3. Environment: Storage__S3__Bucket and so on.</summary>
    public S3StoreOptions S3 { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == ObjectStoreProvider.Local && string.IsNullOrWhiteSpace(LocalDirectory))
        {
            yield return new ValidationResult("Storage:LocalDirectory is required with Storage:Provider Local.", [nameof(LocalDirectory)]);
        }

        if (Provider != ObjectStoreProvider.S3)
        {
            yield break;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(S3, new ValidationContext(S3), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult("Storage:S3: " + result.ErrorMessage, result.MemberNames.Select(m => "S3." + m));
        }
    }
}
