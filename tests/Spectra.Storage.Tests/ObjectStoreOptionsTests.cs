using System.ComponentModel.DataAnnotations;

namespace Spectra.Storage.Tests;

public sealed class ObjectStoreOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Assert.Empty(Validate(new ObjectStoreOptions { LocalDirectory = "/srv/spectra" }));
    }

    [Fact]
    public void Validate_S3WithoutBucket_NamesTheSetting()
    {
        var errors = Validate(new ObjectStoreOptions { Provider = ObjectStoreProvider.S3 });

        Assert.Contains(errors, e => e.StartsWith("Storage:S3:", StringComparison.Ordinal) && e.Contains("Bucket", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LocalWithoutBucket_IgnoresS3Settings()
    {
        Assert.Empty(Validate(new ObjectStoreOptions { LocalDirectory = "data", S3 = new S3StoreOptions { PartSize = 1 } }));
    }

    [Theory]
    [InlineData("Bucket", "Not_A_Bucket")]
    [InlineData("Prefix", "../up")]
    [InlineData("AccessKey", "only-the-key")]
    [InlineData("PartSize", "1024")]
    [InlineData("MultipartThreshold", "1024")]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("ServiceUrl", "not a url")]
    public void Validate_S3BadSetting_IsRejected(string setting, string value)
    {
        var s3 = new S3StoreOptions { Bucket = "spectra" };
        var property = typeof(S3StoreOptions).GetProperty(setting)!;
        property.SetValue(s3, property.PropertyType == typeof(string) ? value
            : property.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var errors = Validate(new ObjectStoreOptions { Provider = ObjectStoreProvider.S3, S3 = s3 });

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void NormalizedPrefix_WithOrWithoutSlash_EndsWithOneSlash()
    {
        Assert.Equal("spectra/", new S3StoreOptions { Prefix = "spectra" }.NormalizedPrefix);
        Assert.Equal("a/b/", new S3StoreOptions { Prefix = "a/b/" }.NormalizedPrefix);
        Assert.Equal("", new S3StoreOptions().NormalizedPrefix);
    }

    private static List<string> Validate(ObjectStoreOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }
}
