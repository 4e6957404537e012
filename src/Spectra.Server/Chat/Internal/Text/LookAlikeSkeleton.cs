using System.Globalization;
using System.Text;

namespace Spectra.Server.Chat.Internal.Text;

/// <summary>
/// Reduces text to a "skeleton" in which characters that look alike compare equal, so that
/// blocked terms cannot be dodged with accents, other scripts, fullwidth forms, leetspeak or
/// invisible characters. The same reduction is applied to terms and to messages.
/// </summary>
/// <remarks>
/// Steps: Unicode compatibility decomposition (NFKD: fullwidth and styled letters become ASCII,
/// accents become combining marks), combining marks and format characters (zero-width space,
/// joiners, soft hyphen) dropped, lower-casing, then a small confusables table (Cyrillic and
/// Greek letters drawn like Latin ones, digits and symbols used as letters). 'i', 'l', '1', '|'
/// and '!' share one skeleton letter on purpose: they are swapped for each other in practice.
/// </remarks>
internal static class LookAlikeSkeleton
{
    /// <summary>Skeleton letter of <paramref name="c"/>, or '\0' when it is not a letter-like character.</summary>
    public static char MapLetter(char c)
    {
        if (c is >= 'a' and <= 'z')
        {
            return c == 'l' ? 'i' : c;
        }

        if (c is >= 'A' and <= 'Z')
        {
            return MapLetter((char)(c + 32));
        }

        switch (c)
        {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            case '8': return 'b';
            // Cyrillic lower and upper case drawn like Latin letters.
            case 'а': case 'А': return 'a';
            case 'в': case 'В': return 'b';
            case 'е': case 'Е': case 'ё': case 'Ё': return 'e';
            case 'к': case 'К': return 'k';
            case 'м': case 'М': return 'm';
            case 'н': case 'Н': return 'h';
            case 'о': case 'О': return 'o';
            case 'р': case 'Р': return 'p';
            case 'с': case 'С': return 'c';
            case 'т': case 'Т': return 't';
            case 'у': case 'У': return 'y';
            case 'х': case 'Х': return 'x';
            case 'і': case 'І': case 'ї': case 'Ї': return 'i';
            case 'ј': case 'Ј': return 'j';
            case 'ѕ': case 'Ѕ': return 's';
            case 'ԁ': return 'd';
            // Greek.
            case 'α': case 'Α': return 'a';
            case 'β': case 'Β': return 'b';
            case 'ε': case 'Ε': return 'e';
            case 'η': case 'Η': return 'h';
            case 'ι': case 'Ι': return 'i';
            case 'κ': case 'Κ': return 'k';
            case 'μ': case 'Μ': return 'm';
            case 'ν': case 'Ν': return 'v';
            case 'ο': case 'Ο': return 'o';
            case 'ρ': case 'Ρ': return 'p';
            case 'τ': case 'Τ': return 't';
            case 'υ': case 'Υ': return 'u';
            case 'χ': case 'Χ': return 'x';
            case 'ζ': case 'Ζ': return 'z';
            // Latin letters that do not decompose under NFKD.
            case 'ø': case 'Ø': return 'o';
            case 'ł': case 'Ł': return 'i';
            case 'đ': case 'Đ': return 'd';
            case 'ß': return 's';
            case 'æ': case 'Æ': return 'a';
            case 'ı': return 'i';
        }

        if (char.IsLetterOrDigit(c))
        {
            return char.ToLowerInvariant(c);
        }

        return '\0';
    }

    /// <summary>Symbols used in place of letters ("$hit", "@ss", "k!ll", "fa|l").</summary>
    public static char MapSymbol(char c) => c switch
    {
        '$' => 's',
        '@' => 'a',
        '!' => 'i',
        '|' => 'i',
        '€' => 'e',
        '£' => 'e',
        _ => '\0',
    };

    /// <summary>
    /// Compatibility-decomposes <paramref name="text"/> and removes combining marks and
    /// invisible format characters.
    /// </summary>
    public static string Decompose(string text)
    {
        var decomposed = text.IsNormalized(NormalizationForm.FormKD) ? text : text.Normalize(NormalizationForm.FormKD);
        StringBuilder? builder = null;
        for (var i = 0; i < decomposed.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(decomposed[i]);
            var drop = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
            if (drop && builder is null)
            {
                builder = new StringBuilder(decomposed.Length);
                builder.Append(decomposed, 0, i);
            }
            else if (!drop)
            {
                builder?.Append(decomposed[i]);
            }
        }

        return builder?.ToString() ?? decomposed;
    }
}
