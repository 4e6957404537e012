namespace Spectra.Server.Community;

/// <summary>Outcome of a command: success, or an error kind with a message meant for the caller.</summary>
internal readonly record struct CommunityResult(CommunityError Error, string? Message)
{
    public static readonly CommunityResult Ok = new(CommunityError.None, null);

    public bool Succeeded => Error == CommunityError.None;

    public static CommunityResult Fail(CommunityError error, string message) => new(error, message);
}
