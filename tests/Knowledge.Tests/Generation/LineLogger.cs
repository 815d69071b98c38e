using Microsoft.Extensions.Logging;

namespace Clinic.Knowledge.Tests.Generation;

/// <summary>Keeps every formatted log line, so a test can check what a log would reveal.</summary>
public sealed class LineLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
            Lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
