using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Spectra.Data.Entities.Accounts;

namespace Spectra.Server.Accounts;

internal static class HttpContextSignInExtensions
{
    /// <summary>Issues the persistent sign-in cookie for <paramref name="user"/> (carrying its current security stamp).</summary>
    public static Task SignInUserAsync(this HttpContext context, User user) =>
        context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            AccountService.CreatePrincipal(user, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = true });
}
