using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Spectra.Testing;

/// <summary>Collects log entries of a test host so a test can fail on unexpected errors.</summary>
public sealed class TestLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public IEnumerable<LogEntry> Errors => _entries.Where(e => e.Level >= LogLevel.Error);

    /// <summary>Entries whose message or exception contains any of <paramref name="secrets"/> (ordinal; strings under 3 characters are ignored).</summary>
    public IReadOnlyList<LogEntry> Containing(IEnumerable<string> secrets)
    {
        string[] needles = [.. secrets.Where(s => s.Length >= 3).Distinct(StringComparer.Ordinal)];
        return [.. _entries.Where(e => needles.Any(n => e.Message.Contains(n, StringComparison.Ordinal) || (e.Exception?.ToString().Contains(n, StringComparison.Ordinal) ?? false)))];
    }

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
    {
        public override string ToString() => $"[{Level}] {Category} ({EventId.Id}): {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
    }

    private sealed class SinkLogger(TestLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
