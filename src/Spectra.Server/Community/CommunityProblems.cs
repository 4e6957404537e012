using Microsoft.AspNetCore.Http.HttpResults;

namespace Spectra.Server.Community;

/// <summary>Maps refused community commands to problem details (RFC 9457).</summary>
internal static class CommunityProblems
{
    public static ProblemHttpResult From(CommunityResult result) => TypedResults.Problem(
        detail: result.Message,
        statusCode: result.Error switch
        {
            CommunityError.NotFound or CommunityError.NotFollowing => StatusCodes.Status404NotFound,
            CommunityError.AlreadyFollowing or CommunityError.AlreadyBlocked or CommunityError.LimitReached => StatusCodes.Status409Conflict,
            CommunityError.Blocked or CommunityError.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        },
        title: result.Error switch
        {
            CommunityError.FollowSelf => "Cannot follow own channel",
            CommunityError.AlreadyFollowing => "Already following",
            CommunityError.NotFollowing => "Not following",
            CommunityError.Blocked => "Blocked",
            CommunityError.BlockSelf => "Cannot block yourself",
            CommunityError.AlreadyBlocked => "Already blocked",
            CommunityError.NotFound => "Not found",
            CommunityError.LimitReached => "Limit reached",
            _ => "Invalid request",
        });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
