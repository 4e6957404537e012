namespace Spectra.Data.Entities.Accounts;

/// <summary>A bearer token for the REST API. Only a SHA-256 hash of the token is stored.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public User? User { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the full token; unique.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>First characters of the token, shown so users can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
