namespace Spectra.Data.Entities.Community;

/// <summary>
/// Typo vocabulary: each indexed word once per trigram of it. A misspelt query word finds words
/// sharing enough trigrams, then the edit distance decides.
/// </summary>
public class SearchTermTrigram
{
    public string Trigram { get; set; } = string.Empty;

    public string Term { get; set; } = string.Empty;

    public int TermLength { get; set; }
}
