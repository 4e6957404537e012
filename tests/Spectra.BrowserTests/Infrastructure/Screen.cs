namespace Spectra.BrowserTests.Infrastructure;

/// <summary>A browser viewport in CSS pixels, named for test case names and file names.</summary>
public sealed record Screen(string Name, int Width, int Height)
{
    /// <summary>A phone held upright (iPhone 12–15 class).</summary>
    public static readonly Screen Phone = new("phone", 390, 844);

    /// <summary>A tablet held upright: still narrower than the two-column channel layout (1024 px).</summary>
    public static readonly Screen Tablet = new("tablet", 768, 1024);

    /// <summary>A laptop: the smallest desktop size.</summary>
    public static readonly Screen Desktop = new("desktop", 1280, 800);

    /// <summary>A full HD monitor.</summary>
    public static readonly Screen Wide = new("wide", 1920, 1080);

    public static readonly IReadOnlyList<Screen> All = [Phone, Tablet, Desktop, Wide];

    public static Screen Named(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No screen size '{name}'.", nameof(name));

    public override string ToString() => $"{Name} {Width}×{Height}";
}
