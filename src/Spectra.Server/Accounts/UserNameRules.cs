using System.Collections.Frozen;

namespace Spectra.Server.Accounts;

/// <summary>
/// User names: 3–25 ASCII letters, digits or underscores; unique ignoring case. Names that would
/// shadow a site route (the channel page is /{username}) are reserved.
/// </summary>
internal static class UserNameRules
{
    public const int MinLength = 3;
    public const int MaxLength = 25;

    private static readonly FrozenSet<string> Reserved = new[]
    {
        "admin", "api", "avatars", "categories", "category", "chat", "clips", "dashboard", "directory",
        "dist", "feed", "following", "healthz", "history", "help", "hls", "live", "notifications", "openapi", "overlay",
        "readyz", "schedule", "search", "settings", "signin", "signout", "signup", "spectra", "static",
        "support", "videos", "vod", "css", "js", "lib", "favicon", "robots", "about", "privacy", "terms",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns null when valid, otherwise a message for the user.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Choose a user name.";
        }

        if (name.Length < MinLength || name.Length > MaxLength)
        {
            return $"User names are {MinLength} to {MaxLength} characters long.";
        }

        foreach (var ch in name)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_')
            {
                return "User names may contain only letters, digits and underscores.";
            }
        }

        return Reserved.Contains(name) ? "This name is reserved." : null;
    }

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant();
    }
}
