using System.Diagnostics;
using System.Text;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>The real service (dotnet Clinic.Bot.dll) in its own process, configured through environment variables.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<BotProcess> StartAsync(string workingDirectory, IDictionary<string, string> environment)
    {
        var port = FreePort.Loopback();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Clinic.Bot.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var bot = new BotProcess(Process.Start(info)!, $"http://127.0.0.1:{port}");
        await bot.WaitUntilListeningAsync();
        return bot;
    }

    /// <summary>Settings written as ASP.NET Core reads them from the environment (Section__Key), null values left out.</summary>
    public static Dictionary<string, string> EnvironmentFrom(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value!);

    /// <summary>SIGKILL: no shutdown code runs, as when the machine or the container dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (_process.HasExited)
            {
                // HasExited can be true before the last lines of output were read; waiting for the exit drains them.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException("The bot exited at start:\n" + Output);
            }
            try
            {
                // Any HTTP answer means Kestrel is up, which it is only after every hosted service has started.
                using var _ = await client.GetAsync(BaseUrl + "/staff");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
