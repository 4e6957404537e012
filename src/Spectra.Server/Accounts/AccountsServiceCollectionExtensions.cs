using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;

namespace Spectra.Server.Accounts;

internal static class AccountsServiceCollectionExtensions
{
    /// <summary>Policy name for the REST API: cookie or personal access token.</summary>
    public const string ApiPolicy = "api";

    private const string SelectorScheme = "CookieOrToken";

    public static IHostApplicationBuilder AddSpectraAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<AccountService>();
        services.AddScoped<UserSessionService>();
        services.AddScoped<SignUpInviteService>();
        services.AddSingleton<SignUpLimiter>();
        services.AddHostedService<Internal.SetupCodeService>();
        services.AddSingleton<AccountConnections>();
        services.AddHostedService<Internal.AccountConnectionValidator>();
        services.AddScoped<PersonalAccessTokenService>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Cookie or access token", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? TokenAuthenticationHandler.SchemeName
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                var lifetime = builder.Configuration.GetSection(AccountOptions.SectionName).Get<AccountOptions>()?.CookieLifetime ?? TimeSpan.FromDays(14);
                o.Cookie.Name = "spectra.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS (directly, through a trusted proxy or with Http:AssumeHttps); plain HTTP on localhost still works.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = lifetime;
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/signin";
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateSecurityStampAsync;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(SelectorScheme).RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>API callers get a status code, pages get the sign-in redirect.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Checked on every request (one indexed query): rejects cookies whose server-side session was signed
    /// out or whose security stamp is older than the user's (password change, admin change, sign out
    /// everywhere). Cookies without a session id (issued before sessions existed) are rejected too.
    /// </summary>
    private static async Task ValidateSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.GetUserId();
        var session = context.Principal?.GetSessionId();
        var stamp = context.Principal?.FindFirst(AccountService.SecurityStampClaim)?.Value;
        if (id is null || session is null || stamp is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessionService>();
        if (!await sessions.ValidateAsync(id.Value, session.Value, stamp, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Account endpoints under /api/v1 (pages: Accounts/Pages).</summary>
    public static IEndpointRouteBuilder MapSpectraAccounts(this IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapMeApi();
        return endpoints;
    }
}
