using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Spectra.Rtmp.Tests.Infrastructure;

/// <summary>Captures every log entry of a test host so tests can await events and fail on unexpected errors.</summary>
public sealed class TestLogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly object _gate = new();
    private readonly List<(Func<LogEntry, bool> Predicate, TaskCompletionSource<LogEntry> Completion)> _waiters = [];

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Completes when an entry matching <paramref name="predicate"/> is (or was already) logged.</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> predicate, TimeSpan timeout)
    {
        var completion = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                if (predicate(entry))
                {
                    return Task.FromResult(entry);
                }
            }

            _waiters.Add((predicate, completion));
        }

        return completion.Task.WaitAsync(timeout);
    }

    public Task<LogEntry> WaitForEventAsync(string eventName, TimeSpan timeout)
        => WaitForAsync(e => e.EventName == eventName, timeout);

    /// <summary>Completes when <paramref name="count"/> entries of the event were (or are) logged.</summary>
    public Task<LogEntry> WaitForEventCountAsync(string eventName, int count, TimeSpan timeout)
    {
        var seen = 0;
        return WaitForAsync(e => e.EventName == eventName && ++seen >= count, timeout);
    }

    /// <summary>Entries whose message or exception contains any of <paramref name="secrets"/> (ordinal; strings under 3 characters are ignored).</summary>
    public IReadOnlyList<LogEntry> Containing(IEnumerable<string> secrets)
    {
        string[] needles = [.. secrets.Where(s => s.Length >= 3).Distinct(StringComparer.Ordinal)];
        return [.. _entries.Where(e => needles.Any(n => e.Message.Contains(n, StringComparison.Ordinal) || (e.Exception?.ToString().Contains(n, StringComparison.Ordinal) ?? false)))];
    }

    public IReadOnlyList<LogEntry> Errors() => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    private void Add(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(entry))
                {
                    _waiters[i].Completion.TrySetResult(entry);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public sealed record LogEntry(string Category, LogLevel Level, int EventId, string? EventName, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} [{EventName ?? EventId.ToString(System.Globalization.CultureInfo.InvariantCulture)}] {Category}: {Message} {Exception}";
    }

    private sealed class Logger(TestLogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Add(new LogEntry(category, logLevel, eventId.Id, eventId.Name, formatter(state, exception), exception));
    }
}
