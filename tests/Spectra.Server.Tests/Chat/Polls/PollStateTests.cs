using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Reactions;

namespace Spectra.Server.Tests.Chat.Polls;

public class PollStateTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    private static PollState NewPoll(int? correct = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), new PollDefinition("Best?", ["a", "b", "c"], 60, correct), Now);

    [Fact]
    public void Vote_FirstThenChange_CountsMove()
    {
        var poll = NewPoll();
        var user = Guid.NewGuid();
        Assert.Equal(PollVoteResult.Accepted, poll.Vote(user, 0, Now));
        Assert.Equal(PollVoteResult.Changed, poll.Vote(user, 2, Now.AddSeconds(1)));
        Assert.Equal([0, 0, 1], poll.Counts());
        Assert.Equal(1, poll.TotalVotes());
    }

    [Fact]
    public void Vote_AfterDuration_Closed()
    {
        var poll = NewPoll();
        Assert.Equal(PollVoteResult.Closed, poll.Vote(Guid.NewGuid(), 0, Now.AddSeconds(60)));
        Assert.False(poll.IsOpen(Now.AddSeconds(60)));
        Assert.Equal([0, 0, 0], poll.Counts());
    }

    [Fact]
    public void Vote_AfterClose_ClosedAndUnchanged()
    {
        var poll = NewPoll();
        var user = Guid.NewGuid();
        poll.Vote(user, 1, Now);
        Assert.True(poll.Close(Now.AddSeconds(5)));
        Assert.False(poll.Close(Now.AddSeconds(6)));
        Assert.Equal(PollVoteResult.Closed, poll.Vote(user, 0, Now.AddSeconds(7)));
        Assert.Equal([0, 1, 0], poll.Counts());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Vote_InvalidOption_Rejected(int option)
    {
        var poll = NewPoll();
        Assert.Equal(PollVoteResult.InvalidOption, poll.Vote(Guid.NewGuid(), option, Now));
        Assert.Equal(0, poll.TotalVotes());
    }

    [Fact]
    public void CorrectVoters_Quiz_FinalVotesOnCorrectOption()
    {
        var poll = NewPoll(correct: 1);
        var right = Guid.NewGuid();
        var changedAway = Guid.NewGuid();
        var wrong = Guid.NewGuid();
        poll.Vote(right, 1, Now);
        poll.Vote(changedAway, 1, Now);
        poll.Vote(changedAway, 0, Now);
        poll.Vote(wrong, 2, Now);
        Assert.True(poll.IsQuiz);
        Assert.Equal([right], poll.CorrectVoters());
    }

    [Fact]
    public void CorrectVoters_Poll_Empty()
    {
        var poll = NewPoll();
        poll.Vote(Guid.NewGuid(), 1, Now);
        Assert.Empty(poll.CorrectVoters());
    }

    [Theory]
    [InlineData("", 2, 60, null)]
    [InlineData("q", 1, 60, null)]
    [InlineData("q", 7, 60, null)]
    [InlineData("q", 2, 5, null)]
    [InlineData("q", 2, 3601, null)]
    [InlineData("q", 2, 60, 2)]
    [InlineData("q", 2, 60, -1)]
    public void Validate_InvalidDefinition_Error(string question, int options, int duration, int? correct)
    {
        var definition = new PollDefinition(question, [.. Enumerable.Range(0, options).Select(i => $"o{i}")], duration, correct);
        Assert.NotNull(definition.Validate());
        Assert.Throws<ArgumentException>(() => new PollState(Guid.NewGuid(), Guid.NewGuid(), definition, Now));
    }

    [Fact]
    public void Validate_DuplicateOrBlankOptions_Error()
    {
        Assert.NotNull(new PollDefinition("q", ["a", "A "], 60).Validate());
        Assert.NotNull(new PollDefinition("q", ["a", " "], 60).Validate());
        Assert.NotNull(new PollDefinition("q", ["a", new string('x', 101)], 60).Validate());
        Assert.Null(new PollDefinition("q", ["a", "b"], 60, 1).Validate());
    }
}
