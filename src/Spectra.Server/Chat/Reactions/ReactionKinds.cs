namespace Spectra.Server.Chat.Reactions;

/// <summary>The fixed set of one-tap reactions. The index is the wire and storage identity.</summary>
internal static class ReactionKinds
{
    /// <summary>Names in wire order; the index of a name is its reaction id.</summary>
    public static IReadOnlyList<string> Names { get; } = ["heart", "laugh", "fire", "clap", "wow", "party"];

    /// <summary>The emoji shown for each reaction, same order as <see cref="Names"/>.</summary>
    public static IReadOnlyList<string> Emoji { get; } = ["\u2764\uFE0F", "\U0001F602", "\U0001F525", "\U0001F44F", "\U0001F62E", "\U0001F389"];

    public static int Count => Names.Count;

    /// <summary>Index of <paramref name="name"/>, or -1.</summary>
    public static int IndexOf(string? name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
