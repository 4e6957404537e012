using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;

namespace Spectra.Server.Accounts;

internal static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetAsync).RequireAuthorization(AccountsServiceCollectionExtensions.ApiPolicy)
            .WithTags("Account").WithSummary("The signed-in user.");
        return api;
    }

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> GetAsync(HttpContext http, SpectraDbContext db, CancellationToken ct)
    {
        var id = http.User.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        return user is null
            ? TypedResults.Problem(title: "Account not found", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new MeDto(user.Id, user.UserName, user.IsAdmin, user.CreatedAt, "/" + user.UserName));
    }
}
