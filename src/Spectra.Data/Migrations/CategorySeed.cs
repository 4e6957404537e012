using Microsoft.EntityFrameworkCore.Migrations;

namespace Spectra.Data.Migrations;

/// <summary>
/// The categories every database starts with (ids 1–25, in this order), inserted by each provider's
/// baseline migration with SQL exactly as the first hand-written migration did, so the model (and
/// <c>EnsureCreated</c>) carries no seed data.
/// </summary>
internal static class CategorySeed
{
    private static readonly string[] Names =
    [
        "Art", "Causes", "Crafts", "Dance", "Drinks", "Education", "Film", "Fitness", "Food", "Games",
        "Gardening", "Health", "Home", "Just Chatting", "Literature", "Music", "Networking", "Other",
        "Party", "Religion", "Science & Technology", "Shopping", "Sports", "Theater", "Wellness",
    ];

    /// <summary>Plain standard SQL (quoted identifiers, literals): the same on both providers.</summary>
    public static void Insert(MigrationBuilder migrationBuilder)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            var name = Names[i].Replace("'", "''", StringComparison.Ordinal);
            migrationBuilder.Sql(FormattableString.Invariant(
                $"INSERT INTO \"Categories\" (\"Id\", \"Slug\", \"Name\") VALUES ({i + 1}, '{Slugs.FromName(Names[i])}', '{name}');"));
        }
    }
}
