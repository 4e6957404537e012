namespace Spectra.Bench.Community;

/// <summary>
/// Deterministic synthetic channels: names like "swiftotter4711", titles of 3–6 words from a
/// streaming vocabulary, one of 24 categories, 0–3 tags. Same seed, same corpus.
/// </summary>
public sealed class ChannelCorpus(int seed)
{
    private static readonly string[] Adjectives =
    [
        "swift", "lazy", "cosmic", "pixel", "retro", "silent", "mighty", "cozy", "frozen", "golden", "hidden", "lucky",
        "neon", "rapid", "shadow", "sunny", "tiny", "wild", "brave", "clever", "crimson", "dizzy", "electric", "fuzzy",
    ];

    private static readonly string[] Nouns =
    [
        "otter", "falcon", "wizard", "panda", "knight", "rocket", "ninja", "dragon", "tiger", "phoenix", "badger", "comet",
        "golem", "kraken", "llama", "moose", "owl", "pirate", "raven", "samurai", "viking", "walrus", "yeti", "zebra",
    ];

    private static readonly string[] Words =
    [
        "speedrun", "ranked", "chill", "stream", "building", "survival", "hardcore", "tournament", "practice", "grinding",
        "chatting", "music", "drawing", "coding", "cooking", "reading", "late", "night", "morning", "marathon", "casual",
        "competitive", "strategy", "puzzle", "horror", "adventure", "racing", "shooter", "platformer", "roguelike",
        "minecraft", "chess", "poker", "fortnite", "zelda", "mario", "pokemon", "valorant", "league", "dota", "tetris",
        "retro", "indie", "modded", "challenge", "blind", "playthrough", "first", "time", "any", "percent", "glitchless",
        "world", "record", "attempts", "viewers", "games", "talk", "show", "podcast", "art", "pixel", "synth", "guitar",
    ];

    public static readonly string[] Categories =
    [
        "Just Chatting", "Minecraft", "Chess", "Music", "Art", "Software Development", "Speedrunning", "Retro Games",
        "Strategy", "Racing", "Shooters", "Horror", "Puzzle", "Cooking", "Science", "Sports", "Poker", "Indie Games",
        "Roguelikes", "Platformers", "Fighting Games", "MMO", "Simulation", "Talk Shows",
    ];

    private static readonly string[] Tags =
    [
        "english", "german", "french", "spanish", "cozy", "competitive", "beginner", "family", "lgbtq", "speedrun",
        "nocommentary", "educational", "chill", "music", "art", "coding", "horror", "retro",
    ];

    private readonly Random _random = new(seed);

    public (string Name, string Title, int Category, string[] Tags) Next(int index)
    {
        var name = Adjectives[_random.Next(Adjectives.Length)] + Nouns[_random.Next(Nouns.Length)] + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var words = new string[_random.Next(3, 7)];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Words[_random.Next(Words.Length)];
        }

        var title = string.Join(' ', words);
        title = char.ToUpperInvariant(title[0]) + title[1..];
        var tags = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Tags[_random.Next(Tags.Length)]).Distinct().ToArray();
        return (name, title, _random.Next(Categories.Length), tags);
    }

    /// <summary>Kinds of <see cref="Queries"/>, in rotation: query i is of kind i % 6.</summary>
    public static readonly string[] QueryKinds = ["exact name", "name prefix", "title word", "two title words", "typo", "tag"];

    /// <summary>A mixed query workload: exact names, name prefixes, one and two title words, typos, tags.</summary>
    public IReadOnlyList<string> Queries(IReadOnlyList<string> names, int count)
    {
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var name = names[_random.Next(names.Count)];
            queries.Add((i % 6) switch
            {
                0 => name,
                1 => name[..Math.Min(name.Length, 4 + _random.Next(4))],
                2 => Words[_random.Next(Words.Length)],
                3 => Words[_random.Next(Words.Length)] + " " + Words[_random.Next(Words.Length)],
                4 => Typo(Words.Where(w => w.Length >= 6).ElementAt(_random.Next(30))),
                _ => Tags[_random.Next(Tags.Length)],
            });
        }

        return queries;
    }

    private string Typo(string word)
    {
        var i = _random.Next(1, word.Length - 1);
        return word[..i] + word[(i + 1)..];
    }
}
