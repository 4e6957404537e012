using System.Text.RegularExpressions;

namespace Spectra.Server.Tests.Architecture;

/// <summary>Finds references to an area's <c>Internal</c> namespaces in C# or Razor source text.</summary>
internal static partial class AreaReferenceScanner
{
    /// <summary>The area a file belongs to: its first folder under Spectra.Server, or "" for the composition root.</summary>
    public static string AreaOf(string relativePath, IReadOnlySet<string> areas)
    {
        var slash = relativePath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && areas.Contains(relativePath[..slash]) ? relativePath[..slash] : string.Empty;
    }

    /// <summary>
    /// Each reference to <c>[Spectra.Server.]Area[.Sub...].Internal</c> outside comments, with its
    /// 1-based line and the area it reaches into.
    /// </summary>
    public static List<(int Line, string Area)> InternalReferences(string source, IReadOnlySet<string> areas)
    {
        var found = new List<(int, string)>();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var comment = line.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0)
            {
                line = line[..comment];
            }

            foreach (Match match in InternalNamespace().Matches(line))
            {
                var area = match.Groups["area"].Value;
                var qualifier = match.Groups["qualifier"].Value;
                var local = qualifier.Length == 0 && !PrecededByMemberAccess(line, match.Index);
                if (areas.Contains(area) && (qualifier.Length > 0 || local))
                {
                    found.Add((i + 1, area));
                }
            }
        }

        return found;
    }

    // "Foo.Chat.Internal" with another qualifier than Spectra.Server is some other namespace.
    private static bool PrecededByMemberAccess(string line, int index) => index > 0 && line[index - 1] == '.';

    [GeneratedRegex(@"(?<qualifier>Spectra\.Server\.)?\b(?<area>[A-Z][A-Za-z]*)(\.[A-Z][A-Za-z]*)*\.Internal\b")]
    private static partial Regex InternalNamespace();
}
