namespace Spectra.Server.Chat.Internal.Text;

/// <summary>Run-length encoded letters: "baaad" is (b,1)(a,3)(d,1).</summary>
internal sealed class RunString
{
    /// <summary>A run this long or longer is a stretched letter and matches a shorter run.</summary>
    public const int StretchedRun = 3;

    private RunString(char[] letters, int[] runs, int totalLength)
    {
        Letters = letters;
        Runs = runs;
        TotalLength = totalLength;
    }

    public char[] Letters { get; }

    public int[] Runs { get; }

    public int TotalLength { get; }

    public static RunString Encode(string text)
    {
        var letters = new List<char>(text.Length);
        var runs = new List<int>(text.Length);
        foreach (var c in text)
        {
            if (letters.Count > 0 && letters[^1] == c)
            {
                runs[^1]++;
            }
            else
            {
                letters.Add(c);
                runs.Add(1);
            }
        }

        return new RunString([.. letters], [.. runs], text.Length);
    }

    /// <summary>Fewest characters a text needs to match <paramref name="term"/>.</summary>
    public static int MinimumLength(RunString term) => term.TotalLength;

    /// <summary>
    /// True when <paramref name="candidate"/> spells <paramref name="term"/>, each run either
    /// as long as the term's or stretched (at least <see cref="StretchedRun"/> and longer).
    /// </summary>
    public static bool Matches(RunString candidate, RunString term)
    {
        if (candidate.Letters.Length != term.Letters.Length)
        {
            return false;
        }

        for (var i = 0; i < term.Letters.Length; i++)
        {
            if (candidate.Letters[i] != term.Letters[i])
            {
                return false;
            }

            var have = candidate.Runs[i];
            var want = term.Runs[i];
            if (have != want && !(have > want && have >= StretchedRun))
            {
                return false;
            }
        }

        return true;
    }
}
