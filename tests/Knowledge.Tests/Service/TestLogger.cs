using Clinic.Knowledge.Indexing;
using Microsoft.Extensions.Logging;

namespace Clinic.Knowledge.Tests.Service;

/// <summary>Keeps what was logged, so a test can check that a rebuild was announced.</summary>
public sealed class TestLogger : ILogger<KnowledgeIndexProvider>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
