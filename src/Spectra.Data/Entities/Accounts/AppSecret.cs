namespace Spectra.Data.Entities.Accounts;

/// <summary>
/// A server-wide secret (for example the key of the stream-key lookup hash), stored encrypted with
/// ASP.NET Core Data Protection so that every node sharing the database and key ring sees the same value.
/// </summary>
public sealed class AppSecret
{
    public string Name { get; set; } = "";

    public string ProtectedValue { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
