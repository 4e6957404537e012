using Spectra.Server.Chat.Internal.Commands;

namespace Spectra.Server.Tests.Chat.Internal.Commands;

public class ChatCommandParserTests
{
    [Theory]
    [InlineData("/slow 10", ChatCommandKind.Slow, true, 10)]
    [InlineData("/slow off", ChatCommandKind.Slow, false, null)]
    [InlineData("/slowoff", ChatCommandKind.Slow, false, null)]
    [InlineData("/followers", ChatCommandKind.FollowersOnly, true, 0)]
    [InlineData("/followers 30", ChatCommandKind.FollowersOnly, true, 30)]
    [InlineData("/followers off", ChatCommandKind.FollowersOnly, false, null)]
    [InlineData("/emoteonly", ChatCommandKind.EmoteOnly, true, null)]
    [InlineData("/emoteonly off", ChatCommandKind.EmoteOnly, false, null)]
    [InlineData("/links on", ChatCommandKind.Links, true, null)]
    [InlineData("/chat off", ChatCommandKind.Chat, false, null)]
    [InlineData("/maxlength 200", ChatCommandKind.MaxLength, true, 200)]
    [InlineData("/SLOW 5", ChatCommandKind.Slow, true, 5)]
    public void Parse_SettingCommand_Parsed(string text, object kind, bool enabled, int? number)
    {
        var result = ChatCommandParser.Parse(text);
        Assert.Null(result.Error);
        Assert.Equal(new ChatCommand((ChatCommandKind)kind, enabled, number), result.Command);
    }

    [Fact]
    public void Parse_Timeout_UserSecondsReason()
    {
        var command = ChatCommandParser.Parse("/timeout @bob 600 too many caps").Command;
        Assert.Equal(new ChatCommand(ChatCommandKind.Timeout, true, 600, "bob", "too many caps"), command);
    }

    [Fact]
    public void Parse_Ban_ReasonOptional()
    {
        Assert.Equal(new ChatCommand(ChatCommandKind.Ban, UserName: "eve"), ChatCommandParser.Parse("/ban eve").Command);
        Assert.Equal("spam links", ChatCommandParser.Parse("/ban eve spam links").Command?.Reason);
    }

    [Theory]
    [InlineData("/slow")]
    [InlineData("/slow -1")]
    [InlineData("/slow 99999")]
    [InlineData("/slow ten")]
    [InlineData("/maxlength 501")]
    [InlineData("/maxlength off")]
    [InlineData("/timeout bob")]
    [InlineData("/timeout bob 0")]
    [InlineData("/ban")]
    [InlineData("/links maybe")]
    [InlineData("/frobnicate")]
    public void Parse_BadCommand_Error(string text)
    {
        var result = ChatCommandParser.Parse(text);
        Assert.Null(result.Command);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("/slow 10", true)]
    [InlineData("//slow 10", false)]
    [InlineData("hello /slow", false)]
    [InlineData("/", false)]
    public void IsCommand_Prefix_Detected(string text, bool expected)
    {
        Assert.Equal(expected, ChatCommandParser.IsCommand(text));
    }
}
