namespace Spectra.Data.Entities.Channels;

public sealed class Category
{
    public int Id { get; set; }

    /// <summary>URL form of the name, for example "science-technology".</summary>
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";
}
