namespace Spectra.Server.Infrastructure;

internal static class PagesHostingExtensions
{
    public static IHostApplicationBuilder AddSpectraPages(this IHostApplicationBuilder builder)
    {
        // Each feature folder holds its own pages (Chat/Pages, Community/Search/Pages, ...): pages are
        // found from the project root, every page names its route with @page "/...", and pages that
        // need a signed-in user carry [Authorize]. Layout and shared partials live in /Shared.
        builder.Services.AddRazorPages(o => o.RootDirectory = "/");
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "spectra.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapSpectraPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        return endpoints;
    }
}
