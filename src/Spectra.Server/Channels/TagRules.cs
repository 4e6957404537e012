using Spectra.Data.Entities.Channels;

namespace Spectra.Server.Channels;

/// <summary>
/// Tags: at most 10 per channel, each 1–25 letters, digits or hyphens, stored lower-case, duplicates
/// merged. A comma-separated string from a form is split by <see cref="Split"/>.
/// </summary>
internal static class TagRules
{
    public static List<string> Split(string? text) =>
        (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static (List<string> Tags, string? Error) Normalize(IEnumerable<string> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tags = new List<string>();
        foreach (var raw in input)
        {
            var tag = (raw ?? "").Trim().ToLowerInvariant();
            if (tag.Length == 0)
            {
                continue;
            }

            if (tag.Length > Channel.TagMaxLength)
            {
                return (tags, $"Tags are at most {Channel.TagMaxLength} characters.");
            }

            foreach (var ch in tag)
            {
                if (!char.IsLetterOrDigit(ch) && ch != '-')
                {
                    return (tags, "Tags may contain only letters, digits and hyphens.");
                }
            }

            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags.Count > Channel.MaxTags ? (tags, $"A channel has at most {Channel.MaxTags} tags.") : (tags, null);
    }
}
