namespace Spectra.Server.Tests.Architecture;

/// <summary>
/// Each top-level folder of Spectra.Server is an area; its <c>Internal</c> namespaces are its own.
/// Another area (or the composition root) may use only what an area keeps outside <c>Internal</c>.
/// </summary>
public class AreaBoundaryTests
{
    [Fact]
    public void ServerSources_NoAreaUsesAnotherAreasInternals()
    {
        var root = ServerSourceTree.Locate();
        var areas = ServerSourceTree.Areas(root);
        Assert.Contains("Chat", areas);
        Assert.Contains("Community", areas);
        Assert.Contains("Live", areas);

        var violations = new List<string>();
        var scanned = 0;
        foreach (var file in ServerSourceTree.SourceFiles(root))
        {
            scanned++;
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var owner = AreaReferenceScanner.AreaOf(relative, areas);
            foreach (var (line, area) in AreaReferenceScanner.InternalReferences(File.ReadAllText(file), areas))
            {
                if (area != owner)
                {
                    violations.Add($"{relative}:{line} uses {area}'s Internal namespace");
                }
            }
        }

        Assert.True(scanned > 100, $"Only {scanned} source files found under {root}.");
        Assert.True(violations.Count == 0, "Area boundary crossed:\n" + string.Join('\n', violations));
    }

    [Theory]
    [InlineData("using Spectra.Server.Chat.Internal.State;", "Chat")]
    [InlineData("var s = new Spectra.Server.Live.Internal.LiveSessionStore();", "Live")]
    [InlineData("services.AddSingleton<Chat.Internal.Limits.KeyedRateLimiter>();", "Chat")]
    [InlineData("@using Spectra.Server.Community.Internal", "Community")]
    public void InternalReferences_ReferenceToAreaInternals_IsFound(string source, string area)
    {
        var found = AreaReferenceScanner.InternalReferences(source, new HashSet<string> { "Chat", "Community", "Live" });

        Assert.Equal([(1, area)], found);
    }

    [Theory]
    [InlineData("using Spectra.Server.Chat.Contracts;")]
    [InlineData("// Chat.Internal is chat's own")]
    [InlineData("var internalCount = Chat.InternalCount;")]
    [InlineData("using Spectra.Media.Live.Internal;")]
    public void InternalReferences_PublicOrOtherAssemblyNamespace_IsIgnored(string source)
    {
        Assert.Empty(AreaReferenceScanner.InternalReferences(source, new HashSet<string> { "Chat", "Live" }));
    }

    [Theory]
    [InlineData("Chat/Polls/PollService.cs", "Chat")]
    [InlineData("Community/Search/Pages/Search.cshtml.cs", "Community")]
    [InlineData("SpectraApplication.cs", "")]
    public void AreaOf_File_IsItsTopLevelFolder(string path, string area)
    {
        Assert.Equal(area, AreaReferenceScanner.AreaOf(path, new HashSet<string> { "Chat", "Community" }));
    }
}
