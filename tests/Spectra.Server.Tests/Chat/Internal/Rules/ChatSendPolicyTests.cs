using Spectra.Server.Chat.Internal.Rules;
using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Tests.Chat.Internal.Rules;

public class ChatSendPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private static readonly SenderStanding Viewer = new(false, null, null, null, null);
    private static readonly SenderStanding Moderator = new(true, null, null, null, null);

    private static SendDecision Evaluate(ChatRules rules, SenderStanding sender, string text) =>
        ChatSendPolicy.Evaluate(rules, sender, MessageFormatter.Format(text, linkify: false), Now);

    [Fact]
    public void Evaluate_DefaultRules_Allowed()
    {
        Assert.True(Evaluate(ChatRules.Default, Viewer, "hello").IsAllowed);
    }

    [Fact]
    public void Evaluate_Banned_RefusedEvenWhenPrivileged()
    {
        Assert.Equal(ChatRefusal.Banned, Evaluate(ChatRules.Default, Viewer with { BannedReason = "spam" }, "hi").Refusal);
        Assert.Equal(ChatRefusal.Banned, Evaluate(ChatRules.Default, Moderator with { BannedReason = "x" }, "hi").Refusal);
    }

    [Fact]
    public void Evaluate_TimedOut_RefusedWithRemainingTime()
    {
        var decision = Evaluate(ChatRules.Default, Viewer with { TimedOutUntil = Now.AddSeconds(90) }, "hi");
        Assert.Equal(ChatRefusal.TimedOut, decision.Refusal);
        Assert.Equal(TimeSpan.FromSeconds(90), decision.RetryAfter);
    }

    [Fact]
    public void Evaluate_TimeoutExpired_Allowed()
    {
        Assert.True(Evaluate(ChatRules.Default, Viewer with { TimedOutUntil = Now.AddSeconds(-1) }, "hi").IsAllowed);
    }

    [Fact]
    public void Evaluate_SlowModeWithinWindow_RefusedWithWait()
    {
        var decision = Evaluate(new ChatRules(SlowModeSeconds: 10), Viewer with { LastMessageAt = Now.AddSeconds(-4) }, "hi");
        Assert.Equal(ChatRefusal.SlowMode, decision.Refusal);
        Assert.Equal(TimeSpan.FromSeconds(6), decision.RetryAfter);
    }

    [Fact]
    public void Evaluate_SlowModeAfterWindow_Allowed()
    {
        Assert.True(Evaluate(new ChatRules(SlowModeSeconds: 10), Viewer with { LastMessageAt = Now.AddSeconds(-10) }, "hi").IsAllowed);
    }

    [Fact]
    public void Evaluate_SlowModeModerator_Allowed()
    {
        Assert.True(Evaluate(new ChatRules(SlowModeSeconds: 10), Moderator with { LastMessageAt = Now }, "hi").IsAllowed);
    }

    [Fact]
    public void Evaluate_FollowersOnlyNotFollowing_Refused()
    {
        Assert.Equal(ChatRefusal.FollowersOnly, Evaluate(new ChatRules(FollowersOnlyMinutes: 0), Viewer, "hi").Refusal);
    }

    [Fact]
    public void Evaluate_FollowersOnlyTooRecent_Refused()
    {
        var rules = new ChatRules(FollowersOnlyMinutes: 10);
        Assert.Equal(ChatRefusal.FollowAgeTooShort, Evaluate(rules, Viewer with { FollowedAt = Now.AddMinutes(-5) }, "hi").Refusal);
        Assert.True(Evaluate(rules, Viewer with { FollowedAt = Now.AddMinutes(-10) }, "hi").IsAllowed);
    }

    [Fact]
    public void Evaluate_EmoteOnly_TextRefusedEmoteAllowed()
    {
        var rules = new ChatRules(EmoteOnly: true);
        Assert.Equal(ChatRefusal.EmoteOnly, Evaluate(rules, Viewer, "hello").Refusal);
        Assert.True(Evaluate(rules, Viewer, ":heart: \U0001F525").IsAllowed);
    }

    [Fact]
    public void Evaluate_LinkNotAllowed_Refused()
    {
        Assert.Equal(ChatRefusal.LinksNotAllowed, Evaluate(ChatRules.Default, Viewer, "see example.com").Refusal);
        Assert.True(Evaluate(new ChatRules(LinksAllowed: true), Viewer, "see example.com").IsAllowed);
    }

    [Fact]
    public void Evaluate_TooLong_RefusedForEveryone()
    {
        var rules = new ChatRules(MaxMessageLength: 5);
        Assert.Equal(ChatRefusal.TooLong, Evaluate(rules, Viewer, "123456").Refusal);
        Assert.Equal(ChatRefusal.TooLong, Evaluate(rules, Moderator, "123456").Refusal);
        Assert.True(Evaluate(rules, Viewer, "12345").IsAllowed);
    }

    [Fact]
    public void Evaluate_ChatDisabled_ViewerRefusedModeratorAllowed()
    {
        var rules = new ChatRules(ChatEnabled: false);
        Assert.Equal(ChatRefusal.ChatDisabled, Evaluate(rules, Viewer, "hi").Refusal);
        Assert.True(Evaluate(rules, Moderator, "hi").IsAllowed);
    }

    [Fact]
    public void Evaluate_Empty_Refused()
    {
        Assert.Equal(ChatRefusal.Empty, Evaluate(ChatRules.Default, Viewer, "   ").Refusal);
    }

    [Theory]
    [InlineData(-1, null, 10)]
    [InlineData(0, -1, 10)]
    [InlineData(0, null, 0)]
    [InlineData(0, null, 501)]
    public void Validate_OutOfRange_Error(int slow, int? followers, int max)
    {
        Assert.NotNull(new ChatRules(SlowModeSeconds: slow, FollowersOnlyMinutes: followers, MaxMessageLength: max).Validate());
    }

    [Fact]
    public void FormatDuration_Units_RoundedUp()
    {
        Assert.Equal("6 s", ChatSendPolicy.FormatDuration(TimeSpan.FromSeconds(5.2)));
        Assert.Equal("2 min", ChatSendPolicy.FormatDuration(TimeSpan.FromSeconds(61)));
        Assert.Equal("3 h", ChatSendPolicy.FormatDuration(TimeSpan.FromMinutes(121)));
        Assert.Equal("3 d", ChatSendPolicy.FormatDuration(TimeSpan.FromHours(49)));
    }
}
