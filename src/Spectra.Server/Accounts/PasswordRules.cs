namespace Spectra.Server.Accounts;

/// <summary>Passwords: 8–128 characters (NIST SP 800-63B: length over composition rules).</summary>
internal static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static string? Validate(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Enter a password.";
        }

        return password.Length is < MinLength or > MaxLength
            ? $"Passwords are {MinLength} to {MaxLength} characters long."
            : null;
    }
}
