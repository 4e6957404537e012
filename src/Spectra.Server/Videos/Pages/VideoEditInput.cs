using System.ComponentModel.DataAnnotations;
using Spectra.Data.Entities.Videos;

namespace Spectra.Server.Videos.Pages;

public sealed class VideoEditInput
{
    [Required(ErrorMessage = "Give the video a title.")]
    [StringLength(Video.TitleMaxLength, ErrorMessage = "A title has at most 140 characters.")]
    public string Title { get; set; } = "";

    [EnumDataType(typeof(VideoVisibility), ErrorMessage = "Choose public, unlisted or private.")]
    public VideoVisibility Visibility { get; set; }
}
