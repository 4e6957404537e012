using Spectra.Data.Entities.Videos;

namespace Spectra.Server.Videos;

/// <summary>Changes to a past broadcast; absent fields stay as they are.</summary>
public sealed record VideoPatch(string? Title, string? Visibility)
{
    public VideoVisibility? ParsedVisibility => Visibility is null ? null : Enum.Parse<VideoVisibility>(Visibility, ignoreCase: true);

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Title is not null && (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > Video.TitleMaxLength))
        {
            errors["title"] = [$"A title has 1 to {Video.TitleMaxLength} characters."];
        }

        if (Visibility is not null && (!Enum.TryParse<VideoVisibility>(Visibility, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(Visibility, out _)))
        {
            errors["visibility"] = ["Visibility is \"public\", \"unlisted\" or \"private\"."];
        }

        return errors;
    }
}
