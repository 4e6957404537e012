namespace Spectra.Server.Chat.Polls;

/// <summary>
/// A running poll or quiz: open until <see cref="ClosesAt"/> or until closed early, one vote per
/// user, changeable while open. Thread-safe. Time is passed in (UTC) so the rules are testable.
/// </summary>
internal sealed class PollState
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _votes = [];
    private readonly int[] _counts;
    private DateTime? _closedAt;

    public PollState(Guid id, Guid channelId, PollDefinition definition, DateTime nowUtc)
    {
        var error = definition.Validate();
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(definition));
        }

        Id = id;
        ChannelId = channelId;
        Question = definition.Question.Trim();
        Options = [.. definition.Options.Select(o => o.Trim())];
        CorrectOption = definition.CorrectOption;
        OpenedAt = nowUtc;
        ClosesAt = nowUtc.AddSeconds(definition.DurationSeconds);
        _counts = new int[Options.Count];
    }

    public Guid Id { get; }

    public Guid ChannelId { get; }

    public string Question { get; }

    public IReadOnlyList<string> Options { get; }

    public int? CorrectOption { get; }

    public bool IsQuiz => CorrectOption is not null;

    public DateTime OpenedAt { get; }

    public DateTime ClosesAt { get; }

    public bool IsOpen(DateTime nowUtc)
    {
        lock (_lock)
        {
            return _closedAt is null && nowUtc < ClosesAt;
        }
    }

    public PollVoteResult Vote(Guid userId, int option, DateTime nowUtc)
    {
        lock (_lock)
        {
            if (_closedAt is not null || nowUtc >= ClosesAt)
            {
                return PollVoteResult.Closed;
            }

            if (option < 0 || option >= _counts.Length)
            {
                return PollVoteResult.InvalidOption;
            }

            if (_votes.TryGetValue(userId, out var previous))
            {
                _counts[previous]--;
                _counts[option]++;
                _votes[userId] = option;
                return PollVoteResult.Changed;
            }

            _votes[userId] = option;
            _counts[option]++;
            return PollVoteResult.Accepted;
        }
    }

    /// <summary>Closes the poll; returns false when it was already closed.</summary>
    public bool Close(DateTime nowUtc)
    {
        lock (_lock)
        {
            if (_closedAt is not null)
            {
                return false;
            }

            _closedAt = nowUtc < ClosesAt ? nowUtc : ClosesAt;
            return true;
        }
    }

    /// <summary>Votes per option, in option order.</summary>
    public int[] Counts()
    {
        lock (_lock)
        {
            return (int[])_counts.Clone();
        }
    }

    public int TotalVotes()
    {
        lock (_lock)
        {
            return _votes.Count;
        }
    }

    /// <summary>Each voter and the option they ended with.</summary>
    public KeyValuePair<Guid, int>[] Votes()
    {
        lock (_lock)
        {
            return [.. _votes];
        }
    }

    /// <summary>Users whose final vote is the quiz's correct option; empty for a poll.</summary>
    public List<Guid> CorrectVoters()
    {
        var result = new List<Guid>();
        if (CorrectOption is not { } correct)
        {
            return result;
        }

        lock (_lock)
        {
            foreach (var (user, option) in _votes)
            {
                if (option == correct)
                {
                    result.Add(user);
                }
            }
        }

        return result;
    }
}
