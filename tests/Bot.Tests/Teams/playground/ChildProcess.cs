using System.Diagnostics;
using System.Text;

namespace Clinic.Bot.Tests.Teams;

/// <summary>A child process whose stdout and stderr are kept for failure messages; killed (whole tree) on dispose.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var child = new ChildProcess(name, new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data, "");
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data, "[stderr] ");
        if (!child._process.Start())
        {
            throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        }
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a line containing <paramref name="fragment"/> appears; fails with the output if the process exits or time runs out.</summary>
    public async Task WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        using var giveUp = new CancellationTokenSource(timeout);
        while (!Output.Contains(fragment, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                // Let the last buffered lines arrive before reporting.
                await _process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException(
                    $"{Name} exited with code {_process.ExitCode} before printing '{fragment}'.\n{Describe()}");
            }
            try
            {
                await Task.Delay(100, giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name} did not print '{fragment}' within {timeout.TotalSeconds:0} s.\n{Describe()}");
            }
        }
    }

    public string Describe() => $"--- {Name} output ---\n{Output}\n--- end of {Name} output ---";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Append(string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Append(prefix).AppendLine(line);
        }
    }
}
