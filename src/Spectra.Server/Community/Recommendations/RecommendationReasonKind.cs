namespace Spectra.Server.Community.Recommendations;

internal enum RecommendationReasonKind
{
    /// <summary>Similar to a channel the user follows.</summary>
    BecauseYouFollow = 0,

    /// <summary>Similar to a channel the user watched.</summary>
    BecauseYouWatched = 1,

    /// <summary>Popular in a category the user likes.</summary>
    PopularInCategory = 2,

    /// <summary>Popular on the site (cold start).</summary>
    Popular = 3,
}
