namespace Spectra.Server.Chat.Internal.Text;

/// <summary>Splits text into words of skeleton letters (see <see cref="LookAlikeSkeleton"/>).</summary>
internal static class SkeletonTokenizer
{
    public static List<string> Tokenize(string text)
    {
        var source = LookAlikeSkeleton.Decompose(text);
        var words = new List<string>();
        Span<char> buffer = stackalloc char[256];
        var length = 0;

        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var letter = LookAlikeSkeleton.MapLetter(c);
            if (letter == '\0')
            {
                letter = MapSymbolInContext(source, i);
            }

            if (letter == '\0')
            {
                Flush(words, buffer, ref length);
                continue;
            }

            if (length == buffer.Length)
            {
                // Words longer than 256 letters are split; no sensible term is that long.
                Flush(words, buffer, ref length);
            }

            buffer[length++] = letter;
        }

        Flush(words, buffer, ref length);
        return words;
    }

    /// <summary>
    /// A symbol counts as a letter only next to letters, so "bad!" keeps its word "bad" while
    /// "k!ll" and "$hit" become letters. '!' must be followed by a letter.
    /// </summary>
    private static char MapSymbolInContext(string source, int index)
    {
        var symbol = LookAlikeSkeleton.MapSymbol(source[index]);
        if (symbol == '\0')
        {
            return '\0';
        }

        var next = index + 1 < source.Length && LookAlikeSkeleton.MapLetter(source[index + 1]) != '\0';
        if (source[index] == '!')
        {
            return next ? symbol : '\0';
        }

        var previous = index > 0 && LookAlikeSkeleton.MapLetter(source[index - 1]) != '\0';
        return next || previous ? symbol : '\0';
    }

    private static void Flush(List<string> words, Span<char> buffer, ref int length)
    {
        if (length > 0)
        {
            words.Add(new string(buffer[..length]));
            length = 0;
        }
    }
}
